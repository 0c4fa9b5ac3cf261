import Vapor

/// Password hashing with bcrypt, shared by the web pages and `fornye user`. Hashing is slow on
/// purpose, so the web layer runs it on threads of its own (`PasswordHashingPool`), off the event loop.
///
/// It lives in the web target because bcrypt here is Vapor's (`Bcrypt`, with no package of its
/// own): FornyeStorage stays free of Vapor, and FornyeCommands depends on FornyeWeb anyway
/// (`fornye serve`), so `fornye user` reaching it adds no dependency.
public enum Passwords {
    /// The cost of new hashes: about a quarter of a second each. Tests use the minimum, 4.
    public static let cost = 12

    public static func hash(_ password: String, cost: Int) throws -> String {
        try Bcrypt.hash(password, cost: cost)
    }

    /// False for a wrong password and for a hash that is not bcrypt.
    public static func verify(_ password: String, hash: String) -> Bool {
        (try? Bcrypt.verify(password, created: hash)) ?? false
    }

    /// A random password of 20 characters from an alphabet without look-alikes (no 0/O, 1/l/I),
    /// about 117 bits: for new users and resets, shown once.
    public static func generate() -> String {
        let alphabet = Array("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<20).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] })
    }
}

extension Request {
    /// Hashes with the app's bcrypt cost on the thread pool.
    func hashPassword(_ password: String) async throws -> String {
        let cost = application.fornyeSettings.bcryptCost
        return try await application.passwordHashingThreads.runIfActive { try Passwords.hash(password, cost: cost) }
    }

    /// Verifies on the thread pool.
    func verifyPassword(_ password: String, hash: String) async throws -> Bool {
        try await application.passwordHashingThreads.runIfActive { Passwords.verify(password, hash: hash) }
    }
}
