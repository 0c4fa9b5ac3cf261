extension Weighting {
    /// Nonresponse adjustment within weighting classes: each respondent's weight is multiplied by
    /// its class's weighted count of sampled units over its weighted count of respondents, so the
    /// respondents of a class stand for the whole class; nonrespondents keep their rows with
    /// weight 0 (their PSUs and strata stay in the design).
    ///
    /// This is R's `postStratify` of the design with weights `w · responded` to the classes'
    /// full-sample weighted counts, and the variance is that post-stratification's: the class
    /// counts are treated as known.
    ///
    /// - Parameters:
    ///   - classes: The weighting class of every row (any integer code).
    ///   - responded: Whether each row responded.
    /// - Throws: `.invalidValue` naming the first row of a class without a respondent with
    ///   positive weight (merge it with another class).
    public static func adjustForNonresponse(_ design: SurveyDesign, classes: [Int32], responded: [Bool])
        throws(StatisticsError) -> SurveyDesign
    {
        guard classes.count == design.rowCount, responded.count == design.rowCount else {
            throw .lengthMismatch(
                variable: "weighting class", expected: design.rowCount, actual: min(classes.count, responded.count))
        }
        var sampled: [Int: Double] = [:]
        var respondents: [Int: Double] = [:]
        var firstRow: [Int: Int] = [:]
        for row in 0..<design.rowCount {
            let code = Int(classes[row])
            guard classes[row] != Column.systemMissing else {
                throw .invalidValue(
                    variable: "weighting class", row: row + 1, message: "the class is missing; every row needs one")
            }
            sampled[code, default: 0] += design.weights[row]
            if responded[row] { respondents[code, default: 0] += design.weights[row] }
            if firstRow[code] == nil { firstRow[code] = row }
        }
        for code in sampled.keys.sorted() where sampled[code]! > 0 && (respondents[code] ?? 0) <= 0 {
            throw .invalidValue(
                variable: "weighting class", row: firstRow[code]! + 1,
                message: "weighting class \(code) has no respondent with positive weight; merge it with another class")
        }
        let responding = design.reweighted(
            zip(design.weights, responded).map { $1 ? $0 : 0 })
        // Classes whose sampled units all have weight zero add nothing and are left out.
        let margin = PopulationMargin(variable: "weighting class", totals: sampled.filter { $0.value > 0 })
        guard !margin.totals.isEmpty else { throw .invalidDesign("every weight is zero") }
        return try postStratify(responding, codes: classes, to: margin, partial: true)
    }
}
