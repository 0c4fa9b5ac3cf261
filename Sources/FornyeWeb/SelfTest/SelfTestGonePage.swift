/// What a self-test token page shows when there is nothing (unknown token, or just deleted):
/// the same text for every unknown token, so the page reveals nothing to someone guessing.
struct SelfTestGonePage {
    var language: Language
    var deleted = false

    func render() -> String {
        let heading =
            deleted
            ? language.pick("Svarene er slettet", "Your answers have been deleted")
            : language.pick("Ingen resultat her", "No result here")
        return PageLayout(title: heading, language: language, path: Paths.selfTest).render {
            el("h1") { heading }
            el("p", ["class": "notice", "role": "status"]) {
                deleted
                    ? language.pick(
                        "Svarene og lenken er slettet. Lenken virker ikke lenger.",
                        "The answers and the link have been deleted. The link no longer works.")
                    : language.pick(
                        "Lenken er ukjent, eller svarene er slettet.",
                        "The link is unknown, or the answers were deleted.")
            }
            el("p") {
                el("a", ["href": Paths.selfTest]) { language.pick("Ta innovasjonstesten", "Take the innovation test") }
            }
        }
    }
}
