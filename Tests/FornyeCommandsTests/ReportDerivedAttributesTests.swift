import FornyeFormats
import FornyeStatistics
import Foundation
import Testing

@testable import FornyeCommands

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite("fornye report deriving respondent attributes")
struct ReportDerivedAttributesTests {
    @Test("data without county, landsdel, centrality and population_size get them from kommunenummer")
    func derivesFromKommunenummer() throws {
        let directory = try ReportCommandTests.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // The first 300 rows of the synthetic baseline without the four derived columns.
        let wave = try ReportCommand.syntheticBaseline(title: nil)
        let dropped: Set = ["county", "landsdel", "centrality", "population_size"]
        var codebook = wave.dataset.codebook
        codebook.variables.removeAll { dropped.contains($0.name) }
        var columns: [String: Column] = [:]
        for variable in codebook.variables {
            switch try wave.dataset.column(named: variable.name) {
            case .codes(let values): columns[variable.name] = .codes(Array(values.prefix(300)))
            case .numbers(let values): columns[variable.name] = .numbers(Array(values.prefix(300)))
            case .texts(let values): columns[variable.name] = .texts(Array(values.prefix(300)))
            }
        }
        let csv = directory.appendingPathComponent("wave.csv")
        let yaml = directory.appendingPathComponent("wave.yaml")
        try DatasetCSVWriter.write(try Dataset(codebook: codebook, columns: columns), to: csv, codebookURL: yaml)
        let arguments = ["--data", csv.path, "--codebook", yaml.path, "--weight", "weight"]

        let withoutDate = try ReportCommand.parse(arguments + ["--out", directory.appendingPathComponent("a").path])
        #expect(throws: InputError.self) { try withoutDate.write() }

        let command = try ReportCommand.parse(
            arguments + [
                "--structure-date", wave.structureDate ?? "", "--out", directory.appendingPathComponent("b").path,
            ])
        let html = try String(contentsOf: try command.write(), encoding: .utf8)
        #expect(XMLParser(data: Data(html.utf8)).parse())
        #expect(try ReportCommandTests.caption41(html).hasSuffix("(N\u{00A0}=\u{00A0}300)."))
        #expect(html.contains("Telemark"))
    }
}
