import Foundation
import Testing

@testable import FornyeCommands

@Suite("fornye estimate")
struct EstimateCommandTests {
    /// Writes a tiny survey whose shares can be checked by hand.
    static func files() throws -> (csv: String, codebook: String) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fornye-estimate-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let csv = directory.appendingPathComponent("data.csv")
        let codebook = directory.appendingPathComponent("codebook.yaml")
        try """
        sector,innov,w
        1,1,1
        1,2,1
        2,1,2
        2,1,2
        2,8,5
        """.write(to: csv, atomically: true, encoding: .utf8)
        try """
        title: Tiny test survey (synthetic)
        synthetic: true
        variables:
          - {name: sector, label: Sektor, kind: singleChoice, values: [{code: 1, label: Helse}, {code: 2, label: Skole}]}
          - name: innov
            label: Innovert
            kind: singleChoice
            values: [{code: 1, label: Ja}, {code: 2, label: Nei}]
            missing: {"8": dontKnow}
        """.write(to: codebook, atomically: true, encoding: .utf8)
        return (csv.path, codebook.path)
    }

    struct Output: Decodable {
        struct Table: Decodable {
            var breakdowns: [String]
            var cells: [Cell]
        }
        struct Cell: Decodable {
            var domain: [String: Int]
            var categoryCode: Int?
            var n: Int?
            var estimate: Double?
            var low: Double?
            var high: Double?
        }
        var synthetic: Bool
        var tables: [Table]
    }

    @Test("weighted shares overall and by a breakdown, with \"vet ikke\" out of the base")
    func weightedShares() throws {
        let (csv, codebook) = try Self.files()
        let command = try EstimateCommand.parse([
            "--data", csv, "--codebook", codebook, "--weight", "w", "innov", "--by", "sector", "--format", "json",
        ])
        let output = try JSONDecoder().decode(Output.self, from: Data(try command.output().utf8))
        #expect(output.synthetic)
        #expect(output.tables.map(\.breakdowns) == [[], ["sector"]])
        let overallYes = try #require(output.tables[0].cells.first { $0.categoryCode == 1 })
        #expect(overallYes.n == 4)
        #expect(abs(try #require(overallYes.estimate) - 5.0 / 6.0) < 1e-12)
        let helseYes = try #require(output.tables[1].cells.first { $0.domain == ["sector": 1] && $0.categoryCode == 1 })
        #expect(helseYes.estimate == 0.5)
        #expect(try #require(helseYes.low) < 0.5 && 0.5 < (try #require(helseYes.high)))
        let skoleYes = try #require(output.tables[1].cells.first { $0.domain == ["sector": 2] && $0.categoryCode == 1 })
        #expect(skoleYes.estimate == 1)
        #expect(skoleYes.n == 2)
    }

    @Test("keeping \"vet ikke\" in the base adds it as a category")
    func dontKnowInBase() throws {
        let (csv, codebook) = try Self.files()
        let command = try EstimateCommand.parse([
            "--data", csv, "--codebook", codebook, "--weight", "w", "innov", "--include-dont-know", "--format", "json",
        ])
        let output = try JSONDecoder().decode(Output.self, from: Data(try command.output().utf8))
        let dontKnow = try #require(output.tables[0].cells.first { $0.categoryCode == 8 })
        #expect(abs(try #require(dontKnow.estimate) - 5.0 / 11.0) < 1e-12)
    }

    @Test("text output is labelled synthetic and aligned")
    func textOutput() throws {
        let (csv, codebook) = try Self.files()
        let text = try EstimateCommand.parse(["--data", csv, "--codebook", codebook, "--weight", "w", "innov"]).output()
        #expect(text.contains("SYNTETISKE DATA"))
        #expect(text.contains("category"))
        #expect(text.contains("Ja"))
    }

    @Test("a bad cell is reported with file, line and field, and an unknown variable by name")
    func badInput() throws {
        let (csv, codebook) = try Self.files()
        try "sector,innov,w\n1,1,1\n3,1,1\n".write(toFile: csv, atomically: true, encoding: .utf8)
        #expect {
            try EstimateCommand.parse(["--data", csv, "--codebook", codebook, "--weight", "w", "innov"]).output()
        } throws: { error in
            let message = "\(error)"
            return message.contains(csv) && message.contains("line 3") && message.contains("sector")
        }
        try "sector,innov,w\n1,1,1\n2,1,1\n".write(toFile: csv, atomically: true, encoding: .utf8)
        #expect {
            try EstimateCommand.parse(["--data", csv, "--codebook", codebook, "--weight", "w", "nosuch"]).output()
        } throws: { error in
            "\(error)".contains("nosuch")
        }
    }

    @Test("help explains the statistics without reading the code")
    func help() {
        let help = EstimateCommand.helpMessage()
        for phrase in ["domain", "Taylor", "degrees of freedom", "vet ikke", "--lonely-psu", "--ci", "Korn"] {
            #expect(help.contains(phrase), "help lacks \(phrase)")
        }
    }
}
