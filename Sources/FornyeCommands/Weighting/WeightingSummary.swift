import FornyeStatistics

/// What `fornye weight` did to the weights, as printed and as JSON: for every margin the
/// population count against the weighted count before and after, and what the new weights
/// cost in precision.
struct WeightingSummary: Encodable {
    struct MarginRow: Encodable {
        var variable: String
        var code: Int
        var label: String
        /// Unweighted rows with the code.
        var n: Int
        var population: Double
        var before: Double
        var after: Double
    }

    struct MarginError: Encodable {
        var variable: String
        var maxAbsoluteError: Double
        var maxRelativeError: Double
    }

    struct WeightRange: Encodable {
        var min: Double
        var max: Double
        var sum: Double

        init(_ weights: [Double]) {
            let positive = weights.filter { $0 > 0 }
            min = positive.min() ?? 0
            max = positive.max() ?? 0
            sum = weights.reduce(0, +)
        }
    }

    var synthetic: Bool
    /// "poststratify", "rake", "calibrate" or "nonresponse".
    var method: String
    var variables: [String]
    var populationFile: String
    /// Variables of the population file that were not used.
    var unusedPopulationVariables: [String]
    /// Raking only: sweeps made, whether the margins were met, the stopping rule and trimming.
    var iterations: Int?
    var converged: Bool?
    var tolerance: Double?
    var trimRatio: [Double]?
    var trimmedCount: Int?
    var marginTotalDiscrepancy: Double?
    /// Calibration only: the distance (linear, raking, logit), the bounds on new/old weights and
    /// the trimming range applied afterwards.
    var calibrationFunction: String?
    var bounds: [Double]?
    var trimG: [Double]?
    /// Nonresponse adjustment only: the variable marking respondents.
    var respondedVariable: String?
    var margins: [MarginRow]
    var marginErrors: [MarginError]
    var kishDesignEffectBefore: Double
    var kishDesignEffectAfter: Double
    var effectiveSampleSizeBefore: Double
    var effectiveSampleSizeAfter: Double
    /// Smallest and largest final/initial weight over rows with positive initial weight.
    var weightRatioMin: Double
    var weightRatioMax: Double
    var weightsBefore: WeightRange
    var weightsAfter: WeightRange
    var output: String
    var outputCodebook: String
    var weightColumn: String

    /// The summary of a calibration from `before` to `after` on the given margins.
    init(
        method: String, margins populationMargins: [PopulationMargin], unused: [String], populationFile: String,
        dataset: Dataset, before: SurveyDesign, after: SurveyDesign, output: String, outputCodebook: String,
        weightColumn: String
    ) throws {
        synthetic = dataset.codebook.synthetic
        self.method = method
        variables = populationMargins.map(\.variable)
        self.populationFile = populationFile
        unusedPopulationVariables = unused
        var rows: [MarginRow] = []
        var errors: [MarginError] = []
        for margin in populationMargins {
            let variable = try dataset.variable(named: margin.variable)
            let codes = try dataset.codes(of: margin.variable)
            var largest = MarginError(variable: margin.variable, maxAbsoluteError: 0, maxRelativeError: 0)
            for code in margin.totals.keys.sorted() {
                let population = margin.totals[code] ?? 0
                var row = MarginRow(
                    variable: margin.variable, code: code, label: variable.label(of: code), n: 0,
                    population: population, before: 0, after: 0)
                for index in codes.indices where codes[index] == Int32(code) {
                    row.n += 1
                    row.before += before.weights[index]
                    row.after += after.weights[index]
                }
                let error = abs(row.after - population)
                largest.maxAbsoluteError = max(largest.maxAbsoluteError, error)
                largest.maxRelativeError = max(largest.maxRelativeError, error / population)
                rows.append(row)
            }
            errors.append(largest)
        }
        self.margins = rows
        marginErrors = errors
        kishDesignEffectBefore = before.kishDesignEffect
        kishDesignEffectAfter = after.kishDesignEffect
        effectiveSampleSizeBefore = before.kishEffectiveSampleSize
        effectiveSampleSizeAfter = after.kishEffectiveSampleSize
        let ratios = before.weights.indices.filter { before.weights[$0] > 0 }.map {
            after.weights[$0] / before.weights[$0]
        }
        weightRatioMin = ratios.min() ?? 1
        weightRatioMax = ratios.max() ?? 1
        weightsBefore = WeightRange(before.weights)
        weightsAfter = WeightRange(after.weights)
        self.output = output
        self.outputCodebook = outputCodebook
        self.weightColumn = weightColumn
    }

