import FornyeTestSupport
import Testing
import VaporTesting

@testable import FornyeWeb

/// The accessibility and privacy statements the footer links to.
@Suite struct StatementPageTests {
    @Test func accessibilityStatementInBothLanguages() async throws {
        try await withTestApp(seedDemoContent: false) { app in
            let nb = try await app.get("/tilgjengelighet")
            #expect(nb.status == .ok)
            #expect(nb.body.string.contains("<html lang=\"nb\">"))
            for text in [
                "<h1>Tilgjengelighetserklæring</h1>", "WCAG 2.1 nivå AA", "delvis i samsvar", "axe-core",
                "scripts/browser", "scripts/walkthrough", "uutilsynet.no", AccessibilityStatementPage.reviewed.0,
                OperatorPlaceholder.text(.nb),
            ] {
                #expect(nb.body.string.contains(text), "\(text)")
            }
            let en = try await app.get("/tilgjengelighet?lang=en")
            #expect(en.status == .ok)
            for text in [
                "<h1>Accessibility statement</h1>", "WCAG 2.1 level AA", "partly conforms", "headless Chromium",
                AccessibilityStatementPage.reviewed.1, OperatorPlaceholder.text(.en),
            ] {
                #expect(en.body.string.contains(text), "\(text)")
            }
            #expect(!en.body.string.contains("Tilbakemelding"))
        }
    }

    @Test func privacyStatementInBothLanguages() async throws {
        try await withTestApp(seedDemoContent: false) { app in
            let nb = try await app.get("/personvern")
            #expect(nb.status == .ok)
            for text in [
                "<h1>Personvernerklæring</h1>", "Behandlingsansvarlig", OperatorPlaceholder.text(.nb), "bcrypt",
                "etter 2 timer uten bruk og senest etter 12 timer", "minst fem enheter", "identifisert bølge",
                SessionAuthenticator.cookieName, CSRFMiddleware.cookieName, CSRFMiddleware.hostCookieName,
                "Datatilsynet",
            ] {
                #expect(nb.body.string.contains(text), "\(text)")
            }
            let en = try await app.get("/personvern?lang=en")
            #expect(en.status == .ok)
            for text in [
                "<h1>Privacy statement</h1>", "Controller", OperatorPlaceholder.text(.en), "anonymous wave",
                "never what they answered", "Your rights",
            ] {
                #expect(en.body.string.contains(text), "\(text)")
            }
            #expect(!en.body.string.contains("Informasjonskapsler"))
        }
    }

    @Test func footerLinksToBothStatementsInThePageLanguage() async throws {
        try await withTestApp(seedDemoContent: false) { app in
            let nb = try await app.get("/metode")
            let footer = try #require(nb.body.string.split(separator: "<footer").last)
            #expect(footer.contains("<a href=\"/tilgjengelighet\">Tilgjengelighetserklæring</a>"))
            #expect(footer.contains("<a href=\"/personvern\">Personvernerklæring</a>"))
            let en = try await app.get("/metode?lang=en")
            let enFooter = try #require(en.body.string.split(separator: "<footer").last)
            #expect(enFooter.contains("<a href=\"/tilgjengelighet?lang=en\">Accessibility statement</a>"))
            #expect(enFooter.contains("<a href=\"/personvern?lang=en\">Privacy statement</a>"))
        }
    }
}
