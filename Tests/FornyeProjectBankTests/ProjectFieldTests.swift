import FornyeProjectBank
import Testing

/// The one field list that the form, the CSV import and the CSV export share.
@Suite struct ProjectFieldTests {
    /// A document with every field the CSV carries filled in.
    static var full: ProjectDocument {
        var document = document("Digitalt tilsyn", "Sensorer i hjemmet", owner: "4003", types: [1, 3])
        document.sector = 1
        document.unitType = 3
        document.ownerName = "Skien kommune"
        document.research = .init(degree: 2, projectQuality: nil, knowledgeContribution: 1)
        document.evaluated = true
        document.evidenceLevel = .measuredBeforeAfter
        document.startDate = "2021-03"
        document.endDate = "2023"
        document.problem = "Fall om natten"
        document.solution = "Sensorer | varsling"
        document.novelty = "Nytt for kommunen"
        document.challenges = "Personvern"
        document.lessons = "Start smått"
        document.reuseConditions = "Nettverk i boligen"
        document.basedOn = "tilsyn-bergen-abc123"
        document.licence = "CC0-1.0"
        document.language = "nn"
        document.synthetic = true
        document.source = .init(
            name: "Regionens bank", identifier: "17", url: "https://example.org/17", licence: "CC0-1.0")
        return document
    }

    @Test func everyColumnReadsBackWhatItWrites() {
        let original = Self.full
        var values: [String: String] = [:]
        for field in ProjectField.all { if let column = field.column { values[column] = field.cell(original) } }
        var read = ProjectDocument()
        for field in ProjectField.all where field.column != nil {
            #expect(field.read(values[field.column!]!, into: &read, .strict).isEmpty, "\(field.name)")
        }
        // What the CSV does not carry (lists, the form-only texts) is not expected back.
        #expect(read == original)
    }

