import Foundation
import Testing

@testable import FornyeCommands

@Suite("fornye weight")
struct WeightCommandTests {
    struct Output: Decodable {
        struct Weighting: Decodable {
            struct MarginRow: Decodable {
                var variable: String
                var code: Int
                var n: Int
                var population: Double
                var before: Double
                var after: Double
            }
            struct MarginError: Decodable {
                var variable: String
                var maxAbsoluteError: Double
            }
            struct WeightRange: Decodable {
                var min: Double
                var max: Double
                var sum: Double
            }
            var method: String
            var iterations: Int?
            var converged: Bool?
            var trimmedCount: Int?
            var unusedPopulationVariables: [String]
            var margins: [MarginRow]
            var marginErrors: [MarginError]
            var kishDesignEffectBefore: Double
            var kishDesignEffectAfter: Double
            var effectiveSampleSizeBefore: Double
            var effectiveSampleSizeAfter: Double
            var weightRatioMin: Double
            var weightRatioMax: Double
            var weightsBefore: WeightRange
            var weightsAfter: WeightRange
        }
        var weighting: Weighting
        var estimates: TablesOutput
    }

    static let populationCSV = """
        variable,code,count,label
        region,1,60,Nord
        region,2,50,Midt
        region,3,40,Sør
        sector,1,70,Helse
        sector,2,80,Skole
        """

    static let populationYAML = """
        # Counts of the population, one entry per code.
        - {variable: region, code: 1, count: 60, label: Nord}
        - {variable: region, code: 2, count: 50}
        - variable: region
          code: 3
          count: 40
        """

