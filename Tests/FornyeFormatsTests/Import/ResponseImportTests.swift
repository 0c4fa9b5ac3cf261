import FornyeBarometer
import FornyeStatistics
import Foundation
import Testing

@testable import FornyeFormats

/// Imports of the hand-written (synthetic) fixtures in Fixtures/import through saved mappings.
@Suite("Response imports with mappings")
struct ResponseImportTests {
    static func url(_ name: String, _ ext: String, _ folder: String = "import") throws -> URL {
        try #require(Bundle.module.url(forResource: name, withExtension: ext, subdirectory: "Fixtures/\(folder)"))
    }

    static func load(_ data: String, _ ext: String, mapping: String, folder: String = "import") throws
        -> (SourceTable, ImportMapping)
    {
        let mappingValue = try ImportMapping.read(contentsOf: url(mapping, "yaml"))
        let table = try SourceReader.read(
            url(data, ext, folder), format: mappingValue.format, sheet: mappingValue.sheet)
        return (table, mappingValue)
    }

    static func run(_ data: String, _ ext: String, mapping: String, folder: String = "import") throws
        -> ImportedResponses
    {
        let (table, mappingValue) = try load(data, ext, mapping: mapping, folder: folder)
        return try ResponseImporter.run(
            table, mapping: mappingValue, instrument: try Instrument.innovasjonsbarometer2018)
    }

    @Test("Plain CSV with question names: codes, answer texts and a three-digit kommunenummer")
    func plainCSV() throws {
        let imported = try Self.run("plain", "csv", mapping: "plain.mapping")
        #expect(imported.dataset.rowCount == 4)
        #expect(try imported.dataset.codes(of: "sector") == [1, 2, 2, 1])
        #expect(try imported.dataset.codes(of: "role") == [1, 2, 1, 3])
        #expect(imported.answers[2]["kommunenummer"] == .text("0301"))
        #expect(imported.answers[0]["newest_type"] == .codes([1, 3]))
        #expect(try imported.dataset.codes(of: "newest_type_3") == [1, Column.systemMissing, 0, 0])
    }

    @Test("LimeSurvey: recoded answer codes and Q[SQ00n] option columns")
    func limeSurvey() throws {
        let imported = try Self.run("limesurvey", "csv", mapping: "limesurvey.mapping")
        #expect(try imported.dataset.codes(of: "unit_type") == [1, 5, 3])
        #expect(try imported.dataset.codes(of: "innovated_service") == [1, 2, 8])
        #expect(imported.answers[0]["newest_type"] == .codes([1, 3]))
        #expect(imported.answers[2]["newest_type"] == .codes([2]))
    }

    @Test("LimeSurvey with bad cells: every problem located, nothing imported")
    func limeSurveyErrors() throws {
        let (table, mapping) = try Self.load("limesurvey-bad", "csv", mapping: "limesurvey.mapping")
        #expect(throws: ImportFailure.self) {
            try ResponseImporter.run(table, mapping: mapping, instrument: try Instrument.innovasjonsbarometer2018)
        }
        let preview = ResponseImporter.preview(
            table, mapping: mapping, instrument: try Instrument.innovasjonsbarometer2018)
        #expect(!preview.isImportable)
        let problems = preview.problems
        #expect(problems.count == 3)
        let municipality = try #require(problems.first { $0.column == "kommune" })
        #expect(municipality.row == 3)
        #expect(municipality.value == "Oslo")
        #expect(municipality.field == "kommunenummer")
        #expect(municipality.description.contains("limesurvey-bad.csv, row 3, column \"kommune\""))
        let sector = try #require(problems.first { $0.column == "sektor" })
        #expect(sector.value == "A7")
        #expect(sector.message.contains("1 (Helse og omsorg)"))
        let item = try #require(problems.first { $0.column == "nytype[SQ002]" })
        #expect(item.row == 4)
        #expect(item.value == "kanskje")
    }

    @Test("Kobo: group/question headers and space-separated select_multiple")
    func kobo() throws {
        let imported = try Self.run("kobo", "csv", mapping: "kobo.mapping")
        #expect(imported.dataset.rowCount == 3)
        #expect(imported.answers[0]["newest_type"] == .codes([1, 4]))
        #expect(imported.answers[2]["kommunenummer"] == .text("3401"))
        #expect(try imported.dataset.codes(of: "newest_type_4") == [1, Column.systemMissing, 0])
    }

    @Test("SurveyXact workbook: Dataset sheet, formula cell by its value, number-cell kommunenummer")
    func surveyXact() throws {
        let (table, mapping) = try Self.load("surveyxact", "xlsx", mapping: "surveyxact.mapping")
        #expect(table.sheet == "Dataset")
        #expect(table.valueLabels["s_2"]?["Helse og omsorg"] == "1")
        let imported = try ResponseImporter.run(
            table, mapping: mapping, instrument: try Instrument.innovasjonsbarometer2018)
        #expect(imported.answers[0]["kommunenummer"] == .text("0301"))
        #expect(imported.answers[0]["spread"] == .code(1))
        #expect(imported.answers[0]["newest_type"] == .codes([1, 3]))
        #expect(imported.rowNumbers == [2, 3, 4])
    }

    @Test("SPSS file through a mapping: option columns from 0/1 variables")
    func spss() throws {
        let imported = try Self.run("pspp-compressed", "sav", mapping: "sav.mapping", folder: "spss")
        #expect(try imported.dataset.codes(of: "sector") == [1, 2, 2, 1])
    }

    @Test("A mapping naming a missing column or an unknown question is reported before any row")
    func mappingErrors() throws {
        let table = SourceTable(file: "x.csv", columns: ["a", "b"], rows: [["1", "2"]])
        let mapping = ImportMapping(
            name: "broken", automatic: false,
            columns: [.init(column: "a", variable: "no_such_question"), .init(column: "zz", variable: "sector")])
        let preview = ResponseImporter.preview(
            table, mapping: mapping, instrument: try Instrument.innovasjonsbarometer2018)
        #expect(preview.problems.contains { $0.field == "no_such_question" })
        #expect(preview.problems.contains { $0.value == "zz" && $0.message.contains("does not have") })
        #expect(preview.problems.contains { $0.column == "b" && $0.message.contains("ignore") })
    }

    @Test("A mapping survives YAML: save and read back")
    func mappingYAML() throws {
        let mapping = try ImportMapping.read(contentsOf: Self.url("limesurvey.mapping", "yaml"))
        #expect(try ImportMapping.parse(yaml: mapping.yaml(), file: "saved.yaml") == mapping)
        #expect(throws: FormatError.self) { try ImportMapping.parse(yaml: "columns: 3", file: "bad.yaml") }
    }

    @Test("Preview shows the first rows as they will be stored")
    func preview() throws {
        let (table, mapping) = try Self.load("plain", "csv", mapping: "plain.mapping")
        let preview = ResponseImporter.preview(
            table, mapping: mapping, instrument: try Instrument.innovasjonsbarometer2018, rows: 2)
        #expect(preview.isImportable)
        #expect(preview.rows.count == 2)
        #expect(preview.rows[0]["sector"] == "1 = Helse og omsorg")
        #expect(preview.rows[0]["newest_type"] == "1 3")
    }
}
