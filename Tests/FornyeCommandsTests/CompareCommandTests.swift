import Foundation
import Testing

@testable import FornyeCommands

@Suite("fornye compare")
struct CompareCommandTests {
    struct Output: Decodable {
        struct Group: Decodable {
            var description: String
            var estimate: Double
            var se: Double
        }
        var synthetic: Bool
        var mode: String
        var quantity: String
        var first: Group
        var second: Group
        var difference: Double
        var se: Double
        var low: Double
        var high: Double
        var df: Double
        var t: Double
        var p: Double
    }

    func compare(_ fixture: SurveyFixture, _ arguments: [String]) throws -> Output {
        try decode(Output.self, try CompareCommand.parse(fixture.arguments(arguments + ["--format", "json"])).output())
    }

    /// The cells `fornye estimate` prints for the same variable.
    func estimate(_ fixture: SurveyFixture, data: String? = nil, _ arguments: [String]) throws -> [TablesOutput.Cell] {
        var all = fixture.arguments(arguments + ["--format", "json"])
        if let data { all[1] = data }
        return try decode(TablesOutput.self, try EstimateCommand.parse(all).output()).tables.flatMap(\.cells)
    }

    @Test("two domains: each estimate is `fornye estimate`'s cell, the difference theirs; SE and df as R's")
    func domainShares() throws {
        let fixture = try SurveyFixture()
        let output = try compare(
            fixture, ["--variable", "innov", "--category", "1", "--by", "sector", "--first", "1", "--second", "2"])
        let cells = try estimate(fixture, ["innov", "--by", "sector", "--no-overall"])
        let helse = try #require(cells.first { $0.domain == ["sector": 1] && $0.categoryCode == 1 })
        let skole = try #require(cells.first { $0.domain == ["sector": 2] && $0.categoryCode == 1 })
        #expect(output.mode == "domains")
        #expect(output.quantity == "share")
        expectClose(output.first.estimate, try #require(helse.estimate), "first")
        expectClose(output.second.estimate, try #require(skole.estimate), "second")
        expectClose(output.first.se, try #require(helse.se), "first SE")
        expectClose(output.second.se, try #require(skole.se), "second SE")
        expectClose(output.difference, try #require(helse.estimate) - (try #require(skole.estimate)), "difference")
        // svycontrast(svyby(~yes, ~sector, subset(des, !is.na(innovNA)), svymean, covmat = TRUE), c(1, -1))
        expectClose(output.difference, 0.0105606758832565, "R difference")
        expectClose(output.se, 0.201796017526167, "R SE")
        #expect(output.df == 10)
        #expect(output.low < output.difference && output.difference < output.high)
        expectClose(output.t, output.difference / output.se, "t")
    }

    @Test("two domains: a difference of means agrees with R, with the df of the two domains")
    func domainMeans() throws {
        let fixture = try SurveyFixture()
        let output = try compare(fixture, ["--variable", "size", "--by", "region", "--first", "1", "--second", "3"])
        #expect(output.quantity == "mean")
        // svycontrast(svyby(~size, ~region, des, svymean, covmat = TRUE), c(1, 0, -1))
        expectClose(output.difference, -2.1566536478001, "difference")
        expectClose(output.se, 1.45310133440483, "SE")
        #expect(output.df == 8)  // degf(subset(des, region %in% c(1, 3)))
        let cells = try estimate(fixture, ["size", "--by", "region", "--no-overall"])
        let nord = try #require(cells.first { $0.domain == ["region": 1] })
        expectClose(output.first.estimate, try #require(nord.estimate), "first = estimate's cell")
    }

    @Test("two samples: the difference of the two files' estimates, SE √(SE₁² + SE₂²), df the smaller or Welch")
    func independentSamples() throws {
        let fixture = try SurveyFixture()
        // A second wave: other weights and other answers in half the PSUs.
        let wave = SurveyFixture.rows.map { row in
            var row = row
            row.w *= row.stratum == 1 ? 1.5 : 0.8
            if row.psu % 2 == 0 && row.innov != 8 { row.innov = 3 - row.innov }
            return row
        }
        let secondData = try fixture.file("wave.csv", SurveyFixture.csvText(wave))
        let arguments = ["--variable", "innov", "--category", "1", "--second-data", secondData, "--domain", "sector=2"]
        let output = try compare(fixture, arguments)
        let first = try #require(
            try estimate(fixture, ["innov", "--by", "sector", "--no-overall"]).first {
                $0.domain == ["sector": 2] && $0.categoryCode == 1
            })
        let second = try #require(
            try estimate(fixture, data: secondData, ["innov", "--by", "sector", "--no-overall"]).first {
                $0.domain == ["sector": 2] && $0.categoryCode == 1
            })
        let (firstSE, secondSE) = (try #require(first.se), try #require(second.se))
        #expect(output.mode == "samples")
        expectClose(output.difference, try #require(first.estimate) - (try #require(second.estimate)), "difference")
        expectClose(output.se, (firstSE * firstSE + secondSE * secondSE).squareRoot(), "SE")
        #expect(output.df == Double(min(first.df, second.df)))

        let welch = try compare(fixture, arguments + ["--df", "welch"])
        let (v1, v2) = (firstSE * firstSE, secondSE * secondSE)
        let satterthwaite = (v1 + v2) * (v1 + v2) / (v1 * v1 / Double(first.df) + v2 * v2 / Double(second.df))
        expectClose(welch.df, satterthwaite, "Welch–Satterthwaite df")
        expectClose(welch.difference, output.difference)
    }

    @Test("text output shows both estimates, the difference with CI and p, shares in per cent")
    func text() throws {
        let fixture = try SurveyFixture()
        let text = try CompareCommand.parse(
            fixture.arguments([
                "--variable", "innov", "--category", "1", "--by", "sector", "--first", "1", "--second", "2",
            ])
        ).output()
        for phrase in [
            "SYNTETISKE DATA", "sector = 1 Helse", "sector = 2 Skole", "difference", "45.70", "1.06", "20.18", "0.9593",
        ] {
            #expect(text.contains(phrase), "text lacks \(phrase)")
        }
    }

    @Test("errors name the option: a share without category, a foreign code, mixed modes, a bad domain")
    func errors() throws {
        let fixture = try SurveyFixture()
        func compare(_ arguments: [String]) throws {
            _ = try CompareCommand.parse(fixture.arguments(arguments)).output()
        }
        expectError(["--category", "1 = Ja"]) {
            try compare(["--variable", "innov", "--by", "sector", "--first", "1", "--second", "2"])
        }
        expectError(["--second 3", "not a category of sector"]) {
            try compare(["--variable", "innov", "--category", "1", "--by", "sector", "--first", "1", "--second", "3"])
        }
        expectError(["--category 5", "not a category of innov"]) {
            try compare(["--variable", "innov", "--category", "5", "--by", "sector", "--first", "1", "--second", "2"])
        }
        expectError(["--mean", "nominal", "--category"]) {
            try compare(["--variable", "innov", "--mean", "--by", "sector", "--first", "1", "--second", "2"])
        }
        expectError(["--by size", "numeric"]) {
            try compare(["--variable", "innov", "--category", "1", "--by", "size", "--first", "1", "--second", "2"])
        }
        expectError(["--variable nosuch", "no such variable"]) {
            try compare(["--variable", "nosuch", "--by", "sector", "--first", "1", "--second", "2"])
        }
        expectError(["--second-data", "--domain"]) {
            try compare(["--variable", "size", "--by", "sector", "--first", "1", "--second-data", fixture.csv])
        }
        expectError(["--domain sector", "VARIABLE=CODE"]) {
            try compare(["--variable", "size", "--second-data", fixture.csv, "--domain", "sector"])
        }
        expectError(["--df", "two samples"]) {
            try compare(["--variable", "size", "--by", "sector", "--first", "1", "--second", "2", "--df", "welch"])
        }
        expectError(["nowhere.csv", "cannot read"]) {
            try compare(["--variable", "size", "--second-data", fixture.path("nowhere.csv")])
        }
    }

    @Test("help names R's functions, both df rules and the missing rules")
    func help() {
        let help = CompareCommand.helpMessage()
        for phrase in ["svyby", "svycontrast", "covariance", "Welch", "√(SE₁² + SE₂²)", "vet ikke", "first − second"] {
            #expect(help.contains(phrase), "help lacks \(phrase)")
        }
    }
}
