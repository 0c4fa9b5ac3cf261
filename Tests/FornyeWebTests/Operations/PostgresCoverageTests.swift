import FluentSQL
import FornyeTestSupport
import Testing
import VaporTesting

@testable import FornyeWeb

/// The web suites' PostgreSQL runs come from `TestDatabase.all`; this test is listed as skipped,
/// with the reason, when `FORNYE_TEST_POSTGRES_URL` is not set.
@Suite struct WebPostgresCoverageTests {
    @Test(.requiresPostgres) func theAppRunsOnPostgreSQLWithTheDemoWaves() async throws {
        try await withTestApp(database: .postgres) { app in
            let sql = try #require(app.db as? any SQLDatabase)
            #expect(sql.dialect.name == "postgresql")
            try await app.testing().test(.GET, "/") { response in
                #expect(response.status == .ok)
                #expect(response.body.string.contains("href=\"/barometer/2020-syntetisk\""))
            }
        }
    }
}
