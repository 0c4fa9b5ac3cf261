import Foundation
import Testing

@testable import FornyeCommands

@Suite("fornye test")
struct TestCommandTests {
    struct Output: Decodable {
        struct Category: Decodable {
            var code: Int
            var label: String
        }
        var synthetic: Bool
        var statistic: String
        var rowCategories: [Category]
        var columnCategories: [Category]
        var weightedCounts: [[Double]]
        var unweightedCounts: [[Int]]
        var pearsonChiSquared: Double
        var meanDesignEffect: Double
        var value: Double
        var numeratorDF: Double
        var denominatorDF: Double?
        var pValue: Double
    }

    func run(_ fixture: SurveyFixture, _ arguments: [String]) throws -> Output {
        try decode(Output.self, try TestCommand.parse(fixture.arguments(arguments + ["--format", "json"])).output())
    }

    @Test("the weighted table is the sum of weights per cell, and F agrees with R's svychisq")
    func secondOrder() throws {
        let fixture = try SurveyFixture()
        let output = try run(fixture, ["region", "sector"])
        #expect(output.synthetic)
        #expect(output.statistic == "F")
        #expect(output.rowCategories.map(\.label) == ["Nord", "Midt", "Sør"])
        #expect(output.columnCategories.map(\.code) == [1, 2])
        for (r, region) in [1, 2, 3].enumerated() {
            for (c, sector) in [1, 2].enumerated() {
                let cell = SurveyFixture.rows.filter { $0.region == region && $0.sector == sector }
                expectClose(output.weightedCounts[r][c], cell.reduce(0) { $0 + $1.w }, "count \(region),\(sector)")
                #expect(output.unweightedCounts[r][c] == cell.count)
            }
        }
        // svychisq(~region + sector, des, statistic = "F")
        expectClose(output.value, 0.335783821123949, "F")
        expectClose(output.numeratorDF, 1.79926982589181, "ndf")
        expectClose(output.denominatorDF, 17.9926982589181, "ddf")
        expectClose(output.pValue, 0.696940354217471, "p")
        // svychisq(..., statistic = "Chisq") prints Pearson's X² and takes p from X² / mean deff.
        expectClose(output.pearsonChiSquared, 0.65624119181968, "X²")
    }

    @Test("the first-order version agrees with R, and \"vet ikke\" is out of the table unless included")
    func firstOrderAndMissing() throws {
        let fixture = try SurveyFixture()
        let output = try run(fixture, ["innov", "sector", "--statistic", "chisq"])
        #expect(output.statistic == "chisq")
        #expect(output.denominatorDF == nil)
        #expect(output.rowCategories.map(\.code) == [1, 2])
        #expect(output.unweightedCounts.joined().reduce(0, +) == 22)
        // svychisq(~innovNA + sector, des, statistic = "Chisq")
        expectClose(output.pearsonChiSquared, 0.00270016658465749, "X²")
        expectClose(output.pValue, 0.958310343084624, "p")
        expectClose(output.numeratorDF, 1, "df")
        expectClose(output.value, output.pearsonChiSquared / output.meanDesignEffect, "X² / mean deff")

        let second = try run(fixture, ["innov", "sector"])
        expectClose(second.value, 0.00273257460481262, "F")
        expectClose(second.pValue, 0.959339839358537, "p of F")
        expectClose(second.denominatorDF, 10, "ddf = 12 PSUs − 2 strata")

        let included = try run(fixture, ["innov", "sector", "--include-dont-know"])
        #expect(included.rowCategories.map(\.code) == [1, 2, 8])
        #expect(included.unweightedCounts.joined().reduce(0, +) == 24)
    }

    @Test("text output shows the table, X², the corrected statistic with its df and the p-value")
    func text() throws {
        let fixture = try SurveyFixture()
        let text = try TestCommand.parse(fixture.arguments(["region", "sector"])).output()
        for phrase in [
            "SYNTETISKE DATA", "Nord", "Skole", "Total", "Pearson X²", "F = 0.3358", "ndf = 1.799", "p = 0.6969",
        ] {
            #expect(text.contains(phrase), "text lacks \(phrase)")
        }
    }

    @Test("a numeric, unknown or repeated variable is refused by name")
    func errors() throws {
        let fixture = try SurveyFixture()
        expectError(["size", "numeric", "not a coded variable"]) {
            _ = try TestCommand.parse(fixture.arguments(["innov", "size"])).output()
        }
        expectError(["nosuch", fixture.codebook]) {
            _ = try TestCommand.parse(fixture.arguments(["nosuch", "sector"])).output()
        }
        expectError(["must differ"]) { _ = try TestCommand.parse(fixture.arguments(["sector", "sector"])) }
        expectError(["statistic"]) {
            _ = try TestCommand.parse(fixture.arguments(["innov", "sector", "--statistic", "G"]))
        }
    }

    @Test("help names R's function, the df and the missing rules")
    func help() {
        let help = TestCommand.helpMessage()
        for phrase in ["svychisq", "ndf", "ddf", "PSUs − strata", "vet ikke", "na.rm", "chisq"] {
            #expect(help.contains(phrase), "help lacks \(phrase)")
        }
    }
}
