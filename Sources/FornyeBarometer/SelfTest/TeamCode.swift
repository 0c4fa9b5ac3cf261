/// The short code a facilitator reads out to a room so members can join a team self-test.
/// Six characters from an alphabet without look-alikes (no 0/O, 1/I/L, 2/Z, 5/S, 6/G, 8/B),
/// so a code said aloud or copied from a projector is typed right: 23⁶ ≈ 148 million codes,
/// which with the web's rate limit on failed joins is far beyond guessing.
public enum TeamCode {
    public static let alphabet = Array("ACDEFHJKMNPQRTUVWXY3479")
    public static let length = 6

    public static func generate<G: RandomNumberGenerator>(using generator: inout G) -> String {
        String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
    }

    public static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        return generate(using: &generator)
    }

    /// The code as typed (any case, spaces or dashes between groups) in its stored form, or nil
    /// when it cannot be a code. Bounded before any work: a long input is refused outright.
    public static func normalized(_ typed: String) -> String? {
        guard typed.utf8.count <= 32 else { return nil }
        let characters = typed.uppercased().filter { $0 != " " && $0 != "-" }
        guard characters.count == length, characters.allSatisfy(alphabet.contains) else { return nil }
        return String(characters)
    }
}
