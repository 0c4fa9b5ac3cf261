public import FornyeBarometer
public import FornyeStatistics

/// What an import would store: the mapping as applied, the first rows, and every problem.
public struct ImportPreview: Sendable {
    /// Source column → instrument question (item columns name their option: "q[code]").
    public var bindings: [(column: String, variable: String)]
    /// Columns left out because the mapping ignores them.
    public var ignored: [String]
    /// The first rows as they will be stored: question → answer as text ("1 = Ja", "1 3", "12.5").
    public var rows: [[String: String]]
    public var rowCount: Int
    public var problems: [ImportProblem]
    /// True when more problems were found than are listed.
    public var problemsTruncated: Bool

    public var isImportable: Bool { problems.isEmpty }
}

/// Responses read from a file through a mapping: the answers and the dataset they make.
public struct ImportedResponses: Sendable {
    public var answers: [AnswerSet]
    public var dataset: Dataset
    /// The source row of each response.
    public var rowNumbers: [Int]
}

/// Applies an `ImportMapping` to a `SourceTable` for an instrument. All or nothing: `run` returns
/// every response or throws `ImportFailure` listing each bad cell; `preview` shows the same
/// problems without failing.
public enum ResponseImporter {
    /// At most this many problems are collected; the rest are counted as "more".
    public static let problemLimit = 200

    public static func preview(
        _ table: SourceTable, mapping: ImportMapping, instrument: Instrument, rows: Int = 10
    ) -> ImportPreview {
        var session = Session(table: table, mapping: mapping, instrument: instrument)
        let answers = session.convert()
        var shown: [[String: String]] = []
        for answer in answers.prefix(rows) {
            var row: [String: String] = [:]
            for binding in session.bindings {
                row[binding.question.name] = describe(answer[binding.question.name], binding.question, instrument)
            }
            shown.append(row)
        }
        if session.problems.isEmpty { _ = session.dataset(answers) }
        return ImportPreview(
            bindings: session.bindings.flatMap { binding in
                binding.columns.map {
                    (table.columns[$0.index], binding.question.name + ($0.code.map { "[\($0)]" } ?? ""))
                }
            },
            ignored: session.ignored, rows: shown, rowCount: table.rows.count, problems: session.problems,
            problemsTruncated: session.truncated)
    }

    public static func run(_ table: SourceTable, mapping: ImportMapping, instrument: Instrument) throws(ImportFailure)
        -> ImportedResponses
    {
        var session = Session(table: table, mapping: mapping, instrument: instrument)
        let answers = session.convert()
        let dataset = session.problems.isEmpty ? session.dataset(answers) : nil
        guard session.problems.isEmpty, let dataset else {
            throw ImportFailure(problems: session.problems, truncated: session.truncated)
        }
        return ImportedResponses(answers: answers, dataset: dataset, rowNumbers: table.rowNumbers)
    }

    static func describe(_ answer: Answer?, _ question: Question, _ instrument: Instrument) -> String {
        guard let answer else { return "" }
        let list = instrument.choices(of: question)
        switch answer {
        case .code(let code): return "\(code)" + (list?.choice(code: code).map { " = \($0.label.nb)" } ?? "")
        case .codes(let codes): return codes.sorted().map(String.init).joined(separator: " ")
        case .number(let number): return SourceReader.text(number)
        case .text(let text): return text
        }
    }
}

private struct Binding {
    struct SourceColumn {
        var index: Int
        /// The option code of an item column.
        var code: Int?
    }

    var question: Question
    var columns: [SourceColumn]
    var rule: ImportMapping.ColumnRule?
    var separator: String?
    /// The question's choice list and codes, looked up once rather than per cell.
    var list: ChoiceList?
    var codes: Set<Int> = []
}

private struct Session {
    let table: SourceTable
    let mapping: ImportMapping
    let instrument: Instrument
    var bindings: [Binding] = []
    var ignored: [String] = []
    var problems: [ImportProblem] = []
    var truncated = false
    let missingTexts: Set<String>

    init(table: SourceTable, mapping: ImportMapping, instrument: Instrument) {
        self.table = table
        self.mapping = mapping
        self.instrument = instrument
        missingTexts = Set(mapping.missing.map { $0.trimmingWhitespace.lowercased() }).union([""])
        resolve()
        for index in bindings.indices {
            bindings[index].list = instrument.choices(of: bindings[index].question)
            bindings[index].codes = instrument.optionCodes(of: bindings[index].question)
        }
    }

    mutating func report(
        row: Int? = nil, column: Int? = nil, field: String? = nil, value: String? = nil, _ message: String
    ) {
        guard problems.count < ResponseImporter.problemLimit else {
            truncated = true
            return
        }
        problems.append(
            ImportProblem(
                file: table.file, sheet: table.sheet, row: row.map { table.rowNumbers[$0] },
                column: column.map { table.columns[$0] }, field: field, value: value, message: message))
    }

