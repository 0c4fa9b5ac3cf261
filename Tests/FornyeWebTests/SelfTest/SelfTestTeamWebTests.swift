import FluentKit
import FornyeStorage
import FornyeTestSupport
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import FornyeWeb

/// Innovasjonstesten's team mode over HTTP: a facilitator opens a session, members join with the
/// code; four answers show no result, five do; what is stored carries no name, address or time;
/// the facilitator's token deletes everything; unknown codes are rate-limited.
@Suite struct SelfTestTeamWebTests {
    static func firstMatch(_ pattern: String, in html: String) throws -> String {
        let regex = try NSRegularExpression(pattern: pattern)
        let match = try #require(regex.firstMatch(in: html, range: NSRange(html.startIndex..., in: html)))
        return String(html[Range(match.range(at: 1), in: html)!])
    }

    /// Opens a session for a municipal unit in Oslo: the code and the facilitator's token.
    static func open(_ app: Application) async throws -> (code: String, token: String) {
        let opened = try await postForm(
            app, Paths.selfTestTeams, [("sector", "1"), ("unit_type", "1"), ("kommunenummer", "0301")])
        #expect(opened.status == .ok, "\(opened.body.string.prefix(600))")
        let html = opened.body.string
        let code =
            try firstMatch(#"class="team-code">([A-Z0-9]{3}) ?([A-Z0-9]{3})<"#, in: html)
            + firstMatch(#"class="team-code">[A-Z0-9]{3} ?([A-Z0-9]{3})<"#, in: html)
        let token = try firstMatch("/innovasjonstesten/gruppeleder/([A-Za-z0-9_-]{43})", in: html)
        return (code, token)
    }

    /// One member joins with the code and answers "no innovation" page by page.
    static func answer(_ app: Application, code: String) async throws {
        var response = try await postForm(app, Paths.selfTestTeamJoin, [("kode", code.lowercased())])
        for fields in SelfTestWebTests.noInnovation {
            #expect(response.status == .ok, "\(response.body.string.prefix(400))")
            let carried = hiddenFields(response.body.string).filter { name, _ in !fields.contains { $0.0 == name } }
            response = try await postForm(app, Paths.selfTest, carried + fields + [("action", "next")])
        }
        #expect(response.status == .seeOther)
        #expect(response.headers.first(name: .location) == Paths.selfTestTeam(code: code))
    }

    @Test(arguments: TestDatabase.all) func fourAnswersShowNothingFiveShowTheTeam(database: TestDatabase)
        async throws
    {
        try await withTestApp(database: database) { app in
            let (code, token) = try await Self.open(app)
            for _ in 0..<4 { try await Self.answer(app, code: code) }
            let four = try await app.get(Paths.selfTestTeam(code: code))
            #expect(four.status == .ok)
            #expect(four.body.string.contains("4 av minst 5 har svart"))
            #expect(!four.body.string.contains("Gruppens svar mot andre"))
            #expect(!four.body.string.contains("(4 av 4)"))

            try await Self.answer(app, code: code)
            let five = try await app.get(Paths.selfTestTeam(code: code))
            let html = five.body.string
            #expect(html.contains("Gruppens svar mot andre"))
            #expect(html.contains("(5 av 5)"))
            #expect(html.contains("SYNTETISKE DATA"))
            #expect(SelfTestWebTests.syntheticNotices(in: html) == 1, "the synthetic-data notice is shown once")
            #expect(five.headers.first(name: .cacheControl)?.contains("no-store") == true)

            // The facilitator's page counts the answers; the token deletes the session and every answer.
            let facilitator = try await app.get(Paths.selfTestFacilitator(token: token))
            #expect(facilitator.body.string.contains("5 har svart"))
            #expect(try await postForm(app, Paths.selfTestFacilitatorDelete(token: token), []).status == .ok)
            let counts = try await SelfTestTeamRepository(database: app.db).counts()
            #expect(counts.teams == 0 && counts.answers == 0)
            #expect(try await app.get(Paths.selfTestTeam(code: code)).status == .notFound)
            #expect(try await app.get(Paths.selfTestFacilitator(token: token)).status == .notFound)
        }
    }

    @Test func whatIsStoredHasNoNameAddressOrTime() async throws {
        try await withTestApp { app in
            let (code, _) = try await Self.open(app)
            try await Self.answer(app, code: code)
            let sql = try #require(app.db as? any SQLDatabase)
            let answerRows = try await sql.raw("SELECT * FROM self_test_team_answers").all()
            #expect(answerRows.count == 1)
            #expect(Set(try #require(answerRows.first).allColumns) == ["id", "team_id", "answers_json"])
            let teamRows = try await sql.raw("SELECT * FROM self_test_teams").all()
            #expect(
                Set(try #require(teamRows.first).allColumns)
                    == ["id", "code", "token_hash", "month", "scope", "profile_json", "background_json"])
            let month = try #require(teamRows.first).decode(column: "month", as: String.self)
            #expect(month.count == 7)  // YYYY-MM, nothing finer
            // The facilitator's token itself is not stored, only its hash.
            let stored = try #require(teamRows.first).decode(column: "token_hash", as: String.self)
            #expect(stored.count == 64)
            // Team answers are not self-tests kept with a link, and never enter a wave.
            #expect(try await SelfTestRepository(database: app.db).count() == 0)
        }
    }

    @Test func unknownCodesAreRefusedClearlyAndRateLimited() async throws {
        try await withTestApp { app in
            let first = try await postForm(app, Paths.selfTestTeamJoin, [("kode", "ACD 479")])
            #expect(first.status == .unprocessableEntity)
            #expect(first.body.string.contains("Ingen gruppeøkt har denne koden"))
            let malformed = try await postForm(app, Paths.selfTestTeamJoin, [("kode", "0000")])
            #expect(malformed.status == .unprocessableEntity)
            var last = malformed
            for _ in 0..<19 { last = try await postForm(app, Paths.selfTestTeamJoin, [("kode", "ACD479")]) }
            #expect(last.status == .tooManyRequests)
            #expect(last.headers.first(name: .retryAfter) != nil)
            #expect(try await app.get(Paths.selfTestTeam(code: "ACD479")).status == .tooManyRequests)
        }
    }
}
