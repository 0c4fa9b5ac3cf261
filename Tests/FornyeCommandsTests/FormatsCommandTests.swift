import ArgumentParser
import FornyeFormats
import FornyeStatistics
import Foundation
import Testing

@testable import FornyeCommands

@Suite("fornye convert and fornye import")
struct FormatsCommandTests {
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("fornye-formats-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("convert: CSV → .sav → JSON → CSV keeps every value and the synthetic label")
    func convertChain() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let codebook = Codebook(
            title: "SYNTETISKE DATA", synthetic: true,
            variables: [
                Variable(
                    name: "sector", label: "Sektor", kind: .singleChoice,
                    valueLabels: [ValueLabel(code: 1, label: "Helse"), ValueLabel(code: 2, label: "Skole")],
                    missingCodes: [8: .dontKnow]),
                Variable(name: "note", label: "Merknad", kind: .text),
            ])
        let dataset = try Dataset(
            codebook: codebook,
            columns: ["sector": .codes([1, 8, Column.systemMissing]), "note": .texts(["a", nil, "c"])])
        let csv = folder.appendingPathComponent("start.csv")
        try DatasetExport.write(dataset, to: csv)
        let sav = folder.appendingPathComponent("x.sav").path
        let json = folder.appendingPathComponent("x.json").path
        let back = folder.appendingPathComponent("back.csv")
        try ConvertCommand.parse(["--from", csv.path, "--to", sav]).run()
        try ConvertCommand.parse(["--from", sav, "--to", json]).run()
        try ConvertCommand.parse(["--from", json, "--to", back.path]).run()
        let result = try DatasetExport.read(back)
        #expect(result.codebook.synthetic)
        #expect(try result.codes(of: "sector") == [1, 8, Column.systemMissing])
        #expect(try result.column(named: "note") == .texts(["a", nil, "c"]))
        let refused = #expect(throws: ValidationError.self) {
            try ConvertCommand.parse(["--from", sav, "--to", "x.txt"]).run()
        }
        #expect(refused?.message == "--to must end in .csv, .xlsx, .sav or .json")
    }

    @Test("import check refuses a file with a bad row and writes nothing")
    func importCheck() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = folder.appendingPathComponent("r.csv")
        try "sector,role\n1,1\n7,2\n".write(to: data, atomically: true, encoding: .utf8)
        let mapping = folder.appendingPathComponent("m.yaml")
        try "name: t\nautomatic: true\n".write(to: mapping, atomically: true, encoding: .utf8)
        let output = folder.appendingPathComponent("out.sav")
        // The located problems go to standard error; the command fails with exit status 1.
        #expect(throws: ExitCode(1)) {
            try ImportCommand.Check.parse(["--file", data.path, "--mapping", mapping.path, "--output", output.path])
                .run()
        }
        #expect(!FileManager.default.fileExists(atPath: output.path))
        try "sector,role\n1,1\n2,2\n".write(to: data, atomically: true, encoding: .utf8)
        try ImportCommand.Check.parse(["--file", data.path, "--mapping", mapping.path, "--output", output.path]).run()
        #expect(try SAVDatasetMapping.read(contentsOf: output).codes(of: "sector") == [1, 2])
    }
}