    /// The rows of a written file, by column name.
    static func read(_ path: String) throws -> [[String: String]] {
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(whereSeparator: \.isNewline)
        let header = lines[0].split(separator: ",").map(String.init)
        return lines.dropFirst().map { line in
            Dictionary(
                uniqueKeysWithValues: zip(
                    header, line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)))
        }
    }

    /// Weighted counts of a column's codes in a written file.
    static func totals(_ rows: [[String: String]], _ variable: String, weight: String = "calibrated_weight") -> [Int:
        Double]
    {
        var totals: [Int: Double] = [:]
        for row in rows { totals[Int(row[variable]!)!, default: 0] += Double(row[weight]!)! }
        return totals
    }

    func run(_ fixture: SurveyFixture, _ arguments: [String]) throws -> Output {
        try decode(Output.self, try WeightCommand.parse(fixture.arguments(arguments + ["--format", "json"])).output())
    }

    @Test("post-stratification: the written weights count the population in every group; SEs as R's")
    func postStratification() throws {
        let fixture = try SurveyFixture()
        let population = try fixture.file("population.csv", Self.populationCSV)
        let output = fixture.path("calibrated.csv")
        let result = try run(
            fixture,
            [
                "--poststratify", "region", "--population", population, "--output", output, "--estimate", "innov",
                "--estimate", "region",
            ])

        let written = try Self.read(output)
        #expect(written.count == 24)
        #expect(written.map { $0["w"] } == SurveyFixture.rows.map { String(format: "%g", $0.w) })
        let totals = Self.totals(written, "region")
        for (code, count) in [1: 60.0, 2: 50, 3: 40] { expectClose(totals[code], count, "region \(code)") }
        // Within a group every weight is scaled by the same factor.
        for region in 1...3 {
            let ratios = zip(written, SurveyFixture.rows).filter { $0.1.region == region }.map {
                Double($0.0["calibrated_weight"]!)! / $0.1.w
            }
            #expect(ratios.max()! - ratios.min()! < 1e-12)
        }

        let report = result.weighting
        #expect(report.method == "poststratify")
        #expect(report.iterations == nil)
        #expect(report.unusedPopulationVariables == ["sector"])
        #expect(report.margins.map(\.n) == [8, 8, 8])
        expectClose(report.margins[0].before, SurveyFixture.rows.filter { $0.region == 1 }.reduce(0) { $0 + $1.w })
        #expect(report.marginErrors[0].maxAbsoluteError < 1e-9)
        let weights = SurveyFixture.rows.map(\.w)
        let kish = Double(weights.count) * weights.reduce(0) { $0 + $1 * $1 } / pow(weights.reduce(0, +), 2)
        expectClose(report.kishDesignEffectBefore, kish, "Kish deff before")
        let after = written.map { Double($0["calibrated_weight"]!)! }
        expectClose(
            report.kishDesignEffectAfter,
            Double(after.count) * after.reduce(0) { $0 + $1 * $1 } / pow(after.reduce(0, +), 2), "Kish deff after")
        expectClose(report.effectiveSampleSizeAfter, 24 / report.kishDesignEffectAfter, "effective n")
        expectClose(report.weightsAfter.sum, 150)
        expectClose(report.weightRatioMax, 50 / SurveyFixture.rows.filter { $0.region == 2 }.reduce(0) { $0 + $1.w })

        // svymean(~factor(innovNA), postStratify(des, ~region, pop), na.rm = TRUE)
        let innov = try #require(result.estimates.tables.first?.cells.first { $0.categoryCode == 1 })
        expectClose(innov.estimate, 0.418973771440557, "share")
        expectClose(innov.se, 0.064880313889995, tolerance: 1e-8, "SE")
        // The calibration variable's shares are fixed by the population: no sampling error is left.
        let nord = try #require(result.estimates.tables.last?.cells.first { $0.categoryCode == 1 })
        expectClose(nord.estimate, 60.0 / 150, "Nord share")
        #expect(try #require(nord.se) < 1e-12)
    }

    @Test("the written data and codebook read back: same point estimates, SEs without the calibration")
    func readBack() throws {
        let fixture = try SurveyFixture()
        let population = try fixture.file("population.yaml", Self.populationYAML)
        let output = fixture.path("calibrated.csv")
        let result = try run(
            fixture,
            [
                "--poststratify", "region", "--population", population, "--output", output, "--estimate", "innov",
                "--estimate", "region",
            ])
        let readBack = try EstimateCommand.parse(
            ["--data", output, "--codebook", fixture.path("calibrated.codebook.yaml"), "--weight", "calibrated_weight"]
                + ["--strata", "stratum", "--cluster", "psu", "innov", "region", "--format", "json"]
        ).output()
        let tables = try decode(TablesOutput.self, readBack).tables
        #expect(try decode(TablesOutput.self, readBack).synthetic)
        for (calibrated, plain) in zip(result.estimates.tables, tables) {
            for (a, b) in zip(calibrated.cells, plain.cells) {
                expectClose(a.estimate, try #require(b.estimate), "\(calibrated.variable) \(a.categoryCode ?? 0)")
            }
        }
        // Read back as plain weights, the region shares get a sampling error the calibration had removed.
        let nord = try #require(tables[1].cells.first { $0.categoryCode == 1 })
        #expect(try #require(nord.se) > 0.01)
        // The design weight is kept as a variable, so the old design reads back too.
        let original = try EstimateCommand.parse(
            ["--data", output, "--codebook", fixture.path("calibrated.codebook.yaml")] + SurveyFixture.design
                + ["innov", "--format", "json"]
        ).output()
        let expected = try EstimateCommand.parse(fixture.arguments(["innov", "--format", "json"])).output()
        #expect(original == expected)
    }

    @Test("raking meets both margins, converges, and its SEs agree with R's rake")
    func raking() throws {
        let fixture = try SurveyFixture()
        let population = try fixture.file("population.csv", Self.populationCSV)
        let output = fixture.path("raked.csv")
        let result = try run(
            fixture,
            [
                "--rake", "region,sector", "--population", population, "--output", output, "--estimate", "innov",
                "--weight-column", "rakevekt",
            ])
        let written = try Self.read(output)
        let regions = Self.totals(written, "region", weight: "rakevekt")
        let sectors = Self.totals(written, "sector", weight: "rakevekt")
        for (code, count) in [1: 60.0, 2: 50, 3: 40] { expectClose(regions[code], count, tolerance: 1e-9) }
        for (code, count) in [1: 70.0, 2: 80] { expectClose(sectors[code], count, tolerance: 1e-9) }
        #expect(result.weighting.method == "rake")
        #expect(result.weighting.converged == true)
        #expect((result.weighting.iterations ?? 0) > 1)
        #expect(result.weighting.marginErrors.map(\.variable) == ["region", "sector"])
        // rake(des, list(~region, ~sector), list(popRegion, popSector), control = list(epsilon = 1e-12))
        let innov = try #require(result.estimates.tables.first?.cells.first { $0.categoryCode == 1 })
        expectClose(innov.estimate, 0.419648631512896, tolerance: 1e-9, "share")
        expectClose(innov.se, 0.0750038049837431, tolerance: 1e-9, "SE")
    }

    @Test("trimming keeps every final/initial ratio within the bounds and says how far the margins are met")
    func trimming() throws {
        let fixture = try SurveyFixture()
        let population = try fixture.file("population.csv", Self.populationCSV)
        let output = fixture.path("trimmed.csv")
        let result = try run(
            fixture,
            [
                "--rake", "region", "--rake", "sector", "--population", population, "--output", output,
                "--trim-ratio", "1.6,2.2", "--max-iterations", "30",
            ])
        let written = try Self.read(output)
        let ratios = zip(written, SurveyFixture.rows).map { Double($0.0["calibrated_weight"]!)! / $0.1.w }
        #expect(ratios.allSatisfy { $0 >= 1.6 * (1 - 1e-9) && $0 <= 2.2 * (1 + 1e-9) })
        #expect((result.weighting.trimmedCount ?? 0) > 0)
        #expect(result.weighting.weightRatioMin >= 1.6 * (1 - 1e-9))
        #expect(result.weighting.iterations ?? 0 <= 30)
        expectClose(result.weighting.weightsAfter.sum, 150, "trimming keeps the total")
        // The report's errors are those of the written weights.
        let regions = Self.totals(written, "region")
        let largest = [1: 60.0, 2: 50, 3: 40].map { abs(regions[$0.key]! - $0.value) }.max()!
        expectClose(result.weighting.marginErrors[0].maxAbsoluteError, largest, tolerance: 1e-9)
    }

    @Test("a YAML population file gives the same weights as the CSV one, and text output reports them")
    func yamlAndText() throws {
        let fixture = try SurveyFixture()
        let csv = try fixture.file("population.csv", Self.populationCSV)
        let yaml = try fixture.file("population.yaml", Self.populationYAML)
        let fromCSV = fixture.path("a.csv")
        let fromYAML = fixture.path("b.csv")
        _ = try WeightCommand.parse(
            fixture.arguments(["--poststratify", "region", "--population", csv, "--output", fromCSV])
        ).output()
        let text = try WeightCommand.parse(
            fixture.arguments(["--poststratify", "region", "--population", yaml, "--output", fromYAML])
        ).output()
        #expect(
            try String(contentsOfFile: fromCSV, encoding: .utf8) == String(contentsOfFile: fromYAML, encoding: .utf8))
        for phrase in [
            "SYNTETISKE DATA", "postStratify", "population", "Kish design effect", "effective sample size", fromYAML,
        ] {
            #expect(text.contains(phrase), "text lacks \(phrase)")
        }
    }

    @Test("population file errors name the file, line and field")
    func populationErrors() throws {
        let fixture = try SurveyFixture()
        let output = fixture.path("out.csv")
        func weight(_ population: String, _ name: String, variable: String = "region") throws {
            let path = try fixture.file(name, population)
            _ = try WeightCommand.parse(
                fixture.arguments(["--poststratify", variable, "--population", path, "--output", output])
            ).output()
        }
        expectError(["population.csv", "line 3", "field \"code\"", "code 4 of region", "not a labelled code"]) {
            try weight("variable,code,count\nregion,1,60\nregion,4,50\nregion,2,40\nregion,3,40\n", "population.csv")
        }
        expectError(["bad.yaml", "line 3", "field \"variable\"", "regoin"]) {
            try weight(
                "- {variable: region, code: 1, count: 60}\n- {variable: region, code: 2, count: 50}\n- {variable: regoin, code: 3, count: 40}\n",
                "bad.yaml")
        }
        expectError(["count.yaml", "line 2", "field \"count\"", "positive"]) {
            try weight(
                "- {variable: region, code: 1, count: 60}\n- {variable: region, code: 2, count: -5}\n", "count.yaml")
        }
        expectError(["twice.csv", "line 4", "given twice", "line 2"]) {
            try weight("variable,code,count\nregion,1,60\nregion,2,50\nregion,1,40\n", "twice.csv")
        }
        expectError(["missing.yaml", "line 2", "code 8", "missing code"]) {
            try weight(
                "- {variable: innov, code: 1, count: 60}\n- {variable: innov, code: 8, count: 5}\n", "missing.yaml")
        }
        expectError(["fields.yaml", "line 1", "unknown field \"cont\""]) {
            try weight("- {variable: region, code: 1, cont: 60}\n", "fields.yaml")
        }
        expectError(["population.txt", ".csv, .yaml"]) { try weight("region,1,60\n", "population.txt") }
        // The sample has region 3; the population file does not: both files are named.
        expectError([fixture.csv, "line 2", "field \"region\"", "short.csv", "no count for region code 3"]) {
            try weight("variable,code,count\nregion,1,60\nregion,2,50\n", "short.csv")
        }
        // No row of the sample is in sector… every code is sampled, so drop one region from the data.
        let sampleWithoutNord = try SurveyFixture(rows: SurveyFixture.rows.filter { $0.region != 1 })
        expectError(["full.csv", "line 2", "region code 1", "no sampled row", "--partial"]) {
            let path = try sampleWithoutNord.file("full.csv", Self.populationCSV)
            _ = try WeightCommand.parse(
                sampleWithoutNord.arguments(["--poststratify", "region", "--population", path, "--output", output])
            ).output()
        }
        #expect(!FileManager.default.fileExists(atPath: output), "nothing is written when the input is refused")
    }

    @Test("option errors: non-coded variables, overwriting the data, options of the other method")
    func optionErrors() throws {
        let fixture = try SurveyFixture()
        let population = try fixture.file("population.csv", Self.populationCSV)
        let output = fixture.path("out.csv")
        func weight(_ arguments: [String]) throws {
            _ = try WeightCommand.parse(fixture.arguments(["--population", population] + arguments)).output()
        }
        expectError(["--poststratify size", "numeric", "not a coded variable"]) {
            try weight(["--poststratify", "size", "--output", output])
        }
        expectError(["--rake nosuch", "no such variable"]) {
            try weight(["--rake", "region,nosuch", "--output", output])
        }
        expectError(["--poststratify innov", "no counts for innov"]) {
            try weight(["--poststratify", "innov", "--output", output])
        }
        expectError(["--output", "is an input file"]) {
            try weight(["--poststratify", "region", "--output", fixture.csv])
        }
        expectError(["--output-codebook", "is an input file"]) {
            try weight(["--poststratify", "region", "--output", output, "--output-codebook", fixture.codebook])
        }
        expectError(["--weight-column w", "already"]) {
            try weight(["--poststratify", "region", "--output", output, "--weight-column", "w"])
        }
        expectError(["--estimate nosuch"]) {
            try weight(["--poststratify", "region", "--output", output, "--estimate", "nosuch"])
        }
        expectError(["--trim-ratio", "raking"]) {
            try weight(["--poststratify", "region", "--output", output, "--trim-ratio", "0.5,2"])
        }
        expectError(["--trim-ratio 2", "low,high"]) {
            try weight(["--rake", "region", "--output", output, "--trim-ratio", "2"])
        }
        expectError(["give one of --poststratify VARIABLE, --rake"]) { try weight(["--output", output]) }
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    @Test("help documents the population file, R's functions and the variance of calibrated estimates")
    func help() {
        let help = WeightCommand.helpMessage()
        for phrase in [
            "variable,code,count", "- {variable:", "postStratify", "rake(", "trimWeights", "Kish", "--estimate",
            "calibration",
        ] {
            #expect(help.contains(phrase), "help lacks \(phrase)")
        }
    }
}
