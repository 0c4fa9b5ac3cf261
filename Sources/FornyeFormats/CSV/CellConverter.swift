import FornyeStatistics

/// Turns CSV fields into typed columns, row by row so that the first bad cell in file order is
/// the one reported.
struct CellConverter {
    let layout: ColumnLayout
    let records: CSVRecords
    let source: DataSource
    let delimiter: Unicode.Scalar
    let decimalSeparator: Character
    /// How each column's cells are read, by column index; kept apart from `layout.targets` so
    /// that the per-cell dispatch copies no `Variable`.
    private let kinds: [CellKind]
    /// Accepted codes of each coded column, by column index.
    private let allowed: [Set<Int>]
    /// Codes of each coded column by label (bokmål or English, compared case-insensitively), so
    /// that a file holding `helse` instead of `2` reads without recoding. A label two codes share
    /// is left out and refused as ambiguous.
    private let labelled: [[String: Int?]]
    private var codes: [[Int32]]
    private var numbers: [[Double]]
    private var texts: [[String?]]
    private var raw: [[String]]

    init(
        layout: ColumnLayout, records: CSVRecords, source: DataSource, delimiter: Unicode.Scalar,
        decimalSeparator: Character
    ) {
        self.layout = layout
        self.records = records
        self.source = source
        self.delimiter = delimiter
        self.decimalSeparator = decimalSeparator
        kinds = layout.targets.map { target in
            guard case .variable(let variable) = target else { return .extra }
            return switch variable.kind {
            case .singleChoice, .ordinal, .multipleChoiceItem: .code
            case .numeric: .number
            case .text: .text
            }
        }
        allowed = layout.targets.map { target in
            guard case .variable(let variable) = target else { return [] }
            let substantive =
                variable.kind == .multipleChoiceItem ? [0, 1] : Set(variable.valueLabels.map(\.code))
            return substantive.union(variable.missingCodes.keys)
        }
        labelled = layout.targets.map { target in
            guard case .variable(let variable) = target, variable.kind != .multipleChoiceItem else { return [:] }
            return Self.codesByLabel(variable)
        }
        let empty = Array(repeating: [], count: layout.targets.count)
        codes = empty.map { _ in [] }
        numbers = empty.map { _ in [] }
        texts = empty.map { _ in [] }
        raw = empty.map { _ in [] }
    }

    var columns: [String: Column] {
        var columns: [String: Column] = [:]
        for (index, target) in layout.targets.enumerated() {
            guard case .variable(let variable) = target else { continue }
            columns[variable.name] =
                switch variable.kind {
                case .singleChoice, .ordinal, .multipleChoiceItem: .codes(codes[index])
                case .numeric: .numbers(numbers[index])
                case .text: .texts(texts[index])
                }
        }
        return columns
    }

    var extras: [String: [String]] {
        var extras: [String: [String]] = [:]
        for (index, target) in layout.targets.enumerated() {
            if case .extra(let name) = target { extras[name] = raw[index] }
        }
        return extras
    }

    mutating func convertAll() throws(FormatError) {
        for (row, fields) in records.rows.enumerated() {
            try checkShape(fields, row: row)
            for (index, field) in fields.enumerated() {
                try convert(field, row: row, column: index)
            }
        }
    }

    private func fail(row: Int, column: Int, _ message: String) -> FormatError {
        source.error(
            row: row, column: layout.names[min(column, layout.names.count - 1)],
            line: records.line(ofRow: row, column: column), message)
    }

    private func checkShape(_ fields: [String], row: Int) throws(FormatError) {
        let expected = layout.names.count
        guard fields.count != expected else { return }
        let line = records.line(ofRow: row, column: 0)
        if fields == [""] {
            throw .located(
                FileLocation(file: source.file, line: line),
                "the line is empty; remove it or fill in its fields" + DataSource.rowNote(row: row, line: line))
        }
        let counts = "the row has \(fields.count) field\(fields.count == 1 ? "" : "s") but the header has \(expected)"
        if fields.count < expected {
            throw fail(
                row: row, column: fields.count, "\(counts); this and the following columns are missing")
        }
        let extraLine = records.line(ofRow: row, column: expected)
        throw .located(
            FileLocation(file: source.file, line: extraLine, column: expected + 1),
            "\(counts); a field holding the delimiter \"\(Character(delimiter))\" must be quoted"
                + DataSource.rowNote(row: row, line: extraLine))
    }

