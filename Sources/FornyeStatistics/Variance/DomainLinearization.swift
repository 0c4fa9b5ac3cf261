/// Linearised variances of influence columns that are zero outside a few rows (a domain), for a
/// raked design, in O(domain rows) per column instead of O(all rows).
///
/// After R's raking sweeps a column's residual is r_j = z_j − u_j with u_j = a_j · c: a_j holds
/// psw_m of row j at its group in each margin m, and c (one coefficient per margin group) follows
/// from the group means of z / psw over the nonzero rows (`RakingProjection`). Outside the domain
/// r_j = −u_j, so with the per-stratum Gram matrix G_h = Σ_{j∈h} a_j a_jᵀ and sum s_h = Σ_{j∈h} a_j
/// (both once per design):
///
///     Σ_{j∈h} r_j r'_j = Σ_{j∈h∩D} (r_j r'_j − u_j u'_j) + cᵀ G_h c'
///     Σ_{j∈h} r_j      = Σ_{j∈h∩D} z_j − s_h · c
///
/// The differences can cancel when the calibration nearly fixes an estimate (residuals small
/// against u), so every column's result is checked against the size of the terms that made it
/// and recomputed by the full path when fewer than about 11 digits could survive.
struct DomainResidualBasis: Sendable {
    let projection: RakingProjection
    let stratumOfRow: [Int32]
    let stratumCount: Int
    /// `stratumCount` blocks of `q × q`, row-major.
    let gram: [Double]
    /// `stratumCount` blocks of `q`.
    let stratumSum: [Double]

    /// Only for a design whose one calibration is raking with a projection and whose PSUs are its
    /// rows, and only when the Gram matrices are no bigger than the data.
    init?(design: SurveyDesign) {
        guard design.calibrations.count == 1, let projection = design.calibrations[0].projection,
            !design.isClustered
        else { return nil }
        let q = projection.groupCount
        let margins = projection.marginCount
        let strata = design.stratumCount
        guard strata * q * q <= max(design.rowCount * margins, 4096) else { return nil }
        var gram = [Double](repeating: 0, count: strata * q * q)
        var stratumSum = [Double](repeating: 0, count: strata * q)
        for row in 0..<design.rowCount {
            let stratum = Int(design.stratumOfRow[row])
            let base = row * margins
            for a in 0..<margins {
                let group = Int(projection.groupOfEntry[base + a])
                let weight = projection.weightOfEntry[base + a]
                stratumSum[stratum * q + group] += weight
                for b in 0..<margins {
                    gram[(stratum * q + group) * q + Int(projection.groupOfEntry[base + b])] +=
                        weight * projection.weightOfEntry[base + b]
                }
            }
        }
        self.projection = projection
        stratumOfRow = design.stratumOfRow
        stratumCount = strata
        self.gram = gram
        self.stratumSum = stratumSum
    }
}

extension Linearization {
    /// `variances(of:design:)` for columns that are zero outside `rows` (sorted, each once).
    static func variances(of scores: [[Double]], design: SurveyDesign, rows: [Int]) throws(StatisticsError)
        -> [Double]
    {
        guard let basis = design.residualBasis else { return try variances(of: scores, design: design) }
        var (values, inaccurate) = try domainPass(scores, rows: rows, design: design, basis: basis, diagonalOnly: true)
        if !inaccurate.isEmpty {
            let exact = try variances(of: inaccurate.map { scores[$0] }, design: design)
            for (index, column) in inaccurate.enumerated() { values[column] = exact[index] }
        }
        return values
    }

    /// `covariance(of:design:)` for columns that are zero outside `rows` (sorted, each once).
    static func covariance(of scores: [[Double]], design: SurveyDesign, rows: [Int]) throws(StatisticsError)
        -> Matrix
    {
        if let basis = design.residualBasis {
            let (values, inaccurate) = try domainPass(
                scores, rows: rows, design: design, basis: basis, diagonalOnly: false)
            if inaccurate.isEmpty { return Matrix(rows: scores.count, columns: scores.count, values: values) }
        }
        return try covariance(of: scores, design: design)
    }

    /// The variances (or the row-major covariance matrix) and the columns whose figure cannot be
    /// trusted to about 1e-10 relative.
    static func domainPass(
        _ scores: [[Double]], rows: [Int], design: SurveyDesign, basis: DomainResidualBasis, diagonalOnly: Bool
    ) throws(StatisticsError) -> (values: [Double], inaccurate: [Int]) {
        let k = scores.count
        // The domain's values of every column, row after row (k per row), read once from the columns.
        var values = [Double](repeating: 0, count: rows.count * k)
        values.withUnsafeMutableBufferPointer { values in
            for column in 0..<k {
                scores[column].withUnsafeBufferPointer { scores in
                    for (position, row) in rows.enumerated() { values[position * k + column] = scores[row] }
                }
            }
        }
        return try domainPass(
            values: values, columns: k, rows: rows, design: design, basis: basis, diagonalOnly: diagonalOnly)
    }

