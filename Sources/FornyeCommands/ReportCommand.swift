import ArgumentParser
import FornyeFormats
import FornyeReport
import FornyeStatistics
import Foundation

/// `fornye report`: a barometer wave's analysis as one self-contained HTML page plus a CSV per figure.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Render a barometer wave's analysis as one self-contained HTML file and a CSV per table.",
        discussion: """
            Writes index.html and one CSV file per figure into --out. The page reproduces every figure and
            table of the 2018 baseline report that comes from the Innovasjonsbarometer (Fig 4-1 to 4-8, 4-10,
            5-1; Tab 4-1, 4-2; appendix tables V-0-1 to V-0-4), each with its base N, confidence intervals,
            an accessible SVG chart with the data as a table, and a caption in bokmål written from the
            numbers; then the Rao–Scott tests of the county and centrality differences, the research effect
            on quality adjusted for unit type and centrality (design-based logistic regression), the weights
            with Kish's design effect, and the three hypotheses as indicators.

            The data are a CSV file and its codebook from the barometer instrument (variable names as in
            the instrument: innovated, newest_type_1…, results_1…, partners_1…, factor_…, county, centrality, …).
            Synthetic data (codebook `synthetic: true`) are marked SYNTETISKE DATA on every section.

            Example:
              fornye report --data barometer.csv --codebook barometer.yaml --weight weight --out rapport
            """
    )

    @Option(help: "Directory to write index.html and the CSV files to.") var out = "rapport"
    @Option(help: "CSV data file of the wave.") var data: String?
    @Option(help: "Codebook of the data (JSON or YAML).") var codebook: String?
    @OptionGroup var design: DesignOptions
    @Option(help: "Population counts to rake the weights to (CSV or YAML, as for fornye weight).")
    var population: String?
    @Option(help: "Variables to rake to the --population counts, joined by commas, e.g. unit_type,landsdel.")
    var rake: String?
    @Option(help: "The report's title.") var title: String?
    @Option(help: "Interval method for shares: logit, xlogit, beta, wilson, wald.") var ci: IntervalMethod = .logit
    @Option(help: "Confidence level.") var level = 0.95

    func validate() throws {
        guard level > 0 && level < 1 else { throw ValidationError("--level must be between 0 and 1, e.g. 0.95") }
        guard (data == nil) == (codebook == nil) else {
            throw ValidationError("give both --data and --codebook, or neither")
        }
        guard (population == nil) == (rake == nil) else {
            throw ValidationError("give both --population and --rake, or neither")
        }
    }

    func run() throws {
        let page = try write()
        print("Wrote \(page.path) and its CSV files")
    }

    /// Renders the report and returns the HTML file's URL.
    func write() throws -> URL {
        let wave = try loadWave()
        let options = ReportOptions(confidenceLevel: level, intervalMethod: ci)
        let document = try BarometerReport.build(wave, options: options)
        return try ReportWriter.write(document, to: URL(fileURLWithPath: out))
    }

    private func loadWave() throws -> Wave {
        guard let data, let codebook else {
            // The synthetic baseline wave (branch `baseline`) renders here once it is on main.
            throw ValidationError(
                "give --data and --codebook; the built-in synthetic baseline wave is not available in this build")
        }
        let survey = try LoadedSurvey(data: data, codebook: codebook, design: design)
        var margins: [PopulationMargin] = []
        if let population, let rake {
            let names = rake.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            for name in names { _ = try survey.codedVariable(name, option: "--rake") }
            margins = try PopulationFile(contentsOf: population).margins(
                for: names, codebook: survey.codebook, option: "--rake"
            ).margins
        }
        let file = URL(fileURLWithPath: data).lastPathComponent
        return Wave(
            title: title ?? survey.codebook.title ?? "Innovasjonsbarometeret", dataset: survey.dataset,
            design: survey.design, populationMargins: margins,
            weightSource: design.weight.map { "kolonnen «\($0)» i datafilen \(file)." })
    }
}
