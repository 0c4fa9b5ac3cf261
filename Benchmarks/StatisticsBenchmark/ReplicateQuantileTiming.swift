import FornyeBarometer
import FornyeStatistics

extension StatisticsBenchmark {
    /// Quantiles with replicate weights (issue 15): the 10th, 25th, 50th, 75th and 90th percentile
    /// of a score made from the synthetic survey's first variable (its code plus a spread-out
    /// fraction, so values rarely tie), with `count` Rao–Wu bootstrap replicates of the design,
    /// by R's `interval.type = "quantile"` (each replicate's quantile) and by Woodruff's interval.
    static func replicateQuantileTimes(survey: SyntheticSurvey, design: SurveyDesign, count: Int) throws
        -> [String: Any]
    {
        let codes = try survey.dataset.codes(of: survey.variableNames[0])
        let scores = codes.indices.map { row in
            codes[row] == Column.systemMissing ? Double.nan : Double(codes[row]) + Double(row % 997) / 997
        }
        let replicates = try ReplicateWeights.bootstrap(design, replicates: count, seed: 1)
        let probabilities = [0.1, 0.25, 0.5, 0.75, 0.9]
        var report: [String: Any] = ["replicates": count, "probabilities": probabilities.count]
        for (name, interval) in [("quantile", QuantileInterval.replicateQuantiles), ("woodruff", .woodruff)] {
            let start = ContinuousClock.now
            let estimates = try Quantiles.estimate(
                probabilities, of: scores, design: design, replicates: replicates, interval: interval)
            report[name + "_seconds"] = start.duration(to: .now).seconds
            report[name + "_se_checksum"] = estimates.reduce(0) { $0 + ($1.standardError ?? 0) }
        }
        return ["replicate_quantiles": report]
    }
}
