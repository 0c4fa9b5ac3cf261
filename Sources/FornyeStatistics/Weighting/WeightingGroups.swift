/// One population margin matched against the sample: a group index for every row and the
/// population total of every group.
struct WeightingGroups: Sendable {
    let variable: String
    /// The code of each group, ascending.
    let codes: [Int]
    let groupOfRow: [Int32]
    /// Population total of each group; 0 for a group that `partial` post-stratification leaves
    /// out because the population has it but no sampled row with positive weight does.
    var populationOfGroup: [Double]

    var groupCount: Int { codes.count }
    var grandTotal: Double { populationOfGroup.reduce(0, +) }

    /// Matches a margin against the codes of its variable.
    ///
    /// - Parameters:
    ///   - rowCodes: The code of every row of the design.
    ///   - margin: The population totals.
    ///   - missingCodes: Codes that mean "missing" for this variable; a row holding one has no group.
    ///   - weights: Current weights, to find population groups the sample cannot reach.
    ///   - partial: Leave out population groups without sampled weight instead of refusing
    ///     (R's `postStratify(partial = TRUE)`).
    init(
        rowCodes: [Int32],
        margin: PopulationMargin,
        missingCodes: [Int: MissingKind] = [:],
        weights: [Double],
        partial: Bool = false
    ) throws(StatisticsError) {
        let name = margin.variable
        guard rowCodes.count == weights.count else {
            throw .lengthMismatch(variable: name, expected: weights.count, actual: rowCodes.count)
        }
        guard !margin.totals.isEmpty else {
            throw .invalidArgument("population margin \(name) has no totals")
        }
        for code in margin.totals.keys.sorted() {
            let total = margin.totals[code]!
            guard total > 0, total.isFinite else {
                throw .invalidArgument(
                    "population margin \(name): code \(code) has total \(total); population totals must be positive")
            }
        }

        var sampledCodes: [Int: Int] = [:]  // code -> first row
        for (row, raw) in rowCodes.enumerated() {
            if raw == Column.systemMissing {
                throw .invalidValue(
                    variable: name, row: row + 1, message: "the value is missing; every weighted row needs a group")
            }
            let code = Int(raw)
            if let kind = missingCodes[code] {
                throw .invalidValue(
                    variable: name, row: row + 1,
                    message: "code \(code) is a missing code (\(kind.rawValue)); every weighted row needs a group")
            }
            if sampledCodes[code] == nil { sampledCodes[code] = row }
        }
        // R: "Strata in sample absent from population".
        for (code, row) in sampledCodes.sorted(by: { $0.value < $1.value }) where margin.totals[code] == nil {
            throw .invalidValue(
                variable: name, row: row + 1,
                message: "code \(code) is in the sample but the population margin has no total for it")
        }

        let codes = sampledCodes.keys.sorted()
        var indexOfCode: [Int: Int32] = [:]
        for (index, code) in codes.enumerated() { indexOfCode[code] = Int32(index) }
        let groupOfRow = rowCodes.map { indexOfCode[Int($0)]! }
        var sampleTotal = [Double](repeating: 0, count: codes.count)
        for (row, group) in groupOfRow.enumerated() { sampleTotal[Int(group)] += weights[row] }

        // R: "Some strata absent from sample: use partial=TRUE to ignore them."
        var population = codes.map { margin.totals[$0]! }
        for code in margin.totals.keys.sorted() {
            let group = indexOfCode[code].map(Int.init)
            guard group.map({ sampleTotal[$0] == 0 }) ?? true else { continue }
            guard partial else {
                throw .invalidArgument(
                    "population margin \(name): code \(code) has population total \(margin.totals[code]!) "
                        + "but no sampled row with positive weight; the weights cannot reach it")
            }
            if let group { population[group] = 0 }
        }

        self.variable = name
        self.codes = codes
        self.groupOfRow = groupOfRow
        self.populationOfGroup = population
    }

    /// Matches a margin against a coded variable of a dataset.
    init(
        data: Dataset,
        margin: PopulationMargin,
        weights: [Double],
        partial: Bool = false
    ) throws(StatisticsError) {
        guard data.rowCount == weights.count else {
            throw .invalidArgument("the dataset has \(data.rowCount) rows; the design has \(weights.count)")
        }
        let variable = try data.variable(named: margin.variable)
        guard variable.kind.isCoded else {
            throw .wrongKind(variable: variable.name, expected: "a coded variable", actual: variable.kind)
        }
        try self.init(
            rowCodes: data.codes(of: margin.variable), margin: margin, missingCodes: variable.missingCodes,
            weights: weights, partial: partial)
    }

    /// The weighted total of each group.
    func sampleTotals(_ weights: [Double]) -> [Double] {
        var totals = [Double](repeating: 0, count: groupCount)
        for (row, group) in groupOfRow.enumerated() { totals[Int(group)] += weights[row] }
        return totals
    }

    /// Weights scaled within each group so that the group's weighted total is its population
    /// total; groups without population or without weight keep their weights.
    func scaled(_ weights: [Double]) -> [Double] {
        let totals = sampleTotals(weights)
        let factors = zip(populationOfGroup, totals).map { population, sample in
            population > 0 && sample > 0 ? population / sample : 1
        }
        return weights.enumerated().map { row, weight in weight * factors[Int(groupOfRow[row])] }
    }

    /// The calibration record of one scaling step, for the variance.
    func margin(before: [Double], after: [Double]) -> Calibration.Margin {
        Calibration.Margin(groupOfRow: groupOfRow, groupCount: groupCount, weightsBefore: before, weightsAfter: after)
    }
}
