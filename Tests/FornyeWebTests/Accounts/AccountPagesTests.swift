import Fluent
import FornyeStorage
import FornyeWeb
import Foundation
import Testing
import Vapor
import VaporTesting

/// Own password change, admin user pages, the audit log page.
@Suite struct AccountPagesTests {
    /// The generated password on a "shown once" page.
    static func shownPassword(_ body: String) throws -> String {
        let start = try #require(body.range(of: "<code class=\"secret\">"))
        let end = try #require(body.range(of: "</code>", range: start.upperBound..<body.endIndex))
        return String(body[start.upperBound..<end.lowerBound])
    }

    static func post(
        _ app: Application, _ path: String, _ fields: [String: String], headers: HTTPHeaders
    ) async throws -> TestingHTTPResponse {
        var result: TestingHTTPResponse?
        try await app.testing().test(
            .POST, path, headers: headers, beforeRequest: { try $0.form(fields, headers: headers) }
        ) { result = $0 }
        return try #require(result)
    }

    @Test func aUserChangesTheirPasswordAndOtherSessionsEnd() async throws {
        try await withTestApp(seedDemoContent: false) { app in
            let headers = try await signIn(app, as: .analyst, email: "a@example.no")
            _ = try await logIn(app, email: "a@example.no", password: testPassword)  // a second session
            #expect(try await UserSessionRecord.query(on: app.db).count() == 2)
            let newPassword = "et helt nytt passord"
            let wrong = try await Self.post(
                app, "/konto/passord", ["current": "not it at all", "password": newPassword, "confirm": newPassword],
                headers: headers)
            #expect(wrong.status == .unprocessableEntity)
            #expect(wrong.body.string.contains("aria-describedby=\"felt-current-feil\""))
            let short = try await Self.post(
                app, "/konto/passord", ["current": testPassword, "password": "kort", "confirm": "kort"],
                headers: headers)
            #expect(short.status == .unprocessableEntity)
            #expect(short.body.string.contains("minst 12 tegn"))
            let differ = try await Self.post(
                app, "/konto/passord",
                ["current": testPassword, "password": newPassword, "confirm": newPassword + "x"],
                headers: headers)
            #expect(differ.status == .unprocessableEntity)
            #expect(!differ.body.string.contains(newPassword))
            let done = try await Self.post(
                app, "/konto/passord", ["current": testPassword, "password": newPassword, "confirm": newPassword],
                headers: headers)
            #expect(done.status == .seeOther)
            #expect(try await UserSessionRecord.query(on: app.db).count() == 1)
            try await app.testing().test(.GET, "/konto/passord", headers: headers) { #expect($0.status == .ok) }
            await #expect(throws: SignInFailed.self) {
                try await logIn(app, email: "a@example.no", password: testPassword)
            }
            _ = try await logIn(app, email: "a@example.no", password: newPassword)
            let actions = try await AuditLog(database: app.db).entries(AuditFilter(action: .passwordChanged)).total
            #expect(actions == 1)
        }
    }

