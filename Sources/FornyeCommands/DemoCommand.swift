import ArgumentParser
import FornyeBarometer
import FornyeStatistics

/// `fornye demo`: the engine on an embedded synthetic survey, with no input files.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Estimate shares with intervals on a built-in SYNTHETIC survey (no files needed).",
        discussion: """
            Generates a synthetic survey of 1,786 respondents in 12 strata (the size of the 2018
            Innovasjonsbarometer; the answers are random and describe nobody) and prints shares with
            standard errors, 95 % logit intervals and design effects, overall and by a background
            variable. Use `fornye estimate` for real data.
            """
    )

    @Option(help: "Seed of the generator; the same seed gives the same data.")
    var seed: UInt64 = 2018

    @Flag(help: "Print JSON instead of aligned text.")
    var json = false

    func run() throws {
        let survey = try SyntheticSurvey(
            shape: .init(rows: 1786, categoricalVariables: 3, categories: 3, breakdowns: 2, strata: 12, seed: seed))
        let estimator = Estimator(dataset: survey.dataset, design: try survey.design())
        var tables: [EstimateTable] = []
        for variable in ["q1", "q3"] {
            tables += try estimator.sharesTables(of: variable, byEach: [[], ["b1"]])
        }
        tables.append(try estimator.means(of: "q3", by: ["b1"]))
        if json {
            print(try TableJSON.encode(tables))
        } else {
            print(SyntheticSurvey.title)
            print(
                "Design: \(survey.dataset.rowCount) rows, \(try survey.design().stratumCount) strata, Kish deff \(String(format: "%.3f", try survey.design().kishDesignEffect))\n"
            )
            print(tables.map(TableText.render).joined(separator: "\n\n"))
        }
    }
}
