import FornyeStorage
import Vapor

/// `/konto/tofaktor`: turn the second factor on (secret, app link, first code), see how many
/// recovery codes are left, make new ones, or turn it off.
struct SecondFactorPage {
    enum Shown {
        case status(SecondFactorStatus)
        case setUp(secret: String, link: String, wrongCode: Bool)
        case recoveryCodes([String])
    }

    var request: Request
    var shown: Shown
    var wrongCode = false

    func render() -> String {
        let language = Language.of(request)
        let title = language.pick("Tofaktorinnlogging", "Two-factor sign-in")
        return PageLayout(title: title, request: request, path: Paths.secondFactor).render {
            el("h1") { title }
            el("p", ["class": "lead"]) {
                language.pick(
                    "Med tofaktor trenger innloggingen både passordet og en kode fra en autentiseringsapp på telefonen "
                        + "(for eksempel Microsoft Authenticator, Google Authenticator eller FreeOTP).",
                    "With two factors, signing in needs both your password and a code from an authenticator app on "
                        + "your phone (for example Microsoft Authenticator, Google Authenticator or FreeOTP).")
            }
            switch shown {
            case .status(let status): statusSection(status, language)
            case .setUp(let secret, let link, let wrong):
                setUpSection(secret: secret, link: link, wrong: wrong, language)
            case .recoveryCodes(let codes): codesSection(codes, language)
            }
        }
    }

    @NodeBuilder private func statusSection(_ status: SecondFactorStatus, _ language: Language) -> [Node] {
        switch status {
        case .off, .pending:
            el("p") { language.pick("Tofaktor er ikke slått på.", "Two-factor sign-in is off.") }
            postButton(Paths.secondFactorStart, language.pick("Slå på tofaktor", "Turn on two-factor sign-in"))
        case .on(let unused):
            el("p", ["class": "notice", "role": "status"]) {
                language.pick(
                    "Tofaktor er slått på. Du har \(unused) ubrukte gjenopprettingskoder.",
                    "Two-factor sign-in is on. You have \(unused) unused recovery codes.")
            }
            if wrongCode { codeError(language) }
            el("h2") { language.pick("Nye gjenopprettingskoder", "New recovery codes") }
            codeForm(
                Paths.secondFactorNewCodes, language.pick("Lag nye koder", "Make new codes"), id: "nye-koder",
                language)
            el("h2") { language.pick("Slå av tofaktor", "Turn off two-factor sign-in") }
            codeForm(Paths.secondFactorOff, language.pick("Slå av", "Turn off"), id: "slaa-av", language)
        }
    }

    @NodeBuilder private func setUpSection(secret: String, link: String, wrong: Bool, _ language: Language) -> [Node] {
        el("h2") { language.pick("1. Legg kontoen inn i appen", "1. Add the account to the app") }
        el("p") {
            language.pick(
                "Skriv inn denne nøkkelen i appen (velg «tidsbasert»), eller åpne lenken på telefonen:",
                "Type this key into the app (choose “time based”), or open the link on your phone:")
        }
        el("p") { el("code", ["class": "secret", "id": "tofaktor-nokkel"]) { Self.grouped(secret) } }
        el("p") {
            el("a", ["href": link]) { language.pick("Åpne i autentiseringsappen", "Open in the authenticator app") }
        }
        el("h2") { language.pick("2. Skriv inn koden appen viser", "2. Type the code the app shows") }
        if wrong { codeError(language) }
        codeForm(Paths.secondFactorConfirm, language.pick("Slå på", "Turn on"), id: "bekreft", language)
    }

    @NodeBuilder private func codesSection(_ codes: [String], _ language: Language) -> [Node] {
        el("p", ["class": "notice", "role": "status"]) {
            language.pick(
                "Tofaktor er slått på. Ta vare på gjenopprettingskodene under: hver virker én gang hvis du mister "
                    + "telefonen, og de vises bare nå.",
                "Two-factor sign-in is on. Keep the recovery codes below: each works once if you lose your phone, "
                    + "and they are shown only now.")
        }
        el("ul", ["class": "recovery-codes"]) {
            for code in codes { el("li") { el("code") { code } } }
        }
        el("p") { el("a", ["href": Paths.secondFactor]) { language.pick("Ferdig", "Done") } }
    }

    private func codeError(_ language: Language) -> Node {
        el("p", ["class": "error-message", "role": "alert"]) {
            language.pick(
                "Koden stemmer ikke. Prøv koden appen viser nå.", "The code is wrong. Try the code the app shows now.")
        }
    }

    private func codeForm(_ action: String, _ button: String, id: String, _ language: Language) -> Node {
        el("form", ["method": "post", "action": action, "class": "stacked-form"]) {
            CSRF.field(request)
            FormField(
                name: "code", label: language.pick("Kode fra appen", "Code from the app"), type: "text",
                autocomplete: "one-time-code", fieldID: "felt-\(id)"
            ).node
            el("p") { el("button", ["type": "submit"]) { button } }
        }
    }

    private func postButton(_ action: String, _ label: String) -> Node {
        el("form", ["method": "post", "action": action]) {
            CSRF.field(request)
            el("button", ["type": "submit"]) { label }
        }
    }

    /// Groups of four, as apps show keys, easier to type.
    static func grouped(_ secret: String) -> String {
        stride(from: 0, to: secret.count, by: 4).map { start in
            let from = secret.index(secret.startIndex, offsetBy: start)
            let to = secret.index(from, offsetBy: min(4, secret.count - start))
            return String(secret[from..<to])
        }.joined(separator: " ")
    }
}