    var lines: [String] {
        var lines: [String] = []
        let list = variables.joined(separator: ", ")
        if method == "rake" {
            let formulas = variables.map { "~\($0)" }.joined(separator: ", ")
            lines.append("Raking on \(list) to the population counts in \(populationFile)")
            lines.append("(R: rake(design, list(\(formulas)), list(<population counts>)))")
            if let iterations, let converged {
                lines.append(
                    converged
                        ? "Converged after \(iterations) iteration\(iterations == 1 ? "" : "s") (tolerance \(tolerance.map { "\($0)" } ?? "?") × population total)."
                        : "NOT CONVERGED after \(iterations) iterations: the margins are met only as far as the errors below show."
                )
            }
            if let trimRatio, trimRatio.count == 2 {
                lines.append(
                    "Trimming: final/initial weight ratio kept within \(trimRatio[0])–\(trimRatio[1]); \(trimmedCount ?? 0) rows at a bound."
                )
            }
            if let discrepancy = marginTotalDiscrepancy, discrepancy > 0 {
                lines.append(
                    "The margins' grand totals differed by up to \(TextGrid.significant(discrepancy * 100)) %; they were scaled to the first margin's total."
                )
            }
        } else if method == "calibrate" {
            let formulas = variables.map { "~\($0)" }.joined(separator: ", ")
            let function = calibrationFunction ?? "linear"
            lines.append("Calibration (\(function)) on \(list) to the population counts in \(populationFile)")
            let boundsText = bounds.map { ", bounds = c(\($0[0]), \($0[1]))" } ?? ""
            let trimText = trimG.map { ", trim = c(\($0[0]), \($0[1]))" } ?? ""
            lines.append(
                "(R: calibrate(design, list(\(formulas)), list(<population counts>), calfun = \"\(function)\"\(boundsText)\(trimText)))"
            )
            if let iterations, let converged {
                lines.append(
                    converged
                        ? "Met the totals after \(iterations) iteration\(iterations == 1 ? "" : "s") (tolerance \(tolerance.map { "\($0)" } ?? "?"))."
                        : "NOT CONVERGED after \(iterations) iterations: the totals are met only as far as the errors below show."
                )
            }
            if let trimG, trimG.count == 2 {
                lines.append(
                    "Trimming: new/old weight ratios trimmed to \(trimG[0])–\(trimG[1]) afterwards; \(trimmedCount ?? 0) rows moved, so the totals are met only approximately."
                )
            }
        } else if method == "nonresponse" {
            lines.append(
                "Nonresponse adjustment within the classes of \(list): respondents (\(respondedVariable ?? "?") = 1) take up"
            )
            lines.append("their class's weighted count of all rows; the other rows get weight 0.")
            lines.append(
                "(R: postStratify(<design with weights w × \(respondedVariable ?? "responded")>, ~\(list), <class counts>))"
            )
        } else {
            lines.append("Post-stratification on \(list) to the population counts in \(populationFile)")
            lines.append("(R: postStratify(design, ~\(list), <population counts>))")
        }
        if !unusedPopulationVariables.isEmpty {
            lines.append("Not used from the population file: \(unusedPopulationVariables.joined(separator: ", ")).")
        }
        lines.append("")
        lines.append(
            method == "nonresponse"
                ? "Weighted count of all rows against the weighted count before and after adjustment:"
                : "Population count against the weighted count before and after calibration:")
        var grid = [["variable", "code", "label", "n", "population", "before", "after", "after − population"]]
        for row in margins {
            grid.append([
                row.variable, String(row.code), row.label, String(row.n), TextGrid.fixed(row.population),
                TextGrid.fixed(row.before), TextGrid.fixed(row.after), TextGrid.significant(row.after - row.population),
            ])
        }
        lines += TextGrid.align(grid).map { "  " + $0 }
        for error in marginErrors {
            lines.append(
                "  largest error of \(error.variable): \(TextGrid.significant(error.maxAbsoluteError)) (\(TextGrid.significant(error.maxRelativeError * 100)) % of its group)"
            )
        }
        lines.append("")
        let weights = [
            ["weights", "before", "after"],
            [
                "Kish design effect", TextGrid.fixed(kishDesignEffectBefore, 3),
                TextGrid.fixed(kishDesignEffectAfter, 3),
            ],
            [
                "effective sample size", TextGrid.fixed(effectiveSampleSizeBefore, 1),
                TextGrid.fixed(effectiveSampleSizeAfter, 1),
            ],
            ["sum", TextGrid.fixed(weightsBefore.sum), TextGrid.fixed(weightsAfter.sum)],
            ["smallest positive", TextGrid.significant(weightsBefore.min), TextGrid.significant(weightsAfter.min)],
            ["largest", TextGrid.significant(weightsBefore.max), TextGrid.significant(weightsAfter.max)],
        ]
        lines += TextGrid.align(weights).map { "  " + $0 }
        lines.append(
            "  final/initial weight ratio from \(TextGrid.fixed(weightRatioMin, 3)) to \(TextGrid.fixed(weightRatioMax, 3))"
        )
        lines.append("")
        lines.append("Wrote the data with the calibrated weights as variable \(weightColumn) to \(output),")
        lines.append("and their codebook to \(outputCodebook).")
        lines.append("Estimates from them with --weight \(weightColumn) reproduce these point estimates, but")
        lines.append("their SEs treat the weights as sampling weights and ignore the calibration;")
        lines.append("the SEs of --estimate here account for it.")
        return lines
    }
}
