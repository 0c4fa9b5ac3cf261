import Testing
import VaporTesting

@Suite struct HomePageTests {
    @Test func homeListsTheSyntheticDemoWavesInBokmalByDefault() async throws {
        try await withTestApp { app in
            try await app.testing().test(.GET, "/") { response in
                #expect(response.status == .ok)
                #expect(response.headers.contentType == .html)
                let body = response.body.string
                #expect(body.contains("<html lang=\"nb\">"))
                #expect(body.contains("SYNTETISKE DATA"))
                #expect(body.contains("href=\"/barometer/2018-syntetisk\""))
                #expect(body.contains("href=\"/?lang=en\""))
            }
            try await app.testing().test(.GET, "/?lang=en") { response in
                #expect(response.body.string.contains("<html lang=\"en\">"))
            }
        }
    }

    @Test func healthReportsTheDatabase() async throws {
        try await withTestApp(seedDemoContent: false) { app in
            try await app.testing().test(.GET, "/health") { response in
                #expect(response.status == .ok)
                #expect(response.body.string.contains("\"database\":\"reachable\""))
            }
        }
    }
}
