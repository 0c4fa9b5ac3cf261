extension Weighting {
    /// Calibrates to population margins of coded variables with any calibration function, as R's
    /// `calibrate(design, list(~a, ~b), list(popA, popB), calfun =, bounds =)`: the columns are an
    /// indicator of every code of the first margin and of every code but the lowest of the others
    /// (the same span as R's `~a + b`). With `.raking` and no bounds the weights are `rake`'s;
    /// `.linear` is GREG on the margins; bounds and `.logit` keep every g-weight within them.
    ///
    /// - Throws: What `WeightingGroups` throws for a row without a code or a code the margin lacks;
    ///   `.invalidArgument` when the margins' grand totals disagree; what `calibrate` throws.
    public static func calibrate(
        _ design: SurveyDesign, data: Dataset, to margins: [PopulationMargin], options: CalibrationOptions = .init()
    ) throws(StatisticsError) -> (design: SurveyDesign, report: CalibrationReport) {
        guard !margins.isEmpty else { throw .invalidArgument("calibration needs at least one margin") }
        var seen = Set<String>()
        for margin in margins where !seen.insert(margin.variable).inserted {
            throw .invalidArgument("variable \(margin.variable) is given as a margin twice")
        }
        var groups: [WeightingGroups] = []
        for margin in margins {
            groups.append(try WeightingGroups(data: data, margin: margin, weights: design.weights))
        }
        let (agreeing, _) = try agreeingTotals(groups, tolerance: RakingOptions().marginTotalTolerance)
        var columns: [[Double]] = []
        var totals: [Double] = []
        for (index, margin) in agreeing.enumerated() {
            for group in (index == 0 ? 0 : 1)..<margin.groupCount {
                columns.append(margin.groupOfRow.map { $0 == Int32(group) ? 1 : 0 })
                totals.append(margin.populationOfGroup[group])
            }
        }
        return try calibrate(design, columns: columns, totals: totals, options: options)
    }
}
