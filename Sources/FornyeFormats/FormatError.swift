/// Where in a file something was found: the file, and when known the line (1-based,
/// counting the header), the column (1-based) and the field name.
public struct FileLocation: Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?
    public var field: String?

    public init(file: String, line: Int? = nil, column: Int? = nil, field: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.field = field
    }

    public var description: String {
        var parts = [file]
        if let line { parts.append("line \(line)") }
        if let column { parts.append("column \(column)") }
        if let field { parts.append("field \"\(field)\"") }
        return parts.joined(separator: ", ")
    }
}

/// An input file that cannot be used, with where and why.
public enum FormatError: Error, Sendable, Equatable, CustomStringConvertible {
    case unreadableFile(file: String, reason: String)
    case located(FileLocation, String)

    public var description: String {
        switch self {
        case .unreadableFile(let file, let reason): "\(file): cannot read: \(reason)"
        case .located(let location, let message): "\(location): \(message)"
        }
    }
}
