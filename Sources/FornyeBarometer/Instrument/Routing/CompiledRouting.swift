/// An instrument's routing and calculations compiled once into closures over answer slots (one
/// slot per question name), for evaluating many responses: no syntax-tree walk and no lookup by
/// name per condition. Same results as `Instrument.completing(_:)` and `relevantQuestions`; the
/// value rules are shared (`RoutingValues`), and `CompiledRoutingTests` compares the two on
/// random answer sets.
struct CompiledRouting: Sendable {
    typealias Condition = @Sendable ([Answer?]) -> Bool
    typealias Calculation = @Sendable ([Answer?]) -> Answer?

    struct Step: Sendable {
        /// The question's slot.
        var slot: Int
        /// The question's index in `Instrument.questions`.
        var index: Int
        var calculation: Calculation?
        var condition: Condition?
    }

    struct SectionSteps: Sendable {
        var condition: Condition?
        var steps: [Step]
    }

    /// Question names by slot (duplicated names share a slot, as they share a dictionary key).
    let names: [String]
    let sections: [SectionSteps]

    init(_ instrument: Instrument) {
        var slots: [String: Int] = [:]
        var names: [String] = []
        for question in instrument.questions where slots[question.name] == nil {
            slots[question.name] = names.count
            names.append(question.name)
        }
        var index = 0
        var sections: [SectionSteps] = []
        for section in instrument.sections {
            var steps: [Step] = []
            for question in section.questions {
                steps.append(
                    Step(
                        slot: slots[question.name] ?? 0, index: index,
                        calculation: question.calculation.map { Self.compile($0.value, slots) },
                        condition: question.relevance.map { Self.compile($0.condition, slots) }))
                index += 1
            }
            sections.append(
                SectionSteps(condition: section.relevance.map { Self.compile($0.condition, slots) }, steps: steps))
        }
        self.names = names
        self.sections = sections
    }

    /// The stored answers by slot (calculated ones filled in, routed-past ones nil) and, for each
    /// question of `Instrument.questions`, whether it is relevant. `input(name)` reads an answer.
    func resolve(
        into visible: inout [Answer?], relevant: inout [Bool], input: (String) -> Answer?
    ) {
        for slot in visible.indices { visible[slot] = nil }
        for section in sections {
            let sectionRelevant = section.condition?(visible) ?? true
            for step in section.steps {
                guard sectionRelevant, step.condition?(visible) ?? true else {
                    relevant[step.index] = false
                    continue
                }
                relevant[step.index] = true
                let answer = step.calculation.map { $0(visible) } ?? input(names[step.slot])
                if let answer { visible[step.slot] = answer }
            }
        }
    }

    /// A reader of one question's answer; names that are no question read as unanswered.
    private static func reader(_ reference: QuestionReference, _ slots: [String: Int])
        -> @Sendable ([Answer?]) -> Answer?
    {
        guard let slot = slots[reference.name] else { return { _ in nil } }
        return { $0[slot] }
    }

    static func compile(_ condition: RoutingCondition, _ slots: [String: Int]) -> Condition {
        switch condition {
        case .comparison(let left, let comparison, let right):
            // The usual `${q} = 1`: the literal's value is worked out once.
            if case .number(let number) = right.kind, case .answer(let reference) = left.kind {
                let read = reader(reference, slots)
                let literal = XPathValue.number(number)
                return { RoutingValues.compare(RoutingValues.value(of: read($0)), comparison, literal) }
            }
            let leftValue = compile(left, slots)
            let rightValue = compile(right, slots)
            return { RoutingValues.compare(leftValue($0), comparison, rightValue($0)) }
        case .selected(let reference, let code, _):
            let read = reader(reference, slots)
            return { RoutingValues.isSelected(code, in: read($0)) }
        case .and(let left, let right):
            let left = compile(left, slots)
            let right = compile(right, slots)
            return { left($0) && right($0) }
        case .or(let left, let right):
            let left = compile(left, slots)
            let right = compile(right, slots)
            return { left($0) || right($0) }
        case .not(let inner):
            let inner = compile(inner, slots)
            return { !inner($0) }
        }
    }

    private static func compile(_ operand: RoutingOperand, _ slots: [String: Int])
        -> @Sendable ([Answer?]) -> XPathValue
    {
        switch operand.kind {
        case .number(let number): return { _ in .number(number) }
        case .text(let text): return { _ in .text(text) }
        case .countSelected(let reference):
            let read = reader(reference, slots)
            return { RoutingValues.countSelected(read($0)) }
        case .answer(let reference):
            let read = reader(reference, slots)
            return { RoutingValues.value(of: read($0)) }
        }
    }

    static func compile(_ value: CalculatedValue, _ slots: [String: Int]) -> Calculation {
        switch value {
        case .conditional(let condition, let then, let otherwise):
            let condition = compile(condition, slots)
            let then = compile(then, slots)
            let otherwise = compile(otherwise, slots)
            return { condition($0) ? then($0) : otherwise($0) }
        case .operand(let operand):
            switch operand.kind {
            case .number, .text:
                let literal = RoutingValues.literalAnswer(operand)
                return { _ in literal }
            case .answer(let reference):
                return reader(reference, slots)
            case .countSelected(let reference):
                let read = reader(reference, slots)
                return { RoutingValues.countSelectedAnswer(read($0)) }
            }
        }
    }
}
