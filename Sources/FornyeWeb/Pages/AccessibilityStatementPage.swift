/// `/tilgjengelighet`: the accessibility statement (tilgjengelighetserklæring) after Digdir's model:
/// standard, state of conformance, how it was tested, feedback, date. Only what Fornye's own
/// checks show; what the operator must supply is marked as such.
struct AccessibilityStatementPage {
    var language: Language
    var viewer: PageViewer
    /// When the statement was last reviewed against the code and the checks.
    static let reviewed = ("6. desember 2026", "6 December 2026")

    func render() -> String {
        let language = language
        let layout = PageLayout(
            title: language.pick("Tilgjengelighetserklæring", "Accessibility statement"), language: language,
            path: Paths.accessibility, viewer: viewer)
        return layout.render {
            el("h1") { language.pick("Tilgjengelighetserklæring", "Accessibility statement") }
            el("p", ["class": "lead"]) {
                language.pick(
                    "Fornye skal kunne brukes av alle, også med skjermleser, forstørrelse eller bare tastatur.",
                    "Fornye is meant to be usable by everyone, including with a screen reader, magnification or "
                        + "the keyboard alone.")
            }
            el("h2") { language.pick("Standard", "Standard") }
            el("p") {
                language.pick(
                    "Målet er WCAG 2.1 nivå AA, som forskrift om universell utforming av IKT krever.",
                    "The target is WCAG 2.1 level AA, as the Norwegian regulation on universal design of ICT requires.")
            }
            el("h2") { language.pick("Status", "State of conformance") }
            el("p") {
                language.pick(
                    "Tjenesten er delvis i samsvar med kravene. Den automatiske kontrollen (se under) godtar ingen "
                        + "alvorlige eller kritiske brudd, men slike kontroller dekker bare en del av "
                        + "suksesskriteriene, og ingen fullstendig manuell gjennomgang er dokumentert.",
                    "The service partly conforms. The automated check (see below) accepts no serious or critical "
                        + "violations, but such checks cover only part of the success criteria, and no complete "
                        + "manual review has been documented.")
            }
            el("p") {
                language.pick(
                    "Kjente mangler: sider og figurer på engelsk kan ha norske tekster, og ingen gjennomgang av "
                        + "figurer og tabeller med skjermleser er dokumentert.",
                    "Known gaps: English pages and charts may contain Norwegian text, and no review of charts and "
                        + "tables with a screen reader has been documented.")
            }
            el("h2") { language.pick("Slik er det testet", "How it was tested") }
            el("p") {
                language.pick(
                    "Sidene lastes i Chromium uten skjerm og kontrolleres med axe-core mot reglene for WCAG 2.1 A og "
                        + "AA. En gjennomgang av en hel spørreundersøkelse (opprette, sende lenker, svare, lukke og "
                        + "publisere) kjøres på samme måte. Skriptene ligger i kildekoden under ",
                    "Pages are loaded in headless Chromium and checked with axe-core against the WCAG 2.1 A and AA "
                        + "rules. A walkthrough of a whole survey (create, send links, answer, close and publish) is "
                        + "run the same way. The scripts are in the source code under ")
                el("code") { "scripts/browser" }
                language.pick(" og ", " and ")
                el("code") { "scripts/walkthrough" }
                "."
            }
            el("h2") { language.pick("Tilbakemelding", "Feedback") }
            el("p") {
                language.pick(
                    "Finner du noe som ikke virker for deg, vil vi gjerne vite det. Kontaktadresse: ",
                    "If something does not work for you, please tell us. Contact address: ")
                OperatorPlaceholder.text(language)
                "."
            }
            el("p") {
                language.pick(
                    "Får du ikke svar, eller er du ikke fornøyd med svaret, kan du melde fra til Tilsynet for "
                        + "universell utforming av ikt (",
                    "If you get no answer, or are not satisfied with it, you can report to the Norwegian "
                        + "Authority for Universal Design of ICT (")
                el("a", ["href": "https://www.uutilsynet.no/"]) { "uutilsynet.no" }
                ")."
            }
            el("h2") { language.pick("Dato", "Date") }
            el("p") {
                language.pick("Erklæringen ble sist gjennomgått ", "This statement was last reviewed on ")
                language.pick(Self.reviewed.0, Self.reviewed.1)
                "."
            }
        }
    }
}
