import FornyeProjectBank
import FornyeStorage
import FornyeTestSupport
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import FornyeWeb

/// A signed-in municipality editor turns the self-test's "newest innovation" answers into a
/// Prosjektbanken draft with one click: stored as a draft of the editor's municipality, never
/// published, with CSRF; others may not.
@Suite struct SelfTestDraftWebTests {
    static let yes: [[(String, String)]] = [
        [
            ("innovated_service", "1"), ("innovated_product", "2"), ("innovated_organisation", "1"),
            ("innovated_communication", "2"),
        ],
        [
            ("newest_type", "1"), ("newest_type", "3"), ("novelty", "2"), ("inspiration", "2"), ("trigger", "2"),
            ("financing", "1"), ("financing", "4"), ("results", "1"), ("results", "2"), ("partners", "8"),
            ("spread", "1"),
        ],
        [
            ("factor_employee_participation", "5"), ("factor_internal_collaboration", "4"),
            ("factor_financial_resources", "2"), ("factor_operations_focus", "3"), ("factor_politics", "3"),
            ("factor_handling_mistakes", "4"), ("factor_leadership", "5"), ("factor_competence", "4"),
            ("factor_user_participation", "3"), ("factor_external_collaboration", "4"), ("factor_technology", "1"),
            ("factor_regulations", "2"), ("factor_time", "1"),
        ],
    ]

    /// Walks the "yes" path with `headers` and returns the result page.
    static func result(_ app: Application, headers: HTTPHeaders) async throws -> TestingHTTPResponse {
        var response = try await postForm(
            app, Paths.selfTest, SelfTestWebTests.start + [("action", "next")], headers: headers)
        for fields in yes {
            #expect(response.status == .ok, "\(response.body.string.prefix(400))")
            let carried = hiddenFields(response.body.string).filter { name, _ in !fields.contains { $0.0 == name } }
            response = try await postForm(
                app, Paths.selfTest, carried + fields + [("action", "next")], headers: headers)
        }
        #expect(response.body.string.contains("Resultatet ditt"))
        return response
    }

    /// The hidden fields of the draft form on a result page.
    static func draftFields(_ html: String) throws -> [(String, String)] {
        let start = try #require(html.range(of: "action=\"\(Paths.selfTestDraft)\""))
        let form = String(html[start.lowerBound...])
        let end = try #require(form.range(of: "</form>")).lowerBound
        return hiddenFields(String(form[..<end])).filter { $0.0 != "_csrf" }
    }

    @Test(arguments: TestDatabase.all) func editorMakesADraftOfTheNewestInnovation(database: TestDatabase)
        async throws
    {
        try await withTestApp(database: database) { app in
            let editor = try await signIn(app, as: .municipalityEditor, municipality: "1804")
            let page = try await Self.result(app, headers: editor)
            #expect(page.body.string.contains("Lag utkast i Prosjektbanken"))
            let before = try await ProjectRepository(database: app.db).count()
            let made = try await postForm(
                app, Paths.selfTestDraft, try Self.draftFields(page.body.string), headers: editor)
            #expect(made.status == .seeOther)
            let location = try #require(made.headers.first(name: .location))
            #expect(location.hasPrefix("/prosjekter/") && location.hasSuffix("/rediger"))
            #expect(try await ProjectRepository(database: app.db).count() == before + 1)
            let slug = String(location.dropFirst("/prosjekter/".count).dropLast("/rediger".count))
            let record = try #require(try await ProjectRepository(database: app.db).find(slug: slug))
            #expect(record.status == .draft)
            #expect(record.ownerMunicipality == "1804")
            let document = try record.document()
            #expect(document.innovationTypes == [1, 3])
            #expect(document.noveltyLevel == 2 && document.initiative == .bottomUp)
            #expect(document.financing.map(\.source) == [.ownBudget, .researchCouncil])
            #expect(document.results.map(\.impact) == [.quality, .efficiency])
            #expect(document.partners.map(\.role) == [.research])
            #expect(document.stage == .spread && document.sector == 1 && document.unitType == 1)
            // Without the form's CSRF token nothing is made.
            var forged = editor
            forged.replaceOrAdd(name: "Origin", value: "https://evil.example")
            let refused = try await postForm(
                app, Paths.selfTestDraft, try Self.draftFields(page.body.string), headers: forged)
            #expect(refused.status == .forbidden)
            #expect(try await ProjectRepository(database: app.db).count() == before + 1)
        }
    }

    @Test func othersSeeNoDraftButtonAndMayNotPost() async throws {
        try await withTestApp { app in
            let anonymous = try await Self.result(app, headers: try await publicHeaders(app))
            #expect(!anonymous.body.string.contains("Lag utkast i Prosjektbanken"))
            let analyst = try await signIn(app, as: .analyst)
            let page = try await Self.result(app, headers: analyst)
            #expect(!page.body.string.contains("Lag utkast i Prosjektbanken"))
            let before = try await ProjectRepository(database: app.db).count()
            #expect(try await postForm(app, Paths.selfTestDraft, [], headers: analyst).status == .forbidden)
            #expect(try await ProjectRepository(database: app.db).count() == before)
        }
    }
}
