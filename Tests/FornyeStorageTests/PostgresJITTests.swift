import FluentKit
import FluentSQL
import FornyeTestSupport
import Testing

@testable import FornyeStorage

/// Fornye's PostgreSQL connections run with JIT off (a startup parameter): the server compiled the
/// project search's statement for 0.8 s at 100,000 projects because its estimated cost was high,
/// to run it in 40 ms. `FORNYE_POSTGRES_JIT=on` leaves the server's own setting.
@Suite struct PostgresJITTests {
    @Test(.requiresPostgres) func connectionsRunWithoutJIT() async throws {
        try await TestDatabase.postgres.withRuntime { runtime in
            let sql = try #require(runtime.database as? any SQLDatabase)
            let jit = try await sql.raw("SHOW jit").first()?.decode(column: "jit", as: String.self)
            #expect(jit == "off")
        }
    }

    @Test func theEnvironmentCanLeaveJITToTheServer() throws {
        let url = "postgres://u:p@127.0.0.1:5432/db"
        #expect(try StorageConfiguration(environment: ["DATABASE_URL": url]).postgresJIT == false)
        #expect(try StorageConfiguration(environment: ["DATABASE_URL": url, "FORNYE_POSTGRES_JIT": "on"]).postgresJIT)
    }
}
