import ArgumentParser
import FornyeStatistics
import Foundation

/// `fornye estimate`: design-based estimates from a data file and its codebook.
struct EstimateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "estimate",
        abstract: "Weighted shares, means and totals with standard errors and confidence intervals.",
        discussion: """
            Reads a CSV data file and its codebook (JSON or YAML) and estimates each VARIABLE overall and
            in the domains of each --by breakdown, keeping the full design (domain estimation, as R's
            svyby). Variance is Taylor-linearised (R's svyrecvar), or comes from replicate weights
            (--replicate-type jackknife|bootstrap|brr|fay made from the design, or --replicate-columns
            read from the data; R's svrepdesign); every output names the variance method, and every
            estimate is checked against R's survey package.

            What is estimated follows the variable's kind in the codebook:
              single choice, ordinal   share of each category (ordinal: --mean for the mean score)
              multiple-response set    share of respondents (or --mr-base responses)
              numeric                  mean (--total for the population total)

            The base excludes system missing (routed past). "Vet ikke" and "ikke relevant" codes
            are out of the base unless --include-dont-know / --include-not-applicable.

            Each cell reports: breakdown values, category, unweighted base n and cell count, the
            estimate, its SE, the CI (t quantile on design degrees of freedom = PSUs − strata with
            positive weight in the domain), the design effect and flags. The design effect compares
            with simple random sampling without replacement when --fpc is given (R's deff = TRUE)
            and with replacement otherwise (R's deff = "replace"); --deff chooses, and every output
            names the reference.

            Example:
              fornye estimate --data barometer.csv --codebook barometer.yaml \\
                --weight vekt --strata fylke innovert --by sentralitet --by sektor,enhetstype
            """
    )

    @Option(help: "CSV data file (UTF-8; ',' or ';' delimited).") var data: String
    @Option(help: "Codebook file (JSON or YAML).") var codebook: String
    @Argument(help: "Variables or multiple-response sets to estimate.") var variables: [String]

    @Option(
        name: .customLong("by"),
        help: "A breakdown: one variable, or two joined by a comma for a two-way breakdown. Repeat for more tables.")
    var breakdowns: [String] = []
    @Flag(help: "Leave out the whole-population table.") var noOverall = false
    @Option(
        help: """
            Estimate within a domain: VARIABLE=CODE[,CODE…], several joined by &, e.g. 'fylke=46&sektor=1,2'; \
            a code may be its value label. The full design is kept (R's subset(design, ...)).
            """)
    var domain: String?

    @OptionGroup var design: DesignOptions
    @OptionGroup var replicateOptions: ReplicateOptions

    @Option(
        help:
            "Interval method for shares: logit (R svyciprop default), xlogit, beta (Korn–Graubard), wilson, asin, likelihood, wald."
    )
    var ci: IntervalMethod = .logit
    @Option(
        help:
            "Reference of the design effect: replace (SRS with replacement) or srswor (without); default srswor with --fpc, replace without."
    )
    var deff: DesignEffectReference?
    @Option(help: "Confidence level.") var level = 0.95
    @Flag(help: "Means instead of shares for ordinal (Likert) variables.") var mean = false
    @Flag(help: "Totals instead of means for numeric variables.") var total = false
    @Option(help: "Base of multiple-response shares: respondents or responses.") var mrBase: MultipleResponseBase =
        .respondents
    @Flag(help: "Keep \"vet ikke\" codes in the base of share tables (as a category).") var includeDontKnow = false
    @Flag(help: "Keep \"ikke relevant\" codes in the base of share tables (as a category).") var includeNotApplicable =
        false

    @Flag(
        help: """
            Publishing mode: hide cells counting 1 to --min-count − 1 respondents and domains with a base \
            below --min-base, hide unreliable shares by the NCHS standards for proportions (effective n < 30, \
            Korn–Graubard width rules), and hide further cells so no hidden count can be recomputed from the \
            others and the margins. See docs/DISCLOSURE.md.
            """)
    var publish = false
    @Option(help: "Publishing mode: smallest publishable unweighted count in a cell.") var minCount = 5
    @Option(help: "Publishing mode: smallest publishable unweighted base of a domain.") var minBase = 10

    @Option(help: "Output format: text (aligned) or json.") var format: OutputFormat = .text

    func validate() throws {
        guard level > 0 && level < 1 else { throw ValidationError("--level must be between 0 and 1, e.g. 0.95") }
        guard minCount >= 1, minBase >= 1 else {
            throw ValidationError("--min-count and --min-base must be at least 1")
        }
    }

    func run() throws {
        print(try output())
    }

    /// Everything the command prints, so that tests can read it.
    func output() throws -> String {
        let survey = try LoadedSurvey(
            data: data, codebook: codebook, design: design, replicateColumns: replicateOptions.replicateColumns)
        let replicates = try survey.locatingErrors { try replicateOptions.weights(for: survey) }
        let domainExpression = try domain.map { try DomainExpression($0, survey: survey) }
        let dataset = try domainExpression.map { try survey.dataset.restricted(to: $0.filter.rows(in: survey.dataset)) }
        let options = EstimationOptions(
            missing: MissingPolicy(includeDontKnow: includeDontKnow, includeNotApplicable: includeNotApplicable),
            confidenceLevel: level, intervalMethod: ci, designEffectReference: deff)
        let estimator = VariableEstimator(
            dataset: dataset ?? survey.dataset, design: survey.design, options: options,
            ordinal: mean ? .mean : .shares,
            numeric: total ? .total : .mean, multipleResponseBase: mrBase, replicates: replicates)
        var breakdownSets: [[String]] = noOverall ? [] : [[]]
        breakdownSets += breakdowns.map {
            $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
        }
        guard !breakdownSets.isEmpty else {
            throw ValidationError("nothing to estimate: give --by or drop --no-overall")
        }

        var tables: [EstimateTable] = []
        for name in variables {
            tables += try tablesFor(name, estimator: estimator, breakdownSets: breakdownSets)
        }
        if publish {
            let rules = DisclosureRules(minimumCellCount: minCount, minimumBaseCount: minBase)
            tables = tables.map { DisclosureControl.apply(rules, to: $0) }
        }
        switch format {
        case .json:
            return try TableJSON.encode(tables)
        case .text:
            let domainLine = domainExpression.map { ["Domain: \($0.description)"] } ?? []
            return ([survey.designSummary] + domainLine + tables.map(TableText.render)).joined(separator: "\n\n")
        }
    }

    /// The variable's tables; the choice of estimator is `VariableEstimator`'s, the messages for
    /// a name it cannot estimate are the command's.
    private func tablesFor(_ name: String, estimator: VariableEstimator, breakdownSets: [[String]]) throws
        -> [EstimateTable]
    {
        do {
            _ = try estimator.kind(of: name)
        } catch .unknownVariable {
            throw InputError("unknown variable or multiple-response set \"\(name)\" (not in \(self.codebook))")
        } catch .wrongKind(_, _, let kind) {
            throw InputError("\(name) is \(kind.rawValue); estimate its multiple-response set or another variable")
        } catch {
            throw error
        }
        return try estimator.tables(of: name, byEach: breakdownSets)
    }
}