    @Test func theFornyeMappingReadsTheColumnsAndNamesTheColumnAtFault() throws {
        var values: [String: String] = [:]
        for field in ProjectField.all { if let column = field.column { values[column] = field.cell(Self.full) } }
        #expect(try ProjectImportMapping.fornyeCSV.document(values) == Self.full)
        values["research_degree"] = "høy"
        #expect(throws: ProjectImportMapping.ColumnError.self) { try ProjectImportMapping.fornyeCSV.document(values) }
        do throws(ProjectImportMapping.ColumnError) {
            _ = try ProjectImportMapping.fornyeCSV.document(values)
        } catch {
            #expect(error.column == "research_degree" && error.message == "«høy» is not a whole number")
        }
        let rows = [(line: 2, values: ["title": "A", "summary": "B", "stage": "ferdig"])]
        #expect(
            throws: ProjectError.importFailed(file: "f.csv", row: 2, column: "stage", message: "unknown stage «ferdig»")
        ) { try ProjectImportMapping.fornyeCSV.documents(rows: rows, file: "f.csv") }
    }

    /// The form's controls offer only readable values: what it cannot read stays unset, while an
    /// import refuses it.
    @Test func lenientReadingLeavesWhatItCannotReadUnset() throws {
        let stage = try #require(ProjectField.named("stage"))
        var document = document("T", "S", stage: .pilot)
        #expect(stage.read("", into: &document, .lenient).isEmpty && document.stage == .idea)
        #expect(stage.read("", into: &document, .strict).map(\.message) == ["unknown stage «»"])
        let types = try #require(ProjectField.named("innovationTypes"))
        #expect(types.read("1;x;3", into: &document, .lenient).isEmpty && document.innovationTypes == [1, 3])
        #expect(types.read("1;x;3", into: &document, .strict).map(\.message) == ["«x» is not a type code"])
        let language = try #require(ProjectField.named("language"))
        #expect(language.read("de", into: &document, .lenient).isEmpty && document.language == "nb")
        #expect(!language.read("de", into: &document, .strict).isEmpty)
        #expect(language.read("", into: &document, .strict).isEmpty && document.language == "nb")
        let evaluated = try #require(ProjectField.named("evaluated"))
        #expect(evaluated.read("Ja", into: &document, .strict).isEmpty && document.evaluated == true)
        #expect(evaluated.read("nei", into: &document, .strict).isEmpty && document.evaluated == false)
        // Empty is unknown, not a guessed «Nei» (issue 20, item 14); a word it does not know is a
        // problem to an import and unknown to the form.
        #expect(evaluated.read("", into: &document, .strict).isEmpty && document.evaluated == nil)
        #expect(evaluated.cell(document) == "")
        #expect(
            evaluated.read("kanskje", into: &document, .strict).map(\.messageNB) == [
                "«kanskje» er ikke ja, nei eller tom (ukjent)"
            ])
        document.evaluated = true
        #expect(evaluated.read("kanskje", into: &document, .lenient).isEmpty && document.evaluated == nil)
        let synthetic = try #require(ProjectField.named("synthetic"))
        #expect(synthetic.read("ja", into: &document, .strict).isEmpty && !document.synthetic)
    }

    @Test func rowsReadBackWhatTheyWriteAndLocateWhatTheyCannotRead() {
        var original = document("T", "S")
        original.partners = [
            .init(name: "NTNU", role: .research), .init(name: "Nabokommunen", role: .otherMunicipality),
        ]
        original.financing = [
            .init(source: .researchCouncil, amount: 250_000, applicationStatus: .granted, note: "FORKOMMUNE"),
            .init(source: .ownBudget),
        ]
        let indicator = ProjectDocument.Indicator(metric: "Fall per måned", baseline: 12, value: 7)
        original.results = [.init(impact: .quality, description: "Færre fall", indicators: [indicator])]
        var read = original
        for group in ProjectRowGroup.all {
            #expect(group.read(group.rows(of: original), into: &read).isEmpty, "\(group.name)")
        }
        // A result whose impact and description stay keeps its indicators.
        #expect(read == original)
        // Row 2 has a name but no kind; an empty row is no record and does not shift the numbers.
        let errors = ProjectRowGroup.partners.read(
            [["partnerRole": "research", "partnerName": "NTNU"], ["partnerName": ""], ["partnerName": "Forsker"]],
            into: &read)
        #expect(read.partners.map(\.name) == ["NTNU", "Forsker"])
        #expect(errors.map(\.field) == ["partners[1].role"])
        #expect(
            errors.map(\.messageNB) == ["velg type partner"] && errors.map(\.message) == ["choose the kind of partner"])
        let financing = ProjectRowGroup.financing.read(
            [
                ["financingSource": "eu", "financingAmount": "mye"],
                ["financingSource": "eu", "financingAmount": "1 250 000,50 kr"],
            ],
            into: &read)
        #expect(financing.map(\.field) == ["financing[0].amount"])
        #expect(read.financing.map(\.amount) == [nil, 1_250_000.5])
        let results = ProjectRowGroup.results.read([["resultImpact": "efficiency"]], into: &read)
        #expect(results.map(\.field) == ["results[0].description"])
        #expect(ProjectRowGroup.financing.control(for: "financing[3].amount")?.control.name == "financingAmount")
        #expect(
            ProjectRowGroup.results.control(for: "results[0].indicators[2].metric")?.control.name == "resultDescription"
        )
    }

    @Test func amountsReadAsNorwegiansWriteThem() {
        #expect(ProjectAmount.parse("200 000") == 200_000)
        #expect(ProjectAmount.parse("kr 5000,-") == 5000)
        #expect(ProjectAmount.parse("1\u{00A0}250,5") == 1250.5)
        #expect(ProjectAmount.parse("12.000.000") == nil)
        #expect(ProjectAmount.parse("mange") == nil && ProjectAmount.parse("-5") == nil)
        #expect(ProjectAmount.text(250_000) == "250000" && ProjectAmount.text(nil) == "")
    }

    @Test func rowsSkipEmptyRowsAndLinksShowTheirAddress() {
        var document = ProjectDocument()
        ProjectRowGroup.links.read(
            [["linkTitle": "", "linkURL": "https://example.org"], ["linkTitle": "", "linkURL": ""]], into: &document)
        #expect(document.links == [.init(title: "https://example.org", url: "https://example.org")])
        ProjectRowGroup.contacts.read(
            [["contactName": "Kari", "contactConsent": "true"], ["contactConsent": "true"]], into: &document)
        #expect(document.contacts == [.init(name: "Kari", email: "", role: "", publishConsent: true)])
    }

    @Test func namesColumnsAndLabelsAreUnique() {
        let controls = ProjectField.all.map(\.name) + ProjectRowGroup.all.flatMap { $0.controls.map(\.name) }
        #expect(Set(controls).count == controls.count)
        #expect(Set(ProjectField.columns).count == ProjectField.columns.count)
        for name in controls {
            let label = ProjectField.controlLabel(name)
            #expect(label?.nb.isEmpty == false && label?.en.isEmpty == false, "\(name)")
        }
        #expect(ProjectField.controlLabel("contactEmail-3")?.nb == "E-post")
        #expect(ProjectField.documentLabel("research")?.en == "Research involvement")
    }

    /// The export writes every column the import reads (the owner's name as the register gives it).
    @Test func theOpenDataColumnsHoldEveryImportColumnOnce() {
        let names = ProjectOpenDataColumn.all.map(\.name)
        #expect(Set(names).count == names.count)
        #expect(Set(ProjectField.columns).isSubset(of: names))
        #expect(names.first == "slug" && names.last == "attachments")
    }
}
