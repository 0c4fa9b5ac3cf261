/// Known population totals of one coded variable, the target of post-stratification and raking.
///
/// ```swift
/// let region = PopulationMargin(variable: "region", totals: [1: 2700, 2: 2250, 3: 2250, 4: 1800])
/// ```
///
/// In JSON and YAML the codes are object keys: `{"variable": "region", "totals": {"1": 2700}}`.
public struct PopulationMargin: Sendable, Codable, Hashable {
    /// The name of a coded variable in the dataset.
    public var variable: String
    /// The population total (count of units, or their summed size) of each code.
    public var totals: [Int: Double]

    public init(variable: String, totals: [Int: Double]) {
        self.variable = variable
        self.totals = totals
    }

    /// The sum of the totals of every code.
    public var grandTotal: Double {
        totals.keys.sorted().reduce(0) { $0 + totals[$1]! }
    }

    enum CodingKeys: String, CodingKey {
        case variable, totals
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        variable = try container.decode(String.self, forKey: .variable)
        // Object keys are strings in JSON and YAML; codes are integers.
        let raw = try container.decode([String: Double].self, forKey: .totals)
        var totals: [Int: Double] = [:]
        for (key, total) in raw {
            guard let code = Int(key) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .totals, in: container,
                    debugDescription: "population code \"\(key)\" of variable \(variable) is not an integer")
            }
            totals[code] = total
        }
        self.totals = totals
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(variable, forKey: .variable)
        let keyed = Dictionary(uniqueKeysWithValues: totals.map { (String($0.key), $0.value) })
        try container.encode(keyed, forKey: .totals)
    }
}
