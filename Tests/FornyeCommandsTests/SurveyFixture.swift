import ArgumentParser
import Foundation
import Testing

@testable import FornyeCommands

/// A small stratified cluster sample (2 strata, 12 PSUs, 24 rows, unequal weights) written to a
/// temporary directory, with the numbers R's survey package gives for it.
///
/// The data come from `set.seed(7)` in R; the reference values in the tests were computed with
/// survey 4.1.1 on `svydesign(ids = ~psu, strata = ~stratum, weights = ~w, data = d)`, with
/// `innov` 8 ("vet ikke") set to NA.
struct SurveyFixture {
    struct Row {
        var stratum: Int
        var psu: Int
        var w: Double
        var region: Int
        var sector: Int
        var size: Double
        var innov: Int
    }

    static let rows: [Row] = [
        (1, 1, 2.6, 3, 1, 16.5, 1), (1, 1, 1.9, 3, 1, 14.9, 2), (1, 2, 1.5, 2, 1, 7.8, 2), (1, 2, 1.5, 2, 2, 14.1, 2),
        (1, 3, 1.7, 3, 2, 12.4, 8), (1, 3, 2.4, 1, 2, 3.8, 2), (1, 4, 1.8, 3, 1, 10.3, 2), (1, 4, 2.6, 2, 2, 12.5, 2),
        (1, 5, 1.6, 2, 2, 10.9, 2), (1, 5, 2, 3, 1, 10.3, 2), (1, 6, 1.6, 2, 2, 11.9, 2), (1, 6, 1.7, 2, 2, 11.1, 2),
        (2, 7, 5.8, 3, 2, 11.8, 1), (2, 7, 3.8, 1, 2, 5.8, 1), (2, 8, 4.9, 3, 2, 10.5, 2), (2, 8, 3.8, 2, 1, 11.2, 1),
        (2, 9, 5.2, 1, 2, 12.9, 8), (2, 9, 3.5, 3, 2, 14, 1), (2, 10, 6.5, 1, 1, 13.4, 2), (2, 10, 4.4, 1, 1, 13.9, 1),
        (2, 11, 5.4, 1, 2, 10.8, 2), (2, 11, 4.4, 1, 2, 8.7, 1), (2, 12, 6.5, 2, 1, 10.6, 2), (2, 12, 6.2, 1, 1, 8, 1),
    ].map { Row(stratum: $0.0, psu: $0.1, w: $0.2, region: $0.3, sector: $0.4, size: $0.5, innov: $0.6) }

    static let codebookText = """
        title: CLI test survey (synthetic)
        synthetic: true
        variables:
          - {name: region, label: Region, kind: singleChoice, values: [{code: 1, label: Nord}, {code: 2, label: Midt}, {code: 3, label: Sør}]}
          - {name: sector, label: Sektor, kind: singleChoice, values: [{code: 1, label: Helse}, {code: 2, label: Skole}]}
          - {name: size, label: Størrelse, kind: numeric}
          - name: innov
            label: Innovert
            kind: singleChoice
            values: [{code: 1, label: Ja}, {code: 2, label: Nei}]
            missing: {"8": dontKnow}
        """

    /// The design options of the fixture, as given on the command line.
    static let design = ["--weight", "w", "--strata", "stratum", "--cluster", "psu"]

    let directory: URL
    let csv: String
    let codebook: String

    /// Writes the data (or other rows) and the codebook to a new temporary directory.
    init(rows: [Row] = SurveyFixture.rows) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("fornye-cli-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        csv = directory.appendingPathComponent("data.csv").path
        codebook = directory.appendingPathComponent("codebook.yaml").path
        try Self.csvText(rows).write(toFile: csv, atomically: true, encoding: .utf8)
        try Self.codebookText.write(toFile: codebook, atomically: true, encoding: .utf8)
    }

    static func csvText(_ rows: [Row]) -> String {
        let lines = rows.map { "\($0.stratum),\($0.psu),\($0.w),\($0.region),\($0.sector),\($0.size),\($0.innov)" }
        return (["stratum,psu,w,region,sector,size,innov"] + lines).joined(separator: "\n") + "\n"
    }

    /// `--data … --codebook …` and the design options, then `arguments`.
    func arguments(_ arguments: [String]) -> [String] {
        ["--data", csv, "--codebook", codebook] + Self.design + arguments
    }

    /// Writes a file next to the data and returns its path.
    func file(_ name: String, _ text: String) throws -> String {
        let path = directory.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }
}

/// The JSON of estimate tables (`fornye estimate`, `fornye weight --estimate`), as far as tests read it.
struct TablesOutput: Decodable {
    struct Table: Decodable {
        var variable: String
        var breakdowns: [String]
        var cells: [Cell]
    }
    struct Cell: Decodable {
        var domain: [String: Int]
        var categoryCode: Int?
        var n: Int?
        var estimate: Double?
        var se: Double?
        var df: Int
    }
    var synthetic: Bool
    var tables: [Table]
}

/// Decodes a command's JSON output.
func decode<T: Decodable>(_ type: T.Type, _ json: String) throws -> T {
    try JSONDecoder().decode(type, from: Data(json.utf8))
}

/// Expects two numbers to agree within a relative (or, near zero, absolute) tolerance.
func expectClose(
    _ actual: Double?, _ expected: Double, tolerance: Double = 1e-9, _ what: String = "",
    sourceLocation: SourceLocation = #_sourceLocation
) {
    guard let actual else {
        Issue.record("\(what): no value, expected \(expected)", sourceLocation: sourceLocation)
        return
    }
    let scale = max(abs(expected), 1)
    #expect(
        abs(actual - expected) <= tolerance * scale, "\(what): \(actual) is not \(expected)",
        sourceLocation: sourceLocation)
}

/// Expects `body` to throw an error whose description contains every phrase.
func expectError(
    _ phrases: [String], sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void
) {
    do {
        try body()
        Issue.record("expected an error mentioning \(phrases)", sourceLocation: sourceLocation)
    } catch {
        // As the tool prints it: a parse or validation error's message, or the error's description.
        let message = FornyeCommand.message(for: error)
        for phrase in phrases {
            #expect(message.contains(phrase), "\"\(message)\" lacks \"\(phrase)\"", sourceLocation: sourceLocation)
        }
    }
}