    /// `variances(of:design:rows:)` for columns given only at the domain's rows, row after row
    /// (`k` values per row, in `rows`' order), as `RatioEngine` forms them: a column over every row
    /// is made only for what must go the full way (no residual basis, or cancellation).
    static func variances(domainValues values: [Double], columns k: Int, rows: [Int], design: SurveyDesign)
        throws(StatisticsError) -> [Double]
    {
        func expanded(_ columns: [Int]) -> [[Double]] {
            columns.map { column in
                var full = [Double](repeating: 0, count: design.rowCount)
                for (position, row) in rows.enumerated() { full[row] = values[position * k + column] }
                return full
            }
        }
        guard let basis = design.residualBasis else {
            return try variances(of: expanded(Array(0..<k)), design: design)
        }
        var (result, inaccurate) = try domainPass(
            values: values, columns: k, rows: rows, design: design, basis: basis, diagonalOnly: true)
        if !inaccurate.isEmpty {
            let exact = try variances(of: expanded(inaccurate), design: design)
            for (index, column) in inaccurate.enumerated() { result[column] = exact[index] }
        }
        return result
    }

    /// `domainPass` on the domain's values, row after row (`k` per row, in `rows`' order).
    static func domainPass(
        values: [Double], columns k: Int, rows: [Int], design: SurveyDesign, basis: DomainResidualBasis,
        diagonalOnly: Bool
    ) throws(StatisticsError) -> (values: [Double], inaccurate: [Int]) {
        let projection = basis.projection
        let q = projection.groupCount
        let margins = projection.marginCount
        let strata = basis.stratumCount

        // The same strata and rules as the full path (a calibrated design keeps every stratum).
        let rules = StratumRules(design: design)
        var scale = [Double](repeating: 0, count: strata)
        var centring = [Double](repeating: 0, count: strata)
        var estimable = 0
        for stratum in 0..<strata {
            guard let rule = try rules.rule(for: stratum) else { continue }
            estimable += 1
            scale[stratum] = rule.scale
            centring[stratum] = rule.centred && rule.scale != 0 ? rule.scale / rule.psuCount : 0
        }
        let inflation = RatioEngine.averageRuleInflation(present: strata, estimable: estimable)

        // G* = Σ_h scale_h G_h.
        var scaledGram = [Double](repeating: 0, count: q * q)
        for stratum in 0..<strata where scale[stratum] != 0 {
            let factor = scale[stratum]
            let offset = stratum * q * q
            for index in 0..<(q * q) { scaledGram[index] += factor * basis.gram[offset + index] }
        }

        // Coefficients c of each column, from its nonzero rows, as `RakingProjection.apply` forms them.
        var coefficients = [Double](repeating: 0, count: k * q)
        var means = [Double](repeating: 0, count: q)
        // The domain's rows: residual cross-products minus those of u, and the sums per stratum.
        var total = [Double](repeating: 0, count: diagonalOnly ? k : k * k)
        var magnitude = [Double](repeating: 0, count: k)
        var zSum = [Double](repeating: 0, count: strata * k)
        var zAbsolute = [Double](repeating: 0, count: strata * k)
        projection.groupOfEntry.withUnsafeBufferPointer { groups in
            projection.weightOfEntry.withUnsafeBufferPointer { weights in
                projection.inverseWeightOfEntry.withUnsafeBufferPointer { inverseWeights in
                    values.withUnsafeBufferPointer { values in
                        coefficients.withUnsafeMutableBufferPointer { coefficients in
                            means.withUnsafeMutableBufferPointer { means in
                                for column in 0..<k {
                                    for group in 0..<q { means[group] = 0 }
                                    for (position, row) in rows.enumerated() {
                                        let value = values[position * k + column]
                                        if value == 0 { continue }
                                        for margin in 0..<margins {
                                            let entry = row * margins + margin
                                            means[Int(groups[entry])] += value * inverseWeights[entry]
                                        }
                                    }
                                    for group in 0..<q { means[group] *= projection.inverseCount[group] }
                                    projection.map.withUnsafeBufferPointer { map in
                                        for group in 0..<q {
                                            var sum = 0.0
                                            for other in 0..<q { sum += map[group * q + other] * means[other] }
                                            coefficients[column * q + group] = sum
                                        }
                                    }
                                }
                            }

                            // Buffers, not arrays, in the loop over the domain's rows: no
                            // uniqueness or bounds checks per cell (the same sums in the same order).
                            total.withUnsafeMutableBufferPointer { total in
                                magnitude.withUnsafeMutableBufferPointer { magnitude in
                                    zSum.withUnsafeMutableBufferPointer { zSum in
                                        zAbsolute.withUnsafeMutableBufferPointer { zAbsolute in
                                            Self.accumulate(
                                                rows: rows, k: k, q: q, margins: margins, diagonalOnly: diagonalOnly,
                                                stratumOfRow: basis.stratumOfRow, scale: scale, groups: groups,
                                                weights: weights, values: values,
                                                coefficients: UnsafeBufferPointer(coefficients),
                                                total: total, magnitude: magnitude, zSum: zSum, zAbsolute: zAbsolute)
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }

        // Centring within strata: Σ_h scale_h / n_h · S_a S_b with S = Σ_D z − s_h · c.
        var stratumTotal = [Double](repeating: 0, count: k)
        for stratum in 0..<strata where centring[stratum] != 0 {
            let sums = basis.stratumSum[(stratum * q)..<(stratum * q + q)]
            for column in 0..<k {
                var fittedSum = 0.0
                var fittedAbsolute = 0.0
                for (group, sum) in zip(0..<q, sums) where sum != 0 {
                    fittedSum += sum * coefficients[column * q + group]
                    fittedAbsolute += sum * abs(coefficients[column * q + group])
                }
                stratumTotal[column] = zSum[stratum * k + column] - fittedSum
                let bound = zAbsolute[stratum * k + column] + fittedAbsolute
                magnitude[column] += centring[stratum] * bound * bound
            }
            if diagonalOnly {
                for column in 0..<k { total[column] -= centring[stratum] * stratumTotal[column] * stratumTotal[column] }
            } else {
                for a in 0..<k {
                    for b in a..<k { total[a * k + b] -= centring[stratum] * stratumTotal[a] * stratumTotal[b] }
                }
            }
        }

        // The rows outside the domain through the Gram matrix: cᵀ G* c'.
        var product = [Double](repeating: 0, count: k * q)
        var absoluteProduct = [Double](repeating: 0, count: q)
        for column in 0..<k {
            for group in 0..<q {
                var sum = 0.0
                var absolute = 0.0
                for other in 0..<q {
                    let entry = scaledGram[group * q + other]
                    sum += entry * coefficients[column * q + other]
                    absolute += entry * abs(coefficients[column * q + other])
                }
                product[column * q + group] = sum
                absoluteProduct[group] = absolute
            }
            for group in 0..<q { magnitude[column] += abs(coefficients[column * q + group]) * absoluteProduct[group] }
        }
        func quadratic(_ a: Int, _ b: Int) -> Double {
            var sum = 0.0
            for group in 0..<q { sum += coefficients[a * q + group] * product[b * q + group] }
            return sum
        }
        if diagonalOnly {
            for column in 0..<k { total[column] = (total[column] + quadratic(column, column)) * inflation }
        } else {
            for a in 0..<k {
                for b in a..<k {
                    total[a * k + b] = (total[a * k + b] + quadratic(a, b)) * inflation
                    total[b * k + a] = total[a * k + b]
                }
            }
        }

        // Rounding error grows with the terms summed (magnitude), not with the result.
        var inaccurate: [Int] = []
        for column in 0..<k {
            let variance = diagonalOnly ? total[column] : total[column * k + column]
            if !variance.isFinite || variance < Self.cancellationLimit * magnitude[column] * inflation {
                inaccurate.append(column)
            }
        }
        return (total, inaccurate)
    }

    /// The domain's rows' part of `domainPass`: per row its fitted values u and residuals z − u,
    /// summed into the cross-products (or squares), the magnitudes and the per-stratum sums.
    private static func accumulate(
        rows: [Int], k: Int, q: Int, margins: Int, diagonalOnly: Bool, stratumOfRow: [Int32], scale: [Double],
        groups: UnsafeBufferPointer<Int32>, weights: UnsafeBufferPointer<Double>, values: UnsafeBufferPointer<Double>,
        coefficients: UnsafeBufferPointer<Double>, total: UnsafeMutableBufferPointer<Double>,
        magnitude: UnsafeMutableBufferPointer<Double>, zSum: UnsafeMutableBufferPointer<Double>,
        zAbsolute: UnsafeMutableBufferPointer<Double>
    ) {
        let residual = UnsafeMutableBufferPointer<Double>.allocate(capacity: k)
        let fitted = UnsafeMutableBufferPointer<Double>.allocate(capacity: k)
        residual.initialize(repeating: 0)
        fitted.initialize(repeating: 0)
        defer {
            residual.deallocate()
            fitted.deallocate()
        }
        stratumOfRow.withUnsafeBufferPointer { stratumOfRow in
            scale.withUnsafeBufferPointer { scale in
                for (position, row) in rows.enumerated() {
                    let stratum = Int(stratumOfRow[row])
                    let factor = scale[stratum]
                    if factor == 0 { continue }
                    let base = row * margins
                    for column in 0..<k {
                        let z = values[position * k + column]
                        var u = 0.0
                        for margin in 0..<margins {
                            u += weights[base + margin] * coefficients[column * q + Int(groups[base + margin])]
                        }
                        fitted[column] = u
                        residual[column] = z - u
                        zSum[stratum * k + column] += z
                        zAbsolute[stratum * k + column] += abs(z)
                        magnitude[column] += factor * (residual[column] * residual[column] + u * u)
                    }
                    if diagonalOnly {
                        for column in 0..<k {
                            total[column] +=
                                factor * (residual[column] * residual[column] - fitted[column] * fitted[column])
                        }
                    } else {
                        for a in 0..<k {
                            let (ra, fa) = (residual[a], fitted[a])
                            for b in a..<k { total[a * k + b] += factor * (ra * residual[b] - fa * fitted[b]) }
                        }
                    }
                }
            }
        }
    }

    /// Results below this fraction of the terms they came from go the full way.
    static let cancellationLimit = 1e-5
}
