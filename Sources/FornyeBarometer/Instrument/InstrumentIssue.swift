/// Where an instrument's part was read from: a file and, when known, the spreadsheet sheet and
/// the line (YAML) or row (spreadsheet), 1-based.
public struct InstrumentSourceLocation: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var sheet: String?
    /// The line of a YAML file, or the row of a spreadsheet sheet.
    public var line: Int?

    public init(file: String, sheet: String? = nil, line: Int? = nil) {
        self.file = file
        self.sheet = sheet
        self.line = line
    }

    public var description: String {
        var parts = [file]
        if let sheet { parts.append("sheet \(sheet)") }
        if let line { parts.append(sheet == nil ? "line \(line)" : "row \(line)") }
        return parts.joined(separator: ", ")
    }
}

/// The part of an instrument an issue is about, by position, so that a loader can turn it
/// into a file location.
public enum InstrumentPart: Sendable, Hashable {
    case instrument
    case choiceList(Int)
    case choice(list: Int, index: Int)
    case section(Int)
    case question(section: Int, index: Int)
}

/// One thing wrong with an instrument: what, about which question and field, and where.
public struct InstrumentIssue: Sendable, Hashable, CustomStringConvertible {
    /// What is wrong, without the location.
    public var message: String
    /// The part concerned, by position.
    public var part: InstrumentPart
    /// The question (or section or choice list) by name, when the issue concerns one.
    public var name: String?
    /// The field, e.g. "relevant" or "choices".
    public var field: String?
    /// The 1-based column inside a routing expression.
    public var expressionColumn: Int?
    /// Filled in by the loader that read the file.
    public var location: InstrumentSourceLocation?

    public init(
        _ message: String,
        part: InstrumentPart,
        name: String? = nil,
        field: String? = nil,
        expressionColumn: Int? = nil,
        location: InstrumentSourceLocation? = nil
    ) {
        self.message = message
        self.part = part
        self.name = name
        self.field = field
        self.expressionColumn = expressionColumn
        self.location = location
    }

    public var description: String {
        var parts: [String] = []
        if let location { parts.append(location.description) }
        if let name {
            switch part {
            case .question: parts.append("question \(name)")
            case .section: parts.append("section \(name)")
            case .choiceList, .choice: parts.append("choice list \(name)")
            case .instrument: parts.append(name)
            }
        }
        if let field { parts.append(field) }
        if let expressionColumn { parts.append("column \(expressionColumn) of the expression") }
        return parts.isEmpty ? message : "\(parts.joined(separator: ", ")): \(message)"
    }
}

/// An instrument that cannot be used, with every issue found.
public struct InstrumentError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Every issue found, in the order of the file.
    public var issues: [InstrumentIssue]

    public init(_ issues: [InstrumentIssue]) {
        self.issues = issues
    }

    public init(_ issue: InstrumentIssue) {
        self.issues = [issue]
    }

    public var description: String {
        issues.map(\.description).joined(separator: "\n")
    }

    /// The same issues with locations filled in where `locate` knows the part.
    public func located(by locate: (InstrumentIssue) -> InstrumentSourceLocation?) -> InstrumentError {
        InstrumentError(
            issues.map { issue in
                var issue = issue
                if issue.location == nil { issue.location = locate(issue) }
                return issue
            })
    }
}
