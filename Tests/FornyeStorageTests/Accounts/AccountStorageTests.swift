import FluentKit
import FluentSQL
import FornyeTestSupport
import Foundation
import Testing

@testable import FornyeStorage

/// Users, sessions and the audit log, on SQLite and (when configured) PostgreSQL.
@Suite struct AccountStorageTests {
    @Test(arguments: TestDatabase.all)
    func usersAreCheckedAndStoredWithALowerCasedEmail(backend: TestDatabase) async throws {
        try await backend.withRuntime { runtime in
            let database = runtime.database
            let users = UserStore(database: database)
            let user = try await users.create(
                email: "  Ola.Nordmann@Example.NO ", displayName: " Ola ", role: .analyst, municipalityNumber: "0301",
                passwordHash: "$2b$04$x")
            #expect(user.email == "ola.nordmann@example.no")
            #expect(user.displayName == "Ola")
            // Only editors keep a municipality.
            #expect(user.municipalityNumber == nil)
            #expect(try await users.find(email: "OLA.NORDMANN@example.no")?.id == user.id)

            await #expect(throws: AccountError.duplicateEmail("ola.nordmann@example.no")) {
                try await users.create(
                    email: "ola.nordmann@example.no", displayName: "X", role: .admin, municipalityNumber: nil,
                    passwordHash: "h")
            }
            await #expect(throws: AccountError.municipalityRequired) {
                try await users.create(
                    email: "e@example.no", displayName: "E", role: .municipalityEditor, municipalityNumber: nil,
                    passwordHash: "h")
            }
            await #expect(throws: AccountError.roleCannotSignIn(.respondent)) {
                try await users.create(
                    email: "r@example.no", displayName: "R", role: .respondent, municipalityNumber: nil,
                    passwordHash: "h")
            }
            for bad in [
                "no-at-sign", "a@b", "@example.no", "a b@example.no", "a@@example.no", "nul\u{0}@x.no",
                "esc\u{1B}@x.no", "a@x\u{85}.no", "a@x..no", String(repeating: "a", count: 65) + "@x.no",
            ] {
                #expect(throws: AccountError.invalidEmail(bad)) { try UserStore.normalizedEmail(bad) }
            }
            // The same rules for the web form and `fornye user create`: both go through `create`.
            for name in ["nul\u{0}", "Ola\u{1B}[31mNordmann", "to\nlinjer", "tab\there", "del\u{7F}"] {
                await #expect(throws: AccountError.displayNameHasControlCharacters) {
                    try await users.create(
                        email: "n@example.no", displayName: name, role: .analyst, municipalityNumber: nil,
                        passwordHash: "h")
                }
            }
            #expect(
                AccountError.invalidEmail("nul\u{0}@x.no").description == "«nul\\u{0}@x.no» is not an e-mail address")
            #expect(throws: AccountError.self) { try UserStore.municipality("1201", for: .municipalityEditor) }
            #expect(throws: AccountError.self) { try UserStore.municipality("12", for: .municipalityEditor) }
            #expect(try UserStore.municipality("4601", for: .municipalityEditor) == "4601")
            #expect(try await UserRecord.query(on: database).count() == 1)
        }
    }

    @Test func thePasswordPolicyWantsTwelveCharactersAndAtMost72Bytes() throws {
        #expect(throws: AccountError.passwordTooShort(minimum: 12)) { try PasswordPolicy.check("elleve tegn") }
        try PasswordPolicy.check("tolv tegn ok")
        try PasswordPolicy.check(String(repeating: "a", count: 72))
        #expect(throws: AccountError.passwordTooLong(maximumBytes: 72)) {
            try PasswordPolicy.check(String(repeating: "å", count: 37))
        }
    }

    @Test(arguments: TestDatabase.all)
    func theFifthFailureLocksAndSuccessResets(backend: TestDatabase) async throws {
        try await backend.withRuntime { runtime in
            let database = runtime.database
            let users = UserStore(database: database)
            let user = try await users.create(
                email: "a@example.no", displayName: "A", role: .analyst, municipalityNumber: nil, passwordHash: "h")
            let now = Date(timeIntervalSince1970: 1_800_000_000)
            for _ in 1..<LockoutPolicy.maximumFailures {
                #expect(try await users.recordFailedLogin(user, now: now) == false)
            }
            #expect(!user.isLocked(at: now))
            #expect(try await users.recordFailedLogin(user, now: now) == true)
            #expect(user.isLocked(at: now.addingTimeInterval(14 * 60)))
            #expect(!user.isLocked(at: now.addingTimeInterval(15 * 60)))
            let stored = try #require(try await users.find(id: try user.requireID()))
            #expect(stored.lockedUntil == now.addingTimeInterval(15 * 60))
            try await users.recordSuccessfulLogin(stored)
            #expect(stored.failedLoginCount == 0 && stored.lockedUntil == nil)
        }
    }

    @Test(arguments: TestDatabase.all)
    func sessionsExpireWhenIdleOrOld(backend: TestDatabase) async throws {
        try await backend.withRuntime { runtime in
            let database = runtime.database
            let user = try await UserStore(database: database).create(
                email: "a@example.no", displayName: "A", role: .admin, municipalityNumber: nil, passwordHash: "h")
            let sessions = SessionStore(database: database)
            let start = Date(timeIntervalSince1970: 1_800_000_000)
            try await sessions.create(userID: try user.requireID(), tokenHash: "idle", now: start)
            try await sessions.create(userID: try user.requireID(), tokenHash: "busy", now: start)
            // Busy: seen every 90 minutes, valid until 12 h after sign-in.
            var time = start
            while time.timeIntervalSince(start) < 10.5 * 3600 {
                time = time.addingTimeInterval(90 * 60)
                guard case .valid = try await sessions.lookup(tokenHash: "busy", now: time) else {
                    Issue.record("busy session ended at \(time.timeIntervalSince(start) / 3600) h")
                    return
                }
            }
            guard case .expired = try await sessions.lookup(tokenHash: "busy", now: start.addingTimeInterval(12 * 3600))
            else { Issue.record("session outlived 12 h"); return }
            guard case .expired = try await sessions.lookup(tokenHash: "idle", now: start.addingTimeInterval(2 * 3600))
            else { Issue.record("idle session outlived 2 h"); return }
            guard case .missing = try await sessions.lookup(tokenHash: "idle", now: start) else {
                Issue.record("expired session not deleted")
                return
            }
            // Purging drops timed-out sessions that were never looked up again, and only those.
            try await sessions.create(userID: try user.requireID(), tokenHash: "old", now: start)
            try await sessions.create(
                userID: try user.requireID(), tokenHash: "fresh", now: start.addingTimeInterval(3600))
            try await sessions.purgeExpired(now: start.addingTimeInterval(2.5 * 3600))
            #expect(try await UserSessionRecord.query(on: database).all().map(\.tokenHash) == ["fresh"])
            // A disabled user's sessions end.
            try await sessions.create(userID: try user.requireID(), tokenHash: "third", now: start)
            // A second admin, as the last active admin cannot be disabled.
            _ = try await UserStore(database: database).create(
                email: "b@example.no", displayName: "B", role: .admin, municipalityNumber: nil, passwordHash: "h")
            try await UserStore(database: database).setDisabled(user, true)
            guard case .missing = try await sessions.lookup(tokenHash: "third", now: start) else {
                Issue.record("a disabled user's session still works")
                return
            }
        }
    }

    @Test(arguments: TestDatabase.all)
    func theAuditLogFiltersAndPagesNewestFirst(backend: TestDatabase) async throws {
        try await backend.withRuntime { runtime in
            let database = runtime.database
            let log = AuditLog(database: database)
            let actor = UUID()
            let start = Date(timeIntervalSince1970: 1_800_000_000)
            for index in 0..<25 {
                try await log.record(
                    actor: index < 10 ? actor : nil, action: index.isMultiple(of: 5) ? .logout : .loginSucceeded,
                    target: "t\(index)", details: String(repeating: "x", count: 5000),
                    at: start.addingTimeInterval(Double(index)))
            }
            let first = try await log.entries(page: 1, perPage: 10)
            #expect(first.total == 25 && first.pageCount == 3)
            #expect(first.entries.map(\.target) == (15..<25).reversed().map { "t\($0)" })
            #expect(first.entries.first?.details?.count == AuditLog.maximumDetailsLength)
            let last = try await log.entries(page: 3, perPage: 10)
            #expect(last.entries.map(\.target) == (0..<5).reversed().map { "t\($0)" })
            let logouts = try await log.entries(AuditFilter(action: .logout, actorID: actor))
            #expect(logouts.entries.map(\.target) == ["t5", "t0"])
            #expect(try await log.actions() == [.loginSucceeded, .logout])
        }
    }

    @Test(arguments: TestDatabase.all)
    func theAuditLogAndSessionsAreIndexed(backend: TestDatabase) async throws {
        try await backend.withRuntime { runtime in
            let sql = try #require(runtime.database as? any SQLDatabase)
            struct Row: Decodable { var name: String }
            let query: SQLQueryString =
                backend == .sqlite
                ? "SELECT name FROM sqlite_master WHERE type = 'index'"
                : "SELECT indexname AS name FROM pg_indexes WHERE schemaname = current_schema()"
            let names = Set(try await sql.raw(query).all(decoding: Row.self).map(\.name))
            for index in M0013IndexAccounts.indexes {
                #expect(names.contains(index.name), "\(index.name)")
            }
        }
    }
}
