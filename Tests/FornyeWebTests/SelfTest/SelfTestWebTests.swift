import FornyeStorage
import FornyeTestSupport
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import FornyeWeb

/// Innovasjonstesten over HTTP: both paths, nothing stored without a token, the token holder
/// can see and delete, an unknown token shows nothing.
@Suite struct SelfTestWebTests {
    static let start: [(String, String)] = [
        ("step", "0"), ("sector", "1"), ("unit_type", "1"), ("kommunenummer", "0301"),
    ]

    /// Posts the start form and then each page's fields with the carried hidden fields, as a browser would.
    static func walk(_ app: Application, pages: [[(String, String)]]) async throws -> TestingHTTPResponse {
        var response = try await postForm(app, Paths.selfTest, start + [("action", "next")])
        for fields in pages {
            #expect(response.status == .ok, "\(response.body.string.prefix(400))")
            let carried = hiddenFields(response.body.string).filter { name, _ in !fields.contains { $0.0 == name } }
            response = try await postForm(app, Paths.selfTest, carried + fields + [("action", "next")])
        }
        return response
    }

    static let noInnovation: [[(String, String)]] = [
        [
            ("innovated_service", "2"), ("innovated_product", "2"), ("innovated_organisation", "2"),
            ("innovated_communication", "2"),
        ],
        [("development_underway", "1")],
    ]

    /// How many notices on a page say its numbers are synthetic (the layout's banner and any
    /// notice of the page's own).
    static func syntheticNotices(in html: String) -> Int {
        html.components(separatedBy: "class=\"synthetic-banner\"").count - 1
            + html.components(separatedBy: "synthetic-notice").count - 1
    }

    @Test(arguments: TestDatabase.all) func noInnovationPathStoresNothing(database: TestDatabase) async throws {
        try await withTestApp(database: database) { app in
            #expect(try await app.get(Paths.selfTest).status == .ok)
            let result = try await Self.walk(app, pages: Self.noInnovation)
            #expect(result.status == .ok)
            let body = result.body.string
            #expect(body.contains("Resultatet ditt"))
            #expect(body.contains("SYNTETISKE DATA"))
            #expect(Self.syntheticNotices(in: body) == 1, "the synthetic-data notice is shown once")
            #expect(result.headers.first(name: .cacheControl)?.contains("no-store") == true)
            #expect(try await SelfTestRepository(database: app.db).count() == 0)
        }
    }

    @Test func missingSectorIsShownAtTheStartForm() async throws {
        try await withTestApp { app in
            let response = try await postForm(
                app, Paths.selfTest, [("step", "0"), ("unit_type", "1"), ("action", "next")])
            #expect(response.status == .unprocessableEntity)
            #expect(response.body.string.contains("error-summary"))
        }
    }

    @Test func keptResultCanBeSeenAndDeletedByTheTokenHolderOnly() async throws {
        try await withTestApp { app in
            let result = try await Self.walk(app, pages: Self.noInnovation)
            let carried = hiddenFields(result.body.string).filter { $0.0 != "action" && $0.0 != "gruppe" }
            let kept = try await postForm(app, Paths.selfTest, carried + [("gruppe", "similar"), ("action", "keep")])
            #expect(kept.status == .ok)
            let repository = SelfTestRepository(database: app.db)
            #expect(try await repository.count() == 1)
            let pattern = try NSRegularExpression(pattern: "/innovasjonstesten/resultat/([A-Za-z0-9_-]{43})")
            let html = kept.body.string
            let match = try #require(pattern.firstMatch(in: html, range: NSRange(html.startIndex..., in: html)))
            let token = String(html[Range(match.range(at: 1), in: html)!])
            let stored = try #require(try await repository.find(token: token))
            #expect(stored.month.count == 7)  // YYYY-MM, nothing finer
            #expect(try await app.get(Paths.selfTestResult(token: token)).status == .ok)
            #expect(try await app.get(Paths.selfTestCSV(token: token)).body.string.contains("SYNTETISKE DATA"))
            // Someone else's guess sees the same "nothing here" as for a deleted result.
            let guess = try await app.get(Paths.selfTestResult(token: String(repeating: "A", count: 43)))
            #expect(guess.status == .notFound)
            #expect(!guess.body.string.contains("Resultatet ditt"))
            #expect(try await postForm(app, Paths.selfTestDelete(token: token), []).status == .ok)
            #expect(try await repository.count() == 0)
            #expect(try await app.get(Paths.selfTestResult(token: token)).status == .notFound)
        }
    }

    @Test func retakeShowsOwnChangeBesideThePeersChangeBetweenWaves() async throws {
        try await withTestApp { app in
            let result = try await Self.walk(app, pages: SelfTestDraftWebTests.yes)
            let carried = hiddenFields(result.body.string).filter { $0.0 != "action" && $0.0 != "gruppe" }
            let kept = try await postForm(app, Paths.selfTest, carried + [("gruppe", "unit-type"), ("action", "keep")])
            let html = kept.body.string
            let pattern = try NSRegularExpression(pattern: "/innovasjonstesten/resultat/([A-Za-z0-9_-]{43})")
            let match = try #require(pattern.firstMatch(in: html, range: NSRange(html.startIndex..., in: html)))
            let token = String(html[Range(match.range(at: 1), in: html)!])
            // The retake: leadership answered 2 instead of 5, kept under the same token.
            let again =
                carried.filter { $0.0 != "factor_leadership" } + [
                    ("factor_leadership", "2"), ("retake", token), ("gruppe", "unit-type"), ("action", "keep"),
                ]
            let retaken = try await postForm(app, Paths.selfTest, again)
            #expect(retaken.status == .ok)
            let page = try await app.get(Paths.selfTestResult(token: token)).body.string
            #expect(page.contains("Endring siden"))
            #expect(page.contains("5 → 2"))
            // Two demo waves are published: the peers' change runs from the 2018 wave to the 2020 wave.
            #expect(page.contains("De sammenlignbares endring er mellom de to siste publiserte bølgene"))
            #expect(page.contains("2018 – syntetisk grunnlagsbølge"))
        }
    }
}