    private mutating func convert(_ field: String, row: Int, column: Int) throws(FormatError) {
        switch kinds[column] {
        case .extra: raw[column].append(field)
        case .text: texts[column].append(field.isEmpty ? nil : field)
        case .number: numbers[column].append(try number(field, row: row, column: column))
        case .code: codes[column].append(try code(field, row: row, column: column))
        }
    }

    private func number(_ field: String, row: Int, column: Int) throws(FormatError) -> Double {
        let text = field.trimmingWhitespace
        if text.isEmpty { return .nan }
        switch CSVValueParsing.number(text, decimalSeparator: decimalSeparator) {
        case .success(let value):
            return value
        case .failure(.wrongSeparator(let found, let expected)):
            throw fail(
                row: row, column: column,
                "\"\(field)\" has \"\(found)\" but numbers in this file use \"\(expected)\" before decimals (and no thousands separators); choose the decimal separator (fornye: --decimal period or --decimal comma)"
            )
        case .failure(.tooLarge):
            throw fail(row: row, column: column, "\"\(field)\" is too large to be a number")
        case .failure(.notANumber):
            throw fail(row: row, column: column, "\"\(field)\" is not a number" + missingHint(text))
        }
    }

    private func code(_ field: String, row: Int, column: Int) throws(FormatError) -> Int32 {
        let text = field.trimmingWhitespace
        if text.isEmpty { return Column.systemMissing }
        var value = CSVValueParsing.integer(text)
        if value == nil { value = try labelledCode(text, row: row, column: column) }
        guard let value else {
            throw fail(
                row: row, column: column,
                "\"\(field)\" is neither a whole-number code nor a value label in the codebook" + missingHint(text))
        }
        guard allowed[column].contains(value), let code = Int32(exactly: value), code != Column.systemMissing else {
            var reason = "not allowed"
            if case .variable(let variable) = layout.targets[column] { reason = Self.allowedDescription(variable) }
            throw fail(row: row, column: column, "code \(value) is \(reason)")
        }
        return code
    }

    /// The code whose label is `text`; nil when no label matches, an error when two do.
    private func labelledCode(_ text: String, row: Int, column: Int) throws(FormatError) -> Int? {
        guard let match = labelled[column][text.lowercased()] else { return nil }
        guard let code = match else {
            throw fail(row: row, column: column, "\"\(text)\" is the label of more than one code; write the code")
        }
        return code
    }

    private static func codesByLabel(_ variable: Variable) -> [String: Int?] {
        var codes: [String: Int?] = [:]
        for value in variable.valueLabels {
            let labels = Set([value.label, value.labelEnglish].compactMap { $0?.trimmingWhitespace.lowercased() })
            for label in labels where !label.isEmpty {
                if let existing = codes[label], existing != value.code {
                    codes[label] = .some(nil)
                } else {
                    codes[label] = value.code
                }
            }
        }
        return codes
    }

    private func missingHint(_ text: String) -> String {
        CSVValueParsing.looksLikeMissingMarker(text) ? "; leave the cell empty for a missing value" : ""
    }

    private static func allowedDescription(_ variable: Variable) -> String {
        func list(_ codes: [Int]) -> String {
            codes.prefix(12).map(String.init).joined(separator: ", ") + (codes.count > 12 ? ", …" : "")
        }
        let missing = variable.missingCodes.keys.sorted()
        if variable.kind == .multipleChoiceItem {
            return "not allowed: a multiple-choice item holds 0, 1"
                + (missing.isEmpty ? "" : " or a missing code (\(list(missing)))")
        }
        let labelled = variable.valueLabels.map(\.code).sorted()
        return "neither a labelled value (\(labelled.isEmpty ? "none" : list(labelled)))"
            + (missing.isEmpty ? " nor a missing code" : " nor a missing code (\(list(missing)))") + " in the codebook"
    }
}

private enum CellKind {
    case code, number, text, extra
}
