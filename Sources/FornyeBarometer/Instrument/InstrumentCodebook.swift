public import FornyeStatistics

extension Instrument {
    /// The codebook of data collected with this instrument, for the statistics engine.
    ///
    /// Single-choice questions become `singleChoice` variables and scale items `ordinal` ones,
    /// with the choices flagged `missing` as missing codes; a multiple-choice question `q`
    /// becomes one 0/1 `multipleChoiceItem` variable `q_<code>` per option and a
    /// multiple-response set `q`; numbers become `numeric`, text and municipality numbers
    /// `text`; notes have no variable. Questions not asked (routing) are system missing.
    public func codebook() -> Codebook {
        var variables: [Variable] = []
        var sets: [MultipleResponseSet] = []
        for question in questions {
            let list = choices(of: question)
            switch question.type {
            case .singleChoice, .scale:
                let substantive = (list?.choices ?? []).filter { $0.missing == nil }
                let missing = (list?.choices ?? []).compactMap { choice in choice.missing.map { (choice.code, $0) } }
                variables.append(
                    Variable(
                        name: question.name, label: question.label.nb, labelEnglish: question.label.en,
                        kind: question.type == .scale ? .ordinal : .singleChoice,
                        valueLabels: substantive.map {
                            ValueLabel(code: $0.code, label: $0.label.nb, labelEnglish: $0.label.en)
                        },
                        missingCodes: Dictionary(missing, uniquingKeysWith: { first, _ in first })))
            case .multipleChoice:
                let items = (list?.choices ?? []).map { choice in
                    Variable(
                        name: InstrumentCodebookNaming.itemName(question.name, code: choice.code),
                        label: "\(question.label.nb): \(choice.label.nb)",
                        labelEnglish: question.label.en.map { "\($0): \(choice.label.en ?? choice.label.nb)" },
                        kind: .multipleChoiceItem,
                        valueLabels: InstrumentCodebookNaming.itemValues)
                }
                variables += items
                sets.append(
                    MultipleResponseSet(
                        name: question.name, label: question.label.nb, labelEnglish: question.label.en,
                        items: items.map(\.name)))
            case .integer, .decimal:
                variables.append(
                    Variable(
                        name: question.name, label: question.label.nb, labelEnglish: question.label.en, kind: .numeric))
            case .text, .municipality:
                variables.append(
                    Variable(
                        name: question.name, label: question.label.nb, labelEnglish: question.label.en, kind: .text))
            case .note:
                continue
            }
        }
        return Codebook(title: title.nb, variables: variables, multipleResponseSets: sets)
    }
}

/// How questions map to codebook names.
public enum InstrumentCodebookNaming {
    /// The 0/1 item variable for one option of a multiple-choice question: `<question>_<code>`.
    public static func itemName(_ question: String, code: Int) -> String { "\(question)_\(code)" }

    static let itemValues = [
        ValueLabel(code: 0, label: "Ikke valgt", labelEnglish: "Not selected"),
        ValueLabel(code: 1, label: "Valgt", labelEnglish: "Selected"),
    ]
}
