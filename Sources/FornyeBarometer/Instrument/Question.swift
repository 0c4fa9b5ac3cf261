/// One question of an instrument.
///
/// ```swift
/// let question = Question(
///     name: "spread", type: .singleChoice, label: LocalizedText(nb: "Spredt?", en: "Spread?"),
///     choiceList: "spread", relevance: try RoutingExpression("${innovated} = 1"))
/// ```
public struct Question: Sendable, Hashable, Codable {
    /// The variable name in data and codebook; letters, digits and underscores.
    public var name: String
    public var type: QuestionType
    public var label: LocalizedText
    /// Help shown under the label, e.g. "Flere svar mulig."
    public var hint: LocalizedText?
    /// The name of the choice list, for single, multiple and scale questions.
    public var choiceList: String?
    /// Whether a respondent who is asked the question must answer it.
    public var required: Bool
    /// When the question is asked; nil means always (within its section).
    public var relevance: RoutingExpression?
    /// For a derived answer: how it is computed from earlier answers; the question is then not
    /// shown (XLSForm's `calculation` column).
    public var calculation: CalculationExpression?
    /// For an "other, specify" text ("Annet, nemlig"): the choice question on the same page whose
    /// «Annet» it specifies. It is shown with that question (a page is one form, so it cannot wait
    /// for the choice), and its `relevance` (the «Annet» code chosen) decides whether it is kept.
    public var specifies: String?

    public init(
        name: String,
        type: QuestionType,
        label: LocalizedText,
        hint: LocalizedText? = nil,
        choiceList: String? = nil,
        required: Bool = false,
        relevance: RoutingExpression? = nil,
        calculation: CalculationExpression? = nil,
        specifies: String? = nil
    ) {
        self.name = name
        self.type = type
        self.label = label
        self.hint = hint
        self.choiceList = choiceList
        self.required = required
        self.relevance = relevance
        self.calculation = calculation
        self.specifies = specifies
    }

    enum CodingKeys: String, CodingKey {
        case name, type, label, hint, required, calculation, specifies
        case choiceList = "choices"
        case relevance = "relevant"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        type = try container.decode(QuestionType.self, forKey: .type)
        label = try container.decode(LocalizedText.self, forKey: .label)
        hint = try container.decodeIfPresent(LocalizedText.self, forKey: .hint)
        choiceList = try container.decodeIfPresent(String.self, forKey: .choiceList)
        required = try container.decodeIfPresent(Bool.self, forKey: .required) ?? false
        relevance = try container.decodeIfPresent(RoutingExpression.self, forKey: .relevance)
        calculation = try container.decodeIfPresent(CalculationExpression.self, forKey: .calculation)
        specifies = try container.decodeIfPresent(String.self, forKey: .specifies)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(type, forKey: .type)
        try container.encodeIfPresent(choiceList, forKey: .choiceList)
        try container.encode(label, forKey: .label)
        try container.encodeIfPresent(hint, forKey: .hint)
        if required { try container.encode(true, forKey: .required) }
        try container.encodeIfPresent(relevance, forKey: .relevance)
        try container.encodeIfPresent(calculation, forKey: .calculation)
        try container.encodeIfPresent(specifies, forKey: .specifies)
    }
}
