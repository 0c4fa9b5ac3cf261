import FornyeStorage
import Vapor

/// Identities from OpenID Connect providers waiting for an admin: each with a form to approve it
/// (e-mail, name, role, municipality; an existing account with that e-mail is linked) or reject it.
struct PendingIdentitiesPage {
    var request: Request
    var identities: [ExternalIdentityRecord]
    /// The identity whose approval failed, and why.
    var failed: UUID? = nil
    var error: String? = nil

    func render() -> String {
        let language = Language.of(request)
        let title = language.pick("Innlogginger som venter", "Sign-ins waiting for approval")
        let layout = PageLayout(title: title, request: request)
        return layout.render {
            el("h1") { title }
            switch request.query[String.self, at: "endret"] {
            case "godkjent":
                el("p", ["class": "notice", "role": "status"]) {
                    language.pick(
                        "Identiteten er godkjent og koblet til en konto.", "The identity was approved and linked.")
                }
            case "avvist":
                el("p", ["class": "notice", "role": "status"]) {
                    language.pick("Identiteten er avvist.", "The identity was rejected.")
                }
            default: Node.empty
            }
            el("p") {
                language.pick(
                    "Disse har logget inn hos en identitetsleverandør uten å passe til en konto her. Rolle og kommune "
                        + "bestemmes i Fornye.",
                    "These signed in with an identity provider without matching an account here. Role and municipality "
                        + "are decided in Fornye.")
            }
            if identities.isEmpty {
                el("p") { language.pick("Ingen venter.", "Nobody is waiting.") }
            }
            for identity in identities {
                if let id = identity.id { card(identity, id: id, language: language) }
            }
        }
    }

    private func card(_ identity: ExternalIdentityRecord, id: UUID, language: Language) -> Node {
        let heading = "identitet-\(id.uuidString.lowercased())"
        return el("section", ["aria-labelledby": heading]) {
            el("h2", ["id": heading]) { identity.displayName ?? identity.email ?? identity.subject }
            el("dl", ["class": "facts"]) {
                el("dt") { language.pick("Leverandør", "Provider") }
                el("dd") { identity.providerID + " (" + identity.issuer + ")" }
                el("dt") { language.pick("Identifikator hos leverandøren (sub)", "Identifier at the provider (sub)") }
                el("dd") { identity.subject }
                el("dt") { language.pick("E-post", "E-mail") }
                el("dd") {
                    (identity.email ?? "–")
                        + (identity.emailVerified
                            ? language.pick(" (bekreftet)", " (verified)")
                            : language.pick(" (ikke bekreftet)", " (not verified)"))
                }
            }
            if failed == id, let error {
                el("p", ["class": "error-message", "role": "alert"]) {
                    language.pick("Ikke godkjent: ", "Not approved: ") + error
                }
            }
            el("form", ["method": "post", "action": Paths.adminIdentityApprove(id: id), "class": "stacked-form"]) {
                CSRF.field(request)
                FormField(
                    name: "email", label: language.pick("E-post", "E-mail"), type: "email", value: identity.email,
                    autocomplete: "off", fieldID: heading + "-email"
                ).node
                FormField(
                    name: "name", label: language.pick("Navn", "Name"), value: identity.displayName,
                    autocomplete: "off",
                    fieldID: heading + "-name"
                ).node
                roleSelect(name: "role", selected: .analyst, language: language, fieldID: heading + "-role")
                FormField(
                    name: "municipality", label: language.pick("Kommunenummer", "Municipality number"),
                    hint: language.pick("Bare for kommuneredaktører.", "Municipality editors only."), required: false,
                    fieldID: heading + "-municipality"
                ).node
                el("p") { el("button", ["type": "submit"]) { language.pick("Godkjenn", "Approve") } }
            }
            // Rejecting is the lesser action beside approving: a secondary button, not a second primary one.
            el("form", ["method": "post", "action": Paths.adminIdentityReject(id: id)]) {
                CSRF.field(request)
                el("p") {
                    el("button", ["type": "submit", "class": "secondary"]) { language.pick("Avvis", "Reject") }
                }
            }
        }
    }
}
