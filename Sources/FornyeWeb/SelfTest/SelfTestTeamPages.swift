import FornyeBarometer
import Foundation

/// The team mode's own pages: where a facilitator opens a session and members join with its code,
/// the facilitator's page (code, how many have answered, delete) and the page for a code or token
/// that finds nothing.
struct SelfTestTeamPages {
    /// The facilitator's delete button, also named by the privacy statement.
    static let deleteLabel = (nb: "Slett økten og alle svarene", en: "Delete the session and every answer")
    var questions: SelfTestQuestionPages

    var views: QuestionnaireViews { questions.views }
    var language: Language { views.language }
    func pick(_ nb: String, _ en: String) -> String { language.pick(nb, en) }

    private func layout(_ title: String) -> PageLayout {
        var layout = questions.layout
        layout.title = title + " – " + pick("Innovasjonstesten", "The innovation test")
        return layout
    }

    /// What is stored for a team, said before anyone opens or joins one.
    private var storedNotice: Node {
        el("div", ["class": "notice"]) {
            el("h2") { pick("Dette lagres", "What is stored") }
            el("p") {
                pick(
                    "For hver deltaker lagres bare svarene, uten navn, IP-adresse eller tidspunkt; økten lagrer måneden den ble åpnet. Resultatene vises først når minst \(SelfTestTeamResult.minimumMembers) har svart, og bare for spørsmål minst \(SelfTestTeamResult.minimumMembers) har besvart. Økten slettes når lederen sletter den, og ellers automatisk etter utgangen av neste måned. Svarene blir aldri en del av barometerets tall.",
                    "For each member only the answers are stored, with no name, IP address or time; the session stores the month it was opened. Results appear only once at least \(SelfTestTeamResult.minimumMembers) have answered, and only for questions at least \(SelfTestTeamResult.minimumMembers) answered. The session is deleted when its facilitator deletes it, and otherwise automatically after the end of the next month. The answers never become part of the barometer's figures."
                )
            }
            el("p") {
                pick(
                    "Alle med koden ser gruppens resultat. Når én ny deltaker svarer, kan de som så resultatet før og etter, se hva den ene svarte: bruk team-modus i en gruppe som deler resultatene åpent.",
                    "Everyone with the code sees the group's result. When one more member answers, those who saw the result before and after can tell what that one member answered: use team mode in a group that shares its results openly."
                )
            }
            SelfTestPrivacySection.link(language)
        }
    }

    /// The join form (a code field, or the code carried when it is known).
    func joinForm(code: String?, problem: String? = nil, typed: String = "") -> Node {
        el("form", ["method": "post", "action": Paths.selfTestTeamJoin + views.langQuery, "novalidate": ""]) {
            views.csrfField
            if let code {
                el("input", ["type": "hidden", "name": "kode", "value": code])
            } else {
                el("div", ["class": problem == nil ? "question" : "question has-error"]) {
                    el("label", ["for": "kode"]) { pick("Koden fra gruppelederen", "The code from the facilitator") }
                    el("p", ["class": "hint", "id": "kode-hint"]) {
                        pick("Seks tegn, for eksempel «ACD 479».", "Six characters, for example “ACD 479”.")
                    }
                    if let problem { el("p", ["class": "error-message", "id": "kode-feil"]) { problem } }
                    el(
                        "input",
                        attributes: [
                            ("type", "text"), ("name", "kode"), ("id", "kode"), ("value", typed),
                            ("maxlength", "32"), ("autocomplete", "off"), ("autocapitalize", "characters"),
                            ("spellcheck", "false"),
                            ("aria-describedby", problem == nil ? "kode-hint" : "kode-hint kode-feil"),
                            ("aria-invalid", problem == nil ? nil : "true"),
                        ])
                }
            }
            el("div", ["class": "form-actions"]) {
                el("button", ["type": "submit"]) {
                    code == nil
                        ? pick("Bli med", "Join") : pick("Svar på testen i gruppen", "Answer the test in the group")
                }
            }
        }
    }

