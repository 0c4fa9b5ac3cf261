import FornyeProjectBank
import FornyeStorage
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import FornyeWeb

/// The version history names changed fields with the form's own labels, never the stored keys.
@Suite struct ProjectHistoryLabelTests {
    let bank = ProjectBankWebTests()

    @Test func everyDocumentFieldHasALabelInBothLanguages() {
        // The document's stored keys are its property names (no custom coding keys).
        let keys = Mirror(reflecting: ProjectDocument()).children.compactMap(\.label)
        #expect(keys.count > 30)
        for key in keys {
            for language in [Language.nb, .en] {
                #expect(ProjectFormFields.documentLabel(key, language) != key, "\(key) has no \(language) label")
            }
        }
    }

    @Test func statusChangesAndAttachmentsAreNamedToo() {
        #expect(ProjectFormFields.changedFieldsText("status", .nb) == "Status")
        #expect(ProjectFormFields.changedFieldsText("*", .en) == "all (new)")
        // A comma in a file name does not split the entry.
        #expect(
            ProjectFormFields.changedFieldsText("attachments: rapport, del 1.pdf | tall.csv", .en)
                == "Attachments: rapport, del 1.pdf | tall.csv")
        #expect(ProjectFormFields.changedFieldsText("lessons,stage", .en) == "Lessons learned, Stage")
    }

    @Test func historyShowsTheFormLabelsOfWhatChanged() async throws {
        try await withTestApp { app in
            let editor = try await signIn(app, as: .municipalityEditor, municipality: "0301")
            let created = try await bank.post(app, "/prosjekter", editor, bank.form([:]))
            let location = try #require(created.headers.first(name: .location))
            let edited = try await bank.post(
                app, location, editor,
                bank.form([
                    "financingSource-0": "own_budget", "financingAmount-0": "200 000", "researchDegree": "2",
                    "targetGroup": "Eldre",
                ]))
            #expect(edited.status == .seeOther)
            let norwegian = try await app.get("\(location)/historikk", headers: editor).body.string
            #expect(norwegian.contains("Finansiering, Forskningsinvolvering, Målgruppe"), "\(norwegian)")
            #expect(!norwegian.contains("financing") && !norwegian.contains("targetGroup"))
            // Times as people read them, the exact instant kept for machines.
            #expect(norwegian.contains("<time datetime=\"20") && norwegian.contains(" kl. "))
            let english = try await app.get("\(location)/historikk?lang=en", headers: editor).body.string
            #expect(english.contains("Financing, Research involvement, Target group"))
            // The edit form labels the same field with the same words.
            let form = try await app.get("\(location)/rediger", headers: editor).body.string
            #expect(form.contains("<legend>Finansiering</legend>"))
        }
    }

    @Test func timesReadAsDatesInEachLanguage() {
        // 2026-11-29 14:01:02 UTC.
        let moment = Date(timeIntervalSince1970: 1_795_960_862)
        #expect(TimeText.text(moment, .nb) == "29.11.2026 kl. 14:01")
        #expect(TimeText.text(moment, .en) == "29 Nov 2026 14:01")
        let markup = TimeText.node(moment, .nb).render()
        #expect(markup == "<time datetime=\"2026-11-29T14:01:02Z\">29.11.2026 kl. 14:01</time>")
    }
}