    // MARK: Resolving the mapping

    mutating func resolve() {
        var index: [String: Int] = [:]
        for (position, name) in table.columns.enumerated() { index[name] = position }
        var claimed = Set<Int>()
        var byQuestion: [String: Int] = [:]
        func question(_ name: String) -> Question? {
            guard let question = instrument.question(named: name), question.type.hasAnswer else { return nil }
            return question
        }
        for rule in mapping.columns {
            guard let target = question(rule.variable) else {
                report(
                    field: rule.variable,
                    "the mapping names \"\(rule.variable)\", which is no question of instrument \(instrument.id) \(instrument.version)"
                )
                continue
            }
            var columns: [Binding.SourceColumn] = []
            if let items = rule.items {
                guard target.type == .multipleChoice else {
                    report(
                        field: rule.variable,
                        "item columns are only for multiple-choice questions; \(rule.variable) is \(target.type.rawValue)"
                    )
                    continue
                }
                for (name, code) in items.sorted(by: { $0.value < $1.value }) {
                    guard let position = index[name] else {
                        report(
                            field: rule.variable, value: name,
                            "the mapping names column \"\(name)\", which the file does not have")
                        continue
                    }
                    if instrument.choices(of: target)?.choice(code: code) == nil {
                        report(
                            column: position, field: rule.variable, "code \(code) is not an option of \(rule.variable)")
                    }
                    columns.append(.init(index: position, code: code))
                }
            } else if let name = rule.column {
                guard let position = index[name] else {
                    report(
                        field: rule.variable, value: name,
                        "the mapping names column \"\(name)\", which the file does not have; columns are: "
                            + table.columns.prefix(20).joined(separator: ", "))
                    continue
                }
                columns.append(.init(index: position))
            } else {
                report(field: rule.variable, "a mapping rule needs \"column\" or \"items\"")
                continue
            }
            for column in columns where !claimed.insert(column.index).inserted {
                report(column: column.index, field: rule.variable, "the column is mapped twice")
            }
            if byQuestion[target.name] != nil {
                report(field: target.name, "the question is mapped twice")
                continue
            }
            byQuestion[target.name] = bindings.count
            bindings.append(Binding(question: target, columns: columns, rule: rule, separator: rule.separator))
        }
        let ignore = Set(mapping.ignore)
        for (position, name) in table.columns.enumerated() where !claimed.contains(position) {
            if ignore.contains(name) {
                ignored.append(name)
                continue
            }
            if mapping.automatic, let (target, code) = automaticTarget(name, question: question) {
                claimed.insert(position)
                if let existing = byQuestion[target.name] {
                    if code != nil, bindings[existing].columns.allSatisfy({ $0.code != nil }) {
                        bindings[existing].columns.append(.init(index: position, code: code))
                    } else {
                        report(
                            column: position, field: target.name, "the question is already answered by another column")
                    }
                } else {
                    byQuestion[target.name] = bindings.count
                    bindings.append(
                        Binding(
                            question: target, columns: [.init(index: position, code: code)], rule: nil,
                            separator: target.type == .multipleChoice && code == nil ? " " : nil))
                }
                continue
            }
            report(
                column: position,
                "the column is neither mapped to a question nor listed under \"ignore\" in mapping \(mapping.name)")
        }
    }

    /// `q`, `group/q`, and for multiple choice `q_<code>`, `q/<code>`, `q[<code>]`, `q[SQ00<code>]`.
    func automaticTarget(_ name: String, question: (String) -> Question?) -> (Question, Int?)? {
        let base = name.split(separator: "/").last.map(String.init) ?? name
        if let found = question(base) { return (found, nil) }
        func item(_ stem: String, _ codeText: String) -> (Question, Int?)? {
            let stemBase = stem.split(separator: "/").last.map(String.init) ?? stem
            let digits = codeText.drop { !$0.isNumber }
            guard let target = question(stemBase), target.type == .multipleChoice, let code = Int(digits),
                instrument.choices(of: target)?.choice(code: code) != nil
            else { return nil }
            return (target, code)
        }
        if name.hasSuffix("]"), let open = name.lastIndex(of: "[") {
            return item(
                String(name[..<open]), String(name[name.index(after: open)..<name.index(before: name.endIndex)]))
        }
        if let slash = name.lastIndex(of: "/") {
            if let found = item(String(name[..<slash]), String(name[name.index(after: slash)...])) { return found }
        }
        if let underscore = name.lastIndex(of: "_") {
            return item(String(name[..<underscore]), String(name[name.index(after: underscore)...]))
        }
        return nil
    }

    // MARK: Converting cells

    mutating func convert() -> [AnswerSet] {
        var answers: [AnswerSet] = []
        answers.reserveCapacity(table.rows.count)
        for (row, cells) in table.rows.enumerated() {
            var answer = AnswerSet()
            for index in bindings.indices {
                if let value = convert(index, cells: cells, row: row) { answer[bindings[index].question.name] = value }
            }
            answers.append(answer)
        }
        return answers
    }

