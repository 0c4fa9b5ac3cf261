public import FornyeStatistics

/// One answer option: an integer code with its label; `missing` marks codes such as
/// 8 = "Vet ikke" that the codebook declares as missing rather than substantive.
public struct Choice: Sendable, Hashable, Codable {
    /// The value stored in data.
    public var code: Int
    public var label: LocalizedText
    /// `dontKnow` or `notApplicable` for codes the codebook declares missing; nil for answers.
    public var missing: MissingKind?

    public init(code: Int, label: LocalizedText, missing: MissingKind? = nil) {
        self.code = code
        self.label = label
        self.missing = missing
    }

    // Flat in the file ({code: 1, nb: Ja, en: "Yes"}) because choice lists are long.
    enum CodingKeys: String, CodingKey { case code, nb, en, missing }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        code = try container.decode(Int.self, forKey: .code)
        label = LocalizedText(
            nb: try container.decode(String.self, forKey: .nb),
            en: try container.decodeIfPresent(String.self, forKey: .en))
        missing = try container.decodeIfPresent(MissingKind.self, forKey: .missing)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(code, forKey: .code)
        try container.encode(label.nb, forKey: .nb)
        try container.encodeIfPresent(label.en, forKey: .en)
        try container.encodeIfPresent(missing, forKey: .missing)
    }
}

/// A named list of answer options that one or more questions share (XLSForm's `list_name`).
public struct ChoiceList: Sendable, Hashable, Codable {
    /// The name questions refer to (`Question.choiceList`).
    public var name: String
    /// The options in display order.
    public var choices: [Choice]

    public init(name: String, choices: [Choice]) {
        self.name = name
        self.choices = choices
    }

    /// The list built from one of the report's classifications.
    public init(_ codeList: CodeList) {
        self.init(
            name: codeList.id,
            choices: codeList.entries.map {
                Choice(code: $0.code, label: LocalizedText(nb: $0.label, en: $0.labelEnglish))
            }
        )
    }

    /// The choice with this code, if the list has one.
    public func choice(code: Int) -> Choice? { choices.first { $0.code == code } }
}
