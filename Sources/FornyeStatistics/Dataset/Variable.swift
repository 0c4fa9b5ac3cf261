/// How a variable is measured, which decides the estimators that apply to it.
public enum VariableKind: String, Sendable, Codable, CaseIterable {
    /// One code per respondent from a labelled list (nominal).
    case singleChoice
    /// One item of a multiple-response set: 1 when the option was chosen, 0 when not.
    case multipleChoiceItem
    /// An ordered, labelled scale such as a Likert item; both shares and mean scores apply.
    case ordinal
    /// A measured quantity; means and totals apply.
    case numeric
    /// Free text; carried along, never estimated.
    case text

    /// Whether values are integer codes with labels (as opposed to measurements or text).
    public var isCoded: Bool {
        switch self {
        case .singleChoice, .multipleChoiceItem, .ordinal: true
        case .numeric, .text: false
        }
    }
}

/// Why a value is missing. The three kinds are kept apart because they mean different things
/// to an analyst: a routed-past question was never asked, "vet ikke" is an answer.
public enum MissingKind: String, Sendable, Codable, CaseIterable, Hashable {
    /// System missing: the question was not asked (routing) or the cell is empty.
    case system
    /// "Vet ikke" (don't know).
    case dontKnow
    /// "Ikke relevant" (not applicable).
    case notApplicable
}

/// A code and its label in bokmål, optionally with English beside it.
public struct ValueLabel: Sendable, Codable, Hashable {
    public var code: Int
    public var label: String
    public var labelEnglish: String?

    public init(code: Int, label: String, labelEnglish: String? = nil) {
        self.code = code
        self.label = label
        self.labelEnglish = labelEnglish
    }

    enum CodingKeys: String, CodingKey {
        case code, label
        case labelEnglish = "label_en"
    }
}

/// One column of a dataset as the codebook describes it.
public struct Variable: Sendable, Codable, Hashable {
    public var name: String
    public var label: String
    public var labelEnglish: String?
    public var kind: VariableKind
    /// Labels of the substantive codes, in display order.
    public var valueLabels: [ValueLabel]
    /// Codes that stand for a missing kind other than system missing (for example 8 = vet ikke).
    public var missingCodes: [Int: MissingKind]

    public init(
        name: String,
        label: String,
        labelEnglish: String? = nil,
        kind: VariableKind,
        valueLabels: [ValueLabel] = [],
        missingCodes: [Int: MissingKind] = [:]
    ) {
        self.name = name
        self.label = label
        self.labelEnglish = labelEnglish
        self.kind = kind
        self.valueLabels = valueLabels
        self.missingCodes = missingCodes
    }

    enum CodingKeys: String, CodingKey {
        case name, label, kind
        case labelEnglish = "label_en"
        case valueLabels = "values"
        case missingCodes = "missing"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        label = try container.decodeIfPresent(String.self, forKey: .label) ?? name
        labelEnglish = try container.decodeIfPresent(String.self, forKey: .labelEnglish)
        kind = try container.decode(VariableKind.self, forKey: .kind)
        valueLabels = try container.decodeIfPresent([ValueLabel].self, forKey: .valueLabels) ?? []
        // JSON and YAML object keys are strings; codes are integers.
        let rawMissing = try container.decodeIfPresent([String: MissingKind].self, forKey: .missingCodes) ?? [:]
        var missing: [Int: MissingKind] = [:]
        for (key, kind) in rawMissing {
            guard let code = Int(key) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .missingCodes, in: container,
                    debugDescription: "missing code \"\(key)\" of variable \(name) is not an integer")
            }
            missing[code] = kind
        }
        missingCodes = missing
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(label, forKey: .label)
        try container.encodeIfPresent(labelEnglish, forKey: .labelEnglish)
        try container.encode(kind, forKey: .kind)
        if !valueLabels.isEmpty { try container.encode(valueLabels, forKey: .valueLabels) }
        if !missingCodes.isEmpty {
            let keyed = Dictionary(uniqueKeysWithValues: missingCodes.map { (String($0.key), $0.value) })
            try container.encode(keyed, forKey: .missingCodes)
        }
    }

    /// The label of a code, or the code itself when it has none.
    public func label(of code: Int) -> String {
        valueLabels.first { $0.code == code }?.label ?? String(code)
    }
}

/// A multiple-choice question stored as one 0/1 item per option ("kryss av alle som passer").
public struct MultipleResponseSet: Sendable, Codable, Hashable {
    public var name: String
    public var label: String
    public var labelEnglish: String?
    /// Names of the `multipleChoiceItem` variables, one per option, in display order.
    public var items: [String]

    public init(name: String, label: String, labelEnglish: String? = nil, items: [String]) {
        self.name = name
        self.label = label
        self.labelEnglish = labelEnglish
        self.items = items
    }

    enum CodingKeys: String, CodingKey {
        case name, label, items
        case labelEnglish = "label_en"
    }
}