    func isMissing(_ text: String) -> Bool {
        if text.isEmpty { return true }
        // Most mappings add no missing texts; then no cell needs lowercasing.
        return missingTexts.count > 1 && missingTexts.contains(text.lowercased())
    }

    mutating func convert(_ bindingIndex: Int, cells: [String], row: Int) -> Answer? {
        let binding = bindings[bindingIndex]
        let question = binding.question
        if binding.columns.first?.code != nil {
            var chosen = Set<Int>()
            var answered = false
            for column in binding.columns {
                let text = cells[column.index].trimmingWhitespace
                if isMissing(text) { continue }
                answered = true
                if binding.rule?.checked == nil, text == "1" || text == "0" {
                    if text == "1" { chosen.insert(column.code!) }
                    continue
                }
                let lowered = text.lowercased()
                let checked = binding.rule?.checked.map { Set($0.map { $0.lowercased() }) } ?? Self.checkedTexts
                if checked.contains(lowered) {
                    chosen.insert(column.code!)
                } else if !Self.uncheckedTexts.contains(lowered) {
                    report(
                        row: row, column: column.index, field: question.name, value: text,
                        "an option column holds \"chosen\" (1, Y, Ja, …) or \"not chosen\" (0, N, Nei, …)")
                }
            }
            return answered ? .codes(chosen) : nil
        }
        guard let column = binding.columns.first?.index else { return nil }
        let text = cells[column].trimmingWhitespace
        if isMissing(text) { return nil }
        switch question.type {
        case .singleChoice, .scale:
            return code(text, binding: binding, row: row, column: column).map(Answer.code)
        case .multipleChoice:
            let separator = binding.separator ?? " "
            var codes = Set<Int>()
            for token in text.components(separatedBy: separator) where !token.trimmingWhitespace.isEmpty {
                guard let code = code(token.trimmingWhitespace, binding: binding, row: row, column: column) else {
                    return nil
                }
                codes.insert(code)
            }
            return .codes(codes)
        case .integer, .decimal:
            // The questionnaire's rules decide what a number is and when it is whole (`QuestionnaireRules`).
            guard let number = QuestionnaireRules.number(text) else {
                report(
                    row: row, column: column, field: question.name, value: text, "expected a number, e.g. 12 or 12.5")
                return nil
            }
            if !QuestionnaireRules.fits(number, question.type) {
                report(row: row, column: column, field: question.name, value: text, "expected a whole number")
                return nil
            }
            return .number(number)
        case .text:
            return .text(text)
        case .municipality:
            var digits = text
            // Excel drops the leading zero of 0301.
            if digits.count == 3, digits.allSatisfy(\.isNumber) { digits = "0" + digits }
            guard QuestionnaireRules.isMunicipalityNumber(digits) else {
                report(
                    row: row, column: column, field: question.name, value: text,
                    "expected a four-digit kommunenummer, e.g. 0301")
                return nil
            }
            return .text(digits)
        case .note:
            return nil
        }
    }

    static let checkedTexts: Set<String> = ["1", "y", "yes", "ja", "true", "x", "sant", "selected", "valgt"]
    static let uncheckedTexts: Set<String> = ["0", "n", "no", "nei", "false", "usant", "not selected", "ikke valgt"]

    mutating func code(_ text: String, binding: Binding, row: Int, column: Int) -> Int? {
        let question = binding.question
        let list = binding.list
        var code: Int?
        if let recoded = binding.rule?.recode?[text] {
            code = recoded
        } else if let number = Int(text) {
            code = number
        } else if let number = Double(text), number == number.rounded(), abs(number) < 1e9 {
            code = Int(number)
        } else if let labelled = table.valueLabels[table.columns[column]]?[text].flatMap({ Int($0) }) {
            code = labelled
        } else {
            let lowered = text.lowercased()
            code =
                list?.choices.first { $0.label.nb.lowercased() == lowered || $0.label.en?.lowercased() == lowered }?
                .code
        }
        guard let code, binding.codes.contains(code) else {
            let options = (list?.choices ?? []).prefix(12).map { "\($0.code) (\($0.label.nb))" }.joined(separator: ", ")
            report(
                row: row, column: column, field: question.name, value: text,
                "expected a code or answer text of list \(question.choiceList ?? "?"): \(options)")
            return nil
        }
        return code
    }

    mutating func dataset(_ answers: [AnswerSet]) -> Dataset? {
        do {
            return try instrument.dataset(responses: answers)
        } catch {
            if case .invalidValue(let variable, let row, let message) = error {
                let binding = bindings.first {
                    $0.question.name == variable || variable.hasPrefix($0.question.name + "_")
                }
                report(row: row - 1, column: binding?.columns.first?.index, field: variable, message)
            } else {
                report(error.description)
            }
            return nil
        }
    }
}
