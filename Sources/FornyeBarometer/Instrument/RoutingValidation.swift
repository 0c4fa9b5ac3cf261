extension InstrumentValidator {
    /// Routing may only read earlier questions that have answers, with codes from their lists;
    /// cycles are reported once each, with their path.
    mutating func checkRouting() {
        var edges: [[Int]] = Array(repeating: [], count: entries.count)
        var sectionStart: [Int] = []
        var start = 0
        for section in instrument.sections {
            sectionStart.append(start)
            start += section.questions.count
        }
        for (sectionIndex, section) in instrument.sections.enumerated() {
            guard let relevance = section.relevance else { continue }
            let part = InstrumentPart.section(sectionIndex)
            let known = checkExpression(
                relevance.references, [relevance.condition], part: part, name: section.name, field: "relevant")
            for (reference, target) in known {
                if target >= sectionStart[sectionIndex] {
                    let inside = target < sectionStart[sectionIndex] + section.questions.count
                    issues.append(
                        InstrumentIssue(
                            inside
                                ? "the section's condition reads ${\(reference.name)}, which is inside the section"
                                : "the section's condition reads ${\(reference.name)}, which comes later",
                            part: part, name: section.name, field: "relevant", expressionColumn: reference.column))
                } else {
                    for position in sectionStart[sectionIndex]..<(sectionStart[sectionIndex] + section.questions.count)
                    {
                        edges[position].append(target)
                    }
                }
            }
        }
        var references: [[(QuestionReference, field: String)]] = Array(repeating: [], count: entries.count)
        for (position, entry) in entries.enumerated() {
            let part = InstrumentPart.question(section: entry.section, index: entry.index)
            var read: [(QuestionReference, Int, field: String)] = []
            if let relevance = entry.question.relevance {
                read += checkExpression(
                    relevance.references, [relevance.condition], part: part, name: entry.question.name,
                    field: "relevant"
                )
                .map { ($0.0, $0.1, "relevant") }
            }
            if let calculation = entry.question.calculation {
                read += checkExpression(
                    calculation.references, calculation.value.conditions, part: part, name: entry.question.name,
                    field: "calculation"
                ).map { ($0.0, $0.1, "calculation") }
                checkResults(of: calculation, question: entry.question, part: part)
            }
            for (reference, target, field) in read {
                edges[position].append(target)
                references[position].append((reference, field))
            }
        }
        let cycleEdges = reportCycles(edges)
        for (position, entry) in entries.enumerated() {
            for (reference, field) in references[position] {
                guard let target = positions[reference.name], target > position,
                    !cycleEdges.contains(Edge(from: position, to: target))
                else { continue }
                issues.append(
                    InstrumentIssue(
                        "${\(reference.name)} is asked later; routing can only read earlier answers",
                        part: .question(section: entry.section, index: entry.index), name: entry.question.name,
                        field: field, expressionColumn: reference.column))
            }
        }
    }

    private struct Edge: Hashable {
        var from: Int
        var to: Int
    }

    /// Reports each cycle at its earliest question and returns the edges that lie on one.
    private mutating func reportCycles(_ edges: [[Int]]) -> Set<Edge> {
        enum Mark { case unvisited, onPath, done }
        var marks = Array(repeating: Mark.unvisited, count: edges.count)
        var path: [Int] = []
        var cycleEdges: Set<Edge> = []
        var cycles: [[Int]] = []
        var seenCycles: Set<[Int]> = []

        func visit(_ node: Int) {
            marks[node] = .onPath
            path.append(node)
            for target in edges[node] {
                switch marks[target] {
                case .unvisited: visit(target)
                case .onPath:
                    let cycle = Array(path[path.lastIndex(of: target)!...])
                    let key = cycle.sorted()
                    if seenCycles.insert(key).inserted { cycles.append(cycle) }
                case .done: break
                }
            }
            path.removeLast()
            marks[node] = .done
        }
        for node in edges.indices where marks[node] == .unvisited { visit(node) }

        for cycle in cycles {
            // Start the path at the earliest question so the message reads in questionnaire order.
            let first = cycle.firstIndex(of: cycle.min()!)!
            let ordered = Array(cycle[first...] + cycle[..<first])
            for (index, node) in ordered.enumerated() {
                cycleEdges.insert(Edge(from: node, to: ordered[(index + 1) % ordered.count]))
            }
            let names = (ordered + [ordered[0]]).map { entries[$0].question.name }
            let entry = entries[ordered[0]]
            issues.append(
                InstrumentIssue(
                    "routing cycle: \(names.joined(separator: " → "))",
                    part: .question(section: entry.section, index: entry.index), name: entry.question.name,
                    field: "relevant"))
        }
        return cycleEdges
    }

    /// Checks what an expression reads and returns the references to existing questions with
    /// their positions.
    private mutating func checkExpression(
        _ references: [QuestionReference], _ conditions: [RoutingCondition], part: InstrumentPart, name: String,
        field: String
    ) -> [(QuestionReference, Int)] {
        var known: [(QuestionReference, Int)] = []
        func issue(_ message: String, column: Int) {
            issues.append(InstrumentIssue(message, part: part, name: name, field: field, expressionColumn: column))
        }
        for reference in references {
            guard let position = positions[reference.name] else {
                issue("${\(reference.name)} is not a question in this instrument", column: reference.column)
                continue
            }
            if entries[position].question.type == .note {
                issue("${\(reference.name)} is a note and has no answer", column: reference.column)
                continue
            }
            known.append((reference, position))
        }
        for condition in conditions { checkCodes(condition, report: issue) }
        return known
    }

    /// Codes must belong to the question's list, and `selected()` and `count-selected()`
    /// need choice questions.
    private func checkCodes(_ condition: RoutingCondition, report: (String, Int) -> Void) {
        switch condition {
        case .and(let left, let right), .or(let left, let right):
            checkCodes(left, report: report)
            checkCodes(right, report: report)
        case .not(let inner):
            checkCodes(inner, report: report)
        case .selected(let reference, let code, let codeColumn):
            guard let question = question(reference.name) else { return }
            guard question.type.usesChoiceList else {
                report(
                    "selected() needs a choice question; ${\(reference.name)} is \(question.type.rawValue)",
                    reference.column)
                return
            }
            checkCode(code, of: question, column: codeColumn, report: report)
        case .comparison(let left, _, let right):
            for (operand, other) in [(left, right), (right, left)] {
                switch operand.kind {
                case .countSelected(let reference):
                    if let question = question(reference.name), question.type != .multipleChoice {
                        report(
                            "count-selected() needs a multiple-choice question; ${\(reference.name)} is \(question.type.rawValue)",
                            reference.column)
                    }
                case .answer(let reference):
                    guard let question = question(reference.name) else { continue }
                    if question.type == .multipleChoice {
                        report(
                            "${\(reference.name)} is multiple choice; use selected(${\(reference.name)}, code)",
                            reference.column)
                    } else if question.type.usesChoiceList, let code = Self.literalCode(other) {
                        guard let value = code.value else {
                            report("a choice code must be a whole number", code.column)
                            continue
                        }
                        checkCode(value, of: question, column: code.column, report: report)
                    }
                case .number, .text:
                    continue
                }
            }
        }
    }

    /// A calculated choice question can only produce codes of its list.
    private mutating func checkResults(of calculation: CalculationExpression, question: Question, part: InstrumentPart)
    {
        guard question.type.usesChoiceList else { return }
        for operand in calculation.value.literalResults {
            guard let code = Self.literalCode(operand) else { continue }
            let message: String
            if let value = code.value {
                guard let list = instrument.choices(of: question), list.choice(code: value) == nil else { continue }
                message = "the calculation can give \(value), which is not in choice list \(list.name)"
            } else {
                message = "a choice code must be a whole number"
            }
            issues.append(
                InstrumentIssue(
                    message, part: part, name: question.name, field: "calculation", expressionColumn: code.column))
        }
    }

    private func checkCode(_ code: Int, of question: Question, column: Int, report: (String, Int) -> Void) {
        guard let list = instrument.choices(of: question), list.choice(code: code) == nil else { return }
        report("code \(code) is not in choice list \(list.name) of ${\(question.name)}", column)
    }

    private func question(_ name: String) -> Question? {
        positions[name].map { entries[$0].question }
    }

    /// The code a literal compared with a choice question stands for; nil value when it is no
    /// whole number. Empty text is left alone: `${q} = ''` asks whether q was answered.
    private static func literalCode(_ operand: RoutingOperand) -> (value: Int?, column: Int)? {
        switch operand.kind {
        case .number(let number): (Int(exactly: number), operand.column)
        case .text(let text) where text.trimmingWhitespace().isEmpty: nil
        case .text(let text): (Int(text.trimmingWhitespace()), operand.column)
        case .answer, .countSelected: nil
        }
    }
}
