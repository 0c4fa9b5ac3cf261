extension Weighting {
    static func rake(
        _ design: SurveyDesign,
        groups: [WeightingGroups],
        options: RakingOptions
    ) throws(StatisticsError) -> (design: SurveyDesign, report: RakingReport) {
        try options.validate()
        guard !groups.isEmpty else { throw .invalidArgument("raking needs at least one margin") }
        var seen = Set<String>()
        for margin in groups where !seen.insert(margin.variable).inserted {
            throw .invalidArgument("variable \(margin.variable) is given as a margin twice")
        }
        let (margins, discrepancy) = try agreeingTotals(groups, tolerance: options.marginTotalTolerance)
        let total = margins[0].grandTotal
        let initial = design.weights
        let trimmer = options.trimming.map { WeightTrimmer(bounds: $0, initialWeights: initial) }
        try trimmer?.checkFeasible(total: total, initialWeights: initial)

        var weights = initial
        var steps: [Calibration.Margin] = []
        var iterations = 0
        var converged = false
        while iterations < options.maxIterations, !converged {
            iterations += 1
            steps.removeAll(keepingCapacity: true)
            for margin in margins {
                let before = weights
                weights = margin.scaled(weights)
                steps.append(margin.margin(before: before, after: weights))
            }
            trimmer?.trim(&weights)
            converged = maxError(of: weights, margins: margins) <= options.tolerance * total
        }

        // R keeps the margins of the last sweep for the variance; see Calibration.residualize.
        let raked = design.calibrated(to: weights, by: Calibration(.raking(steps)))
        let report = RakingReport(
            iterations: iterations,
            converged: converged,
            marginErrors: groups.map { errors(of: weights, margin: $0) },
            weightRatioRange: ratioRange(initial: initial, final: weights),
            kishDesignEffectBefore: design.kishDesignEffect,
            kishDesignEffectAfter: raked.kishDesignEffect,
            effectiveSampleSizeBefore: design.kishEffectiveSampleSize,
            effectiveSampleSizeAfter: raked.kishEffectiveSampleSize,
            trimmedCount: trimmer?.countAtBounds(weights) ?? 0,
            marginTotalDiscrepancy: discrepancy)
        return (raked, report)
    }

    /// Refuses margins whose grand totals disagree beyond the tolerance and scales the others
    /// to the first margin's total, since raking to disagreeing totals cannot converge.
    static func agreeingTotals(
        _ groups: [WeightingGroups],
        tolerance: Double
    ) throws(StatisticsError) -> (margins: [WeightingGroups], discrepancy: Double) {
        let reference = groups[0].grandTotal
        var margins = groups
        var discrepancy = 0.0
        for index in margins.indices.dropFirst() {
            let total = margins[index].grandTotal
            let relative = abs(total - reference) / reference
            guard relative <= tolerance else {
                throw .invalidArgument(
                    "population margins disagree: \(groups[0].variable) sums to \(reference), "
                        + "\(groups[index].variable) to \(total)")
            }
            discrepancy = max(discrepancy, relative)
            if total != reference {
                margins[index].populationOfGroup = margins[index].populationOfGroup.map { $0 * reference / total }
            }
        }
        return (margins, discrepancy)
    }

    private static func maxError(of weights: [Double], margins: [WeightingGroups]) -> Double {
        var largest = 0.0
        for margin in margins {
            for (sample, population) in zip(margin.sampleTotals(weights), margin.populationOfGroup) {
                largest = max(largest, abs(sample - population))
            }
        }
        return largest
    }

    private static func errors(of weights: [Double], margin: WeightingGroups) -> RakingReport.MarginError {
        var absolute = 0.0
        var relative = 0.0
        for (sample, population) in zip(margin.sampleTotals(weights), margin.populationOfGroup) {
            let error = abs(sample - population)
            absolute = max(absolute, error)
            relative = max(relative, error / population)
        }
        return RakingReport.MarginError(
            variable: margin.variable, maxAbsoluteError: absolute, maxRelativeError: relative)
    }

    private static func ratioRange(initial: [Double], final: [Double]) -> ClosedRange<Double> {
        var lowest = Double.infinity
        var highest = -Double.infinity
        for row in initial.indices where initial[row] > 0 {
            let ratio = final[row] / initial[row]
            lowest = min(lowest, ratio)
            highest = max(highest, ratio)
        }
        return lowest...highest
    }
}
