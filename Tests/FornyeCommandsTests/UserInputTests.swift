import Foundation
import Testing

@testable import FornyeCommands
@testable import FornyeFormats

/// Input as users have it: labels instead of codes, a domain, `.` decimals in a `;` file,
/// integer columns written back as integers, absurd weights.
@Suite("fornye: input users have")
struct UserInputTests {
    func estimate(_ fixture: SurveyFixture, _ arguments: [String], data: String? = nil) throws -> TablesOutput {
        var all = fixture.arguments(arguments + ["--format", "json"])
        if let data { all[1] = data }
        return try decode(TablesOutput.self, try EstimateCommand.parse(all).output())
    }

    @Test("text categories are read through the codebook's labels (any case, bokmål or English)")
    func labelledCategories() throws {
        let fixture = try SurveyFixture()
        let labels = [1: "Helse", 2: "skole"]
        let answers = [1: "JA", 2: "nei", 8: "8"]
        let text = SurveyFixture.rows.map { row in
            "\(row.stratum),\(row.psu),\(row.w),\(row.region),\(labels[row.sector]!),\(row.size),\(answers[row.innov]!)"
        }
        let labelled = try fixture.file(
            "labelled.csv", (["stratum,psu,w,region,sector,size,innov"] + text).joined(separator: "\n") + "\n")
        let fromLabels = try estimate(fixture, ["innov", "--by", "sector"], data: labelled)
        let fromCodes = try estimate(fixture, ["innov", "--by", "sector"])
        #expect(fromLabels.tables.flatMap(\.cells).map(\.estimate) == fromCodes.tables.flatMap(\.cells).map(\.estimate))
        #expect(fromLabels.tables.flatMap(\.cells).map(\.se) == fromCodes.tables.flatMap(\.cells).map(\.se))

        let unknown = try fixture.file("unknown.csv", "stratum,psu,w,region,sector,size,innov\n1,1,1,1,kultur,1,1\n")
        #expect {
            _ = try estimate(fixture, ["innov"], data: unknown)
        } throws: { error in
            let message = "\(error)"
            return message.contains("line 2")
                && message.contains("\"kultur\" is neither a whole-number code nor a value label")
        }
    }

    @Test("--domain gives the numbers of the same domain as a breakdown; codes may be labels")
    func domain() throws {
        let fixture = try SurveyFixture()
        let breakdown = try estimate(fixture, ["innov", "--by", "sector"]).tables[1].cells.filter {
            $0.domain["sector"] == 1
        }
        for expression in ["sector=1", "sector = helse"] {
            let domain = try estimate(fixture, ["innov", "--domain", expression]).tables[0].cells
            #expect(domain.map(\.estimate) == breakdown.map(\.estimate))
            #expect(domain.map(\.se) == breakdown.map(\.se))
            #expect(domain.map(\.df) == breakdown.map(\.df))
        }
        let text = try EstimateCommand.parse(fixture.arguments(["innov", "--domain", "sector=1,2&region=1"])).output()
        #expect(text.contains("Domain: sector = 1 (Helse), 2 (Skole) & region = 1 (Nord)"))
        for (expression, message) in [
            ("sector", "give VARIABLE=CODE"), ("sector=7", "code 7 is not a code of sector"),
            ("sector=kultur", "\"kultur\" is not a value label of sector"), ("size=1", "not a coded variable"),
        ] {
            #expect {
                _ = try estimate(fixture, ["innov", "--domain", expression])
            } throws: { error in
                "\(error)".contains(message)
            }
        }
    }

    @Test("--decimal period reads a ';' file with '.' decimals; without it the error names the option")
    func decimalOption() throws {
        let fixture = try SurveyFixture()
        let semicolons = try fixture.file(
            "semicolons.csv", SurveyFixture.csvText(SurveyFixture.rows).replacingOccurrences(of: ",", with: ";"))
        #expect {
            _ = try estimate(fixture, ["innov"], data: semicolons)
        } throws: { error in
            "\(error)".contains("--decimal period")
        }
        let read = try estimate(fixture, ["innov", "--decimal", "period"], data: semicolons)
        #expect(read.tables[0].cells.map(\.se) == (try estimate(fixture, ["innov"])).tables[0].cells.map(\.se))
    }

    @Test("fornye weight --output writes whole numbers without decimals")
    func integersStayIntegers() throws {
        let fixture = try SurveyFixture()
        let population = try fixture.file("population.yaml", WeightCommandTests.populationYAML)
        let output = fixture.path("calibrated.csv")
        _ = try WeightCommand.parse(
            fixture.arguments(["--poststratify", "region", "--population", population, "--output", output])
        ).output()
        let rows = try WeightCommandTests.read(output)
        #expect(rows.map { $0["size"] }.contains("14"))
        #expect(rows.map { $0["w"] }.contains("2"))
        #expect(!rows.flatMap(\.values).contains { $0.hasSuffix(".0") })
        #expect(DatasetCSVWriter.number(-0.0) == "0")
        #expect(DatasetCSVWriter.number(1e20) == "1e+20")
        #expect(DatasetCSVWriter.number(2.5) == "2.5")
        #expect(DatasetCSVWriter.number(.nan) == "")
    }

    @Test("--deff and --ci: the reference is named in text and JSON; asin and likelihood intervals")
    func designEffectOptions() throws {
        let fixture = try SurveyFixture()
        let text = try EstimateCommand.parse(fixture.arguments(["innov"])).output()
        #expect(text.contains("deff against SRS with replacement (R deff = \"replace\")"))
        let json = try EstimateCommand.parse(
            fixture.arguments(["innov", "--deff", "srswor", "--ci", "likelihood", "--format", "json"])
        ).output()
        #expect(json.contains("\"designEffectReference\" : \"srswor\""))
        #expect(json.contains("\"intervalMethod\" : \"likelihood\""))
        #expect(throws: (any Error).self) { try EstimateCommand.parse(fixture.arguments(["innov", "--deff", "no"])) }
    }

    @Test("an absurd weight is refused with its line instead of printing SE NA and deff -nan")
    func absurdWeight() throws {
        var rows = SurveyFixture.rows
        rows[4].w = 1e308
        let fixture = try SurveyFixture(rows: rows)
        #expect {
            _ = try estimate(fixture, ["innov"])
        } throws: { error in
            let message = "\(error)"
            return message.contains("line 6") && message.contains("\"w\"")
                && message.contains("larger than any population")
        }
    }
}
