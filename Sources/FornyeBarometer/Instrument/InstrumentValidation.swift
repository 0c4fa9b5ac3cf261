extension Instrument {
    /// Checks the instrument: names, choice lists, question types and routing.
    ///
    /// Every issue found is reported, each naming the part of the instrument it concerns; the
    /// loaders add the file and line or sheet and row.
    /// - Throws: `InstrumentError` listing the issues.
    public func validate() throws(InstrumentError) {
        let issues = validationIssues()
        if !issues.isEmpty { throw InstrumentError(issues) }
    }

    /// The issues `validate()` reports, in the order of the file: header, choice lists, then
    /// sections and questions.
    public func validationIssues() -> [InstrumentIssue] {
        var validator = InstrumentValidator(self)
        validator.checkHeader()
        validator.checkChoiceLists()
        validator.checkNames()
        validator.checkQuestions()
        validator.checkRouting()
        return validator.issues.enumerated()
            .sorted { first, second in
                let (a, b) = (first.element.part.order, second.element.part.order)
                return (a.0, a.1, a.2, first.offset) < (b.0, b.1, b.2, second.offset)
            }
            .map(\.element)
    }
}

/// The checks of `Instrument.validate()`; routing checks are in `RoutingValidation.swift`.
struct InstrumentValidator {
    let instrument: Instrument
    /// Every question with its section and place, in the order asked.
    let entries: [(section: Int, index: Int, question: Question)]
    /// Position in `entries` of the first question of each name.
    let positions: [String: Int]
    var issues: [InstrumentIssue] = []

    init(_ instrument: Instrument) {
        self.instrument = instrument
        var entries: [(section: Int, index: Int, question: Question)] = []
        for (sectionIndex, section) in instrument.sections.enumerated() {
            for (index, question) in section.questions.enumerated() {
                entries.append((sectionIndex, index, question))
            }
        }
        self.entries = entries
        var positions: [String: Int] = [:]
        for (position, entry) in entries.enumerated() where positions[entry.question.name] == nil {
            positions[entry.question.name] = position
        }
        self.positions = positions
    }

    mutating func checkHeader() {
        if instrument.id.trimmingWhitespace().isEmpty {
            issues.append(InstrumentIssue("the instrument has no id", part: .instrument, field: "id"))
        }
        if instrument.version.trimmingWhitespace().isEmpty {
            issues.append(InstrumentIssue("the instrument has no version", part: .instrument, field: "version"))
        }
        if instrument.title.nb.trimmingWhitespace().isEmpty {
            issues.append(InstrumentIssue("the instrument has no title in bokmål", part: .instrument, field: "title"))
        }
    }

    mutating func checkChoiceLists() {
        var seen: [String: Int] = [:]
        for (listIndex, list) in instrument.choiceLists.enumerated() {
            if !Self.isValidName(list.name) {
                issues.append(
                    InstrumentIssue(Self.nameRule(list.name), part: .choiceList(listIndex), name: list.name))
            }
            if let first = seen[list.name] {
                issues.append(
                    InstrumentIssue(
                        "the list name is used twice (also list number \(first + 1))", part: .choiceList(listIndex),
                        name: list.name))
            } else {
                seen[list.name] = listIndex
            }
            if list.choices.isEmpty {
                issues.append(InstrumentIssue("the list has no choices", part: .choiceList(listIndex), name: list.name))
            }
            var codes: Set<Int> = []
            for (index, choice) in list.choices.enumerated() {
                let part = InstrumentPart.choice(list: listIndex, index: index)
                if !codes.insert(choice.code).inserted {
                    issues.append(
                        InstrumentIssue("code \(choice.code) appears twice", part: part, name: list.name, field: "code")
                    )
                }
                if choice.label.nb.trimmingWhitespace().isEmpty {
                    issues.append(
                        InstrumentIssue(
                            "code \(choice.code) has no label in bokmål", part: part, name: list.name, field: "label"))
                }
                if choice.missing == .system {
                    issues.append(
                        InstrumentIssue(
                            "code \(choice.code): system missing is an empty answer, not a code; use dontKnow or notApplicable",
                            part: part, name: list.name, field: "missing"))
                }
            }
        }
    }

