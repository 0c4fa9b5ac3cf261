import FornyeBarometer

/// The privacy statement's part on Innovasjonstesten (issue 16): what the self-test, its private
/// link, team mode and the editor's project draft store, for how long, and how to delete it, as
/// `SelfTestRepository` and `SelfTestTeamRepository` do it (docs/SELFTEST.md "What is stored").
struct SelfTestPrivacySection {
    var language: Language

    /// The link from the self-test's own "What is stored" notices to this section.
    static func link(_ language: Language) -> Node {
        let path = language.pick(Paths.privacy, Paths.privacy + "?lang=en") + "#innovasjonstesten"
        return el("p") {
            el("a", ["href": path]) {
                language.pick("Mer om dette i personvernerklæringen", "More on this in the privacy statement")
            }
        }
    }

    func render() -> Node {
        let language = language
        let minimum = SelfTestTeamResult.minimumMembers
        let keptDelete = language.pick(SelfTestResultPage.deleteLabel.nb, SelfTestResultPage.deleteLabel.en)
        let teamDelete = language.pick(SelfTestTeamPages.deleteLabel.nb, SelfTestTeamPages.deleteLabel.en)
        return .fragment([
            el("h2", ["id": "innovasjonstesten"]) { language.pick("Innovasjonstesten", "The innovation test") },
            el("p") {
                language.pick(
                    "Når du tar testen, lagres ingenting: svarene følger skjemaet fra side til side, og resultatet "
                        + "regnes ut mens du venter. Svar fra testen blir aldri en del av barometerets tall.",
                    "Taking the test stores nothing: your answers travel with the form from page to page, and the "
                        + "result is computed while you wait. Answers from the test never become part of the "
                        + "barometer's figures.")
            },
            el("p") {
                language.pick(
                    "Ber du om en privat lenke på resultatsiden, lagres svarene, enheten du oppga (sektor, "
                        + "enhetstype, kommune), sammenligningsgruppen, bølgen og måneden, aldri navn, IP-adresse, "
                        + "dag eller klokkeslett. Tar du testen på nytt, lagres også forrige gangs svar og måned. "
                        + "Lenken vises bare én gang, og Fornye lagrer bare en hash av den, så svarene kan ikke "
                        + "knyttes til deg eller hentes fram uten lenken. De lagres til du sletter dem med "
                        + "«\(keptDelete)» på siden lenken åpner; Fornye sletter dem ikke selv.",
                    "If you ask for a private link on the result page, Fornye stores the answers, the unit you gave "
                        + "(sector, unit type, municipality), the comparison group, the wave and the month, never a "
                        + "name, IP address, day or time. If you retake the test, the previous answers and their "
                        + "month are stored too. The link is shown once and Fornye stores only a hash of it, so the "
                        + "answers cannot be linked to you or found without the link. They are kept until you "
                        + "delete them with «\(keptDelete)» on the page the link opens; Fornye does not delete "
                        + "them by itself.")
            },
            el("p") {
                language.pick(
                    "I gruppemodus lagres koden, en hash av lederlenken, enheten, sammenligningsgruppen og måneden "
                        + "økten ble åpnet. Hver deltakers svar lagres under økten med en tilfeldig id, uten navn, "
                        + "IP-adresse eller tidspunkt. Gruppens resultat vises først når minst \(minimum) har svart. "
                        + "Lederen sletter økten og alle svarene med «\(teamDelete)» på lederlenkens side. Ellers vises økten ikke lenger etter utgangen av måneden etter at den ble åpnet, "
                        + "og den slettes med svarene når neste økt åpnes. Et enkelt svar kan ikke knyttes til den "
                        + "som ga det og kan derfor ikke slettes alene; be lederen slette økten.",
                    "In team mode Fornye stores the code, a hash of the facilitator's link, the unit, the comparison "
                        + "group and the month the session was opened. Each member's answers are stored under the "
                        + "session with a random id, without name, IP address or time. The group's result appears "
                        + "only once at least \(minimum) have answered. The facilitator deletes the session and "
                        + "every answer with «\(teamDelete)» on the facilitator link's page. "
                        + "Otherwise the session is no longer shown after the end of the month after it was opened, "
                        + "and it is deleted with its answers when the next session is opened. A single answer "
                        + "cannot be linked to whoever gave it and so cannot be deleted on its own; ask the "
                        + "facilitator to delete the session.")
            },
            el("p") {
                language.pick(
                    "En kode som ikke finnes, telles mot IP-adressen som innloggingsforsøk gjør (se over). En "
                        + "innlogget kommuneredaktør kan gjøre svarene om den nyeste innovasjonen til et utkast i "
                        + "Prosjektbanken; utkastet er et vanlig, upublisert prosjekt for kommunen med redaktøren i "
                        + "historikken, og som andre prosjekter slettes det av en administrator.",
                    "A code that does not exist is counted against the IP address as sign-in attempts are (see "
                        + "above). A signed-in municipality editor can turn the answers about the newest innovation "
                        + "into a Prosjektbanken draft; the draft is an ordinary, unpublished project of the "
                        + "municipality with the editor in its history, and like other projects it is deleted by an "
                        + "administrator.")
            },
        ])
    }
}
