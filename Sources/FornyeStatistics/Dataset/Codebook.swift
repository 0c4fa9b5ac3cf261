/// The description of a dataset: its variables, their labels and codes, and the
/// multiple-response sets. Codebooks are plain data so that they can be written by hand
/// (JSON or YAML, read by `FornyeFormats`) and versioned beside the data.
public struct Codebook: Sendable, Codable, Hashable {
    /// Free text shown with every result built on this data, e.g. "SYNTETISKE DATA".
    public var title: String?
    /// True when the data are generated; every output built on them says so.
    public var synthetic: Bool
    public var variables: [Variable]
    public var multipleResponseSets: [MultipleResponseSet]

    public init(
        title: String? = nil,
        synthetic: Bool = false,
        variables: [Variable],
        multipleResponseSets: [MultipleResponseSet] = []
    ) {
        self.title = title
        self.synthetic = synthetic
        self.variables = variables
        self.multipleResponseSets = multipleResponseSets
    }

    enum CodingKeys: String, CodingKey {
        case title, synthetic, variables
        case multipleResponseSets = "multiple_response_sets"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        title = try container.decodeIfPresent(String.self, forKey: .title)
        synthetic = try container.decodeIfPresent(Bool.self, forKey: .synthetic) ?? false
        variables = try container.decode([Variable].self, forKey: .variables)
        multipleResponseSets =
            try container.decodeIfPresent([MultipleResponseSet].self, forKey: .multipleResponseSets) ?? []
    }

    public func variable(named name: String) -> Variable? {
        variables.first { $0.name == name }
    }

    public func multipleResponseSet(named name: String) -> MultipleResponseSet? {
        multipleResponseSets.first { $0.name == name }
    }

    /// Checks the codebook on its own: unique names, labelled codes unique and disjoint from
    /// missing codes, and multiple-response sets that name existing 0/1 items.
    public func validate() throws(StatisticsError) {
        var seen = Set<String>()
        for variable in variables {
            guard !variable.name.isEmpty else { throw .invalidCodebook("a variable has an empty name") }
            guard seen.insert(variable.name).inserted else {
                throw .invalidCodebook("variable \(variable.name) is defined twice")
            }
            var codes = Set<Int>()
            for value in variable.valueLabels where !codes.insert(value.code).inserted {
                throw .invalidCodebook("variable \(variable.name): code \(value.code) is labelled twice")
            }
            for code in variable.missingCodes.keys where codes.contains(code) {
                throw .invalidCodebook(
                    "variable \(variable.name): code \(code) is both a value and a missing code")
            }
            if variable.missingCodes.values.contains(.system) {
                throw .invalidCodebook(
                    "variable \(variable.name): system missing is an empty cell, not a code")
            }
            if variable.kind == .multipleChoiceItem,
                !Set(variable.valueLabels.map(\.code)).isSubset(of: [0, 1])
            {
                throw .invalidCodebook(
                    "variable \(variable.name) is a multiple-choice item; its codes must be 0 and 1")
            }
        }
        var setNames = Set<String>()
        for set in multipleResponseSets {
            guard setNames.insert(set.name).inserted, !seen.contains(set.name) else {
                throw .invalidCodebook("multiple-response set \(set.name) reuses a name")
            }
            guard !set.items.isEmpty else {
                throw .invalidCodebook("multiple-response set \(set.name) has no items")
            }
            for item in set.items {
                guard let variable = variable(named: item) else {
                    throw .invalidCodebook("multiple-response set \(set.name) names unknown variable \(item)")
                }
                guard variable.kind == .multipleChoiceItem else {
                    throw .invalidCodebook(
                        "multiple-response set \(set.name): \(item) is \(variable.kind.rawValue), not multipleChoiceItem"
                    )
                }
            }
        }
    }
}
