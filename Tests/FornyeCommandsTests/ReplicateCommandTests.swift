import Foundation
import Testing

@testable import FornyeCommands

/// Replicate weights on the command line: `fornye estimate --replicate-type` against R's
/// `as.svrepdesign(type = "JKn")` on the fixture, `fornye weight --replicate-type` writing
/// calibrated replicate columns and their specification, and `--replicate-columns` reading them
/// back to the same standard errors.
@Suite("Replicate weights in fornye estimate and fornye weight")
struct ReplicateCommandTests {
    struct Output: Decodable {
        struct Table: Decodable {
            var varianceMethod: String?
            var replicates: Int?
            var cells: [TablesOutput.Cell]
        }
        var tables: [Table]
    }

    static let population = """
        variable,code,count
        region,1,60
        region,2,50
        region,3,40
        """

    @Test("the jackknife gives R's JKn standard errors and degrees of freedom, and the output names it")
    func jackknifeEstimate() throws {
        let fixture = try SurveyFixture()
        let command = try EstimateCommand.parse(
            fixture.arguments(["innov", "size", "--replicate-type", "jackknife", "--format", "json"]))
        let output = try decode(Output.self, try command.output())
        #expect(output.tables.map(\.varianceMethod) == ["JKn", "JKn"])
        #expect(output.tables.map(\.replicates) == [12, 12])
        // R: svymean(~factor(innov), as.svrepdesign(design, type = "JKn"), na.rm = TRUE); svymean(~size, …).
        expectClose(output.tables[0].cells[0].estimate, 0.4515706806283, tolerance: 1e-12, "share")
        expectClose(output.tables[0].cells[0].se, 0.0762691361496894, "SE of the share")
        expectClose(output.tables[1].cells[0].se, 0.692243488734209, "SE of the mean")
        #expect(output.tables[1].cells[0].df == 10)
        let text = try EstimateCommand.parse(fixture.arguments(["size", "--replicate-type", "jackknife"])).output()
        #expect(text.contains("variance: JKn replicate weights, 12 replicates"))
        let taylor = try EstimateCommand.parse(fixture.arguments(["size"])).output()
        #expect(taylor.contains("variance: Taylor linearisation"))
    }

    @Test("the seeded bootstrap repeats and changes with the seed; bad choices are refused with the option named")
    func bootstrapAndRefusals() throws {
        let fixture = try SurveyFixture()
        func se(_ seed: String) throws -> Double? {
            let command = try EstimateCommand.parse(
                fixture.arguments([
                    "size", "--replicate-type", "bootstrap", "--replicates", "30", "--seed", seed, "--format", "json",
                ]))
            let output = try decode(Output.self, try command.output())
            #expect(output.tables[0].varianceMethod == "subbootstrap")
            #expect(output.tables[0].replicates == 30)
            return output.tables[0].cells[0].se
        }
        #expect(try se("3") == se("3"))
        #expect(try se("3") != se("4"))
        #expect(throws: (any Error).self) {
            try EstimateCommand.parse(
                fixture.arguments(["size", "--replicate-type", "bootstrap", "--replicates", "1"]))
        }
        #expect(throws: (any Error).self) {
            try EstimateCommand.parse(fixture.arguments(["size", "--replicate-columns", "repw_"]))
        }
        // BRR needs two PSUs per stratum; the fixture has six.
        expectError(["2 per stratum"]) {
            _ = try EstimateCommand.parse(fixture.arguments(["size", "--replicate-type", "brr"])).output()
        }
    }

    @Test("fornye weight writes calibrated replicate columns that fornye estimate reads back to R's SEs")
    func exportRoundTrip() throws {
        let fixture = try SurveyFixture()
        let population = try fixture.file("population.csv", Self.population)
        let output = fixture.path("weighted.csv")
        let weight = try WeightCommand.parse(
            fixture.arguments([
                "--poststratify", "region", "--population", population, "--output", output,
                "--replicate-type", "jackknife", "--estimate", "size", "--format", "json",
            ]))
        let weighted = try decode(WeightCommandTests.Output.self, try weight.output())
        // R: svymean(~size, postStratify(as.svrepdesign(design, type = "JKn"), ~region, population)).
        expectClose(weighted.estimates.tables[0].cells[0].estimate, 11.1311295983074, tolerance: 1e-12, "mean")
        expectClose(weighted.estimates.tables[0].cells[0].se, 0.708356637465446, "SE post-stratified")
        #expect(weighted.estimates.tables[0].cells[0].df == 11)

        let header = try String(contentsOfFile: output, encoding: .utf8).split(separator: "\n")[0]
        #expect(header.contains("repw_1") && header.contains("repw_12") && !header.contains("repw_13"))
        let spec = fixture.path("weighted.replicates.json")
        let reread = try EstimateCommand.parse([
            "--data", output, "--codebook", fixture.path("weighted.codebook.yaml"), "--weight", "calibrated_weight",
            "--strata", "stratum", "--cluster", "psu", "size", "--replicate-columns", "repw_",
            "--replicate-spec", spec, "--format", "json",
        ])
        let read = try decode(Output.self, try reread.output())
        #expect(read.tables[0].varianceMethod == "JKn")
        expectClose(read.tables[0].cells[0].estimate, 11.1311295983074, tolerance: 1e-12, "mean read back")
        expectClose(read.tables[0].cells[0].se, 0.708356637465446, tolerance: 1e-9, "SE read back")
        #expect(read.tables[0].cells[0].df == 11)
        // Without the specification: method and scale by hand (JKn's rscales are not all 1, so the SE differs).
        let byHand = try EstimateCommand.parse([
            "--data", output, "--codebook", fixture.path("weighted.codebook.yaml"), "--weight", "calibrated_weight",
            "--strata", "stratum", "--cluster", "psu", "size", "--replicate-columns", "repw_", "--replicate-method",
            "other", "--replicate-scale", "1",
            "--format", "json",
        ])
        #expect(try decode(Output.self, try byHand.output()).tables[0].varianceMethod == "other")
        // The written file still reads without the replicate options.
        let plain = try EstimateCommand.parse([
            "--data", output, "--codebook", fixture.path("weighted.codebook.yaml"), "--weight", "calibrated_weight",
            "--strata", "stratum", "--cluster", "psu", "size", "--format", "json",
        ])
        #expect(try decode(Output.self, try plain.output()).tables[0].varianceMethod == "taylor")
    }

    @Test("a bad replicate weight cell is refused with its line and field")
    func badCell() throws {
        let fixture = try SurveyFixture()
        var lines = SurveyFixture.csvText(SurveyFixture.rows).split(separator: "\n").map(String.init)
        lines[0] += ",repw_1,repw_2"
        for index in 1..<lines.count { lines[index] += index == 3 ? ",1,-2" : ",1,2" }
        let data = try fixture.file("replicates.csv", lines.joined(separator: "\n") + "\n")
        expectError(["line 4", "repw_2"]) {
            _ = try EstimateCommand.parse(
                ["--data", data, "--codebook", fixture.codebook] + SurveyFixture.design + [
                    "size", "--replicate-columns", "repw_", "--replicate-method", "bootstrap", "--replicate-scale", "1",
                ]
            ).output()
        }
    }
}
