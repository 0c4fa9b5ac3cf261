import ArgumentParser
import FornyeBarometer
import FornyeFormats
import FornyeStatistics
import Foundation

/// `fornye synth`: writes a synthetic survey for benchmarks and trials.
struct SynthCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "synth",
        abstract: "Write a SYNTHETIC survey (CSV + YAML codebook) for benchmarks and trials.",
        discussion: """
            The data are random, describe nobody, and the codebook is titled and flagged as synthetic.
            The CSV has the categorical variables q1…qK, the breakdowns b1…bB, and the design columns
            `stratum` and `weight`.
            """
    )

    @Option(help: "Number of respondents.") var rows = 10_000
    @Option(help: "Number of categorical variables.") var variables = 60
    @Option(help: "Categories per variable.") var categories = 5
    @Option(help: "Number of breakdown variables.") var breakdowns = 5
    @Option(help: "Number of strata.") var strata = 20
    @Option(help: "Seed; the same seed gives the same data.") var seed: UInt64 = 1
    @Option(help: "Output CSV file.") var output: String
    @Option(help: "Output codebook (YAML); defaults to the CSV name with .codebook.yaml.") var codebook: String?

    func run() throws {
        let survey = try SyntheticSurvey(
            shape: .init(
                rows: rows, categoricalVariables: variables, categories: categories, breakdowns: breakdowns,
                strata: strata, seed: seed))
        let csvURL = URL(fileURLWithPath: output)
        let codebookURL = URL(fileURLWithPath: codebook ?? csvURL.deletingPathExtension().path + ".codebook.yaml")
        try DatasetCSVWriter.write(
            survey.dataset,
            extraColumns: [("stratum", survey.strata), ("weight", survey.weights.map { "\($0)" })],
            to: csvURL, codebookURL: codebookURL)
        print("Wrote \(rows) synthetic rows to \(csvURL.path) and the codebook to \(codebookURL.path)")
    }
}
