import FornyeStorage

/// `/personvern`: the privacy statement. What Fornye stores, why and for how long, as the code
/// does it (docs/ACCOUNTS.md, docs/COLLECTION.md "Anonymity", docs/PROJECTBANK.md); the
/// responsible organisation and its contact address are the operator's to fill in.
struct PrivacyStatementPage {
    var language: Language
    var viewer: PageViewer

    func render() -> String {
        let language = language
        let idleHours = Int(SessionStore.idleTimeout / 3600)
        let absoluteHours = Int(SessionStore.absoluteTimeout / 3600)
        let windowMinutes = Int(LoginRateLimit.window / 60)
        let layout = PageLayout(
            title: language.pick("Personvernerklæring", "Privacy statement"), language: language,
            path: Paths.privacy, viewer: viewer)
        return layout.render {
            el("h1") { language.pick("Personvernerklæring", "Privacy statement") }
            el("h2") { language.pick("Behandlingsansvarlig", "Controller") }
            el("p") {
                language.pick(
                    "Virksomheten som driver denne tjenesten, er behandlingsansvarlig: ",
                    "The organisation running this service is the controller: ")
                OperatorPlaceholder.text(language)
                "."
            }
            el("h2") { language.pick("Brukerkontoer", "Accounts") }
            el("p") {
                language.pick(
                    "For analytikere, redaktører og administratorer lagres navn, e-postadresse, rolle, passordet "
                        + "som en bcrypt-hash (aldri i klartekst) og antall mislykkede innlogginger med eventuell "
                        + "sperretid. Kontoene opprettes av en administrator.",
                    "For analysts, editors and administrators Fornye stores name, e-mail address, role, the password "
                        + "as a bcrypt hash (never in plain text) and the number of failed sign-ins with any lockout "
                        + "time. Accounts are created by an administrator.")
            }
            el("h2") { language.pick("Økter og logg", "Sessions and logs") }
            el("p") {
                language.pick(
                    "En innlogget økt lagres på serveren som en hash av en tilfeldig nøkkel, med bruker og tidspunkter. "
                        + "Den utløper etter \(idleHours) timer uten bruk og senest etter \(absoluteHours) timer, "
                        + "og slettes da.",
                    "A signed-in session is stored on the server as a hash of a random key, with the user and times. "
                        + "It expires after \(idleHours) hours without use and at most after \(absoluteHours) hours, "
                        + "and is then deleted.")
            }
            el("p") {
                language.pick(
                    "Revisjonsloggen registrerer tidspunkt, bruker, handling og mål for innlogging (vellykket og "
                        + "mislykket, med årsak, aldri passord), utlogging og endringer av brukere og innhold. Fornye "
                        + "sletter ikke loggen automatisk; virksomheten fastsetter hvor lenge den skal lagres. "
                        + "Tilgangsloggen har metode, rute, status og tid, ikke IP-adresse. Innloggingsforsøk telles "
                        + "per IP-adresse i databasen, slik at ingen kan gjette passord; tellinger eldre enn "
                        + "\(windowMinutes) minutter slettes ved neste forsøk, og en vellykket innlogging tas bort med en gang.",
                    "The audit log records time, user, action and target for sign-ins (successful and failed, with "
                        + "the reason, never the password), sign-outs and changes to users and content. Fornye does "
                        + "not delete the log by itself; the organisation decides how long it is kept. The access log "
                        + "holds method, route, status and duration, not the IP address. Sign-in attempts are counted "
                        + "per IP address in the database, so that nobody can guess passwords; counts older than "
                        + "\(windowMinutes) minutes are deleted at the next attempt, and a successful sign-in is taken off "
                        + "at once.")
            }
            el("h2") { language.pick("Prosjektbanken", "Project bank") }
            el("p") {
                language.pick(
                    "Prosjekter kan ha kontaktpersoner med navn, e-post og rolle. De vises offentlig (sider, API og "
                        + "eksport) bare når personen har samtykket til det.",
                    "Projects may have contact persons with name, e-mail and role. They are shown publicly (pages, "
                        + "API and export) only when the person has consented.")
            }
            el("h2") { language.pick("Spørreundersøkelser", "Surveys") }
            el("p") {
                language.pick(
                    "I en anonym bølge lagres svaret uten lenke, enhet, tidspunkt eller IP-adresse, og "
                        + "bakgrunnsopplysningene grovgjøres slik at hver kombinasjon deles av minst fem enheter. "
                        + "Oppfølgingen viser hvem som har svart, aldri hva de svarte. Utkast er knyttet til "
                        + "lenken og slettes når svaret sendes, og de siste når bølgen lukkes. Skriv ikke navn i "
                        + "fritekstfelt.",
                    "In an anonymous wave a response is stored without link, unit, time or IP address, and the "
                        + "background is coarsened so that every combination is shared by at least five units. "
                        + "Monitoring shows who has answered, never what they answered. Drafts are tied to the link "
                        + "and deleted when the response is sent, the rest when the wave is closed. Do not write names "
                        + "in free-text fields.")
            }
            el("p") {
                language.pick(
                    "I en identifisert bølge knyttes svaret til enheten i utvalget, slik at det kan analyseres "
                        + "sammen med utvalgslisten.",
                    "In an identified wave the response is linked to the unit in the sample, so that it can be "
                        + "analysed together with the sample list.")
            }
            SelfTestPrivacySection(language: language).render()
            el("h2") { language.pick("Informasjonskapsler", "Cookies") }
            el("ul") {
                el("li") {
                    el("code") { SessionAuthenticator.cookieName }
                    language.pick(
                        ": bare når du er logget inn; holder økten, i høyst \(absoluteHours) timer.",
                        ": only when you are signed in; holds the session, for at most \(absoluteHours) hours.")
                }
                el("li") {
                    el("code") { CSRFMiddleware.cookieName }
                    language.pick(
                        " (bak HTTPS: ", " (behind HTTPS: ")
                    el("code") { CSRFMiddleware.hostCookieName }
                    language.pick(
                        "): et tilfeldig tall som beskytter skjemaene mot forfalskede forespørsler; slettes når "
                            + "nettleseren lukkes.",
                        "): a random value that protects the forms against forged requests; deleted when the browser "
                            + "is closed.")
                }
                el("li") {
                    el("code") { "lang" }
                    language.pick(
                        ": bare når du har valgt språk med språkvalget; husker valget (nb eller en) i ett år.",
                        ": only when you chose a language with the language switch; remembers the choice (nb or en) "
                            + "for one year.")
                }
            }
            el("p") {
                language.pick(
                    "Fornye bruker ingen informasjonskapsler for analyse eller markedsføring.",
                    "Fornye uses no cookies for analytics or marketing.")
            }
            el("h2") { language.pick("Dine rettigheter", "Your rights") }
            el("p") {
                language.pick(
                    "Du har rett til innsyn i, retting og sletting av opplysninger om deg, og til å protestere "
                        + "mot behandlingen. Svar i en anonym bølge kan ikke knyttes til deg og kan derfor ikke "
                        + "hentes ut eller slettes for deg. Kontakt: ",
                    "You have the right to access, rectify and erase data about you, and to object to the "
                        + "processing. Responses in an anonymous wave cannot be linked to you and so cannot be "
                        + "retrieved or deleted for you. Contact: ")
                OperatorPlaceholder.text(language)
                language.pick(
                    ". Du kan klage til Datatilsynet (",
                    ". You may complain to the Norwegian Data Protection Authority (")
                el("a", ["href": "https://www.datatilsynet.no/"]) { "datatilsynet.no" }
                ")."
            }
        }
    }
}
