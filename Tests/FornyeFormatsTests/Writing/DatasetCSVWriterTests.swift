import FornyeFormats
import FornyeStatistics
import Foundation
import Testing

@Suite("Dataset CSV writer")
struct DatasetCSVWriterTests {
    @Test("what is written reads back as the same dataset, codebook and extra columns")
    func roundTrip() throws {
        let codebook = Codebook(
            title: "Round trip (synthetic)", synthetic: true,
            variables: [
                Variable(
                    name: "sector", label: "Sektor", kind: .singleChoice,
                    valueLabels: [ValueLabel(code: 1, label: "Helse"), ValueLabel(code: 2, label: "Skole")],
                    missingCodes: [8: .dontKnow]),
                Variable(name: "amount", label: "Beløp", kind: .numeric),
                Variable(name: "comment", label: "Kommentar", kind: .text),
            ])
        let dataset = try Dataset(
            codebook: codebook,
            columns: [
                "sector": .codes([1, Column.systemMissing, 8]),
                "amount": .numbers([1.5, .nan, -0.25]),
                "comment": .texts(["plain", "with, comma and \"quotes\"\nand a line break", nil]),
            ])
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fornye-writer-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let csv = directory.appendingPathComponent("data.csv")
        let yaml = directory.appendingPathComponent("data.codebook.yaml")
        try DatasetCSVWriter.write(
            dataset, extraColumns: [("weight", ["1", "2.5", "3"])], to: csv, codebookURL: yaml)

        let readCodebook = try CodebookReader.read(contentsOf: yaml)
        #expect(readCodebook == codebook)
        let loaded = try DatasetReader.read(csv: csv, codebook: readCodebook, extraColumns: ["weight"])
        #expect(try loaded.dataset.column(named: "sector") == .codes([1, Column.systemMissing, 8]))
        guard case .numbers(let amounts) = try loaded.dataset.column(named: "amount") else {
            Issue.record("amount is not numeric")
            return
        }
        #expect(amounts[0] == 1.5 && amounts[1].isNaN && amounts[2] == -0.25)
        #expect(
            try loaded.dataset.column(named: "comment")
                == .texts(["plain", "with, comma and \"quotes\"\nand a line break", nil]))
        #expect(loaded.extraColumns["weight"] == ["1", "2.5", "3"])
    }
}
