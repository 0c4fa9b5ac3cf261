import ArgumentParser
import FornyeStorage
import FornyeWeb
import Foundation

/// `fornye user`: create the first admin and manage users from the command line.
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Create, list and reset the passwords of users who sign in.",
        subcommands: [UserCreateCommand.self, UserResetPasswordCommand.self, UserListCommand.self])
}

/// Runs `body` on the migrated database of `options`, then shuts storage down.
func withStorage<T>(_ options: StorageOptions, _ body: (StorageRuntime) async throws -> T) async throws -> T {
    let runtime = try StorageRuntime(configuration: try options.configuration())
    do {
        try await runtime.migrate()
        let result = try await body(runtime)
        await runtime.shutdown()
        return result
    } catch {
        await runtime.shutdown()
        throw error
    }
}

/// The password for a new user or a reset: read from standard input with `--password-stdin`
/// (first line, checked against the policy), else generated. Returns it and whether it was generated.
func passwordFromInput(stdin: Bool, read: () -> String? = { readLine(strippingNewline: true) }) throws -> (
    String, generated: Bool
) {
    guard stdin else { return (Passwords.generate(), true) }
    guard let line = read() else {
        throw ValidationError("--password-stdin: standard input is empty")
    }
    do {
        try PasswordPolicy.check(line)
    } catch {
        throw ValidationError("--password-stdin: \(error.description)")
    }
    return (line, false)
}

struct UserCreateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Create a user (e.g. the first admin).",
        discussion: """
            The password is read from standard input with --password-stdin; otherwise a strong one is generated \
            and printed once. Example: fornye user create --email ola@example.no --name "Ola Nordmann" --role admin
            """)

    @OptionGroup var storage: StorageOptions

    @Option(help: "The e-mail address the user signs in with.")
    var email: String

    @Option(help: "The name shown in the application.")
    var name: String

    @Option(help: "admin, analyst or municipality_editor.")
    var role: String

    @Option(help: "Kommunenummer in the 2024 structure (required for municipality_editor), e.g. 0301.")
    var municipality: String?

    @Flag(help: "Read the password from the first line of standard input.")
    var passwordStdin = false

    func run() async throws {
        guard let role = Role(rawValue: role), role != .respondent else {
            throw ValidationError("--role must be admin, analyst or municipality_editor, not «\(self.role)»")
        }
        let (password, generated) = try passwordFromInput(stdin: passwordStdin)
        let hash = try Passwords.hash(password, cost: Passwords.cost)
        let (email, name, municipality) = (email, name, municipality)
        let user = try await withStorage(storage) { runtime in
            do {
                return try await UserStore(database: runtime.database).createAudited(
                    email: email, displayName: name, role: role, municipalityNumber: municipality,
                    passwordHash: hash, actor: nil, via: "fornye user create")
            } catch let error as AccountError {
                throw ValidationError("--\(Self.option(for: error)): \(error.description)")
            }
        }
        print("Created \(user.role.rawValue) \(user.email).")
        if generated { print("Password (shown once): \(password)") }
    }

    static func option(for error: AccountError) -> String {
        switch error.field {
        case "name": return "name"
        case "role": return "role"
        case "municipality": return "municipality"
        case "password": return "password-stdin"
        default: return "email"
        }
    }
}

struct UserResetPasswordCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reset-password",
        abstract: "Set a new password for a user, lift any lockout and end their sessions.",
        discussion:
            "The password is read from standard input with --password-stdin; otherwise one is generated and printed once."
    )

    @OptionGroup var storage: StorageOptions

    @Option(help: "The user's e-mail address.")
    var email: String

    @Flag(help: "Read the password from the first line of standard input.")
    var passwordStdin = false

    func run() async throws {
        let (password, generated) = try passwordFromInput(stdin: passwordStdin)
        let hash = try Passwords.hash(password, cost: Passwords.cost)
        let email = email
        let found = try await withStorage(storage) { runtime in
            try await runtime.database.transaction { database in
                let users = UserStore(database: database)
                guard let user = try await users.find(email: email) else { return false }
                try await users.setPasswordHash(user, hash)
                try await SessionStore(database: database).deleteAll(userID: try user.requireID())
                try await AuditLog(database: database).record(
                    actor: nil, action: .passwordReset, target: user.email, details: "fornye user reset-password")
                return true
            }
        }
        guard found else { throw ValidationError("--email: no user has e-mail \(email)") }
        print("New password set for \(email.lowercased()); their sessions have ended.")
        if generated { print("Password (shown once): \(password)") }
    }
}

struct UserListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the users.")

    @OptionGroup var storage: StorageOptions

    func run() async throws {
        let users = try await withStorage(storage) { runtime in try await UserStore(database: runtime.database).list() }
        if users.isEmpty {
            print("No users. Create the first admin with: fornye user create --email ... --name ... --role admin")
            return
        }
        let rows = users.map { user in
            [
                user.email, user.displayName, user.role.rawValue, user.municipalityNumber ?? "-",
                user.disabled ? "disabled" : (user.isLocked() ? "locked" : "active"),
            ]
        }
        let header = ["email", "name", "role", "municipality", "status"]
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        for row in [header] + rows {
            print(
                row.enumerated().map { index, cell in cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
                }
                .joined(separator: "  ").trimmingCharacters(in: .whitespaces))
        }
    }
}
