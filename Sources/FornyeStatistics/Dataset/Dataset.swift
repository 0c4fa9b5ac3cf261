/// Survey microdata: a codebook and one column per variable, all of the same length.
///
/// A dataset is validated when it is made, so every later analysis can trust it: coded
/// variables hold only labelled or missing codes, multiple-choice items hold 0 or 1,
/// numeric missing codes are whole numbers. Invalid values are reported with their
/// 1-based row number and the variable name.
///
/// ```swift
/// let dataset = try Dataset(codebook: codebook, columns: [
///     "sector": .codes([1, 2, 2]),
///     "age": .numbers([34, .nan, 51]),
/// ])
/// ```
public struct Dataset: Sendable {
    public let codebook: Codebook
    public let rowCount: Int
    private let columns: [String: Column]

    public init(codebook: Codebook, columns: [String: Column]) throws(StatisticsError) {
        try codebook.validate()
        let counts = Set(columns.values.map(\.count))
        // The first codebook variable sets the length, so a mismatch is reported the same way every run.
        let rowCount =
            codebook.variables.lazy.compactMap { columns[$0.name]?.count }.first ?? columns.values.first?.count ?? 0
        for variable in codebook.variables {
            guard let column = columns[variable.name] else {
                throw .invalidCodebook("variable \(variable.name) has no data column")
            }
            guard column.count == rowCount else {
                throw .lengthMismatch(variable: variable.name, expected: rowCount, actual: column.count)
            }
            try Self.check(column, against: variable)
        }
        if counts.count > 1 {
            throw .invalidArgument("columns have different lengths: \(counts.sorted())")
        }
        for name in columns.keys where codebook.variable(named: name) == nil {
            throw .invalidCodebook("data column \(name) is not in the codebook")
        }
        self.codebook = codebook
        self.rowCount = rowCount
        self.columns = columns
    }

    /// A dataset already known to be valid (derived from a validated one).
    private init(validated codebook: Codebook, rowCount: Int, columns: [String: Column]) {
        self.codebook = codebook
        self.rowCount = rowCount
        self.columns = columns
    }

    /// This dataset with more variables appended to the codebook. Only the new columns are
    /// checked: the existing ones were checked when this dataset was made, so a derivation does
    /// not pay again for validating the whole wave.
    public func adding(_ additions: [(variable: Variable, column: Column)]) throws(StatisticsError) -> Dataset {
        var codebook = codebook
        codebook.variables += additions.map(\.variable)
        try codebook.validate()
        var columns = columns
        for (variable, column) in additions {
            guard column.count == rowCount else {
                throw .lengthMismatch(variable: variable.name, expected: rowCount, actual: column.count)
            }
            try Self.check(column, against: variable)
            columns[variable.name] = column
        }
        return Dataset(validated: codebook, rowCount: rowCount, columns: columns)
    }

    /// The same rows with every value outside `rows` made empty (system missing), for domain
    /// estimation: used with the *unchanged* design, rows outside the domain stay in the design
    /// but contribute nothing, which is R's `subset(design, ...)` followed by any estimate, and
    /// not the smaller design a filtered data frame would give (see docs/STATISTICS.md).
    public func restricted(to rows: [Bool]) throws(StatisticsError) -> Dataset {
        guard rows.count == rowCount else {
            throw .lengthMismatch(variable: "domain", expected: rowCount, actual: rows.count)
        }
        // A domain is usually a small part of the wave: start from empty columns and copy the
        // domain's cells, rather than copying every cell and then blanking most of them.
        let domain = rows.indices.filter { rows[$0] }
        var restricted: [String: Column] = [:]
        restricted.reserveCapacity(columns.count)
        for (name, column) in columns {
            switch column {
            case .codes(let codes):
                var kept = [Int32](repeating: Column.systemMissing, count: rowCount)
                for row in domain { kept[row] = codes[row] }
                restricted[name] = .codes(kept)
            case .numbers(let values):
                var kept = [Double](repeating: .nan, count: rowCount)
                for row in domain { kept[row] = values[row] }
                restricted[name] = .numbers(kept)
            case .texts(let texts):
                var kept = [String?](repeating: nil, count: rowCount)
                for row in domain { kept[row] = texts[row] }
                restricted[name] = .texts(kept)
            }
        }
        return Dataset(validated: codebook, rowCount: rowCount, columns: restricted)
    }

