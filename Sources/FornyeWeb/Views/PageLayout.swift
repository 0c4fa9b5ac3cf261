import FornyeBarometer
public import FornyeStorage
public import Vapor

/// The frame of every page: language, skip link, header with navigation and language switch,
/// the signed-in user with a sign-out button, main content, footer. Pages supply only their
/// title and content; `PageLayout(title:request:)` takes the language, user and CSRF token
/// from the request.
public struct PageLayout: Sendable {
    public var title: String
    public var language: Language
    /// The path of the page, for the language switch and to mark the current navigation item.
    public var path: String
    /// Shown above the content when the page shows generated data.
    public var synthetic: Bool
    /// The signed-in user's display name, or nil for the public.
    public var userName: String?
    /// The signed-in user's role (admins get the admin links).
    public var role: Role?
    /// The request's CSRF token, for the sign-out form; without it no sign-out button is shown.
    public var csrfToken: String?
    /// Reload the page after this many seconds (a progress page without JavaScript).
    public var refreshSeconds: Int?
    /// Same-origin scripts (`/assets/…`) the page loads deferred; most pages have none, and the
    /// Content-Security-Policy allows no inline script.
    public var scripts: [String] = []
    /// A respondent's page: the header has the name and the language switch only, no menu or
    /// sign-in, so nothing leads away from the questionnaire (issue 20, item 10).
    public var quiet = false

    public init(
        title: String, language: Language, path: String, synthetic: Bool = false, userName: String? = nil,
        role: Role? = nil, csrfToken: String? = nil
    ) {
        self.title = title
        self.language = language
        self.path = path
        self.synthetic = synthetic
        self.userName = userName
        self.role = role
        self.csrfToken = csrfToken
    }

    /// A layout for `viewer`: pages made apart from their request get who is signed in this way.
    public init(title: String, language: Language, path: String, synthetic: Bool = false, viewer: PageViewer) {
        self.init(
            title: title, language: language, path: path, synthetic: synthetic, userName: viewer.userName,
            role: viewer.role, csrfToken: viewer.csrfToken)
    }

    /// The layout for `request`: its language, its path (or `path`), the signed-in user and the
    /// CSRF token.
    public init(title: String, request: Request, path: String? = nil, synthetic: Bool = false) {
        self.init(
            title: title, language: Language.of(request), path: path ?? request.url.path, synthetic: synthetic,
            viewer: PageViewer(request))
    }

    public func render(@NodeBuilder _ content: () -> [Node]) -> String {
        let language = language
        let document = el("html", ["lang": language.rawValue]) {
            el("head") {
                el("meta", ["charset": "utf-8"])
                el("meta", ["name": "viewport", "content": "width=device-width, initial-scale=1"])
                if let refreshSeconds { el("meta", ["http-equiv": "refresh", "content": "\(refreshSeconds)"]) }
                el("title") { "\(title) – Fornye" }
                el("link", ["rel": "stylesheet", "href": Paths.styleSheet])
                for script in scripts { el("script", ["src": script, "defer": ""]) }
            }
            el("body") {
                el("a", ["class": "skip-link", "href": "#innhold"]) {
                    language.pick("Hopp til innholdet", "Skip to content")
                }
                header
                // Inside the main landmark, first: every part of the page is in a landmark (axe
                // `region`), and "skip to content" lands on the warning.
                el("main", ["id": "innhold", "tabindex": "-1"]) {
                    if synthetic {
                        el("p", ["class": "synthetic-banner", "role": "note"]) {
                            el("strong") { SyntheticLabel.marker }
                            language.pick(
                                " – tallene på denne siden er generert for demonstrasjon og er ikke ekte svar.",
                                " (synthetic data) – the numbers on this page are generated for demonstration, not real answers."
                            )
                        }
                    }
                    content()
                }
                footer
            }
        }
        return "<!DOCTYPE html>\n" + document.render()
    }

