import ArgumentParser
import FornyeStatistics

/// `fornye test`: the Rao–Scott test of independence of two coded variables.
struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Rao–Scott test of independence of two coded variables (R's svychisq).",
        discussion: """
            Cross-tabulates ROW by COLUMN with the sampling weights and tests whether
            they are independent, correcting Pearson's X² for the design (strata,
            clusters, weights, calibration). The result equals R's
              svychisq(~row + column, design, statistic = "F")     (--statistic F)
              svychisq(~row + column, design, statistic = "Chisq") (--statistic chisq)

            Printed:
              - the weighted table: estimated population counts, unweighted n;
              - Pearson's X² of that table rescaled to the number of rows in the data
                file (R's convention: rows missing on either variable count in n);
              - the mean design effect tr(Δ)/k of the k = (r − 1)(c − 1) interaction
                contrasts (Δ: their design-effect matrix);
              - F (default): the second-order (Satterthwaite) correction
                F = X² / tr(Δ) on ndf = tr(Δ)² / tr(Δ²) and
                ddf = ndf × (PSUs − strata of the whole design) degrees of freedom,
                both fractional. Rao and Scott, and R, recommend this one;
              - chisq: the first-order correction X² / mean design effect, referred
                to χ² on k degrees of freedom;
              - the p-value.

            Missing values: rows with system missing (empty cells) on either variable
            are left out as a domain, keeping their PSU in the design (R's
            na.rm = TRUE). "Vet ikke" and "ikke relevant" codes are missing too,
            unless --include-dont-know / --include-not-applicable make them
            categories. Categories are the codes observed with positive weight among
            the rows answering both questions; each variable needs at least two.

            Example:
              fornye test --data barometer.csv --codebook barometer.yaml \\
                --weight vekt --strata fylke innovert sektor
            """
    )

    @Option(help: "CSV data file (UTF-8; ',' or ';' delimited).") var data: String
    @Option(help: "Codebook file (JSON or YAML).") var codebook: String
    @Argument(help: "The row variable of the table (a coded variable).") var row: String
    @Argument(help: "The column variable of the table (a coded variable).") var column: String

    @OptionGroup var design: DesignOptions
    @OptionGroup var missing: MissingOptions

    @Option(help: "F (second-order Rao–Scott, R's default) or chisq (first-order, mean design effect).")
    var statistic: TestStatistic = .f
    @Option(help: "Output format: text (aligned) or json.") var format: OutputFormat = .text

    func validate() throws {
        guard row != column else { throw ValidationError("the row and column variables must differ (both are \(row))") }
    }

    func run() throws {
        print(try output())
    }

    /// Everything the command prints, so that tests can read it.
    func output() throws -> String {
        let survey = try LoadedSurvey(data: data, codebook: codebook, design: design)
        let rowVariable = try survey.codedVariable(row, option: "row variable")
        let columnVariable = try survey.codedVariable(column, option: "column variable")
        let test = try RaoScottTest.test(
            row, by: column, dataset: survey.dataset, design: survey.design, missing: missing.policy,
            statistic: statistic.statistic)
        let report = Report(test, row: rowVariable, column: columnVariable, synthetic: survey.codebook.synthetic)
        switch format {
        case .json: return try JSONText.encode(report)
        case .text: return (survey.syntheticBanner + [survey.designSummary, ""] + report.lines).joined(separator: "\n")
        }
    }

    /// The test as printed and as JSON.
    struct Report: Encodable {
        struct Category: Encodable {
            var code: Int
            var label: String
        }

        var synthetic: Bool
        var statistic: String
        var rowVariable: String
        var columnVariable: String
        var rowCategories: [Category]
        var columnCategories: [Category]
        /// `weightedCounts[r][c]`: estimated population count of the cell.
        var weightedCounts: [[Double]]
        var unweightedCounts: [[Int]]
        var pearsonChiSquared: Double
        var meanDesignEffect: Double
        /// F, or X² over the mean design effect.
        var value: Double
        var numeratorDF: Double
        var denominatorDF: Double?
        var pValue: Double

        init(_ test: RaoScottTest, row: Variable, column: Variable, synthetic: Bool) {
            let table = test.table
            self.synthetic = synthetic
            statistic = test.statistic == .f ? "F" : "chisq"
            rowVariable = row.name
            columnVariable = column.name
            rowCategories = table.rowCodes.map { Category(code: $0, label: row.label(of: $0)) }
            columnCategories = table.columnCodes.map { Category(code: $0, label: column.label(of: $0)) }
            weightedCounts = table.weightedCounts
            unweightedCounts = table.unweightedCounts
            pearsonChiSquared = test.pearsonChiSquared
            meanDesignEffect = test.meanDesignEffect
            value = test.value
            numeratorDF = test.numeratorDegreesOfFreedom
            denominatorDF = test.denominatorDegreesOfFreedom
            pValue = test.pValue
        }

        var lines: [String] {
            var lines = ["Rao–Scott test of independence: \(rowVariable) by \(columnVariable)", ""]
            lines.append("Weighted counts (estimated population), unweighted n in brackets:")
            var grid = [[rowVariable] + columnCategories.map(\.label) + ["Total"]]
            for (index, category) in rowCategories.enumerated() {
                let counts = weightedCounts[index]
                let cells = counts.indices.map { "\(TextGrid.fixed(counts[$0], 1)) (\(unweightedCounts[index][$0]))" }
                grid.append([category.label] + cells + [TextGrid.fixed(counts.reduce(0, +), 1)])
            }
            let columnTotals = columnCategories.indices.map { column in
                weightedCounts.reduce(0) { $0 + $1[column] }
            }
            grid.append(
                ["Total"] + columnTotals.map { TextGrid.fixed($0, 1) }
                    + [TextGrid.fixed(columnTotals.reduce(0, +), 1)])
            lines += TextGrid.align(grid).map { "  " + $0 }
            lines.append("")
            lines.append(
                "Pearson X² (table rescaled to the rows in the file) = \(TextGrid.significant(pearsonChiSquared))")
            lines.append("Mean design effect of the contrasts = \(TextGrid.significant(meanDesignEffect))")
            if let denominatorDF {
                lines.append(
                    "F = \(TextGrid.significant(value)), ndf = \(TextGrid.significant(numeratorDF)), ddf = \(TextGrid.significant(denominatorDF)), p = \(TextGrid.pValue(pValue))"
                )
            } else {
                lines.append(
                    "X² / mean design effect = \(TextGrid.significant(value)), df = \(TextGrid.significant(numeratorDF)), p = \(TextGrid.pValue(pValue))"
                )
            }
            return lines
        }
    }
}

/// The `--statistic` values, spelled as statisticians type them.
enum TestStatistic: String, ExpressibleByArgument, CaseIterable {
    case f = "F"
    case chisq

    init?(argument: String) {
        switch argument.lowercased() {
        case "f": self = .f
        case "chisq", "chisquared", "chi-squared": self = .chisq
        default: return nil
        }
    }

    var statistic: RaoScottTest.Statistic { self == .f ? .f : .chiSquared }
}
