import Vapor

/// The statements the footer links to: `/tilgjengelighet` (accessibility) and `/personvern`
/// (privacy), public and in both languages.
struct StatementController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("tilgjengelighet", use: accessibility)
        routes.get("personvern", use: privacy)
    }

    @Sendable func accessibility(request: Request) async throws -> HTMLPage {
        HTMLPage(AccessibilityStatementPage(language: Language.of(request), viewer: PageViewer(request)).render())
    }

    @Sendable func privacy(request: Request) async throws -> HTMLPage {
        HTMLPage(PrivacyStatementPage(language: Language.of(request), viewer: PageViewer(request)).render())
    }
}

/// What the operator running Fornye must fill in on the statements (responsible organisation,
/// contact address): Fornye has no setting for it, so the pages say so instead of inventing one.
enum OperatorPlaceholder {
    static func text(_ language: Language) -> String {
        language.pick(
            "[fylles inn av virksomheten som driver denne tjenesten]",
            "[to be filled in by the organisation running this service]")
    }
}
