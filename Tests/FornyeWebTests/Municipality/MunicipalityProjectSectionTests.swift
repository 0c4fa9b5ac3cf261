import FornyeBarometer
import FornyeFormats
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

            // The API and the CSV carry the same section (and the API still conforms to openapi.json).
            let json = try await Self.profile(app, "1868").projectBank
            #expect(json.projects.contains { $0.title == "Digital nattevakt <b>Øksnes</b>" && !$0.stopped })
            #expect(json.projects.contains { $0.title == "Droneinspeksjon som ble stoppet" && $0.stopped })
            #expect(json.stoppedCount == 1 && !json.projects.contains { $0.title == "Hemmelig utkast" })
            #expect(json.reusedFromHere.contains { $0.reuserMunicipality == "0301" && $0.unit == "Bydel Frogner" })
            #expect(json.reusedHere.contains { $0.original.slug == "jobb-smartere-skien" && $0.month == "2024-11" })
            #expect(json.researchPartners.contains { $0.name == "Nord <i>universitet</i>" && $0.projects.count == 2 })
            let month = String(format: "%04d-%02d", today.year, today.month)
            #expect(json.contacts.map(\.name) == ["Kari <script>x</script>", "Kari <script>x</script>"])
            #expect(json.contacts.allSatisfy { $0.lastConfirmed == month && $0.email == "kari@oksnes.example" })
            _ = try await APITests.conforming(
                app, Paths.apiMunicipality(number: "1868"), template: "/api/v1/municipalities/{nummer}")
            let csv = try await app.get(Paths.municipalityCSV(number: "1868")).body.string
            let table = try CSVTable.parse(csv, file: "kommune-1868.csv")
            let header = table.header
            let section = try #require(header.firstIndex(of: "seksjon"))
            func rows(_ name: String) -> [[String]] {
                table.rows.filter { $0.count == header.count && $0[section] == name }
            }
            #expect(rows("prosjekt").contains { $0[section + 2] == "Droneinspeksjon som ble stoppet" })
            #expect(rows("gjenbrukt_fra_oss").contains { $0[section + 3].hasPrefix("0301 ") })
            #expect(
                rows("vi_gjenbrukte").contains {
                    $0[section + 1] == "jobb-smartere-skien" && $0[section + 5] == "2024-11"
                })
            #expect(rows("forskningspartner").contains { $0[section + 3] == "Nord <i>universitet</i>" })
            #expect(rows("kontakt").count == 2 && rows("kontakt").allSatisfy { $0[section + 5] == month })
            #expect(!csv.contains("Uten samtykke") && !csv.contains("Hemmelig utkast"))
            #expect(!rows("tall").isEmpty)
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
            let programme = try await Self.profile(app, number).projectBank.programme
            #expect(
                programme.contains { $0.call == line.call && $0.applicationDate == line.applicationDate.description })
            let programmeCSV = try await app.get(Paths.municipalityCSV(number: number)).body.string
            #expect(programmeCSV.contains(",programdeltakelse,") && programmeCSV.contains(line.call))
        }
    }
}