    @Test func anAdminCreatesAUserWhoSignsInWithTheShownPassword() async throws {
        try await withTestApp(seedDemoContent: false) { app in
            let admin = try await signIn(app, as: .admin)
            let created = try await Self.post(
                app, "/admin/brukere",
                [
                    "email": "Kari@Example.no", "name": "Kari <b>Nordmann</b>", "role": "municipality_editor",
                    "municipality": "4601",
                ],
                headers: admin)
            #expect(created.status == .created)
            #expect(created.headers.cacheControl?.noStore == true)
            let password = try Self.shownPassword(created.body.string)
            #expect(password.count == 20)
            let user = try #require(try await UserStore(database: app.db).find(email: "kari@example.no"))
            #expect(user.role == .municipalityEditor)
            #expect(user.municipalityNumber == "4601")
            #expect(user.passwordHash.hasPrefix("$2"))
            _ = try await logIn(app, email: "kari@example.no", password: password)
            try await app.testing().test(.GET, "/admin/brukere", headers: admin) { response in
                #expect(response.body.string.contains("Kari &lt;b&gt;Nordmann&lt;/b&gt;"))
                #expect(!response.body.string.contains("<b>Nordmann"))
            }
            let entry = try #require(
                try await AuditLog(database: app.db).entries(AuditFilter(action: .userCreated)).entries.first)
            #expect(entry.target == "kari@example.no")
            #expect(entry.details == "municipality_editor 4601")
            #expect(!(entry.details ?? "").contains(password))
        }
    }

    @Test func badNewUsersAreRefusedWithTheFieldNamed() async throws {
        try await withTestApp(seedDemoContent: false) { app in
            let admin = try await signIn(app, as: .admin, email: "admin@example.no")
            let cases: [([String: String], HTTPResponseStatus, String)] = [
                (["email": "not-an-address", "name": "X", "role": "analyst"], .unprocessableEntity, "felt-email-feil"),
                (["email": "admin@example.no", "name": "X", "role": "analyst"], .conflict, "felt-email-feil"),
                (["email": "b@example.no", "name": " ", "role": "analyst"], .unprocessableEntity, "felt-name-feil"),
                // A NUL in the address once made a user listed as «nul»; control characters in names too.
                (["email": "nul\u{0}@x.no", "name": "N", "role": "analyst"], .unprocessableEntity, "felt-email-feil"),
                (
                    ["email": "b@example.no", "name": "nul\u{0}", "role": "analyst"], .unprocessableEntity,
                    "felt-name-feil"
                ),
                (
                    ["email": "b@example.no", "name": "B\u{1B}[2J", "role": "analyst"], .unprocessableEntity,
                    "felt-name-feil"
                ),
                (["email": "b@example.no", "name": "B", "role": "respondent"], .unprocessableEntity, "felt-role-feil"),
                (
                    ["email": "b@example.no", "name": "B", "role": "municipality_editor"], .unprocessableEntity,
                    "felt-municipality-feil"
                ),
                // Bergen's number before 2020: not in the 2024 structure.
                (
                    ["email": "b@example.no", "name": "B", "role": "municipality_editor", "municipality": "1201"],
                    .unprocessableEntity, "felt-municipality-feil"
                ),
            ]
            for (fields, status, errorID) in cases {
                let response = try await Self.post(app, "/admin/brukere", fields, headers: admin)
                #expect(response.status == status, "\(fields)")
                #expect(response.body.string.contains("id=\"\(errorID)\""), "\(fields)")
            }
            #expect(try await UserRecord.query(on: app.db).count() == 1)
        }
    }

    @Test func anAdminResetsAPasswordChangesARoleAndDisablesAUser() async throws {
        try await withTestApp(seedDemoContent: false) { app in
            let admin = try await signIn(app, as: .admin, email: "admin@example.no")
            let userHeaders = try await signIn(app, as: .analyst, email: "a@example.no")
            let user = try #require(try await UserStore(database: app.db).find(email: "a@example.no"))
            let base = "/admin/brukere/\(try user.requireID())"
            try await app.testing().test(.GET, base, headers: admin) { #expect($0.status == .ok) }

            let reset = try await Self.post(app, base + "/passord", [:], headers: admin)
            #expect(reset.status == .ok)
            let password = try Self.shownPassword(reset.body.string)
            // The reset ends the user's sessions.
            try await app.testing().test(.GET, "/konto/passord", headers: userHeaders) { response in
                #expect(response.status == .seeOther)
            }
            await #expect(throws: SignInFailed.self) {
                try await logIn(app, email: "a@example.no", password: testPassword)
            }
            _ = try await logIn(app, email: "a@example.no", password: password)

            let refused = try await Self.post(app, base + "/rolle", ["role": "municipality_editor"], headers: admin)
            #expect(refused.status == .unprocessableEntity)
            #expect(try await UserStore(database: app.db).find(email: "a@example.no")?.role == .analyst)
            let changed = try await Self.post(
                app, base + "/rolle", ["role": "municipality_editor", "municipality": "0301"], headers: admin)
            #expect(changed.status == .seeOther)
            #expect(try await UserStore(database: app.db).find(email: "a@example.no")?.municipalityNumber == "0301")

            #expect(try await Self.post(app, base + "/status", ["disabled": "1"], headers: admin).status == .seeOther)
            await #expect(throws: SignInFailed.self) {
                try await logIn(app, email: "a@example.no", password: password)
            }
            #expect(
                try await Self.post(app, base + "/status", ["disabled": "maybe"], headers: admin).status
                    == .unprocessableEntity)
            #expect(try await Self.post(app, base + "/status", ["disabled": "0"], headers: admin).status == .seeOther)
            _ = try await logIn(app, email: "a@example.no", password: password)

            let log = AuditLog(database: app.db)
            for action in [AuditAction.passwordReset, .userRoleChanged, .userDisabled, .userEnabled] {
                let entries = try await log.entries(AuditFilter(action: action)).entries
                #expect(entries.count == 1, "\(action)")
                #expect(entries.first?.target == "a@example.no")
            }
            #expect(
                try await log.entries(AuditFilter(action: .userRoleChanged)).entries.first?.details
                    == "analyst → municipality_editor 0301")
        }
    }

    @Test func theLastActiveAdminCannotBeDisabledOrDemoted() async throws {
        try await withTestApp(seedDemoContent: false) { app in
            let admin = try await signIn(app, as: .admin, email: "admin@example.no")
            let me = try #require(try await UserStore(database: app.db).find(email: "admin@example.no"))
            let base = "/admin/brukere/\(try me.requireID())"
            #expect(
                try await Self.post(app, base + "/status", ["disabled": "1"], headers: admin).status
                    == .unprocessableEntity)
            #expect(
                try await Self.post(app, base + "/rolle", ["role": "analyst"], headers: admin).status
                    == .unprocessableEntity)
            let stored = try #require(try await UserStore(database: app.db).find(email: "admin@example.no"))
            #expect(stored.role == .admin && !stored.disabled)
        }
    }

    @Test func theAuditLogPageFiltersAndPages() async throws {
        try await withTestApp(seedDemoContent: false) { app in
            let admin = try await signIn(app, as: .admin, email: "admin@example.no")
            let adminID = try #require(try await UserStore(database: app.db).find(email: "admin@example.no")?.id)
            let log = AuditLog(database: app.db)
            let start = Date().addingTimeInterval(-3600)
            for index in 0..<120 {
                try await log.record(
                    actor: index.isMultiple(of: 2) ? adminID : nil, action: "wave.imported", target: "wave \(index)",
                    details: "<script>alert(\(index))</script>", at: start.addingTimeInterval(Double(index)))
            }
            try await app.testing().test(.GET, "/admin/logg?handling=wave.imported", headers: admin) { response in
                #expect(response.status == .ok)
                let body = response.body.string
                #expect(body.contains("1–50 av 120"))
                #expect(body.contains("wave 119"))
                #expect(!body.contains("wave 69<"))
                #expect(body.contains("&lt;script&gt;"))
                #expect(!body.contains("<script>"))
                #expect(body.contains("href=\"/admin/logg?side=2&amp;handling=wave.imported\""))
            }
            try await app.testing().test(
                .GET, "/admin/logg?handling=wave.imported&side=2&bruker=\(adminID.uuidString)", headers: admin
            ) { response in
                #expect(response.body.string.contains("51–60 av 60"))
                #expect(response.body.string.contains("Side 2 av 2"))
            }
            try await app.testing().test(.GET, "/admin/logg?side=0", headers: admin) {
                #expect($0.status == .badRequest)
            }
            try await app.testing().test(.GET, "/admin/logg?bruker=x", headers: admin) {
                #expect($0.status == .badRequest)
            }
        }
    }
}
