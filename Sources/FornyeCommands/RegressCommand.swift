import ArgumentParser
import FornyeStatistics

/// `fornye regress`: design-based logistic regression.
struct RegressCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "regress",
        abstract: "Design-based logistic regression with odds ratios (R's svyglm).",
        discussion: """
            Models the probability of an event, P(OUTCOME is one of the
            --event-code codes), with an intercept and the predictors given.
            The result equals R's
              svyglm(I(outcome %in% events) ~ x1 + ... + factor(f1) + ...,
                     design, family = quasibinomial())
            Coefficients maximise the weighted pseudo-likelihood; their standard
            errors are the sandwich (linearisation) estimator over the design
            (strata, clusters, fpc, calibration).

            Outcome: a coded variable with --event-code (repeat it, or join codes
            with commas; every other category is a non-event), or a multiple-choice
            item or a numeric 0/1 variable without it.

            Predictors:
              --numeric x  enters x as a number (a coded ordinal variable as its
                           code, i.e. a score);
              --factor f   enters a coded variable as treatment dummies against its
                           first category (in codebook order) among the rows used,
                           as R's factor().
            Terms are named as R names them: (Intercept), then the --numeric
            variables in the order given, then the levels of each --factor, e.g.
            region2.

            Printed per term: the coefficient (log odds), SE, t, two-sided p, the
            odds ratio exp(b) and its Wald interval exp(b ∓ t(1 − α/2, df) · SE),
            as confint.svyglm. A factor level's odds ratio is against the reference
            category; a numeric predictor's is per unit; the intercept's is the odds
            in the reference group at 0.
            df = design df of the rows used (PSUs − strata) + 1 − coefficients, as
            svyglm (df.residual).

            Missing values: rows missing on the outcome or on any predictor (empty
            cells; "vet ikke" and "ikke relevant" codes unless --include-dont-know /
            --include-not-applicable) are left out as a domain, keeping their PSUs in
            the design, as svyglm does. Included missing codes are categories of a
            factor and non-events of the outcome.

            Example:
              fornye regress --data barometer.csv --codebook barometer.yaml \\
                --weight vekt --strata fylke --outcome innovert --event-code 1 \\
                --numeric innbyggere --factor sektor
            """
    )

    @Option(help: "CSV data file (UTF-8; ',' or ';' delimited).") var data: String
    @Option(help: "Codebook file (JSON or YAML).") var codebook: String

    @Option(help: "The outcome variable.") var outcome: String
    @Option(
        name: .customLong("event-code"),
        help: "A code of a coded outcome that counts as an event; repeat or join with commas for several.")
    var eventCodes: [String] = []
    @Option(help: "A predictor entered as a number; repeat for more.") var numeric: [String] = []
    @Option(help: "A coded predictor entered as a factor (dummies against its first category); repeat for more.")
    var factor: [String] = []

    @OptionGroup var design: DesignOptions
    @OptionGroup var missing: MissingOptions

    @Option(help: "Confidence level of the odds-ratio intervals.") var level = 0.95
    @Option(help: "Output format: text (aligned) or json.") var format: OutputFormat = .text

    func validate() throws {
        guard level > 0 && level < 1 else { throw ValidationError("--level must be between 0 and 1, e.g. 0.95") }
        var seen = Set<String>()
        for name in numeric + factor where !seen.insert(name).inserted {
            throw ValidationError("predictor \(name) is given twice (as --numeric and --factor, or repeated)")
        }
        if seen.contains(outcome) { throw ValidationError("--outcome \(outcome) cannot also be a predictor") }
        _ = try events()
    }

    func run() throws {
        print(try output())
    }

    /// Everything the command prints, so that tests can read it.
    func output() throws -> String {
        let survey = try LoadedSurvey(data: data, codebook: codebook, design: design)
        let outcomeVariable = try survey.variable(outcome, option: "--outcome")
        let events = try events()
        if let events {
            guard outcomeVariable.kind.isCoded else {
                throw InputError(
                    "--event-code: --outcome \(outcome) is \(outcomeVariable.kind.rawValue), not coded; leave out --event-code for a 0/1 outcome"
                )
            }
            let policy = missing.policy
            let codes =
                outcomeVariable.kind == .multipleChoiceItem
                ? [0, 1]
                : outcomeVariable.valueLabels.map(\.code)
                    + outcomeVariable.missingCodes.filter { policy.includes($0.value) }.keys
            for code in events.sorted() where !codes.contains(code) {
                throw InputError(
                    "--event-code \(code): not a category of \(outcome) (categories: \(codes.sorted().map(String.init).joined(separator: ", ")))"
                )
            }
        } else if outcomeVariable.kind == .singleChoice || outcomeVariable.kind == .ordinal {
            let codes = outcomeVariable.valueLabels.map { "\($0.code) = \($0.label)" }.joined(separator: ", ")
            throw InputError(
                "--outcome \(outcome) is \(outcomeVariable.kind.rawValue); give the codes that count as events with --event-code (\(codes))"
            )
        } else if !(outcomeVariable.kind == .numeric || outcomeVariable.kind == .multipleChoiceItem) {
            throw InputError("--outcome \(outcome) is \(outcomeVariable.kind.rawValue); it cannot be modelled")
        }
        for name in numeric {
            let variable = try survey.variable(name, option: "--numeric")
            guard variable.kind == .numeric || variable.kind.isCoded else {
                throw InputError("--numeric \(name): \(name) is \(variable.kind.rawValue), not a number")
            }
        }
        for name in factor {
            let variable = try survey.variable(name, option: "--factor")
            guard variable.kind.isCoded else {
                throw InputError(
                    "--factor \(name): \(name) is \(variable.kind.rawValue), not a coded variable; "
                        + (variable.kind == .numeric ? "enter it with --numeric \(name)" : "it cannot be a predictor"))
            }
        }
        let predictors = numeric.map(Predictor.numeric) + factor.map(Predictor.factor)
        let model = try survey.locatingErrors {
            try LogisticRegression.fit(
                outcome, events: events, on: predictors, dataset: survey.dataset, design: survey.design,
                missing: missing.policy, confidenceLevel: level)
        }
        let report = Report(model, outcome: outcomeVariable, codebook: survey.codebook)
        switch format {
        case .json: return try JSONText.encode(report)
        case .text: return (survey.syntheticBanner + [survey.designSummary, ""] + report.lines).joined(separator: "\n")
        }
    }

    /// The event codes given, or nil when none are.
    private func events() throws -> Set<Int>? {
        guard !eventCodes.isEmpty else { return nil }
        var codes = Set<Int>()
        for text in eventCodes.flatMap({ $0.split(separator: ",") }) {
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            guard let code = Int(trimmed) else {
                throw InputError("--event-code \(trimmed): a code is a whole number")
            }
            codes.insert(code)
        }
        return codes
    }

    /// The fitted model as printed and as JSON.
    struct Report: Encodable {
        struct Term: Encodable {
            var name: String
            var label: String
            var kind: String
            var variable: String?
            var code: Int?
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

        /// The reference category of a factor, against which its levels' odds ratios are.
        struct Reference: Encodable {
            var variable: String
            var code: Int
            var label: String
        }

        var synthetic: Bool
        var outcome: String
        var outcomeLabel: String
        var events: [Int]?
        var eventLabels: [String]?
        var df: Int
        var confidenceLevel: Double
        var n: Int
        var weightedN: Double
        var iterations: Int
        var terms: [Term]
        var references: [Reference]

        init(_ model: LogisticRegression, outcome: Variable, codebook: Codebook) {
            synthetic = codebook.synthetic
            self.outcome = outcome.name
            outcomeLabel = outcome.label
            events = model.events.map { $0.sorted() }
            eventLabels = events?.map { outcome.label(of: $0) }
            df = model.degreesOfFreedom
            confidenceLevel = model.confidenceLevel
            n = model.rowsUsed
            weightedN = model.weightedCount
            iterations = model.iterations
            terms = model.coefficients.map { coefficient in
                let term = coefficient.term
                return Term(
                    name: term.name, label: term.label, kind: term.kind.rawValue, variable: term.variable,
                    code: term.code, referenceCode: term.referenceCode, estimate: coefficient.estimate,
                    se: coefficient.standardError, t: coefficient.tStatistic, p: coefficient.pValue,
                    low: coefficient.lower, high: coefficient.upper, oddsRatio: finite(coefficient.oddsRatio),
                    oddsRatioLow: finite(coefficient.oddsRatioLower), oddsRatioHigh: finite(coefficient.oddsRatioUpper))
            }
            var references: [Reference] = []
            for term in model.coefficients.map(\.term) {
                guard let variable = term.variable, let code = term.referenceCode,
                    !references.contains(where: { $0.variable == variable })
                else { continue }
                let label = codebook.variable(named: variable)?.label(of: code) ?? String(code)
                references.append(Reference(variable: variable, code: code, label: label))
            }
            self.references = references
        }

        var lines: [String] {
            let event =
                zip(events ?? [], eventLabels ?? []).map { "\($0) \($1)" }.joined(separator: ", ")
            let what = events == nil ? "\(outcome) (0/1)" : "\(outcome) in {\(event)}"
            var lines = [
                "Logistic regression of P(\(what)) — \(outcomeLabel)",
                "n = \(n) rows used, weighted N = \(TextGrid.fixed(weightedN, 1)), df = \(df), \(iterations) IRLS iterations",
                "",
            ]
            let percent = Int((confidenceLevel * 100).rounded())
            var grid = [
                ["term", "label", "coef", "SE", "t", "p", "odds ratio", "OR \(percent) % low", "OR \(percent) % high"]
            ]
            for term in terms {
                grid.append([
                    term.name, term.label, TextGrid.fixed(term.estimate, 4), TextGrid.fixed(term.se, 4),
                    TextGrid.fixed(term.t, 3), TextGrid.pValue(term.p),
                    TextGrid.fixed(term.oddsRatio ?? .infinity, 3), TextGrid.fixed(term.oddsRatioLow ?? .infinity, 3),
                    TextGrid.fixed(term.oddsRatioHigh ?? .infinity, 3),
                ])
            }
            lines += TextGrid.align(grid)
            if !references.isEmpty {
                let list = references.map { "\($0.variable) = \($0.code) \($0.label)" }.joined(separator: "; ")
                lines += ["", "Odds ratios of factor levels are against the reference category: \(list)."]
            }
            return lines
        }
    }
}
