/// Failures of storage that a user can act on, each saying where.
public enum StorageError: Error, Equatable, CustomStringConvertible {
    case unknownWave(String)
    case duplicateWave(String)
    case corruptResponse(row: Int, variable: String, String)
    case corruptWave(slug: String, String)
    case unsupportedDatabase
    /// The fsync that makes committed submissions durable failed (`errno`).
    case walSyncFailed(String, errno: Int32)
    /// An anonymous wave needs at least `minimumGroup` units: with fewer, every response is one
    /// of so few that it is as good as named.
    case tooFewForAnonymity(units: Int, minimumGroup: Int)
    /// Every team self-test code drawn was taken (`draws` attempts).
    case noFreeTeamCode(draws: Int)
    /// A project's stored similarity vector (`project_similarity`, migration 0088) does not read.
    case corruptSimilarityVector(key: Int)

    public var description: String {
        switch self {
        case .unknownWave(let slug): return "no wave is called «\(slug)»"
        case .duplicateWave(let slug): return "a wave called «\(slug)» exists already"
        case .corruptResponse(let row, let variable, let message):
            return "stored response \(row), variable \(variable): \(message)"
        case .corruptWave(let slug, let message): return "stored wave «\(slug)»: \(message)"
        case .unsupportedDatabase: return "the database does not speak SQL"
        case .walSyncFailed(let path, let code): return "fsync of \(path) failed (errno \(code))"
        case .tooFewForAnonymity(let units, let minimumGroup):
            return
                "an anonymous wave needs at least \(minimumGroup) units in its frame, this one has \(units); collect it identified instead"
        case .noFreeTeamCode(let draws): return "no free team self-test code after \(draws) draws; try again"
        case .corruptSimilarityVector(let key):
            return "the stored similarity vector of project key \(key) (project_similarity) does not read"
        }
    }
}