    /// `/innovasjonstesten/gruppe`: open a session, or join one with a code.
    func entry(
        answers: AnswerSet = AnswerSet(), problems: [AnswerProblem] = [], entered: [String: String] = [:],
        joinProblem: String? = nil, typedCode: String = ""
    ) -> String {
        layout(pick("Innovasjonstesten for grupper", "The innovation test for teams")).render {
            el("h1") { pick("Innovasjonstesten for grupper", "The innovation test for teams") }
            el("p", ["class": "lead"]) {
                pick(
                    "En gruppeleder åpner en økt og får en kort kode. Deltakerne svarer hver for seg med koden, og gruppen ser resultatet samlet: mot sammenlignbare enheter og hele landet, og hvor spredt svarene i gruppen er.",
                    "A facilitator opens a session and gets a short code. Members answer one by one with the code, and the group sees its result together: against units like it and the whole country, and how spread the group's answers are."
                )
            }
            storedNotice
            if joinProblem != nil {
                el("div", ["class": "error-summary", "role": "alert", "tabindex": "-1"]) {
                    el("h2") { pick("Koden virker ikke", "The code does not work") }
                    el("ul") { el("li") { el("a", ["href": "#kode"]) { joinProblem ?? "" } } }
                }
            }
            el("section", ["aria-labelledby": "bli-med"]) {
                el("h2", ["id": "bli-med"]) { pick("Bli med i en gruppe", "Join a team") }
                joinForm(code: nil, problem: joinProblem, typed: typedCode)
            }
            el("section", ["aria-labelledby": "apne"]) {
                el("h2", ["id": "apne"]) { pick("Åpne en ny økt", "Open a new session") }
                el("p") {
                    pick(
                        "Oppgi enheten gruppen svarer for. Alle deltakerne sammenlignes med de samme enhetene.",
                        "Give the unit the team answers for. Every member is compared with the same peers.")
                }
                views.errorSummary(problems, questions: questions.flow.backgroundQuestions)
                el("form", ["method": "post", "action": Paths.selfTestTeams + views.langQuery, "novalidate": ""]) {
                    views.csrfField
                    for question in questions.flow.backgroundQuestions {
                        views.field(question, answers: answers, problems: problems, entered: entered[question.name])
                    }
                    el("div", ["class": "form-actions"]) {
                        el("button", ["type": "submit"]) { pick("Åpne økten", "Open the session") }
                    }
                }
            }
        }
    }

    /// The facilitator's page: the code for the room, how many have answered, the link to the
    /// group's result, and delete. `shownToken` is true on the one page that shows the link.
    func facilitator(code: String, token: String, members: Int, shownToken: Bool) -> String {
        layout(pick("Gruppeøkten din", "Your team session")).render {
            el("h1") { pick("Gruppeøkten din", "Your team session") }
            if shownToken {
                el("div", ["class": "notice", "role": "status"]) {
                    el("h2") { pick("Lederlenken din", "Your facilitator link") }
                    el("p") {
                        pick(
                            "Lenken vises bare denne ene gangen. Med den ser du økten igjen og kan slette den. Del koden med gruppen, ikke lenken.",
                            "The link is shown this once only. With it you can see the session again and delete it. Share the code with the team, not the link."
                        )
                    }
                    el("p") {
                        el("a", ["href": Paths.selfTestFacilitator(token: token) + views.langQuery]) {
                            Paths.selfTestFacilitator(token: token)
                        }
                    }
                }
            }
            el("p") { pick("Koden til gruppen:", "The team's code:") }
            el("p", ["class": "team-code"]) { TeamCodeText.spaced(code) }
            el("p") {
                pick(
                    "Deltakerne går til \(Paths.selfTestTeams) og skriver inn koden. \(members) har svart så langt.",
                    "Members go to \(Paths.selfTestTeams) and type the code. \(members) have answered so far.")
            }
            el("p") {
                el("a", ["href": Paths.selfTestTeam(code: code) + views.langQuery]) {
                    pick("Gruppens resultat", "The team's result")
                }
            }
            el("form", ["method": "post", "action": Paths.selfTestFacilitatorDelete(token: token) + views.langQuery]) {
                views.csrfField
                el("button", ["type": "submit", "class": "secondary"]) {
                    pick(Self.deleteLabel.nb, Self.deleteLabel.en)
                }
            }
        }
    }

    /// An unknown or deleted code or token: the same page for every one, revealing nothing.
    func gone(deleted: Bool = false) -> String {
        let heading =
            deleted
            ? pick("Økten er slettet", "The session has been deleted")
            : pick("Ingen gruppeøkt her", "No team session here")
        return layout(heading).render {
            el("h1") { heading }
            el("p", ["class": "notice", "role": "status"]) {
                deleted
                    ? pick(
                        "Økten og alle deltakernes svar er slettet. Koden og lenken virker ikke lenger.",
                        "The session and every member's answers have been deleted. The code and the link no longer work."
                    )
                    : pick(
                        "Koden eller lenken er ukjent, utløpt eller slettet.",
                        "The code or link is unknown, expired or deleted.")
            }
            el("p") {
                el("a", ["href": Paths.selfTestTeams + views.langQuery]) {
                    pick("Innovasjonstesten for grupper", "The innovation test for teams")
                }
            }
        }
    }
}

/// A team code as it is shown to be read aloud: two groups of three.
enum TeamCodeText {
    static func spaced(_ code: String) -> String {
        String(code.prefix(3)) + " " + String(code.dropFirst(3))
    }
}
