import FornyeFormats
import FornyeStatistics
import Foundation
import Testing

@testable import FornyeCommands

/// Replicate weights exported as SPSS (`fornye weight --output X.sav`), checked against what an
/// independent reader saw: R's `foreign::read.spss` read the file the same command wrote, and
/// `survey::svrepdesign` estimated from its columns and labels
/// (`scripts/spss/make-golden-replicates.sh` → `Golden/spss-replicates/r-read.json`).
@Suite("Replicate weights in the SPSS export")
struct ReplicateSPSSTests {
    struct RRead: Decodable {
        var names: [String]
        var replicateColumns: [String]
        var replicateLabels: [String]
        var method: String
        var scale: Double
        var rscales: [Double]
        var mse: Bool
        var calibratedWeight: [Double]
        var replicateWeights: [[Double]]
        var meanSize: Double
        var seSize: Double
        var df: Int
    }

    static func golden(_ name: String) -> URL {
        Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Golden/spss-replicates")!
    }

    static let rRead: RRead = {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try! decoder.decode(RRead.self, from: Data(contentsOf: golden("r-read.json")))
    }()

    /// Runs the golden script's command, writing to `output`; returns its JSON.
    static func weigh(output: String) throws -> String {
        try WeightCommand.parse([
            "--data", golden("data.csv").path, "--codebook", golden("codebook.yaml").path, "--weight", "w",
            "--strata", "stratum", "--cluster", "psu", "--poststratify", "region", "--population",
            golden("population.csv").path, "--output", output, "--replicate-type", "jackknife", "--estimate", "size",
            "--format", "json",
        ]).output()
    }

    @Test("the .sav has every replicate column with R's values and labels; R's SE from them is Fornye's")
    func columnsAsRReadThem() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fornye-spss-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("weighted.sav")
        let json = try Self.weigh(output: output.path)
        let golden = Self.rRead
        #expect(golden.replicateColumns == (1...12).map { "repw_\($0)" })

        let file = try SAVReader.read(contentsOf: output)
        #expect(file.variables.map(\.name) == golden.names)
        func numbers(_ name: String) -> [Double]? {
            guard case .numbers(let values)? = file.variables.first(where: { $0.name == name })?.values else {
                return nil
            }
            return values
        }
        for (index, column) in golden.replicateColumns.enumerated() {
            let variable = file.variables.first { $0.name == column }
            #expect(variable?.label == golden.replicateLabels[index], "label of \(column)")
            let values = try #require(numbers(column), "\(column) is missing or not numeric")
            #expect(values.count == golden.replicateWeights[index].count)
            for (value, expected) in zip(values, golden.replicateWeights[index]) {
                expectClose(value, expected, tolerance: 1e-14, column)
            }
        }
        let weights = try #require(numbers("calibrated_weight"))
        for (value, expected) in zip(weights, golden.calibratedWeight) {
            expectClose(value, expected, tolerance: 1e-14, "calibrated_weight")
        }
        #expect(golden.method == "JKn")
        #expect(file.documents.contains { $0.hasPrefix("Replicate weights repw_1 ... repw_12: JKn, 12 replicates.") })
        #expect(file.documents.contains { $0.contains("svrepdesign") })

        // The specification beside the file, in the file's attribute and in the JSON report are
        // one structured object (not a string), and match the labels R parsed.
        let beside = try ReplicateSpecification.read(directory.appendingPathComponent("weighted.replicates.json"))
        let attribute = try #require(file.fileAttributes[ReplicateSpecification.savAttribute]?.first)
        #expect(try JSONDecoder().decode(ReplicateSpecification.self, from: Data(attribute.utf8)) == beside)
        struct Report: Decodable {
            var replicates: ReplicateSpecification
            var estimates: TablesOutput
        }
        let report = try decode(Report.self, json)
        #expect(report.replicates == beside)
        #expect(beside.method.rawValue == golden.method && beside.scale == golden.scale)
        #expect(beside.mse == golden.mse && beside.count == 12 && beside.rscales.count == golden.rscales.count)
        for (rscale, expected) in zip(beside.rscales, golden.rscales) {
            expectClose(rscale, expected, tolerance: 1e-14, "rscale")
        }

        // R's estimate from the columns it read is the estimate Fornye made with them.
        let cell = report.estimates.tables[0].cells[0]
        expectClose(cell.estimate, golden.meanSize, tolerance: 1e-12, "mean")
        expectClose(cell.se, golden.seSize, tolerance: 1e-9, "SE")
        #expect(cell.df == golden.df)
    }

    @Test("the JSON report gives the replicate specification as an object with its numbers")
    func specificationIsStructured() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fornye-spss-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let json = try Self.weigh(output: directory.appendingPathComponent("weighted.csv").path)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let replicates = try #require(object["replicates"] as? [String: Any], "replicates is not a JSON object")
        #expect(replicates["method"] as? String == "JKn")
        #expect((replicates["rscales"] as? [Double])?.count == 12)
        #expect(replicates["scale"] as? Double == 1)
        #expect(replicates["prefix"] as? String == "repw_")
    }

    @Test("an SPSS export without a replicate column it describes is refused, naming the column")
    func missingColumnRefused() throws {
        var file = SAVFile(variables: [SAVVariable(name: "repw_1", values: .numbers([1, 2]))])
        let replicates = try ReplicateWeights(
            method: .jk1, replicates: [[1, 2], [2, 1]], scale: 0.5)
        let specification = ReplicateSpecification(replicates, prefix: "repw_", synthetic: true)
        expectError(["repw_2"]) { try specification.annotate(&file) }
    }
}
