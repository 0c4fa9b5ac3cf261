/// A questionnaire as data: choice lists and questions in sections, with routing.
///
/// An instrument is plain data, read from a versioned YAML file (`InstrumentFile`) or an XLSForm
/// (`FornyeFormats`), checked with `validate()`, evaluated against answers with
/// `isAsked(_:given:)`, and described for analysis by `codebook()`.
public struct Instrument: Sendable, Hashable, Codable {
    /// A stable identifier (XLSForm's `form_id`), e.g. "innovasjonsbarometer".
    public var id: String
    /// The version of this questionnaire, e.g. "2018.1"; bump it whenever a question changes.
    public var version: String
    public var title: LocalizedText
    /// The answer options, shared by name between questions.
    public var choiceLists: [ChoiceList]
    /// The questions in the order asked, grouped in sections.
    public var sections: [Section]

    public init(id: String, version: String, title: LocalizedText, choiceLists: [ChoiceList], sections: [Section]) {
        self.id = id
        self.version = version
        self.title = title
        self.choiceLists = choiceLists
        self.sections = sections
    }

    enum CodingKeys: String, CodingKey {
        case id, version, title, sections
        case choiceLists = "choice_lists"
    }

    /// Every question in the order asked.
    public var questions: [Question] { sections.flatMap(\.questions) }

    /// The question with this name, if any.
    public func question(named name: String) -> Question? {
        for section in sections {
            if let question = section.questions.first(where: { $0.name == name }) { return question }
        }
        return nil
    }

    /// The choice list with this name, if any.
    public func choiceList(named name: String) -> ChoiceList? {
        choiceLists.first { $0.name == name }
    }

    /// The choice list of a question, if it has one and the list exists.
    public func choices(of question: Question) -> ChoiceList? {
        question.choiceList.flatMap(choiceList(named:))
    }
}
