import ArgumentParser
import FluentKit
import FornyeStorage
import Foundation
import Testing

@testable import FornyeCommands

/// `fornye user create | reset-password | list` on an SQLite file.
@Suite struct UserCommandTests {
    @Test func createResetAndListWorkOnTheDatabaseFile() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fornye-user-\(UUID())")
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("fornye.sqlite").path
        let create = try UserCreateCommand.parse([
            "--database-url", url, "--email", "Admin@Example.no", "--name", "Første admin", "--role", "admin",
        ])
        try await create.run()
        let editor = try UserCreateCommand.parse([
            "--database-url", url, "--email", "k@example.no", "--name", "K", "--role", "municipality_editor",
        ])
        let noMunicipality = await #expect(throws: ValidationError.self) { try await editor.run() }
        #expect(noMunicipality?.message.hasPrefix("--municipality: ") == true)
        let respondent = try UserCreateCommand.parse([
            "--database-url", url, "--email", "r@example.no", "--name", "R", "--role", "respondent",
        ])
        let wrongRole = await #expect(throws: ValidationError.self) { try await respondent.run() }
        #expect(wrongRole?.message == "--role must be admin, analyst or municipality_editor, not «respondent»")
        // The same checks as the admin form: no control characters in the address or the name.
        for (email, name, option) in [
            ("nul\u{0}@x.no", "N", "--email"), ("n@example.no", "nul\u{0}", "--name"),
            ("n@example.no", "a\u{1B}[2J", "--name"),
        ] {
            let hostile = try UserCreateCommand.parse([
                "--database-url", url, "--email", email, "--name", name, "--role", "analyst",
            ])
            do {
                try await hostile.run()
                Issue.record("\(option) with a control character was accepted")
            } catch let error as ValidationError {
                #expect(error.message.hasPrefix(option + ":"), "\(error.message)")
            }
        }

        let runtime = try StorageRuntime(configuration: .init(backend: .sqlite(path: url)))
        let before = try #require(try await UserStore(database: runtime.database).find(email: "admin@example.no"))
        #expect(before.role == .admin && before.displayName == "Første admin")
        #expect(before.passwordHash.hasPrefix("$2"))
        #expect(try await UserRecord.query(on: runtime.database).count() == 1)
        await runtime.shutdown()

        try await UserResetPasswordCommand.parse(["--database-url", url, "--email", "admin@example.no"]).run()
        let unknown = try UserResetPasswordCommand.parse(["--database-url", url, "--email", "nobody@example.no"])
        let noUser = await #expect(throws: ValidationError.self) { try await unknown.run() }
        #expect(noUser?.message == "--email: no user has e-mail nobody@example.no")
        try await UserListCommand.parse(["--database-url", url]).run()

        let again = try StorageRuntime(configuration: .init(backend: .sqlite(path: url)))
        let after = try #require(try await UserStore(database: again.database).find(email: "admin@example.no"))
        #expect(after.passwordHash != before.passwordHash)
        let actions = try await AuditLog(database: again.database).entries().entries.map(\.action)
        #expect(actions == [AuditAction.passwordReset.rawValue, AuditAction.userCreated.rawValue])
        await again.shutdown()
    }

    @Test func aPasswordFromStandardInputMustMeetThePolicy() throws {
        let read = try passwordFromInput(stdin: true, read: { "en lang nok setning" })
        #expect(read.0 == "en lang nok setning" && !read.generated)
        let short = #expect(throws: ValidationError.self) { try passwordFromInput(stdin: true, read: { "for kort" }) }
        #expect(short?.message.hasPrefix("--password-stdin: ") == true)
        let empty = #expect(throws: ValidationError.self) { try passwordFromInput(stdin: true, read: { nil }) }
        #expect(empty?.message == "--password-stdin: standard input is empty")
        let generated = try passwordFromInput(stdin: false, read: { "never read" })
        #expect(generated.generated && generated.0.count == 20 && generated.0 != "never read")
    }
}
