import FornyeProjectBank
import FornyeStorage
import Vapor

/// `/admin/synonymer`: the search's synonym groups, each with a remove button, and the form that
/// adds one (with the errors of a refused add and what was typed).
struct SearchSynonymsPage {
    var request: Request
    var groups: [SearchSynonymRecord]
    var input = ""
    var errors: [ProjectFieldError] = []

    func render() -> String {
        let language = Language.of(request)
        let title = language.pick("Synonymer i søket", "Search synonyms")
        let layout = PageLayout(title: title, request: request)
        let errors = errors
        let groups = groups
        let input = input
        return layout.render {
            el("h1") { title }
            el("p") {
                if language == .en {
                    // The project bank is searched in Norwegian, so the example words stay Norwegian.
                    "A search word in a group also finds the group's other words (e.g. “"
                    el("span", ["lang": "nb", "translate": "no"]) { "KI, AI, kunstig intelligens" }
                    "”). Changes apply from the next search. Users can switch expansion off with “Only the words as "
                        + "written”."
                } else {
                    "Et søkeord som står i en gruppe, finner også de andre ordene i gruppen (f.eks. «KI, AI, kunstig intelligens»). Endringer gjelder fra neste søk. Brukeren kan slå av utvidelsen med «Bare ordene slik de står»."
                }
            }
            if !errors.isEmpty {
                el("div", ["class": "error-summary", "role": "alert"]) {
                    el("h2") { language.pick("Gruppen ble ikke lagt til", "The group was not added") }
                    el("ul") {
                        for error in errors {
                            el("li") {
                                el("a", ["href": "#felt-members"]) { language.pick(error.messageNB, error.message) }
                            }
                        }
                    }
                }
            }
            // The action keeps the page's language, so an English reader gets the answer in English.
            el(
                "form",
                [
                    "method": "post", "action": Paths.searchSynonyms + language.pick("", "?lang=en"),
                    "class": "project-form",
                ]
            ) {
                CSRF.field(request)
                el("fieldset") {
                    el("legend") { language.pick("Ny gruppe", "New group") }
                    FormField(
                        name: "members", label: language.pick("Ord og uttrykk", "Words and phrases"), value: input,
                        hint: language.pick(
                            "Skill med komma: minst 2 og høyst \(SearchSynonymGroup.maxMembers), hvert på høyst \(SearchSynonymGroup.maxWordsPerMember) ord.",
                            "Separate with commas: at least 2 and at most \(SearchSynonymGroup.maxMembers), each at most \(SearchSynonymGroup.maxWordsPerMember) words."
                        ),
                        error: errors.isEmpty
                            ? nil : errors.map { language.pick($0.messageNB, $0.message) }.joined(separator: "; ")
                    ).node
                }
                el("p", ["class": "form-actions"]) {
                    el("button", ["type": "submit"]) { language.pick("Legg til", "Add") }
                }
            }
            el("table") {
                el("caption") {
                    language.pick(
                        ProjectLabels.count(groups.count, "gruppe", "grupper"),
                        ProjectLabels.count(groups.count, "group", "groups"))
                }
                el("thead") {
                    el("tr") {
                        el("th", ["scope": "col"]) { language.pick("Ord og uttrykk", "Words and phrases") }
                        el("th", ["scope": "col"]) { language.pick("Handling", "Action") }
                    }
                }
                el("tbody") {
                    for record in groups {
                        let members = record.group.members.joined(separator: ", ")
                        el("tr") {
                            el("th", ["scope": "row"]) { members }
                            el("td") {
                                if let id = record.id {
                                    el(
                                        "form",
                                        [
                                            "method": "post",
                                            "action": Paths.searchSynonymRemove(id: id) + language.pick("", "?lang=en"),
                                        ]
                                    ) {
                                        CSRF.field(request)
                                        el(
                                            "button",
                                            [
                                                "type": "submit",
                                                "aria-label": language.pick(
                                                    "Fjern «\(members)»", "Remove “\(members)”"),
                                            ]
                                        ) {
                                            language.pick("Fjern", "Remove")
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
