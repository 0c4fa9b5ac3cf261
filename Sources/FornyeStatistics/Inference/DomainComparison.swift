extension Comparison {
    /// The difference `first − second` of a share or mean between two domains of one sample.
    ///
    /// A domain is given by codes of one or more coded variables, e.g. `["region": 3]`; a row
    /// missing on one of a domain's variables is not in that domain. Both estimates use the full design
    /// (rows outside a domain count with zero influence), and the standard error of the
    /// difference comes from the joint linearisation, so overlapping or correlated domains
    /// (same PSUs) are handled: R `svyby(~y, ~g, design, svymean, covmat = TRUE)` followed by
    /// `svycontrast`. The t interval and test use the degrees of freedom of the subset of
    /// the two domains, `degf(subset(design, g %in% c(first, second)))`, as the cells do.
    ///
    /// - Parameters:
    ///   - quantity: A share of a category or a mean.
    ///   - variable: The variable estimated.
    ///   - first: The first domain.
    ///   - second: The second domain.
    ///   - dataset: The data.
    ///   - design: The sampling design of the data.
    ///   - missing: Which missing codes are in the base of a share.
    ///   - level: Confidence level of the interval.
    public static func betweenDomains(
        _ quantity: Quantity,
        of variable: String,
        first: [String: Int],
        second: [String: Int],
        dataset: Dataset,
        design: SurveyDesign,
        missing: MissingPolicy = .substantiveOnly,
        level: Double = 0.95
    ) throws(StatisticsError) -> Difference {
        guard design.rowCount == dataset.rowCount else {
            throw .invalidDesign("the design has \(design.rowCount) rows; the dataset has \(dataset.rowCount)")
        }
        guard !first.isEmpty, !second.isEmpty else {
            throw .invalidArgument("a domain needs at least one variable and code")
        }
        let values = try analysisValues(quantity, of: variable, dataset: dataset, missing: missing)
        var domainCodes: [String: [Int?]] = [:]
        for name in Set(first.keys).union(second.keys) {
            let codes = try CodedValues(name, in: dataset, missing: missing)
            domainCodes[name] = codes.categoryOfRow.map { $0.map { codes.categories[$0] } }
        }
        let answered = values.map { !$0.isNaN }
        func classified(_ domain: [String: Int], _ row: Int) -> Bool {
            domain.keys.allSatisfy { domainCodes[$0]?[row] != nil }
        }
        func membership(_ domain: [String: Int]) -> [Bool] {
            (0..<dataset.rowCount).map { row in
                answered[row] && domain.allSatisfy { domainCodes[$0.key]?[row] == $0.value }
            }
        }
        let inFirst = membership(first)
        let inSecond = membership(second)
        // The analysed subset, as R's subset(design, !is.na(y) & !is.na(g)) before svyby.
        let inBase = (0..<dataset.rowCount).map { row in
            answered[row] && (classified(first, row) || classified(second, row))
        }

        let firstMean = try DomainMean(values, rows: inFirst, weights: design.weights, domain: first)
        let secondMean = try DomainMean(values, rows: inSecond, weights: design.weights, domain: second)
        let covariance = try design.subsetCovariance(
            of: [firstMean.influence, secondMean.influence], rows: inBase)
        let variance = covariance[0, 0] + covariance[1, 1] - 2 * covariance[0, 1]
        let union = (0..<dataset.rowCount).map { inFirst[$0] || inSecond[$0] }
        return try Difference(
            first: firstMean.estimate, firstStandardError: covariance[0, 0].squareRoot(),
            second: secondMean.estimate, secondStandardError: covariance[1, 1].squareRoot(),
            standardError: max(variance, 0).squareRoot(),
            degreesOfFreedom: Double(design.degreesOfFreedom(of: union)), level: level,
            what: "difference of \(variable) between \(first) and \(second)")
    }

    /// Two domains given by the codes of one breakdown variable.
    public static func betweenDomains(
        _ quantity: Quantity,
        of variable: String,
        domain: String,
        _ first: Int,
        _ second: Int,
        dataset: Dataset,
        design: SurveyDesign,
        missing: MissingPolicy = .substantiveOnly,
        level: Double = 0.95
    ) throws(StatisticsError) -> Difference {
        try betweenDomains(
            quantity, of: variable, first: [domain: first], second: [domain: second], dataset: dataset,
            design: design, missing: missing, level: level)
    }

    /// The value each row contributes to the mean (1/0 for a share), NaN outside the base.
    static func analysisValues(
        _ quantity: Quantity, of variable: String, dataset: Dataset, missing: MissingPolicy
    ) throws(StatisticsError) -> [Double] {
        switch quantity {
        case .share(let category):
            let values = try CodedValues(variable, in: dataset, missing: missing)
            let target = try values.position(of: category, variable: variable)
            return values.categoryOfRow.map { $0.map { $0 == target ? 1 : 0 } ?? .nan }
        case .mean:
            let kind = try dataset.variable(named: variable).kind
            guard kind == .numeric || kind == .ordinal || kind == .multipleChoiceItem else {
                throw .wrongKind(variable: variable, expected: "a numeric, ordinal or 0/1 variable", actual: kind)
            }
            return try dataset.measurements(of: variable)
        }
    }
}

/// A weighted domain mean and its influence values `w (y − ȳ) / Σw` (zero outside the domain).
private struct DomainMean {
    let estimate: Double
    let influence: [Double]

    init(_ values: [Double], rows: [Bool], weights: [Double], domain: [String: Int]) throws(StatisticsError) {
        var total = 0.0
        var weighted = 0.0
        for row in values.indices where rows[row] {
            total += weights[row]
            weighted += weights[row] * values[row]
        }
        guard total > 0 else { throw .emptyBase("domain \(domain) has no respondent with positive weight") }
        let mean = weighted / total
        estimate = mean
        influence = values.indices.map { rows[$0] ? weights[$0] * (values[$0] - mean) / total : 0 }
    }
}
