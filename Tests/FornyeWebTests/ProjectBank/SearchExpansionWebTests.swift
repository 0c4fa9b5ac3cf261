import Foundation
import Testing
import Vapor
import VaporTesting

/// The search page and the API say what the words were expanded with, and `utvid=nei` switches
/// the expansion off (issue 21).
@Suite struct SearchExpansionWebTests {
    @Test func thePageShowsTheExpansionAndTheBoxSwitchesItOff() async throws {
        try await withTestApp { app in
            let expanded = try await app.get("/prosjekter?q=innbrudd").body.string
            #expect(expanded.contains("<p class=\"search-expansions\">Søket tok også med: innbrudd → "))
            #expect(expanded.contains("burglary"))
            #expect(!expanded.contains("value=\"nei\" checked"))
            let english = try await app.get("/prosjekter?q=innbrudd&lang=en").body.string
            #expect(english.contains("The search also included: innbrudd → "))
            let plain = try await app.get("/prosjekter?q=innbrudd&utvid=nei").body.string
            #expect(!plain.contains("search-expansions") && !plain.contains("burglary"))
            #expect(plain.contains("value=\"nei\" checked"))
            // A word nothing expands shows no expansion line.
            #expect(!(try await app.get("/prosjekter?q=skien").body.string.contains("search-expansions")))
        }
    }

    struct List: Decodable {
        var total: Int
        var expandedWith: [String: [String]]
    }

    @Test func theAPIReturnsExpandedWithPerWord() async throws {
        try await withTestApp { app in
            let expanded = try JSONDecoder().decode(
                List.self, from: Data(try await app.get("/api/v1/projects?q=innbrudd%20skien").body.readableBytesView))
            #expect(expanded.expandedWith["innbrudd"]?.contains("burglary") == true)
            #expect(expanded.expandedWith["skien"] == nil)
            let plain = try JSONDecoder().decode(
                List.self,
                from: Data(try await app.get("/api/v1/projects?q=innbrudd%20skien&utvid=nei").body.readableBytesView))
            #expect(plain.expandedWith.isEmpty)
            #expect(plain.total >= 1)  // «skien» still finds Jobb smartere
            // The API refuses a value of utvid it cannot mean, naming the parameter.
            let refused = try await app.get("/api/v1/projects?q=innbrudd&utvid=kanskje")
            #expect(refused.status == .badRequest && refused.body.string.contains("utvid"))
        }
    }
}
