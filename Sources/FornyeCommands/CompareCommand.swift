import ArgumentParser
import FornyeStatistics
import Foundation

/// `fornye compare`: the difference of a share or mean between two domains or two samples.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Difference of a share or mean between two domains or two files (waves).",
        discussion: """
            Estimates a share (--category CODE: the share of that code among the
            respondents in the base) or a mean (--mean; numeric variables always) of
            --variable in two groups and tests the difference first − second.

            Two domains of one sample: --by VARIABLE --first CODE --second CODE
              Both estimates come from one design, so the SE of the difference
              includes their covariance (domains may share PSUs). Equals R's
                svyby(~y, ~by, subset(design, !is.na(y)), svymean, covmat = TRUE)
              followed by svycontrast(..., c(1, -1)). df = PSUs − strata among the
              rows of the two domains.

            Two independent samples (waves): --second-data FILE [--second-codebook]
              Each file is estimated as `fornye estimate` does it, with the same
              design options; first = --data, second = --second-data. The samples
              are independent, so SE = √(SE₁² + SE₂²); df = the smaller of the two
              estimates' df (--df smaller, the default) or Welch–Satterthwaite
              (--df welch): (v₁ + v₂)² / (v₁²/df₁ + v₂²/df₂) with v = SE².

            --domain VARIABLE=CODE restricts both groups further (one region in two
            waves, say).

            Printed: each estimate with its SE; the difference, its SE, the interval
            difference ∓ t(1 − α/2, df) · SE, t and the two-sided p-value. Text shows
            shares in per cent (the difference in percentage points); JSON gives
            proportions.

            Missing values: the base excludes empty cells (system missing) of
            --variable and, unless --include-dont-know / --include-not-applicable,
            its "vet ikke" / "ikke relevant" codes; a row missing on --by or
            --domain is in neither group. Means never include missing codes.

            Examples:
              fornye compare --data b.csv --codebook b.yaml --weight vekt \\
                --variable innovert --category 1 --by sektor --first 1 --second 2
              fornye compare --data b2024.csv --second-data b2022.csv \\
                --codebook b.yaml --weight vekt --variable innovert --category 1
            """
    )

    @Option(help: "CSV data file (UTF-8; ',' or ';' delimited); the first sample.") var data: String
    @Option(help: "Codebook file (JSON or YAML).") var codebook: String
    @Option(help: "The variable whose share or mean is compared.") var variable: String
    @Option(help: "Compare the share of this code of --variable.") var category: Int?
    @Flag(help: "Compare the mean of --variable (numeric, ordinal score, or a 0/1 item).") var mean = false

    @Option(help: "Two domains: the coded variable that defines them.") var by: String?
    @Option(help: "Two domains: the code of --by of the first domain.") var first: Int?
    @Option(help: "Two domains: the code of --by of the second domain.") var second: Int?

    @Option(help: "Two samples: the second CSV data file (e.g. the earlier wave).") var secondData: String?
    @Option(help: "Two samples: the codebook of --second-data; defaults to --codebook.") var secondCodebook: String?
    @Option(help: "Two samples: degrees of freedom rule, smaller (default) or welch.") var df: DegreesOfFreedomChoice?

    @Option(help: "Restrict both groups to VARIABLE=CODE of a coded variable.") var domain: String?

    @OptionGroup var design: DesignOptions
    @OptionGroup var missing: MissingOptions
    @Option(help: "Confidence level.") var level = 0.95
    @Option(help: "Output format: text (aligned) or json.") var format: OutputFormat = .text

    func validate() throws {
        guard level > 0 && level < 1 else { throw ValidationError("--level must be between 0 and 1, e.g. 0.95") }
        if category != nil && mean { throw ValidationError("give --category CODE (a share) or --mean, not both") }
        let domainOptions = [by != nil, first != nil, second != nil]
        if secondData == nil {
            guard domainOptions.allSatisfy({ $0 }) else {
                throw ValidationError(
                    "give --by VARIABLE --first CODE --second CODE (two domains) or --second-data FILE (two samples)")
            }
            if secondCodebook != nil { throw ValidationError("--second-codebook goes with --second-data") }
            if df != nil { throw ValidationError("--df applies to two samples (--second-data)") }
        } else if domainOptions.contains(true) {
            throw ValidationError(
                "--by/--first/--second compare domains of one file; with --second-data use --domain VARIABLE=CODE")
        }
        _ = try restriction()
    }

    func run() throws {
        print(try output())
    }

    /// Everything the command prints, so that tests can read it.
    func output() throws -> String {
        let survey = try LoadedSurvey(data: data, codebook: codebook, design: design)
        let quantity = try quantity(in: survey)
        let restriction = try restriction()
        if let restriction {
            _ = try code(restriction.code, of: restriction.variable, option: "--domain", in: survey)
        }
        let report: Report
        if let secondData {
            let other = try LoadedSurvey(data: secondData, codebook: secondCodebook ?? codebook, design: design)
            _ = try self.quantity(in: other)
            if let restriction {
                _ = try code(restriction.code, of: restriction.variable, option: "--domain", in: other)
            }
            let firstCell = try cell(quantity, in: survey, restriction: restriction)
            let secondCell = try cell(quantity, in: other, restriction: restriction)
            let difference = try Comparison.betweenIndependentSamples(
                firstCell, secondCell, level: level, degreesOfFreedom: (df ?? .smaller).rule)
            report = Report(
                difference, mode: "samples", variable: try survey.variable(variable, option: "--variable"),
                quantity: quantity,
                first: Report.Group(description: "\(data)\(describe(restriction, survey))", file: data),
                second: Report.Group(description: "\(secondData)\(describe(restriction, other))", file: secondData),
                synthetic: survey.codebook.synthetic || other.codebook.synthetic,
                degreesOfFreedomRule: (df ?? .smaller).rawValue)
        } else {
            guard let by, let first, let second else { throw InputError("give --by, --first and --second") }
            _ = try survey.codedVariable(by, option: "--by")
            let firstLabel = try code(first, of: by, option: "--first", in: survey)
            let secondLabel = try code(second, of: by, option: "--second", in: survey)
            guard first != second else { throw InputError("--first and --second are the same domain (\(first))") }
            var firstDomain = [by: first]
            var secondDomain = [by: second]
            if let restriction {
                guard restriction.variable != by else {
                    throw InputError("--domain \(restriction.variable) is the --by variable; choose another")
                }
                firstDomain[restriction.variable] = restriction.code
                secondDomain[restriction.variable] = restriction.code
            }
            let difference = try Comparison.betweenDomains(
                quantity, of: variable, first: firstDomain, second: secondDomain, dataset: survey.dataset,
                design: survey.design, missing: missing.policy, level: level)
            let suffix = describe(restriction, survey)
            report = Report(
                difference, mode: "domains", variable: try survey.variable(variable, option: "--variable"),
                quantity: quantity,
                first: Report.Group(description: "\(by) = \(first) \(firstLabel)\(suffix)", domain: firstDomain),
                second: Report.Group(description: "\(by) = \(second) \(secondLabel)\(suffix)", domain: secondDomain),
                synthetic: survey.codebook.synthetic, degreesOfFreedomRule: nil)
        }
        switch format {
        case .json: return try JSONText.encode(report)
        case .text: return (survey.syntheticBanner + [survey.designSummary, ""] + report.lines).joined(separator: "\n")
        }
    }

    /// The share of `--category` or the mean, after checking that the variable can give it.
    private func quantity(in survey: LoadedSurvey) throws -> Comparison.Quantity {
        let definition = try survey.variable(variable, option: "--variable")
        if let category {
            guard definition.kind.isCoded else {
                throw InputError(
                    "--category: --variable \(variable) is \(definition.kind.rawValue), not coded; compare its mean with --mean"
                )
            }
            _ = try code(category, of: variable, option: "--category", in: survey, includesMissing: true)
            return .share(category: category)
        }
        switch definition.kind {
        case .numeric, .multipleChoiceItem: return .mean
        case .ordinal where mean: return .mean
        case .singleChoice where mean:
            throw InputError(
                "--mean: --variable \(variable) is singleChoice (nominal codes); compare the share of a code with --category CODE"
            )
        case .text: throw InputError("--variable \(variable) is text; it has no share or mean")
        default:
            let codes = definition.valueLabels.map { "\($0.code) = \($0.label)" }.joined(separator: ", ")
            throw InputError(
                "--variable \(variable) is \(definition.kind.rawValue): give --category CODE to compare a share (\(codes))"
                    + (definition.kind == .ordinal ? " or --mean to compare the mean score" : ""))
        }
    }

    /// The label of a code of a coded variable, or an error naming the option that gave the code.
    private func code(
        _ code: Int, of name: String, option: String, in survey: LoadedSurvey, includesMissing: Bool = false
    ) throws -> String {
        guard let variable = survey.codebook.variable(named: name), variable.kind.isCoded else {
            throw InputError("\(option) \(code): \(name) is not a coded variable of \(survey.codebookFile)")
        }
        var codes = variable.kind == .multipleChoiceItem ? [0, 1] : variable.valueLabels.map(\.code)
        if includesMissing { codes += variable.missingCodes.filter { missing.policy.includes($0.value) }.keys }
        guard codes.contains(code) else {
            throw InputError(
                "\(option) \(code): not a category of \(name) in \(survey.codebookFile) (categories: \(codes.sorted().map(String.init).joined(separator: ", ")))"
            )
        }
        return variable.label(of: code)
    }

    /// The `--domain VARIABLE=CODE` restriction, if given.
    private func restriction() throws -> (variable: String, code: Int)? {
        guard let domain else { return nil }
        let parts = domain.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, !parts[0].isEmpty, let code = Int(parts[1]) else {
            throw InputError("--domain \(domain): give VARIABLE=CODE, e.g. sektor=1")
        }
        return (parts[0], code)
    }

    private func describe(_ restriction: (variable: String, code: Int)?, _ survey: LoadedSurvey) -> String {
        guard let restriction else { return "" }
        let label = survey.codebook.variable(named: restriction.variable)?.label(of: restriction.code) ?? ""
        return ", \(restriction.variable) = \(restriction.code) \(label)"
    }

    /// The estimate of one sample as `fornye estimate` gives it: overall, or in the restriction's domain.
    private func cell(
        _ quantity: Comparison.Quantity, in survey: LoadedSurvey, restriction: (variable: String, code: Int)?
    ) throws -> EstimateCell {
        let estimator = Estimator(
            dataset: survey.dataset, design: survey.design,
            options: EstimationOptions(missing: missing.policy, confidenceLevel: level))
        let breakdowns = restriction.map { [$0.variable] } ?? []
        let table: EstimateTable
        let wanted: Int?
        switch quantity {
        case .share(let category):
            table = try estimator.shares(of: variable, by: breakdowns)
            wanted = category
        case .mean:
            table = try estimator.means(of: variable, by: breakdowns)
            wanted = nil
        }
        let found = table.cells.first { cell in
            cell.category?.code == wanted && cell.domain.allSatisfy { $0.code == restriction?.code }
        }
        guard let found else {
            throw InputError("\(survey.loaded.source.file): no estimate of \(variable) in the group asked for")
        }
        return found
    }

    /// The comparison as printed and as JSON.
    struct Report: Encodable {
        struct Group: Encodable {
            var description: String
            var file: String?
            var domain: [String: Int]?
            var estimate = 0.0
            var se = 0.0
        }

        var synthetic: Bool
        /// "domains" or "samples".
        var mode: String
        var variable: String
        var label: String
        /// "share" or "mean".
        var quantity: String
        var category: Int?
        var categoryLabel: String?
        var first: Group
        var second: Group
        var difference: Double
        var se: Double
        var low: Double
        var high: Double
        var df: Double
        var degreesOfFreedomRule: String?
        var t: Double
        var p: Double
        var confidenceLevel: Double

        init(
            _ difference: Difference, mode: String, variable: Variable, quantity: Comparison.Quantity,
            first: Group, second: Group, synthetic: Bool, degreesOfFreedomRule: String?
        ) {
            self.synthetic = synthetic
            self.mode = mode
            self.variable = variable.name
            label = variable.label
            switch quantity {
            case .share(let code):
                self.quantity = "share"
                category = code
                categoryLabel = variable.label(of: code)
            case .mean:
                self.quantity = "mean"
            }
            self.first = first
            self.first.estimate = difference.first
            self.first.se = difference.firstStandardError
            self.second = second
            self.second.estimate = difference.second
            self.second.se = difference.secondStandardError
            self.difference = difference.estimate
            se = difference.standardError
            low = difference.lower
            high = difference.upper
            df = difference.degreesOfFreedom
            self.degreesOfFreedomRule = degreesOfFreedomRule
            t = difference.tStatistic
            p = difference.pValue
            confidenceLevel = difference.confidenceLevel
        }

        var lines: [String] {
            let isShare = quantity == "share"
            let scale = isShare ? 100.0 : 1.0
            let what =
                isShare
                ? "share of \(variable) = \(category.map(String.init) ?? "") \(categoryLabel ?? "") (%)"
                : "mean of \(variable)"
            var lines = ["Difference of the \(what) — \(label)", ""]
            let percent = Int((confidenceLevel * 100).rounded())
            var grid = [["", "group", "estimate", "SE", "CI \(percent) % low", "high", "df", "t", "p"]]
            for (name, group) in [("first", first), ("second", second)] {
                grid.append([
                    name, group.description, TextGrid.fixed(group.estimate * scale), TextGrid.fixed(group.se * scale),
                    "", "", "", "", "",
                ])
            }
            let dfText = df.isFinite && df.rounded() == df ? String(format: "%.0f", df) : TextGrid.fixed(df, 1)
            grid.append([
                "difference", "first − second", TextGrid.fixed(difference * scale), TextGrid.fixed(se * scale),
                TextGrid.fixed(low * scale), TextGrid.fixed(high * scale), dfText, TextGrid.fixed(t, 3),
                TextGrid.pValue(p),
            ])
            lines += TextGrid.align(grid)
            lines.append("")
            if mode == "samples" {
                let rule =
                    degreesOfFreedomRule == DegreesOfFreedomChoice.welch.rawValue
                    ? "Welch–Satterthwaite" : "the smaller of the two"
                lines.append("Independent samples: SE = √(SE₁² + SE₂²); df \(rule).")
            } else {
                lines.append(
                    "Domains of one design: the SE includes their covariance; df = PSUs − strata in the two domains.")
            }
            if isShare { lines.append("Shares and SEs in per cent; the difference in percentage points.") }
            return lines
        }
    }
}

/// The `--df` values of a comparison between two samples.
enum DegreesOfFreedomChoice: String, ExpressibleByArgument, CaseIterable {
    case smaller, welch

    var rule: Comparison.DegreesOfFreedomRule { self == .smaller ? .smaller : .welchSatterthwaite }
}
