/// A block of questions asked together, with an optional routing condition that applies to
/// every question in it (XLSForm's `begin_group` … `end_group`).
///
/// A section with an empty name stands for questions outside any group in an imported XLSForm;
/// it is written back without group rows.
public struct Section: Sendable, Hashable, Codable {
    /// The group name; empty for questions outside any group.
    public var name: String
    public var label: LocalizedText?
    /// When the section's questions are asked; nil means always.
    public var relevance: RoutingExpression?
    public var questions: [Question]

    public init(
        name: String, label: LocalizedText? = nil, relevance: RoutingExpression? = nil, questions: [Question]
    ) {
        self.name = name
        self.label = label
        self.relevance = relevance
        self.questions = questions
    }

    enum CodingKeys: String, CodingKey {
        case name, label, questions
        case relevance = "relevant"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decodeIfPresent(String.self, forKey: .name) ?? ""
        label = try container.decodeIfPresent(LocalizedText.self, forKey: .label)
        relevance = try container.decodeIfPresent(RoutingExpression.self, forKey: .relevance)
        questions = try container.decode([Question].self, forKey: .questions)
    }
}
