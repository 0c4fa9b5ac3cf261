/// One thing wrong with a response file, located as precisely as it can be.
public struct ImportProblem: Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var sheet: String?
    /// The 1-based row (workbook) or line (CSV) or case (SPSS) number.
    public var row: Int?
    /// The source column name.
    public var column: String?
    /// The instrument variable.
    public var field: String?
    public var value: String?
    /// What was expected instead, or what is wrong.
    public var message: String

    public init(
        file: String, sheet: String? = nil, row: Int? = nil, column: String? = nil, field: String? = nil,
        value: String? = nil, message: String
    ) {
        self.file = file
        self.sheet = sheet
        self.row = row
        self.column = column
        self.field = field
        self.value = value
        self.message = message
    }

    public var description: String {
        var parts = [file]
        if let sheet { parts.append("sheet \"\(sheet)\"") }
        if let row { parts.append("row \(row)") }
        if let column { parts.append("column \"\(column)\"") }
        if let field, field != column { parts.append("question \(field)") }
        if let value { parts.append("value \"\(value.count > 60 ? String(value.prefix(60)) + "…" : value)\"") }
        return parts.joined(separator: ", ") + ": " + message
    }
}

/// An import refused as a whole, with every problem found (up to a limit).
public struct ImportFailure: Error, Sendable, CustomStringConvertible {
    public var problems: [ImportProblem]
    /// True when more problems were found than are listed.
    public var truncated: Bool

    public var description: String {
        "the import was refused; nothing was imported. \(problems.count)\(truncated ? "+" : "") problem(s):\n"
            + problems.map { "  " + $0.description }.joined(separator: "\n")
    }
}
