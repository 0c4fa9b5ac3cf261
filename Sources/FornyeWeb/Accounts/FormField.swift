import FornyeStorage

/// A labelled form input with an optional hint and error, linked by `aria-describedby` so a
/// screen reader reads them with the field.
struct FormField {
    var name: String
    var label: String
    var type = "text"
    var value: String? = nil
    var autocomplete: String? = nil
    var hint: String? = nil
    var error: String? = nil
    var required = true
    /// Set when one page has two fields of the same name (in two forms).
    var fieldID: String? = nil

    var id: String { fieldID ?? "felt-\(name)" }

    var node: Node {
        let hintID = hint == nil ? nil : "\(id)-hint"
        let errorID = error == nil ? nil : "\(id)-feil"
        let describedBy = [hintID, errorID].compactMap { $0 }.joined(separator: " ")
        return el("div", ["class": "field"]) {
            el("label", ["for": id]) { label }
            if let hint, let hintID {
                el("p", ["class": "field-hint", "id": hintID]) { hint }
            }
            if let error, let errorID {
                el("p", ["class": "error-message", "id": errorID]) { error }
            }
            el(
                "input",
                attributes: [
                    ("type", type), ("id", id), ("name", name),
                    // Passwords are never echoed back into the page.
                    ("value", type == "password" ? nil : value), ("autocomplete", autocomplete),
                    ("required", required ? "" : nil), ("aria-describedby", describedBy.isEmpty ? nil : describedBy),
                    ("aria-invalid", error == nil ? nil : "true"),
                ])
        }
    }
}

/// A select of the roles that sign in (not respondents).
func roleSelect(
    name: String, selected: Role?, language: Language, error: String? = nil, fieldID: String? = nil
) -> Node {
    let id = fieldID ?? "felt-\(name)"
    let errorID = "\(id)-feil"
    return el("div", ["class": "field"]) {
        el("label", ["for": id]) { language.pick("Rolle", "Role") }
        if let error {
            el("p", ["class": "error-message", "id": errorID]) { error }
        }
        el(
            "select",
            attributes: [
                ("id", id), ("name", name), ("aria-describedby", error == nil ? nil : errorID),
                ("aria-invalid", error == nil ? nil : "true"),
            ]
        ) {
            for role in Role.signingIn {
                el("option", attributes: [("value", role.rawValue), ("selected", role == selected ? "" : nil)]) {
                    role.label(language)
                }
            }
        }
    }
}

extension Role {
    /// The roles that sign in with a password.
    static let signingIn: [Role] = [.admin, .analyst, .municipalityEditor]

    func label(_ language: Language) -> String {
        switch self {
        case .admin: return language.pick("Administrator", "Administrator")
        case .analyst: return language.pick("Analytiker", "Analyst")
        case .municipalityEditor: return language.pick("Kommuneredaktør", "Municipality editor")
        case .respondent: return language.pick("Respondent", "Respondent")
        }
    }
}

extension AccountError {
    /// The message for a form, in the page's language.
    func message(_ language: Language) -> String {
        switch self {
        case .invalidEmail: return language.pick("Skriv en gyldig e-postadresse.", "Enter a valid e-mail address.")
        case .duplicateEmail(let email):
            return language.pick("Det finnes allerede en bruker med \(email).", "A user with \(email) exists already.")
        case .emptyDisplayName: return language.pick("Skriv navnet.", "Enter the name.")
        case .displayNameTooLong(let maximum):
            return language.pick(
                "Navnet kan ha høyst \(maximum) tegn.", "The name may have at most \(maximum) characters.")
        case .displayNameHasControlCharacters:
            return language.pick(
                "Navnet kan ikke ha kontrolltegn (som NUL, tabulator eller linjeskift). Skriv det på én linje.",
                "The name may not hold control characters (such as NUL, a tab or a line break). Write it on one line."
            )
        case .roleCannotSignIn:
            return language.pick(
                "Denne rollen kan ikke logge inn med passord.", "This role cannot sign in with a password.")
        case .municipalityRequired:
            return language.pick(
                "En kommuneredaktør må ha et kommunenummer (fire sifre, 2024-strukturen).",
                "A municipality editor needs a kommunenummer (four digits, 2024 structure).")
        case .unknownMunicipality(let number, _):
            return language.pick(
                "«\(number)» er ikke et kommunenummer i kommunestrukturen fra 2024.",
                "«\(number)» is not a kommunenummer in the 2024 municipal structure.")
        case .passwordTooShort(let minimum):
            return language.pick(
                "Passordet må ha minst \(minimum) tegn.", "The password must have at least \(minimum) characters.")
        case .passwordTooLong(let maximum):
            return language.pick(
                "Passordet kan ha høyst \(maximum) byte.", "The password may have at most \(maximum) bytes.")
        case .passwordsDiffer:
            return language.pick("De to nye passordene er ikke like.", "The two new passwords differ.")
        case .wrongCurrentPassword:
            return language.pick("Det nåværende passordet er feil.", "The current password is wrong.")
        case .unknownUser: return language.pick("Brukeren finnes ikke.", "No such user.")
        case .lastAdmin:
            return language.pick(
                "Endringen ville etterlatt ingen aktiv administrator.",
                "The change would leave no active administrator.")
        }
    }
}
