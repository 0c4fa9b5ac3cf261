public import FornyeBarometer
public import Foundation

/// What the programme register refuses, each naming the line.
public enum ProgrammeStorageError: Error, Equatable, CustomStringConvertible {
    /// Lines that break ``ProgrammeRules``: their 1-based position in what was given, and the problems.
    case invalid([Int: [ProgrammeProblem]])
    /// Case records that are not well-formed: their 1-based position and the problems.
    case invalidCases([Int: [String]])
    case unknownApplication(UUID)
    case unknownCase(UUID)
    /// A stored row whose column cannot be read back.
    case corrupt(id: UUID?, String)

    public var description: String {
        switch self {
        case .invalid(let lines):
            lines.keys.sorted().map { line in
                "line \(line): " + lines[line]!.map(\.description).joined(separator: "; ")
            }.joined(separator: "\n")
        case .invalidCases(let cases):
            cases.keys.sorted().map { "case \($0): " + cases[$0]!.joined(separator: "; ") }.joined(separator: "\n")
        case .unknownApplication(let id): "no register line has the id \(id)"
        case .unknownCase(let id): "no interview case has the id \(id)"
        case .corrupt(let id, let column):
            "stored programme row \(id?.uuidString ?? "?"): column \(column) cannot be read"
        }
    }
}

extension AuditAction {
    /// A register file was imported (details: lines, replace or append, and the file).
    public static let programmeImported: AuditAction = "programme.imported"
    /// One register line was changed (details: the fields changed).
    public static let programmeEdited: AuditAction = "programme.edited"
    public static let programmeDeleted: AuditAction = "programme.deleted"
    /// The register was written out (details: format and lines).
    public static let programmeExported: AuditAction = "programme.exported"
    /// Interview cases were stored, replacing the previous ones, or one case was changed.
    public static let programmeCasesStored: AuditAction = "programme.cases_stored"
}
