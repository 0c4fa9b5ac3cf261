import FornyeBarometer
import Foundation

/// The self-test's start form and question pages: the web questionnaire's own fields and grids,
/// posted to one address with the answers so far carried as hidden fields.
struct SelfTestQuestionPages {
    var views: QuestionnaireViews
    var flow: SelfTestFlow
    var layout: PageLayout
    /// A retake token carried through the forms (the retake replaces the kept answers).
    var retakeToken: String?
    /// The code of the team session the answers go to when finished (team mode).
    var teamCode: String?

    var language: Language { views.language }
    func pick(_ nb: String, _ en: String) -> String { language.pick(nb, en) }
    var action: String { Paths.selfTest + views.langQuery }

    func start(answers: AnswerSet, problems: [AnswerProblem], entered: [String: String] = [:]) -> String {
        var layout = layout
        layout.title = pick("Innovasjonstesten", "The innovation test")
        return layout.render {
            el("h1") { pick("Innovasjonstesten", "The innovation test") }
            el("p", ["class": "lead"]) {
                pick(
                    "Se hvordan arbeidsplassen din innoverer sammenlignet med enheter som ligner den. Testen stiller spørsmålene fra Innovasjonsbarometeret og tar om lag ti minutter. Du trenger ingen konto.",
                    "See how your workplace innovates compared with units like it. The test asks the Innovation Barometer's questions and takes about ten minutes. No account is needed."
                )
            }
            el("div", ["class": "notice"]) {
                el("h2") { pick("Dette lagres", "What is stored") }
                el("p") {
                    pick(
                        "Ingenting. Svarene sendes med skjemaet fra side til side og lagres ikke, med mindre du på resultatsiden ber om en privat lenke for å ta testen på nytt. Da lagres svarene og måneden, aldri navn eller IP-adresse, og du kan slette dem med lenken. Svarene dine blir aldri en del av barometerets tall.",
                        "Nothing. Your answers travel with the form from page to page and are not stored, unless you ask for a private link to retake the test on the result page. Then the answers and the month are stored, never a name or IP address, and you can delete them with the link. Your answers never become part of the barometer's figures."
                    )
                }
                SelfTestPrivacySection.link(language)
            }
            views.errorSummary(problems, questions: flow.backgroundQuestions)
            el("form", ["method": "post", "action": action, "novalidate": ""]) {
                views.csrfField
                el("input", ["type": "hidden", "name": "step", "value": "0"])
                retakeField
                teamField
                SelfTestFlow.hiddenFields(answers, except: Set(SelfTestFlow.backgroundNames))
                for question in flow.backgroundQuestions {
                    views.field(question, answers: answers, problems: problems, entered: entered[question.name])
                }
                el("div", ["class": "form-actions"]) {
                    el("button", ["type": "submit", "name": "action", "value": "next"]) {
                        pick("Start testen", "Start the test")
                    }
                }
            }
        }
    }

    func page(
        _ section: Section, number: Int, count: Int, answers: AnswerSet, problems: [AnswerProblem],
        entered: [String: String] = [:]
    ) -> String {
        let questions = flow.rules.shownQuestions(section, answers)
        let heading = section.label.map(views.text) ?? pick("Innovasjonstesten", "The innovation test")
        let progress = pick("Side \(number) av \(count)", "Page \(number) of \(count)")
        var layout = layout
        layout.title = "\(heading) – \(progress) – " + pick("Innovasjonstesten", "The innovation test")
        return layout.render {
            el("p", ["class": "progress"]) {
                el("span") { pick("Innovasjonstesten – ", "The innovation test – ") + progress }
                el("progress", ["max": "\(count)", "value": "\(number)", "aria-hidden": "true"])
            }
            el("h1") { heading }
            views.errorSummary(problems, questions: questions)
            el("form", ["method": "post", "action": action, "novalidate": ""]) {
                views.csrfField
                el("input", ["type": "hidden", "name": "step", "value": "\(number)"])
                retakeField
                teamField
                SelfTestFlow.hiddenFields(answers, except: Set(questions.map(\.name)))
                for (index, question) in questions.enumerated() {
                    if question.type == .scale, index == 0 || questions[index - 1].type != .scale {
                        views.grid(
                            questions[index...].prefix { $0.type == .scale }, answers: answers, problems: problems)
                    } else if question.type != .scale {
                        views.field(question, answers: answers, problems: problems, entered: entered[question.name])
                    }
                }
                el("div", ["class": "form-actions"]) {
                    el("button", ["type": "submit", "name": "action", "value": "next"]) {
                        number < count
                            ? pick("Neste", "Next")
                            : teamCode == nil
                                ? pick("Se resultatet", "See the result")
                                : pick("Send svarene til gruppen", "Send the answers to the team")
                    }
                    el("button", ["type": "submit", "name": "action", "value": "back", "class": "secondary"]) {
                        pick("Forrige", "Previous")
                    }
                }
            }
        }
    }

    private var teamField: Node {
        guard let teamCode else { return .empty }
        return el("input", ["type": "hidden", "name": "team", "value": teamCode])
    }

    private var retakeField: Node {
        guard let retakeToken else { return .empty }
        return el("input", ["type": "hidden", "name": "retake", "value": retakeToken])
    }
}
