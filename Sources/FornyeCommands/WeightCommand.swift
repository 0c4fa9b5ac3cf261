import ArgumentParser
import FornyeFormats
import FornyeStatistics
import Foundation

/// `fornye weight`: calibrates the weights to known population counts and writes them out.
struct WeightCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "weight",
        abstract: "Post-stratify or rake weights to population counts; write the new weights.",
        discussion: """
            Calibrates the design weights (--weight, or 1 per row) so that the
            weighted count of every code of the chosen variables equals its
            population count:
              --poststratify v  every weight in a group of v is multiplied by the
                                group's population count over its weighted count:
                                R's postStratify(design, ~v, population);
              --rake v1,v2      iterative proportional fitting: post-stratify on each
                                margin in turn, sweep after sweep, until every margin
                                is met within --tolerance × the population total or
                                --max-iterations sweeps are made:
                                R's rake(design, list(~v1, ~v2), list(pop1, pop2));
              --calibrate v1,v2 calibration to the same counts with --calfun linear
                                (GREG, the default), raking or logit, g-weights
                                (new/old) kept within --bounds low,high (logit needs
                                them) and trimmed to --trim-g low,high afterwards:
                                R's calibrate(design, list(~v1, ~v2), list(pop1, pop2),
                                calfun =, bounds =, trim =);
              --nonresponse-class v --responded r
                                nonresponse adjustment within the classes of v:
                                respondents (r = 1) of a class get its weighted count
                                of all rows (r = 0 rows get weight 0); no population
                                file. R: postStratify of the design with weights
                                w·r to the classes' weighted counts.
            Every row needs a substantive code on each variable (an empty cell or a
            "vet ikke" code is refused, naming its line), and every sampled code
            needs a population count.

            Population file (--population): counts per variable and code, as CSV
            with the header variable,code,count:
              variable,code,count
              region,1,2700
              region,2,2250
              size,1,3600
            or as YAML (or JSON), one entry per code:
              - {variable: region, code: 1, count: 2700}
              - {variable: region, code: 2, count: 2250}
              - {variable: size, code: 1, count: 3600}
            An optional label column (or key) is for readers and is not checked.
            Variables are coded variables of the codebook, codes are labelled codes
            (not missing codes), counts are positive (people, municipalities, or any
            size). Variables not calibrated on are ignored. Raking margins must have
            the same grand total; differences below 1e-6 of it (rounding) are scaled
            away and reported.

            Trimming (--trim-ratio low,high; raking only): after each sweep, every
            weight is kept within low–high times its initial weight and the excess
            goes to the other rows in proportion to their weights (R's trimWeights,
            strict = TRUE, but with proportional rather than equal shares). The
            margins may then be met only approximately; the report shows how well.

            Output: the data are written to --output with the calibrated weights as
            a new numeric variable (--weight-column), and beside them a codebook
            (--output-codebook) that adds it and the design weight, so that
              fornye estimate --data OUT.csv --codebook OUT.codebook.yaml \\
                --weight calibrated_weight [--strata …] VARIABLE
            reads them back. An --output ending in .sav is an SPSS file instead, with
            the design columns and any replicate weights (their labels and the file's
            documents give method, scale and rscales). The report gives, for every code, the population count
            and the weighted count before and after; the largest margin errors;
            iterations and convergence; Kish's design effect n Σw² / (Σw)² and
            effective sample size (Σw)² / Σw² before and after; and the range of
            the weights and of the final/initial ratios.

            --estimate v prints shares (coded variables) or means (numeric) on the
            calibrated design. Their standard errors account for the calibration, as
            R's estimates on the postStratify/rake design object; reading the written
            file back with --weight loses that (the SEs then treat the weights as
            sampling weights). Shares and missing codes are as in `fornye estimate`.

            Example:
              fornye weight --data barometer.csv --codebook barometer.yaml \\
                --weight vekt --rake fylke,storrelse --population befolkning.csv \\
                --output kalibrert.csv --estimate innovert
            """
    )

    @Option(help: "CSV data file (UTF-8; ',' or ';' delimited).") var data: String
    @Option(help: "Codebook file (JSON or YAML).") var codebook: String

    @Option(help: "Post-stratify on this coded variable.") var poststratify: String?
    @Option(help: "Rake on these coded variables (comma-separated, or repeat the option).") var rake: [String] = []
    @Option(help: "Calibrate on these coded variables (comma-separated) with --calfun.") var calibrate: [String] = []
    @Option(help: "Calibration only: linear (GREG), raking or logit.") var calfun: CalibrationFunction = .linear
    @Option(help: "Calibration only: keep every new/old weight ratio within low,high, e.g. 0.5,2.")
    var bounds: String?
    @Option(help: "Calibration only: afterwards, trim new/old weight ratios to low,high (R's trim =).")
    var trimG: String?
    @Option(help: "Nonresponse adjustment within the classes of this coded variable.") var nonresponseClass: String?
    @Option(help: "With --nonresponse-class: the coded variable that is 1 for respondents, 0 for the others.")
    var responded: String?
    @Option(help: "Population counts per variable and code: .csv, .yaml, .yml or .json (format above).")
    var population: String?
    @Flag(help: "Post-stratification only: leave out population groups without sampled rows (R's partial = TRUE).")
    var partial = false
    @Option(help: "Raking only: the most sweeps over all margins (default 100).") var maxIterations: Int?
    @Option(
        help:
            "Raking only: converged when every margin is met within this share of the population total (default 1e-10)."
    )
    var tolerance: Double?
    @Option(help: "Raking only: keep final/initial weight ratios within low,high, e.g. 0.3,3.")
    var trimRatio: String?

    @Option(
        name: .customLong("output"),
        help: "The file to write, .csv or .sav (SPSS): the data with the calibrated weights added.")
    var outputFile: String
    @Option(help: "The codebook to write beside --output; default: its name with .codebook.yaml.")
    var outputCodebook: String?
    @Option(help: "Name of the new weight column.") var weightColumn = "calibrated_weight"
    @Option(
        name: .customLong("estimate"),
        help: "A variable or multiple-response set to estimate on the calibrated design; repeat for more.")
    var estimates: [String] = []

    @OptionGroup var design: DesignOptions
    @OptionGroup var replicateOptions: ReplicateOptions
    @Option(help: "With replicate weights: the prefix of their columns in --output (PREFIX1 … PREFIXR).")
    var replicatePrefix = "repw_"
    @OptionGroup var missing: MissingOptions
    @Option(help: "Interval method of --estimate shares: logit, xlogit, beta, wilson, wald.")
    var ci: IntervalMethod = .logit
    @Option(help: "Confidence level of --estimate.") var level = 0.95
    @Option(help: "Output format: text (aligned) or json.") var format: OutputFormat = .text

    func validate() throws {
        let modes = [poststratify != nil, try !rakeVariables().isEmpty, !calibrate.isEmpty, nonresponseClass != nil]
        guard modes.count(where: { $0 }) == 1 else {
            throw ValidationError(
                "give one of --poststratify VARIABLE, --rake VARIABLE,VARIABLE, --calibrate VARIABLE,VARIABLE or --nonresponse-class VARIABLE"
            )
        }
        guard (nonresponseClass != nil) == (responded != nil) else {
            throw ValidationError("--nonresponse-class and --responded go together")
        }
        guard (nonresponseClass == nil) == (population != nil) else {
            throw ValidationError(
                nonresponseClass == nil
                    ? "--population FILE is needed: the population counts to calibrate to"
                    : "--nonresponse-class takes the class counts from the data; leave out --population")
        }
        if calibrate.isEmpty {
            for (given, option) in [(bounds != nil, "--bounds"), (trimG != nil, "--trim-g")] where given {
                throw ValidationError("\(option) applies to --calibrate")
            }
        } else {
            _ = try calibrationOptions()
        }
        let rakingOptions = [
            (maxIterations != nil, "--max-iterations"), (tolerance != nil, "--tolerance"),
            (trimRatio != nil, "--trim-ratio"),
        ]
        switch mode {
        case .poststratify:
            for (given, option) in rakingOptions where given {
                throw ValidationError(
                    "\(option) applies to raking; post-stratification takes one step (to trim, use --rake with one variable)"
                )
            }
        case .calibrate:
            if trimRatio != nil {
                throw ValidationError("--trim-ratio applies to --rake; --calibrate trims with --trim-g")
            }
        case .nonresponse:
            for (given, option) in rakingOptions where given {
                throw ValidationError("\(option) applies to --rake and --calibrate, not to --nonresponse-class")
            }
        case .rake: break
        }
        if partial && mode != .poststratify { throw ValidationError("--partial applies to --poststratify only") }
        if let maxIterations, maxIterations < 1 { throw ValidationError("--max-iterations must be at least 1") }
        if let tolerance, !(tolerance >= 0 && tolerance.isFinite) {
            throw ValidationError("--tolerance must be a non-negative number")
        }
        _ = try trimBounds()
        guard level > 0 && level < 1 else { throw ValidationError("--level must be between 0 and 1, e.g. 0.95") }
        guard !weightColumn.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ValidationError("--weight-column needs a name")
        }
    }

    func run() throws {
        print(try output())
    }

    /// Calibrates, writes the file, and returns everything the command prints.
    func output() throws -> String {
        let survey = try LoadedSurvey(
            data: data, codebook: codebook, design: design, replicateColumns: replicateOptions.replicateColumns)
        let names = try variableNames()
        for name in names { _ = try survey.codedVariable(name, option: mode.option) }
        for name in estimates where survey.codebook.multipleResponseSet(named: name) == nil {
            _ = try survey.variable(name, option: "--estimate")
        }
        try checkOutput(survey)
        let margins: [PopulationMargin]
        let unused: [String]
        let source: String
        if let population {
            let file = try PopulationFile(contentsOf: population)
            (margins, unused) = try file.margins(for: names, codebook: survey.codebook, option: mode.option)
            try checkCoverage(margins, file: file, survey: survey)
            source = population
        } else {
            margins = [try classCounts(survey)]
            unused = []
            source = "the weighted counts of all rows in \(data)"
        }

        let (calibrated, update) = try calibrate(survey, survey.design, to: margins)
        // Every replicate is calibrated as the full sample was (R's calibration of a svrepdesign).
        let replicates = try survey.locatingErrors { try replicateOptions.weights(for: survey) }.map {
            try $0.calibrated(survey.design) { (design) throws(StatisticsError) in
                do { return try calibrate(survey, design, to: margins).design } catch let error as StatisticsError {
                    throw error
                } catch { throw .invalidArgument("\(error)") }
            }.replicates
        }
        let tables = try estimateTables(survey, design: calibrated, replicates: replicates)
        let list = names.joined(separator: ", ")
        let method =
            switch mode {
            case .rake: "raked on \(list)"
            case .poststratify: "post-stratified on \(list)"
            case .calibrate: "calibrated (\(calfun.rawValue)) on \(list)"
            case .nonresponse: "nonresponse-adjusted within the classes of \(list)"
            }
        try CalibratedDataWriter(
            survey: survey, design: design, weightColumn: weightColumn,
            weightLabel:
                "Calibrated weight: \(method) (\(population.map { URL(fileURLWithPath: $0).lastPathComponent } ?? "the data"))"
        ).write(
            weights: calibrated.weights, csv: outputURL, codebook: outputCodebookURL,
            replicates: replicates.map { ($0, replicatePrefix) })
        var summary = try WeightingSummary(
            method: mode.rawValue, margins: margins, unused: unused,
            populationFile: source, dataset: survey.dataset, before: survey.design, after: calibrated,
            output: outputFile, outputCodebook: outputCodebookURL.path, weightColumn: weightColumn)
        try update(&summary)
        let specification = replicates.map {
            ReplicateSpecification($0, prefix: replicatePrefix, synthetic: survey.codebook.synthetic)
        }
        switch format {
        case .json:
            return try JSONText.object(
                [("weighting", try JSONText.encode(summary)), ("estimates", try TableJSON.encode(tables))]
                    + (try specification.map { [("replicates", String(decoding: try $0.encoded(), as: UTF8.self))] }
                        ?? []))
        case .text:
            let replicateLines =
                specification.map { spec in
                    [
                        "Replicate weights: \(spec.method.rawValue), \(spec.count) replicates, each calibrated as the weights; "
                            + "written as \(spec.prefix)1 … \(spec.prefix)\(spec.count), scale and rscales in "
                            + CalibratedDataWriter.specificationURL(csv: outputURL).path
                    ]
                } ?? []
            let parts = [
                (survey.syntheticBanner + [survey.designSummary, ""] + summary.lines + replicateLines)
                    .joined(separator: "\n")
            ]
            return (parts + tables.map(TableText.render)).joined(separator: "\n\n")
        }
    }

    /// The weighting a run makes; its raw value is the summary's `method`.
    enum Mode: String {
        case poststratify, rake, calibrate, nonresponse

        var option: String {
            switch self {
            case .poststratify: "--poststratify"
            case .rake: "--rake"
            case .calibrate: "--calibrate"
            case .nonresponse: "--nonresponse-class"
            }
        }
    }

    private var mode: Mode {
        if poststratify != nil { return .poststratify }
        if !calibrate.isEmpty { return .calibrate }
        if nonresponseClass != nil { return .nonresponse }
        return .rake
    }

    private var isRaking: Bool { mode == .rake }

    private func variableNames() throws -> [String] {
        switch mode {
        case .poststratify: return [poststratify!]
        case .rake: return try rakeVariables()
        case .calibrate: return try commaList(calibrate, option: "--calibrate")
        case .nonresponse: return [nonresponseClass!]
        }
    }

    /// The calibrated design, and what to add to the summary. Errors about a data cell name its
    /// file, line and field.
    private func calibrate(_ survey: LoadedSurvey, _ base: SurveyDesign, to margins: [PopulationMargin]) throws
        -> (design: SurveyDesign, update: (inout WeightingSummary) throws -> Void)
    {
        try survey.locatingErrors {
            switch mode {
            case .poststratify:
                let design = try Weighting.postStratify(
                    base, data: survey.dataset, to: margins[0], partial: partial)
                return (design, { _ in })
            case .rake:
                let (design, report) = try Weighting.rake(
                    base, data: survey.dataset, to: margins, options: try rakingOptions())
                return (
                    design,
                    { summary in
                        summary.iterations = report.iterations
                        summary.converged = report.converged
                        summary.tolerance = try rakingOptions().tolerance
                        summary.trimRatio = try trimBounds().map { [$0.low, $0.high] }
                        summary.trimmedCount = report.trimmedCount
                        summary.marginTotalDiscrepancy = report.marginTotalDiscrepancy
                    }
                )
            case .calibrate:
                let options = try calibrationOptions()
                let (design, report) = try Weighting.calibrate(
                    base, data: survey.dataset, to: margins, options: options)
                return (
                    design,
                    { summary in
                        summary.calibrationFunction = options.function.rawValue
                        summary.bounds = options.bounds.map { [$0.lowerBound, $0.upperBound] }
                        summary.trimG = options.trim.map { [$0.lowerBound, $0.upperBound] }
                        summary.iterations = report.iterations
                        summary.converged = report.converged
                        summary.tolerance = options.tolerance
                        summary.trimmedCount = report.trimmedCount
                    }
                )
            case .nonresponse:
                let classes = try survey.dataset.codes(of: margins[0].variable)
                let design = try Weighting.adjustForNonresponse(
                    base, classes: classes, responded: try respondents(survey))
                return (design, { summary in summary.respondedVariable = responded })
            }
        }
    }

    /// Newton's iterations and stopping rule of `--calibrate`: R's defaults (50, 1e-7) unless given.
    private func calibrationOptions() throws -> CalibrationOptions {
        CalibrationOptions(
            function: calfun, bounds: try range(bounds, option: "--bounds").map { $0.low...$0.high },
            trim: try range(trimG, option: "--trim-g").map { $0.low...$0.high }, tolerance: tolerance ?? 1e-7,
            maxIterations: maxIterations ?? 50)
    }

    /// The weighted count of every class in all rows: what the respondents are adjusted to.
    private func classCounts(_ survey: LoadedSurvey) throws -> PopulationMargin {
        let name = nonresponseClass!
        let codes = try survey.dataset.codes(of: name)
        let missingCodes = try survey.dataset.variable(named: name).missingCodes
        var totals: [Int: Double] = [:]
        for row in codes.indices {
            guard codes[row] != Column.systemMissing, missingCodes[Int(codes[row])] == nil else {
                throw survey.loaded.source.error(
                    row: row, column: name, "every row needs a weighting class; this one has none")
            }
            totals[Int(codes[row]), default: 0] += survey.design.weights[row]
        }
        return PopulationMargin(variable: name, totals: totals.filter { $0.value > 0 })
    }

    /// `--responded`: 1 for a respondent, 0 for a nonrespondent, on every row.
    private func respondents(_ survey: LoadedSurvey) throws -> [Bool] {
        let name = responded!
        _ = try survey.codedVariable(name, option: "--responded")
        let codes = try survey.dataset.codes(of: name)
        return try codes.indices.map { row in
            guard codes[row] == 0 || codes[row] == 1 else {
                throw survey.loaded.source.error(
                    row: row, column: name, "--responded \(name) must be 1 (responded) or 0 (did not) on every row")
            }
            return codes[row] == 1
        }
    }

    private func rakingOptions() throws -> RakingOptions {
        var options = RakingOptions()
        options.maxIterations = maxIterations ?? options.maxIterations
        options.tolerance = tolerance ?? options.tolerance
        options.trimming = try trimBounds().map { WeightBounds.ratio(lower: $0.low, upper: $0.high) }
        return options
    }

    private func rakeVariables() throws -> [String] { try commaList(rake, option: "--rake") }

    private func commaList(_ values: [String], option: String) throws -> [String] {
        let names = values.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }
        if names.contains("") { throw InputError("\(option) \(values.joined(separator: ",")): an empty variable name") }
        return names
    }

    private func trimBounds() throws -> (low: Double, high: Double)? { try range(trimRatio, option: "--trim-ratio") }

    /// A `low,high` option with 0 ≤ low ≤ high, high finite and positive.
    private func range(_ text: String?, option: String) throws -> (low: Double, high: Double)? {
        guard let text else { return nil }
        let parts = text.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard parts.count == 2, let low = parts[0], let high = parts[1], low >= 0, low <= high, high > 0,
            high.isFinite
        else {
            throw InputError("\(option) \(text): give low,high with 0 ≤ low ≤ high, e.g. 0.3,3")
        }
        return (low, high)
    }

    private var outputURL: URL { URL(fileURLWithPath: outputFile) }

    private var outputCodebookURL: URL {
        outputCodebook.map { URL(fileURLWithPath: $0) }
            ?? URL(fileURLWithPath: outputURL.deletingPathExtension().path + ".codebook.yaml")
    }

    /// Refuses to overwrite the input or to reuse a column name, before any work is done.
    private func checkOutput(_ survey: LoadedSurvey) throws {
        func resolved(_ url: URL) -> URL { url.standardizedFileURL.resolvingSymlinksInPath() }
        let inputs = ([data, codebook] + (population.map { [$0] } ?? [])).map { resolved(URL(fileURLWithPath: $0)) }
        for (option, url) in [("--output", outputURL), ("--output-codebook", outputCodebookURL)]
        where inputs.contains(resolved(url)) {
            throw InputError("\(option) \(url.path) is an input file; write the calibrated data to new files")
        }
        guard resolved(outputURL) != resolved(outputCodebookURL) else {
            throw InputError("--output and --output-codebook are the same file")
        }
        if survey.codebook.variable(named: weightColumn) != nil || survey.loaded.source.columns[weightColumn] != nil {
            throw InputError(
                "--weight-column \(weightColumn): the data already have a column of that name; choose another")
        }
    }

    /// Names both files when sample and population do not cover each other: a sampled code
    /// without a count (R: "Strata in sample absent from population"), or a counted group the
    /// sample cannot reach (R: "Some strata absent from sample").
    private func checkCoverage(_ margins: [PopulationMargin], file: PopulationFile, survey: LoadedSurvey) throws {
        let weights = survey.design.weights
        for margin in margins {
            let codes = try survey.dataset.codes(of: margin.variable)
            let missingCodes = try survey.dataset.variable(named: margin.variable).missingCodes
            var weighted: [Int32: Double] = [:]
            for row in codes.indices {
                let code = Int(codes[row])
                if codes[row] != Column.systemMissing, missingCodes[code] == nil, margin.totals[code] == nil {
                    throw survey.loaded.source.error(
                        row: row, column: margin.variable,
                        "code \(code) is in the sample but \(file.file) has no count for \(margin.variable) code \(code)"
                    )
                }
                weighted[codes[row], default: 0] += weights[row]
            }
            for code in margin.totals.keys.sorted() where !partial && (weighted[Int32(code)] ?? 0) <= 0 {
                let entry = file.entries.first { $0.variable == margin.variable && $0.code == code }
                var location = entry?.location ?? FileLocation(file: file.file)
                location.field = "code"
                throw FormatError.located(
                    location,
                    "\(margin.variable) code \(code) has a population count but no sampled row with positive weight in \(data); the weights cannot reach it (merge it with another group\(isRaking ? "" : ", or use --partial"))"
                )
            }
        }
    }

    /// Shares, multiple-response shares or means on the calibrated design, overall.
    private func estimateTables(_ survey: LoadedSurvey, design: SurveyDesign, replicates: ReplicateWeights?) throws
        -> [EstimateTable]
    {
        let estimator = Estimator(
            dataset: survey.dataset, design: design,
            options: EstimationOptions(missing: missing.policy, confidenceLevel: level, intervalMethod: ci),
            replicates: replicates)
        return try estimates.flatMap { name throws -> [EstimateTable] in
            if survey.codebook.multipleResponseSet(named: name) != nil {
                return [try estimator.multipleResponse(name, kind: .shareOfRespondents)]
            }
            let variable = try survey.variable(name, option: "--estimate")
            switch variable.kind {
            case .singleChoice, .ordinal: return [try estimator.shares(of: name)]
            case .numeric: return [try estimator.means(of: name)]
            case .multipleChoiceItem, .text:
                throw InputError(
                    "--estimate \(name): \(name) is \(variable.kind.rawValue); estimate its multiple-response set or another variable"
                )
            }
        }
    }
}
