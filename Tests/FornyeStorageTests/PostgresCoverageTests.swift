import FluentKit
import FluentSQL
import FornyeTestSupport
import Testing

@testable import FornyeStorage

/// The storage suites' PostgreSQL runs come from `TestDatabase.all`. This test is listed as
/// skipped, with the reason, when `FORNYE_TEST_POSTGRES_URL` is not set; when it is, it checks
/// that a test's schema is its own, fully migrated, and gone afterwards.
@Suite struct PostgresCoverageTests {
    @Test(.requiresPostgres) func eachTestGetsAFreshMigratedSchemaThatIsDroppedAfterwards() async throws {
        #expect(TestDatabase.all == [.sqlite, .postgres])
        let schema = try await TestDatabase.postgres.withRuntime { runtime in
            let sql = try #require(runtime.database as? any SQLDatabase)
            #expect(sql.dialect.name == "postgresql")
            let schema = try #require(
                try await sql.raw("SELECT current_schema() AS s").first()?.decode(column: "s", as: String.self))
            #expect(schema.hasPrefix("fornye_test_"))
            let migrations = try await sql.raw("SELECT COUNT(*) AS n FROM _fluent_migrations").first()?
                .decode(column: "n", as: Int.self)
            #expect(migrations == StorageMigrations.all.count)
            return schema
        }
        try await TestDatabase.postgres.withRuntime { runtime in
            let sql = try #require(runtime.database as? any SQLDatabase)
            let left = try await sql.raw(
                "SELECT COUNT(*) AS n FROM information_schema.schemata WHERE schema_name = \(bind: schema)"
            ).first()?.decode(column: "n", as: Int.self)
            #expect(left == 0)
        }
    }
}
