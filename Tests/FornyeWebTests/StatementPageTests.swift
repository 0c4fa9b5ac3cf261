import FornyeBarometer
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

    /// Innovasjonstesten's part says what is kept, for how long and how to delete it, with the
    /// labels of the delete buttons the pages show, and the self-test's notices link to it.
    @Test func privacyStatementCoversTheSelfTestAndItsNoticesLinkThere() async throws {
        try await withTestApp { app in
            let nb = try await app.get("/personvern")
            for text in [
                "<h2 id=\"innovasjonstesten\">Innovasjonstesten</h2>", "Når du tar testen, lagres ingenting",
                "Fornye sletter dem ikke selv", "«\(SelfTestResultPage.deleteLabel.nb)»",
                "«\(SelfTestTeamPages.deleteLabel.nb)»",
                "minst \(SelfTestTeamResult.minimumMembers) har svart", "etter utgangen av måneden etter",
                "utkast i Prosjektbanken", "Innloggingsforsøk telles per IP-adresse i databasen",
            ] {
                #expect(nb.body.string.contains(text), "\(text)")
            }
            #expect(!nb.body.string.contains("holdes bare i minnet"))
            let en = try await app.get("/personvern?lang=en")
            for text in [
                "The innovation test", "«\(SelfTestResultPage.deleteLabel.en)»",
                "«\(SelfTestTeamPages.deleteLabel.en)»",
            ] {
                #expect(en.body.string.contains(text), "\(text)")
            }
            for path in ["/innovasjonstesten", "/innovasjonstesten/gruppe"] {
                let page = try await app.get(path)
                #expect(page.body.string.contains("<a href=\"/personvern#innovasjonstesten\">"), "\(path)")
                let english = try await app.get(path + "?lang=en")
                #expect(english.body.string.contains("<a href=\"/personvern?lang=en#innovasjonstesten\">"), "\(path)")
            }
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
