import FornyeBarometer
import FornyeProjectBank
import FornyeReport
import FornyeStorage
import Foundation
import Testing
import VaporTesting

@testable import FornyeWeb

/// The profile's «Prosjektbanken» section (issue 17): published projects with stopped ones
/// marked, reuse in and out, research partners, programme participation and contacts with the
/// month each was last confirmed; everything escaped. Adds projects of Øksnes (1868) to the
/// shared app, which no other test reads.
extension MunicipalityPageTests {
    @Test func theProfileShowsTheMunicipalitysProjectBankActivity() async throws {
        try await withSharedTestApp { app in
            let repository = ProjectRepository(database: app.db)
            let register = try MunicipalityRegister.bundled()
            let editor = ProjectAuthor(actor: .editor(municipality: "1868"), name: "Redaktør Øksnes")
            func project(_ title: String, stage: ProjectStage, publish: Bool = true) async throws -> ProjectRecord {
                var document = ProjectDocument()
                document.title = title
                document.summary = "Sammendrag"
                document.ownerMunicipality = "1868"
                document.stage = stage
                document.partners = [.init(name: "Nord <i>universitet</i>", role: .research)]
                document.contacts = [
                    .init(
                        name: "Kari <script>x</script>", email: "kari@oksnes.example", role: "Leder",
                        publishConsent: true),
                    .init(name: "Uten samtykke", email: "skjult@oksnes.example", publishConsent: false),
                ]
                // Created by the editor (which confirms the contacts), published as the demo content is.
                return try await repository.create(document, by: editor, status: publish ? .published : .draft)
            }
            let inUse = try await project("Digital nattevakt <b>Øksnes</b>", stage: .implemented)
            _ = try await project("Droneinspeksjon som ble stoppet", stage: .discontinued)
            _ = try await project("Hemmelig utkast", stage: .idea, publish: false)
            try await repository.recordReuse(
                of: inUse.slug,
                ReuseReportInput(municipality: "0301", unit: "Bydel Frogner", month: "2025-02", changes: ""),
                by: ProjectAuthor(actor: .editor(municipality: "0301"), name: "Redaktør Oslo"), register: register)
            try await repository.recordReuse(
                of: "jobb-smartere-skien",
                ReuseReportInput(municipality: "1868", unit: "", month: "2024-11", changes: ""),
                by: editor, register: register)

            let html = try await app.get(Paths.municipality(number: "1868")).body.string
            #expect(html.contains("Digital nattevakt &lt;b&gt;Øksnes&lt;/b&gt;"))
            #expect(html.contains("Droneinspeksjon som ble stoppet") && html.contains("STOPPET"))
            #expect(!html.contains("Hemmelig utkast"))
            #expect(html.contains("Nord &lt;i&gt;universitet&lt;/i&gt;"))
            // Reuse out (Oslo took ours) and in (we took Skien's).
            #expect(html.contains("Bydel Frogner") && html.contains(Paths.municipality(number: "0301")))
            #expect(html.contains("Jobb smartere") && html.contains("november 2024"))
            // Contacts: only with consent, escaped, with the month of the save that confirmed them.
            #expect(html.contains("Kari &lt;script&gt;x&lt;/script&gt;") && !html.contains("Uten samtykke"))
            let today = CalendarDay(Date())
            #expect(html.contains("sist bekreftet " + MonthNames.monthYear(year: today.year, month: today.month, .nb)))
            #expect(!html.contains("<script>x") && !html.contains("<b>Øksnes"))
            // Programme participation: a municipality with a granted line in the demo register.
            let granted = try await ProgrammeRepository(database: app.db, register: register)
                .list(ProgrammeFilter(status: .granted)).map(\.application)
            let line = try #require(
                granted.first {
                    ProgrammeParticipation.municipality(
                        of: $0, register: register, structure: MunicipalityWaveEstimates.structure) != nil
                })
            let number = try #require(
                ProgrammeParticipation.municipality(
                    of: line, register: register, structure: MunicipalityWaveEstimates.structure))
            let participant = try await app.get(Paths.municipality(number: number) + "?lang=en").body.string
            #expect(participant.contains("Programme participation") && participant.contains(line.call))
        }
    }
}
