import FornyeStatistics

/// What each column of a CSV header is: a codebook variable or an extra column. Made only from
/// a header that names every variable and extra column exactly once and nothing else.
struct ColumnLayout {
    enum Target {
        case variable(Variable)
        case extra(String)
    }

    /// Header names without surrounding spaces.
    let names: [String]
    let targets: [Target]
    /// The 1-based column number of each name.
    let columnNumbers: [String: Int]

    init(header: [String], file: String, codebook: Codebook, extraColumns: [String], delimiter: Unicode.Scalar)
        throws(FormatError)
    {
        let names = header.map(\.trimmingWhitespace)
        func location(_ index: Int) -> FileLocation {
            FileLocation(file: file, line: 1, column: index + 1, field: names[index].isEmpty ? nil : names[index])
        }
        let extras = Set(extraColumns)
        var columnNumbers: [String: Int] = [:]
        var targets: [Target] = []
        for (index, name) in names.enumerated() {
            guard !name.isEmpty else {
                throw .located(location(index), "the header has no name for this column")
            }
            if let first = columnNumbers[name] {
                throw .located(location(index), "the column name repeats column \(first)")
            }
            columnNumbers[name] = index + 1
            if let variable = codebook.variable(named: name) {
                targets.append(.variable(variable))
            } else if extras.contains(name) {
                targets.append(.extra(name))
            } else {
                throw .located(
                    location(index),
                    Self.unknownColumnMessage(
                        name, header: names, codebook: codebook, extraColumns: extraColumns, delimiter: delimiter))
            }
        }
        let absent = codebook.variables.map(\.name).filter { columnNumbers[$0] == nil }
        if let first = absent.first {
            throw .located(
                FileLocation(file: file, line: 1, field: first),
                "the header has no column for codebook variable\(absent.count > 1 ? "s" : "") "
                    + absent.map { "\"\($0)\"" }.joined(separator: ", "))
        }
        if let first = extraColumns.first(where: { columnNumbers[$0] == nil }) {
            throw .located(
                FileLocation(file: file, line: 1, field: first),
                "the header has no column \"\(first)\", which was asked for as an extra column")
        }
        self.names = names
        self.targets = targets
        self.columnNumbers = columnNumbers
    }

    private static func unknownColumnMessage(
        _ name: String, header: [String], codebook: Codebook, extraColumns: [String], delimiter: Unicode.Scalar
    ) -> String {
        var message = "column \"\(name)\" is neither a codebook variable nor a listed extra column"
        let present = Set(header)
        let candidates = codebook.variables.map(\.name) + extraColumns
        if let near = candidates.first(where: { !present.contains($0) && $0.lowercased() == name.lowercased() }) {
            message += "; did you mean \"\(near)\"?"
        } else if header.count == 1, name.unicodeScalars.contains("\t") || name.unicodeScalars.contains(delimiter) {
            message += "; the header was not split into columns: is the file tab-separated? Choose the delimiter"
        } else if header.count == 1 {
            message += "; the header was not split at \"\(Character(delimiter))\": choose the delimiter"
        } else {
            message += "; add it to the codebook, or list it as an extra column if it is a design variable"
        }
        return message
    }
}
