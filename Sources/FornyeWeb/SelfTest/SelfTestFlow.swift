import FornyeBarometer
import Foundation

/// How the self-test's forms map to the questionnaire engine. Nothing is kept between requests:
/// each form carries the answers so far as hidden fields named like the questions, and each post
/// reads them again through `QuestionnaireRules` (so a tampered value is refused like any other).
/// Step 0 is the start form (sector, unit type, municipality); step k ≥ 1 is the k-th page the
/// routing shows of the self-test's sections.
struct SelfTestFlow {
    let rules: QuestionnaireRules

    /// The background questions the start form asks, in order.
    static let backgroundNames = ["sector", "unit_type", "kommunenummer"]

    var backgroundQuestions: [Question] {
        Self.backgroundNames.compactMap { rules.instrument.question(named: $0) }
    }

    /// Every question the self-test may ask, background first.
    var questions: [Question] {
        backgroundQuestions
            + rules.instrument.sections.filter { SelfTestAnalysis.sections.contains($0.name) }.flatMap(\.questions)
    }

    /// The pages shown given the answers (routing applied).
    func pages(_ answers: AnswerSet) -> [Section] {
        rules.pages(answers).filter { SelfTestAnalysis.sections.contains($0.name) }
    }

    /// Reads every carried and entered answer; the problems are those of values that do not fit.
    func read(_ entered: (String) -> [String]) -> (AnswerSet, [AnswerProblem]) {
        var answers = AnswerSet()
        let problems = rules.read(entered, questions: questions, into: &answers)
        // A multiple choice not yet shown reads as "none chosen"; only shown pages keep it.
        return (answers, problems)
    }

    /// The profile the background answers give, looking the municipality up in the register.
    func profile(_ answers: AnswerSet) -> SelfTestProfile? {
        guard case .code(let sector) = answers["sector"], case .code(let unitType) = answers["unit_type"] else {
            return nil
        }
        var municipality: Municipality?
        if case .text(let number) = answers["kommunenummer"] {
            municipality = try? rules.register?.municipality(number: number, on: rules.date)
        }
        return SelfTestProfile(sector: sector, unitType: unitType, municipality: municipality)
    }

    /// The answers a finished self-test compares: routed-past answers dropped, the background left out.
    func completed(_ answers: AnswerSet) -> AnswerSet {
        var answers = rules.completedForSubmission(answers)
        for name in Self.backgroundNames { answers[name] = nil }
        return answers
    }

    /// Hidden inputs that carry `answers`, leaving out `except` (the questions on the page shown).
    static func hiddenFields(_ answers: AnswerSet, except: Set<String> = []) -> Node {
        .fragment(
            answers.answers.keys.sorted().filter { !except.contains($0) }.flatMap { name in
                QuestionnaireViews.fieldValues(answers[name]!).map { value in
                    el("input", ["type": "hidden", "name": name, "value": value])
                }
            })
    }
}
