import FornyeBarometer
import FornyeProjectBank
import FornyeStorage
import FornyeTestSupport
import Foundation
import Testing
import Vapor

@testable import FornyeWeb

/// "Read next" finds real Prosjektbanken projects through the bank's own search: on the gap's
/// theme, from the same sector, with a nearby centrality or in the same county; not drafts, not
/// other sectors, not far-away units.
@Suite struct SelfTestReadNextTests {
    static func project(
        _ title: String, sector: Int, owner: String, research: String? = nil,
        summary: String = "Syntetisk testprosjekt: ny teknologi og nye IT-systemer i tjenesten."
    ) -> ProjectDocument {
        var document = ProjectDocument()
        document.title = title
        document.summary = summary
        document.sector = sector
        document.ownerMunicipality = owner
        document.synthetic = true
        if let research { document.partners = [.init(name: research, role: .research)] }
        return document
    }

    @Test(arguments: TestDatabase.all) func listsMatchingProjectsOnly(database: TestDatabase) async throws {
        try await withTestApp(database: database, seedDemoContent: false) { app in
            let repository = ProjectRepository(database: app.db)
            // Bodø (1804): Nordland, a town. Narvik (1806) is in the same county.
            try await repository.create(
                Self.project(
                    "Velferdsteknologi på sykehjemmet", sector: 1, owner: "1806", research: "Nord universitet"),
                by: .importer, status: .published)
            try await repository.create(
                Self.project("Teknologi i barnehagen", sector: 2, owner: "1806"), by: .importer, status: .published)
            try await repository.create(
                Self.project("Teknologi i hjemmetjenesten, utkast", sector: 1, owner: "1806"), by: .importer,
                status: .draft)
            try await repository.create(
                Self.project(
                    "Ny turnusordning", sector: 1, owner: "1806", summary: "Syntetisk testprosjekt: lengre vakter."),
                by: .importer, status: .published)
            // Same theme and sector, but far away: another county and the least central class.
            try await repository.create(
                Self.project("Teknologi i Kautokeino", sector: 1, owner: "5612"), by: .importer, status: .published)
            let day = try #require(CalendarDay("2018-01-01"))
            let bodø = try MunicipalityRegister.bundled().municipality(number: "1804", on: day)
            let profile = SelfTestProfile(sector: 1, unitType: 1, municipality: bodø)
            let reading = try await SelfTestReadNext(database: app.db).reading(
                theme: "Teknologi og IT-systemer", profile: profile)
            #expect(reading.projects.map(\.title) == ["Velferdsteknologi på sykehjemmet"])
            #expect(reading.researchPartners == ["Nord universitet"])
        }
    }
}