    private var header: Node {
        var items: [(String, String, String)] = [
            (Paths.home, "Hjem", "Home"),
            (Paths.barometer, "Barometeret", "The barometer"),
            (Paths.evaluation, "Effekter", "Effects"),
            (Paths.municipalities, "Kommuner", "Municipalities"),
            (Paths.selfTest, "Innovasjonstesten", "Innovation test"),
            (Paths.method, "Metode", "Methodology"),
            (Paths.projects, "Prosjektbanken", "Project bank"),
        ]
        // Where analysts run the fieldwork of a wave.
        if role == .analyst || role == .admin {
            items.append((Paths.waves, "Innsamling", "Collection"))
            items.append((Paths.programme, "Programregisteret", "Programme register"))
        }
        let separator = path.contains("?") ? "&" : "?"
        let switchHref = "\(path)\(separator)lang=\(language.other.rawValue)"
        if quiet {
            return el("header", ["class": "site-header"]) {
                el("span", ["class": "brand"]) { "Fornye" }
                el("div", ["class": "header-tools"]) {
                    el(
                        "a",
                        [
                            "href": switchHref, "lang": language.other.rawValue, "hreflang": language.other.rawValue,
                            "translate": "no",
                        ]
                    ) {
                        language.otherName
                    }
                }
            }
        }
        return el("header", ["class": "site-header"]) {
            el("a", ["class": "brand", "href": Paths.home]) { "Fornye" }
            el("nav", ["aria-label": language.pick("Hovedmeny", "Main menu")]) {
                el("ul") {
                    for (href, nb, en) in items {
                        el("li") {
                            el("a", ["href": href, "aria-current": isCurrent(href) ? "page" : nil]) {
                                language.pick(nb, en)
                            }
                        }
                    }
                }
            }
            el("div", ["class": "header-tools"]) {
                el(
                    "a",
                    [
                        "href": switchHref, "lang": language.other.rawValue, "hreflang": language.other.rawValue,
                        "translate": "no",
                    ]
                ) {
                    language.otherName
                }
                userTools
            }
        }
    }

    /// Who is signed in, with links to the account and admin pages and a sign-out button; or a
    /// sign-in link for the public.
    @NodeBuilder private var userTools: [Node] {
        let language = language
        if let userName {
            el("span", ["class": "user"]) {
                el("span", ["class": "visually-hidden"]) { language.pick("Innlogget som ", "Signed in as ") }
                userName
            }
            if role == .admin {
                el("a", ["href": Paths.adminUsers]) { language.pick("Brukere", "Users") }
                el("a", ["href": Paths.auditLog]) { language.pick("Logg", "Audit log") }
                el("a", ["href": Paths.institutions]) { language.pick("Institusjoner", "Institutions") }
                el("a", ["href": Paths.searchSynonyms]) { language.pick("Synonymer", "Synonyms") }
            }
            el("a", ["href": Paths.password]) { language.pick("Passord", "Password") }
            if let csrfToken {
                el("form", ["method": "post", "action": Paths.logout, "class": "inline-form"]) {
                    el("input", ["type": "hidden", "name": CSRFMiddleware.fieldName, "value": csrfToken])
                    el("button", ["type": "submit", "class": "link-button"]) { language.pick("Logg ut", "Sign out") }
                }
            }
        } else {
            el("a", ["href": Paths.login]) { language.pick("Logg inn", "Sign in") }
        }
    }

    private func isCurrent(_ href: String) -> Bool {
        let bare = path.split(separator: "?").first.map(String.init) ?? path
        return href == "/" ? bare == "/" : bare.hasPrefix(href)
    }

    private var footer: Node {
        el("footer", ["class": "site-footer"]) {
            el("p") {
                language.pick(
                    "Fornye er åpen kildekode. Innovasjonsbarometeret følger KS' spørreskjema fra 2018.",
                    "Fornye is open source. The barometer follows KS' 2018 questionnaire.")
            }
            el("p") {
                el("a", ["href": Paths.openAPI]) { "API (OpenAPI)" }
                " · "
                el("a", ["href": language.pick(Paths.accessibility, Paths.accessibility + "?lang=en")]) {
                    language.pick("Tilgjengelighetserklæring", "Accessibility statement")
                }
                " · "
                el("a", ["href": language.pick(Paths.privacy, Paths.privacy + "?lang=en")]) {
                    language.pick("Personvernerklæring", "Privacy statement")
                }
            }
        }
    }
}

/// Who a page is shown to, for its header: the signed-in user's name and role and the CSRF token
/// of the sign-out form; all nil for the public.
public struct PageViewer: Sendable {
    public var userName: String?
    public var role: Role?
    public var csrfToken: String?

    public init(userName: String? = nil, role: Role? = nil, csrfToken: String? = nil) {
        self.userName = userName
        self.role = role
        self.csrfToken = csrfToken
    }

    /// The request's signed-in user and CSRF token. A signed-in user's token is bound to the
    /// session alone, so it is had on any route (an error page too), not only behind `CSRFMiddleware`.
    public init(_ request: Request) {
        guard let principal = request.principal else {
            self.init()
            return
        }
        self.init(userName: principal.displayName, role: principal.role, csrfToken: CSRF.begin(request).token)
    }

    /// The public: nobody signed in.
    public static let visitor = PageViewer()
}
