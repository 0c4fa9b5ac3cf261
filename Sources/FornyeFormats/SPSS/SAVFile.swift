/// An SPSS system file (.sav) as its records describe it, before any mapping to a `Dataset`.
///
/// `SAVWriter` writes one and `SAVReader` reads one; `SAVDatasetMapping` converts to and from the
/// statistics engine's `Dataset` + `Codebook`. Numbers use NaN for system missing; strings have
/// their trailing spaces removed.
public struct SAVFile: Sendable, Equatable {
    /// Up to 64 bytes in the header, e.g. "SYNTETISKE DATA".
    public var fileLabel: String
    /// Document lines (record type 6), up to 80 bytes each.
    public var documents: [String]
    public var variables: [SAVVariable]
    public var multipleResponseSets: [SAVMultipleResponseSet]
    /// Data file attributes (record 7/17), name to values.
    public var fileAttributes: [String: [String]]
    /// The character encoding declared by the file (read) or used (written): "UTF-8" when writing.
    public var encoding: String

    public init(
        fileLabel: String = "", documents: [String] = [], variables: [SAVVariable],
        multipleResponseSets: [SAVMultipleResponseSet] = [], fileAttributes: [String: [String]] = [:],
        encoding: String = "UTF-8"
    ) {
        self.fileLabel = fileLabel
        self.documents = documents
        self.variables = variables
        self.multipleResponseSets = multipleResponseSets
        self.fileAttributes = fileAttributes
        self.encoding = encoding
    }

    /// The number of cases (rows): the length of the first variable's values.
    public var rowCount: Int { variables.first?.values.count ?? 0 }
}

/// One variable of a system file, with its values.
public struct SAVVariable: Sendable, Equatable {
    public enum Values: Sendable, Equatable {
        /// NaN is system missing.
        case numbers([Double])
        /// Trailing spaces removed; "" is an empty (blank) string.
        case strings([String])

        public var count: Int {
            switch self {
            case .numbers(let values): values.count
            case .strings(let values): values.count
            }
        }
    }

    /// SPSS's measurement level (record 7/11).
    public enum Measure: Int32, Sendable, Equatable {
        case unknown = 0, nominal = 1, ordinal = 2, scale = 3
    }

    /// User-missing values: up to three discrete values, or a range and at most one discrete value.
    public struct Missing: Sendable, Equatable {
        public var discrete: [Double]
        public var range: ClosedRange<Double>?
        /// Discrete missing values of a short string variable.
        public var strings: [String]

        public init(discrete: [Double] = [], range: ClosedRange<Double>? = nil, strings: [String] = []) {
            self.discrete = discrete
            self.range = range
            self.strings = strings
        }

        public var isEmpty: Bool { discrete.isEmpty && range == nil && strings.isEmpty }
    }

    /// The long variable name (up to 64 bytes).
    public var name: String
    public var label: String?
    /// 0 for numeric, otherwise the string width in bytes (1...32767).
    public var width: Int
    public var values: Values
    /// Labels of numeric values, in file order.
    public var valueLabels: [(value: Double, label: String)]
    public var missing: Missing
    public var measure: Measure
    /// Print format decimals for numeric variables.
    public var decimals: Int
    /// Print format width for numeric variables (F8.2 has width 8).
    public var printWidth: Int
    /// Variable attributes (record 7/18), name to values, e.g. "label_en": ["Sector"].
    public var attributes: [String: [String]]

    public init(
        name: String, label: String? = nil, width: Int = 0, values: Values,
        valueLabels: [(value: Double, label: String)] = [], missing: Missing = .init(),
        measure: Measure = .unknown, decimals: Int = 0, printWidth: Int = 8, attributes: [String: [String]] = [:]
    ) {
        self.printWidth = printWidth
        self.name = name
        self.label = label
        self.width = width
        self.values = values
        self.valueLabels = valueLabels
        self.missing = missing
        self.measure = measure
        self.decimals = decimals
        self.attributes = attributes
    }

    public static func == (lhs: SAVVariable, rhs: SAVVariable) -> Bool {
        lhs.name == rhs.name && lhs.label == rhs.label && lhs.width == rhs.width
            && lhs.values.sameValues(as: rhs.values)
            && lhs.valueLabels.map(\.value) == rhs.valueLabels.map(\.value)
            && lhs.valueLabels.map(\.label) == rhs.valueLabels.map(\.label) && lhs.missing == rhs.missing
            && lhs.measure == rhs.measure && lhs.decimals == rhs.decimals && lhs.printWidth == rhs.printWidth
            && lhs.attributes == rhs.attributes
    }
}

extension SAVVariable.Values {
    /// Equality that treats NaN (system missing) as equal to itself.
    func sameValues(as other: Self) -> Bool {
        switch (self, other) {
        case (.numbers(let a), .numbers(let b)):
            a.count == b.count && zip(a, b).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) }
        case (.strings(let a), .strings(let b)): a == b
        default: false
        }
    }
}

/// A multiple-response set (records 7/7 and 7/19).
public struct SAVMultipleResponseSet: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// Multiple dichotomy: an item counts when it holds `countedValue` (usually "1").
        case dichotomy(countedValue: String)
        /// Multiple category: every item holds a category code.
        case category
    }

    /// Without the leading "$".
    public var name: String
    public var label: String
    public var kind: Kind
    /// Long variable names.
    public var variables: [String]

    public init(name: String, label: String, kind: Kind, variables: [String]) {
        self.name = name
        self.label = label
        self.kind = kind
        self.variables = variables
    }
}
