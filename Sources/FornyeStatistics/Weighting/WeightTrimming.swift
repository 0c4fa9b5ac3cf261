extension Weighting {
    /// Trims weights to `lower...upper`, as R's `trimWeights(design, upper, lower, strict)`: weights
    /// outside are set to the bound and the total trimmed off (or added) is shared equally among the
    /// rows inside, so the sum of the weights is kept. With `strict`, this repeats until the shares
    /// push no weight outside. The variance treats the trimmed weights as sampling weights (R keeps
    /// any earlier calibration as it was recorded). Rows with weight zero are outside the sample and
    /// stay zero (R would raise them to a positive lower bound).
    ///
    /// `RakingOptions.trimming` is the other trimming: inside raking, in proportion to the weights.
    ///
    /// - Returns: The design with trimmed weights and the number of rows that were outside the bounds.
    public static func trimWeights(
        _ design: SurveyDesign, lower: Double = -.infinity, upper: Double = .infinity, strict: Bool = false
    ) throws(StatisticsError) -> (design: SurveyDesign, trimmedCount: Int) {
        guard !lower.isNaN, !upper.isNaN, lower <= upper, upper > 0 else {
            throw .invalidArgument("trimming bounds \(lower)–\(upper): need lower ≤ upper and upper positive")
        }
        var weights = design.weights
        var everTrimmed = [Bool](repeating: false, count: weights.count)
        while true {
            var trimmings = 0.0
            var inside = 0
            var outside = [Bool](repeating: false, count: weights.count)
            for row in weights.indices where weights[row] > 0 {
                let weight = weights[row]
                if weight < lower || weight > upper {
                    outside[row] = true
                    everTrimmed[row] = true
                    let bounded = min(max(weight, lower), upper)
                    trimmings += weight - bounded
                    weights[row] = bounded
                } else {
                    inside += 1
                }
            }
            guard outside.contains(true) else { break }
            guard inside > 0 else {
                throw .invalidArgument(
                    "trimming bounds \(lower)–\(upper) leave no weight inside to take up what was trimmed")
            }
            let share = trimmings / Double(inside)
            for row in weights.indices where weights[row] > 0 && !outside[row] { weights[row] += share }
            if !strict { break }
        }
        return (design.reweighted(weights), everTrimmed.count { $0 })
    }
}
