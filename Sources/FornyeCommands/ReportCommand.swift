public import ArgumentParser
import FornyeBarometer
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
            numbers. Small cells are hidden (--min-count, --min-base, with secondary suppression) and
            unreliable shares withheld by the NCHS standards, as fornye estimate --publish does; then the Rao–Scott tests of the county and centrality differences, the research effect
            on quality adjusted for unit type and centrality (design-based logistic regression), the weights
            with Kish's design effect, and the three hypotheses as indicators.

            The data are a CSV file and its codebook from the barometer instrument (variable names as in
            the instrument: innovated, newest_type_1…, results_1…, partners_1…, factor_…, county, centrality, …).
            Synthetic data (codebook `synthetic: true`) are marked \(SyntheticLabel.marker) on every section.

            With --compare the page compares two waves instead: every indicator in both, the change with
            its confidence interval (independent samples), and county shares in the later wave's counties
            with the earlier wave's municipalities carried across the 2020 mergers. Without data it compares
            the synthetic 2018 baseline with the synthetic 2020 follow-up.

            --language en writes the wave's report in English (titles, captions, tables, charts, CSV headers,
            numbers as 1,786 and 42%); the default, nb, is bokmål. The comparison (--compare) is bokmål only.

            Examples:
              fornye report --out rapport                       (the synthetic 2018 baseline)
              fornye report --data barometer.csv --codebook barometer.yaml --weight weight --out rapport
              fornye report --compare --out endring             (synthetic 2018 against 2020)
              fornye report --compare --data b2018.csv --codebook b2018.yaml --structure-date 2018-01-01 \\
                --compare-data b2020.csv --compare-codebook b2020.yaml --compare-structure-date 2020-01-01 \\
                --weight weight --out endring
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
    @Option(help: "First day of the municipal structure of --data's kommunenummer (YYYY-MM-DD).")
    var structureDate: String?
    @Flag(
        help: "Compare two waves: --data (earlier) with --compare-data (later), or the synthetic 2018 and 2020 waves.")
    var compare = false
    @Option(help: "CSV data file of the later wave (with --compare).") var compareData: String?
    @Option(help: "Codebook of the later wave (with --compare).") var compareCodebook: String?
    @Option(help: "First day of the municipal structure of --compare-data's kommunenummer (YYYY-MM-DD).")
    var compareStructureDate: String?
    @Option(help: "The report's title.") var title: String?
    @Option(help: "The report's language: nb (bokmål) or en (English; not with --compare).")
    var language: ReportLanguage = .nb
    @Option(help: "Interval method for shares: logit, xlogit, beta, wilson, wald.") var ci: IntervalMethod = .logit
    @Option(help: "Confidence level.") var level = 0.95
    @Option(help: "Small-cell rule: smallest publishable unweighted count in a cell.") var minCount = 5
    @Option(help: "Small-cell rule: smallest publishable unweighted base of a group.") var minBase = 10
    @Flag(
        help: "Show every cell, small or unreliable ones too (for analysts; the page says it is not for publication).")
    var allCells = false

    func validate() throws {
        guard level > 0 && level < 1 else { throw ValidationError("--level must be between 0 and 1, e.g. 0.95") }
        guard minCount >= 1, minBase >= 1 else {
            throw ValidationError("--min-count and --min-base must be at least 1")
        }
        guard (data == nil) == (codebook == nil) else {
            throw ValidationError("give both --data and --codebook, or neither")
        }
        guard (population == nil) == (rake == nil) else {
            throw ValidationError("give both --population and --rake, or neither")
        }
        guard (compareData == nil) == (compareCodebook == nil) else {
            throw ValidationError("give both --compare-data and --compare-codebook, or neither")
        }
        if compare {
            guard language == .nb else {
                throw ValidationError("--compare writes bokmål only: leave out --language en")
            }
            guard (data == nil) == (compareData == nil) else {
                throw ValidationError("--compare with data needs both waves: --data and --compare-data")
            }
        } else if compareData != nil || compareStructureDate != nil {
            throw ValidationError("--compare-data and --compare-structure-date need --compare")
        }
    }

    func run() throws {
        let page = try write()
        print("Wrote \(page.path) and its CSV files")
    }

    /// Renders the report and returns the HTML file's URL.
    func write() throws -> URL {
        let rules = DisclosureRules(minimumCellCount: minCount, minimumBaseCount: minBase)
        let options = ReportOptions(
            confidenceLevel: level, intervalMethod: ci, disclosure: allCells ? nil : rules, language: language)
        let document: ReportDocument
        if compare {
            let first: Wave
            let second: Wave
            if let data, let codebook, let compareData, let compareCodebook {
                first = try loadWave(data: data, codebook: codebook, structureDate: structureDate)
                second = try loadWave(data: compareData, codebook: compareCodebook, structureDate: compareStructureDate)
            } else {
                first = try Self.syntheticBaseline(title: nil)
                second = try Self.syntheticFollowUp()
            }
            document = try ComparisonReport.build(first, second, options: options)
        } else {
            let wave =
                try data.flatMap { data in
                    try codebook.map { try loadWave(data: data, codebook: $0, structureDate: structureDate) }
                } ?? Self.syntheticBaseline(title: title, language: language)
            document = try BarometerReport.build(wave, options: options)
        }
        return try ReportWriter.write(document, to: URL(fileURLWithPath: out))
    }

    private func loadWave(data: String, codebook: String, structureDate: String?) throws -> Wave {
        let survey = try LoadedSurvey(data: data, codebook: codebook, design: design)
        let dataset = try Self.withRespondentAttributes(survey, structureDate: structureDate, data: data)
        var margins: [PopulationMargin] = []
        if let population, let rake {
            let names = rake.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            for name in names where dataset.codebook.variable(named: name)?.kind.isCoded != true {
                _ = try survey.codedVariable(name, option: "--rake")
            }
            margins = try PopulationFile(contentsOf: population).margins(
                for: names, codebook: dataset.codebook, option: "--rake"
            ).margins
        }
        let file = URL(fileURLWithPath: data).lastPathComponent
        return Wave(
            title: title ?? survey.codebook.title ?? "Innovasjonsbarometeret", dataset: dataset,
            weighting: try CalibratedDesign(raking: survey.design, data: dataset, to: margins),
            weightSource: design.weight.map { "kolonnen «\($0)» i datafilen \(file)." },
            shortTitle: URL(fileURLWithPath: data).deletingPathExtension().lastPathComponent,
            structureDate: structureDate)
    }

    /// The survey's dataset, with county, landsdel, centrality and population size derived from
    /// kommunenummer on the structure date when the data have none of them.
    private static func withRespondentAttributes(_ survey: LoadedSurvey, structureDate: String?, data: String) throws
        -> Dataset
    {
        guard RespondentAttributes.canDerive(for: survey.codebook) else { return survey.dataset }
        guard let structureDate else {
            throw InputError(
                "\(data) has kommunenummer but not county, landsdel, centrality and population_size: "
                    + "give the structure date of its kommunenummer (--structure-date YYYY-MM-DD) to derive them")
        }
        guard let day = CalendarDay(structureDate) else {
            throw InputError("--structure-date \(structureDate): not a date, expected YYYY-MM-DD")
        }
        do {
            return try RespondentAttributes.adding(to: survey.dataset, register: .bundled(), on: day)
        } catch {
            throw InputError("\(data): cannot derive county, landsdel, centrality and population_size: \(error)")
        }
    }

    /// The synthetic 2018 baseline wave: generated from the barometer instrument and the 2018
    /// municipal structure, calibrated to the 2018 report's numbers, marked SYNTETISKE DATA.
    /// The weight source is written in `language` (the report translates the title itself).
    static func syntheticBaseline(
        title: String?, seed: UInt64 = SyntheticBarometer.defaultSeed, language: ReportLanguage = .nb
    ) throws -> Wave {
        let wave = try SyntheticBarometer.baseline2018(seed: seed)
        return Wave(
            title: title ?? "Innovasjonsbarometeret 2018 – syntetisk grunnlagsbølge", dataset: wave.dataset,
            weighting: wave.weighting,
            weightSource: language.pick(
                "generert sammen med de syntetiske svarene: hver enhetstype veid opp til et oppdiktet antall enheter, "
                    + "deretter raket til oppdiktede populasjonstall for enhetstype og landsdel (frø \(seed)).",
                "generated with the synthetic answers: each unit type weighted up to an invented number of units, "
                    + "then raked to invented population counts by unit type and region (seed \(seed))."),
            shortTitle: "2018", structureDate: wave.structureDate.description,
            subtitle: SyntheticBarometer.baselineSubtitle)
    }

    /// The synthetic 2020 follow-up wave (2020 municipal structure), for comparisons.
    static func syntheticFollowUp(seed: UInt64 = SyntheticBarometer.defaultSeed) throws -> Wave {
        let wave = try SyntheticBarometer.followUp2020(seed: seed)
        return Wave(
            title: "Innovasjonsbarometeret 2020 – syntetisk oppfølgingsbølge", dataset: wave.dataset,
            weighting: wave.weighting, weightSource: "generert sammen med de syntetiske svarene (frø \(seed)).",
            shortTitle: "2020", structureDate: wave.structureDate.description)
    }
}

extension ReportLanguage: ExpressibleByArgument {}
