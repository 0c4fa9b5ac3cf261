import Foundation
import Testing

@testable import FornyeCommands

@Suite("fornye regress")
struct RegressCommandTests {
    struct Output: Decodable {
        struct Term: Decodable {
            var name: String
            var kind: String
            var referenceCode: Int?
            var estimate: Double
            var se: Double
            var t: Double
            var p: Double
            var low: Double
            var high: Double
            var oddsRatio: Double?
            var oddsRatioLow: Double?
            var oddsRatioHigh: Double?
        }
        struct Reference: Decodable {
            var variable: String
            var code: Int
            var label: String
        }
        var synthetic: Bool
        var events: [Int]?
        var df: Int
        var n: Int
        var weightedN: Double
        var terms: [Term]
        var references: [Reference]
    }

    static let model = ["--outcome", "innov", "--event-code", "1", "--numeric", "size", "--factor", "region"]

    @Test("coefficients, SEs, p-values and odds-ratio intervals agree with R's svyglm")
    func agreesWithR() throws {
        let fixture = try SurveyFixture()
        let command = try RegressCommand.parse(fixture.arguments(Self.model + ["--format", "json"]))
        let output = try decode(Output.self, try command.output())
        #expect(output.synthetic)
        #expect(output.events == [1])
        #expect(output.terms.map(\.name) == ["(Intercept)", "size", "region2", "region3"])
        #expect(output.references.map(\.label) == ["Nord"])
        #expect(output.n == 22)
        let answered = SurveyFixture.rows.filter { $0.innov != 8 }
        expectClose(output.weightedN, answered.reduce(0) { $0 + $1.w }, "weighted N")
        // 12 PSUs − 2 strata + 1 − 4 coefficients, as svyglm's df.residual.
        #expect(output.df == 7)

        // svyglm(I(innovNA == 1) ~ size + factor(region), des, family = quasibinomial(),
        //        control = glm.control(epsilon = 1e-14, maxit = 100)); confint(m)
        let expected: [(estimate: Double, se: Double, p: Double, low: Double, high: Double)] = [
            (0.36617271277828323, 1.522803058528206, 0.816864345886971, -3.234684329817179, 3.967029755373749),
            (-0.00940424181321257, 0.130839520544678, 0.944710988311680, -0.318790545159931, 0.299982061533506),
            (-1.75946992343793274, 1.314144248742643, 0.222456656332028, -4.866927284105966, 1.347987437230104),
            (-0.13376438392120568, 1.020992903251075, 0.899450054941828, -2.548028963652822, 2.280500195810413),
        ]
        for (term, reference) in zip(output.terms, expected) {
            expectClose(term.estimate, reference.estimate, tolerance: 1e-8, "\(term.name) coefficient")
            expectClose(term.se, reference.se, tolerance: 1e-6, "\(term.name) SE")
            expectClose(term.p, reference.p, tolerance: 1e-6, "\(term.name) p")
            expectClose(term.low, reference.low, tolerance: 1e-6, "\(term.name) low")
            expectClose(term.high, reference.high, tolerance: 1e-6, "\(term.name) high")
            expectClose(term.oddsRatio, exp(reference.estimate), tolerance: 1e-8, "\(term.name) odds ratio")
            expectClose(term.oddsRatioLow, exp(reference.low), tolerance: 1e-6, "\(term.name) OR low")
            expectClose(term.oddsRatioHigh, exp(reference.high), tolerance: 1e-6, "\(term.name) OR high")
        }
    }

    @Test("text output lists every term with its odds ratio and names the reference category")
    func text() throws {
        let fixture = try SurveyFixture()
        let text = try RegressCommand.parse(fixture.arguments(Self.model)).output()
        for phrase in [
            "SYNTETISKE DATA", "(Intercept)", "region2", "Region: Midt", "odds ratio", "df = 7", "region = 1 Nord",
        ] {
            #expect(text.contains(phrase), "text lacks \(phrase)")
        }
    }

    @Test("several event codes, joined or repeated, give the same model")
    func eventCodes() throws {
        let fixture = try SurveyFixture()
        let base = ["--outcome", "region", "--numeric", "size", "--format", "json"]
        let joined = try decode(
            Output.self, try RegressCommand.parse(fixture.arguments(base + ["--event-code", "1,3"])).output())
        let repeated = try decode(
            Output.self,
            try RegressCommand.parse(fixture.arguments(base + ["--event-code", "1", "--event-code", "3"])).output())
        #expect(joined.events == [1, 3])
        #expect(joined.terms.map(\.estimate) == repeated.terms.map(\.estimate))
        #expect(joined.n == 24)
    }

    @Test("a numeric factor, an unknown predictor, a missing or foreign event code are refused by option")
    func errors() throws {
        let fixture = try SurveyFixture()
        expectError(["--factor size", "numeric", "--numeric size"]) {
            _ = try RegressCommand.parse(
                fixture.arguments(["--outcome", "innov", "--event-code", "1", "--factor", "size"])
            )
            .output()
        }
        expectError(["--numeric nosuch", "no such variable"]) {
            _ = try RegressCommand.parse(
                fixture.arguments(["--outcome", "innov", "--event-code", "1", "--numeric", "nosuch"])
            )
            .output()
        }
        expectError(["--event-code", "1 = Ja"]) {
            _ = try RegressCommand.parse(fixture.arguments(["--outcome", "innov", "--factor", "region"])).output()
        }
        expectError(["--event-code 3", "not a category of innov"]) {
            _ = try RegressCommand.parse(
                fixture.arguments(["--outcome", "innov", "--event-code", "3", "--factor", "region"])
            )
            .output()
        }
        expectError(["--event-code", "whole number"]) {
            _ = try RegressCommand.parse(fixture.arguments(["--outcome", "innov", "--event-code", "ja"]))
        }
        expectError([fixture.csv, "line 2", "field \"size\"", "[0, 1]"]) {
            _ = try RegressCommand.parse(fixture.arguments(["--outcome", "size", "--factor", "region"])).output()
        }
        expectError(["given twice"]) {
            _ = try RegressCommand.parse(
                fixture.arguments([
                    "--outcome", "innov", "--event-code", "1", "--numeric", "region", "--factor", "region",
                ]))
        }
    }

    @Test("help names R's function, the df rule, the reference category and the missing rules")
    func help() {
        let help = RegressCommand.helpMessage()
        for phrase in ["svyglm", "quasibinomial", "df.residual", "reference", "odds ratio", "vet ikke", "--event-code"]
        {
            #expect(help.contains(phrase), "help lacks \(phrase)")
        }
    }
}
