import FornyeTestSupport
import Testing
import VaporTesting

@Suite struct HomePageTests {
    @Test(arguments: TestDatabase.all)
    func homeListsTheSyntheticDemoWavesInBokmalByDefault(database: TestDatabase) async throws {
        try await withTestApp(database: database) { app in
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

    @Test(arguments: TestDatabase.all)
    func healthReportsTheDatabase(database: TestDatabase) async throws {
        try await withTestApp(database: database, seedDemoContent: false) { app in
            try await app.testing().test(.GET, "/health") { response in
                #expect(response.status == .ok)
                #expect(response.body.string.contains("\"database\":\"reachable\""))
            }
        }
    }
}