    /// Question and section names share one namespace, as in XLSForm, and must not collide
    /// with the 0/1 item variables that multiple-choice questions become.
    mutating func checkNames() {
        var owners: [String: String] = [:]
        for (sectionIndex, section) in instrument.sections.enumerated() where section.name.isEmpty {
            // An unnamed section stands for questions outside any XLSForm group, which has neither.
            if section.label != nil || section.relevance != nil {
                issues.append(
                    InstrumentIssue(
                        "a section with a label or a condition needs a name", part: .section(sectionIndex),
                        field: "name"))
            }
        }
        for (sectionIndex, section) in instrument.sections.enumerated() where !section.name.isEmpty {
            if !Self.isValidName(section.name) {
                issues.append(
                    InstrumentIssue(Self.nameRule(section.name), part: .section(sectionIndex), name: section.name))
            }
            if owners[section.name] != nil {
                issues.append(
                    InstrumentIssue("the section name is used twice", part: .section(sectionIndex), name: section.name))
            }
            owners[section.name] = "section \(section.name)"
        }
        for entry in entries {
            let name = entry.question.name
            let part = InstrumentPart.question(section: entry.section, index: entry.index)
            if !Self.isValidName(name) {
                issues.append(InstrumentIssue(Self.nameRule(name), part: part, name: name, field: "name"))
            }
            if let owner = owners[name] {
                issues.append(
                    InstrumentIssue("the name is already used by \(owner)", part: part, name: name, field: "name"))
            } else {
                let section = instrument.sections[entry.section].name
                owners[name] = section.isEmpty ? "an earlier question" : "an earlier question (section \(section))"
            }
        }
        for entry in entries where entry.question.type == .multipleChoice {
            guard let list = instrument.choices(of: entry.question) else { continue }
            for choice in list.choices {
                let item = InstrumentCodebookNaming.itemName(entry.question.name, code: choice.code)
                if !Self.isValidName(item) {
                    issues.append(
                        InstrumentIssue(
                            "its option \(choice.code) would become variable \(item), which is not a valid name",
                            part: .question(section: entry.section, index: entry.index), name: entry.question.name))
                } else if let owner = owners[item] {
                    issues.append(
                        InstrumentIssue(
                            "its option \(choice.code) becomes variable \(item), already used by \(owner)",
                            part: .question(section: entry.section, index: entry.index), name: entry.question.name))
                }
            }
        }
    }

    mutating func checkQuestions() {
        for entry in entries {
            let question = entry.question
            let part = InstrumentPart.question(section: entry.section, index: entry.index)
            if question.label.nb.trimmingWhitespace().isEmpty {
                issues.append(
                    InstrumentIssue(
                        "the question has no label in bokmål", part: part, name: question.name, field: "label"))
            }
            if question.calculation != nil, question.type == .multipleChoice || question.type == .note {
                issues.append(
                    InstrumentIssue(
                        "a \(question.type.rawValue) question cannot be calculated", part: part, name: question.name,
                        field: "calculation"))
            }
            if let specified = question.specifies {
                checkSpecify(question, of: specified, entry: entry, part: part)
            }
            if question.type.usesChoiceList {
                guard let listName = question.choiceList else {
                    issues.append(
                        InstrumentIssue(
                            "a \(question.type.rawValue) question needs a choice list", part: part, name: question.name,
                            field: "choices"))
                    continue
                }
                if instrument.choiceList(named: listName) == nil {
                    issues.append(
                        InstrumentIssue(
                            "choice list \(listName) does not exist", part: part, name: question.name, field: "choices")
                    )
                }
            } else if let listName = question.choiceList {
                issues.append(
                    InstrumentIssue(
                        "a \(question.type.rawValue) question takes no choice list (found \(listName))", part: part,
                        name: question.name, field: "choices"))
            }
        }
    }

    /// An "other, specify" text follows its choice question on the same page and is kept only
    /// when a choice is made (it has a condition).
    mutating func checkSpecify(
        _ question: Question, of specified: String, entry: (section: Int, index: Int, question: Question),
        part: InstrumentPart
    ) {
        func issue(_ text: String) {
            issues.append(InstrumentIssue(text, part: part, name: question.name, field: "specifies"))
        }
        let earlier = instrument.sections[entry.section].questions[..<entry.index]
        if question.type != .text { issue("only a text question can specify another question's answer") }
        if let target = earlier.first(where: { $0.name == specified }) {
            if target.type != .singleChoice && target.type != .multipleChoice {
                issue("\(specified) is not a choice question")
            }
        } else {
            issue("\(specified) is not a question earlier on the same page")
        }
        if question.relevance == nil { issue("an «other, specify» text needs a condition (relevant)") }
    }

    static func isValidName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first.properties.isAlphabetic || first == "_" else { return false }
        return name.unicodeScalars.allSatisfy { $0.isASCIILetterOrDigit || $0 == "_" } && first.isASCII
    }

    static func nameRule(_ name: String) -> String {
        "\"\(name)\" is not a valid name: use ASCII letters, digits and _, starting with a letter or _"
    }
}

extension Unicode.Scalar {
    fileprivate var isASCIILetterOrDigit: Bool {
        ("a"..."z").contains(self) || ("A"..."Z").contains(self) || ("0"..."9").contains(self)
    }
}

extension InstrumentPart {
    /// Position in the file: the header, then choice lists, then sections with their questions.
    fileprivate var order: (Int, Int, Int) {
        switch self {
        case .instrument: (0, 0, 0)
        case .choiceList(let list): (1, list, -1)
        case .choice(let list, let index): (1, list, index)
        case .section(let section): (2, section, -1)
        case .question(let section, let index): (2, section, index)
        }
    }
}