    private static func check(_ column: Column, against variable: Variable) throws(StatisticsError) {
        switch (variable.kind, column) {
        case (.singleChoice, .codes(let codes)), (.ordinal, .codes(let codes)),
            (.multipleChoiceItem, .codes(let codes)):
            let values = variable.kind == .multipleChoiceItem ? [0, 1] : variable.valueLabels.map(\.code)
            let allowed = Set(values).union(variable.missingCodes.keys)
            // Codes are small numbers: a table indexed by code is far cheaper than hashing each cell.
            // Clamped to Int32's range (the cells' type) so that the span cannot overflow.
            let lowest = max(allowed.min() ?? 0, Int(Int32.min))
            let span = min(allowed.max() ?? 0, Int(Int32.max)) - lowest + 1
            let table: [Bool]? =
                span > 0 && span <= 4096
                ? (0..<span).map { allowed.contains(lowest + $0) } : nil
            for (index, code) in codes.enumerated() where code != Column.systemMissing {
                let value = Int(code)
                let valid: Bool
                if let table {
                    let offset = value - lowest
                    valid = offset >= 0 && offset < span && table[offset]
                } else {
                    valid = allowed.contains(value)
                }
                if !valid {
                    throw .invalidValue(
                        variable: variable.name, row: index + 1,
                        message: "code \(value) is neither a labelled value nor a missing code in the codebook")
                }
            }
        case (.numeric, .numbers(let values)):
            for (index, value) in values.enumerated() where value.isInfinite {
                throw .invalidValue(variable: variable.name, row: index + 1, message: "value is infinite")
            }
        case (.text, .texts):
            break
        default:
            throw .invalidCodebook(
                "variable \(variable.name) is \(variable.kind.rawValue) but its column holds other data")
        }
    }

    public func variable(named name: String) throws(StatisticsError) -> Variable {
        guard let variable = codebook.variable(named: name) else { throw .unknownVariable(name) }
        return variable
    }

    public func column(named name: String) throws(StatisticsError) -> Column {
        guard let column = columns[name] else { throw .unknownVariable(name) }
        return column
    }

    /// The codes of a coded variable (`Column.systemMissing` for empty cells).
    public func codes(of name: String) throws(StatisticsError) -> [Int32] {
        let variable = try variable(named: name)
        guard case .codes(let codes) = try column(named: name) else {
            throw .wrongKind(variable: name, expected: "a coded variable", actual: variable.kind)
        }
        return codes
    }

    /// The values of a numeric variable as doubles, or of a coded one as its codes;
    /// NaN for system missing and for every missing code.
    public func measurements(of name: String) throws(StatisticsError) -> [Double] {
        let variable = try variable(named: name)
        switch try column(named: name) {
        case .numbers(let values):
            if variable.missingCodes.isEmpty { return values }
            return values.map { value in
                value.isNaN || (value.rounded() == value && variable.missingCodes[Int(value)] != nil) ? .nan : value
            }
        case .codes(let codes):
            return codes.map { code in
                code == Column.systemMissing || variable.missingCodes[Int(code)] != nil ? .nan : Double(code)
            }
        case .texts:
            throw .wrongKind(variable: name, expected: "numeric or coded", actual: variable.kind)
        }
    }

    /// The missing kind of a row's value, or nil when it is a substantive answer.
    public func missingKind(of name: String, row: Int) throws(StatisticsError) -> MissingKind? {
        let variable = try variable(named: name)
        switch try column(named: name) {
        case .codes(let codes):
            let code = codes[row]
            return code == Column.systemMissing ? .system : variable.missingCodes[Int(code)]
        case .numbers(let values):
            let value = values[row]
            if value.isNaN { return .system }
            return value.rounded() == value ? variable.missingCodes[Int(value)] : nil
        case .texts(let texts):
            return texts[row] == nil ? .system : nil
        }
    }
}
