import Foundation
import Testing

@testable import FornyeCommands

@Suite("fornye estimate --publish")
struct EstimatePublishTests {
    /// 120 respondents: in Helse 57 said Ja and 3 Nei (a cell too small to publish), in Skole 30 and 30.
    static func files() throws -> (csv: String, codebook: String) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fornye-publish-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let csv = directory.appendingPathComponent("data.csv")
        let codebook = directory.appendingPathComponent("codebook.yaml")
        var lines = ["sector,innov"]
        lines += Array(repeating: "1,1", count: 57) + Array(repeating: "1,2", count: 3)
        lines += Array(repeating: "2,1", count: 30) + Array(repeating: "2,2", count: 30)
        try lines.joined(separator: "\n").write(to: csv, atomically: true, encoding: .utf8)
        try """
        title: Publishing test survey (synthetic)
        synthetic: true
        variables:
          - {name: sector, label: Sektor, kind: singleChoice, values: [{code: 1, label: Helse}, {code: 2, label: Skole}]}
          - {name: innov, label: Innovert, kind: singleChoice, values: [{code: 1, label: Ja}, {code: 2, label: Nei}]}
        """.write(to: codebook, atomically: true, encoding: .utf8)
        return (csv.path, codebook.path)
    }

    struct Output: Decodable {
        struct Table: Decodable { var cells: [Cell] }
        struct Cell: Decodable {
            var domain: [String: Int]
            var categoryCode: Int?
            var n: Int?
            var cellCount: Int?
            var estimate: Double?
            var flags: [String]
        }
        var tables: [Table]
    }

    @Test("a small cell is hidden with its complement, and the output does not say which was the small one")
    func smallCellHidden() throws {
        let (csv, codebook) = try Self.files()
        let arguments = [
            "--data", csv, "--codebook", codebook, "innov", "--by", "sector", "--no-overall", "--format", "json",
        ]
        let open = try JSONDecoder().decode(
            Output.self, from: Data(try EstimateCommand.parse(arguments).output().utf8))
        let published = try JSONDecoder().decode(
            Output.self, from: Data(try EstimateCommand.parse(arguments + ["--publish"]).output().utf8))

        let smallOpen = try #require(open.tables[0].cells.first { $0.domain == ["sector": 1] && $0.categoryCode == 2 })
        #expect(smallOpen.cellCount == 3 && smallOpen.estimate == 0.05)

        let helse = published.tables[0].cells.filter { $0.domain == ["sector": 1] }
        #expect(helse.count == 2)
        for cell in helse {
            #expect(cell.estimate == nil && cell.cellCount == nil && cell.n == nil)
            #expect(cell.flags.contains("suppressed"))
            #expect(!cell.flags.contains { $0.hasPrefix("suppressedP") || $0.hasPrefix("suppressedS") })
        }
        let text = try EstimateCommand.parse(Array(arguments.dropLast(2)) + ["--publish"]).output()
        #expect(!text.contains("5.00") && !text.contains("95.00"), "the hidden shares must not appear in the text")
    }

    @Test("the publishing thresholds are options, checked")
    func thresholds() throws {
        let (csv, codebook) = try Self.files()
        let arguments = [
            "--data", csv, "--codebook", codebook, "innov", "--by", "sector", "--no-overall", "--format", "json",
            "--publish", "--min-count", "3",
        ]
        let output = try JSONDecoder().decode(
            Output.self, from: Data(try EstimateCommand.parse(arguments).output().utf8))
        let small = try #require(output.tables[0].cells.first { $0.domain == ["sector": 1] && $0.categoryCode == 2 })
        #expect(!small.flags.contains("suppressed"), "3 respondents are publishable when the minimum is 3")
        // `parse` wraps the ValidationError of `validate()`; its message is what the user reads.
        let refused = #expect(throws: (any Error).self) {
            try EstimateCommand.parse(["--data", csv, "--codebook", codebook, "innov", "--min-count", "0"])
        }
        #expect(refused.map { EstimateCommand.message(for: $0) } == "--min-count and --min-base must be at least 1")
    }
}
