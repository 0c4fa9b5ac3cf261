/// R's raking residuals, `for (i in 1:10) for (margin in psvar) x <- x - psw * ave(x / psw, margin)`,
/// worked out once per raked design as a linear map on the margins' groups.
///
/// Each step subtracts from x a multiple of psw_m that is constant within each group of margin m,
/// so after any number of steps x = z − Σ_m psw_m · c[group of the row in m], one coefficient per
/// margin group (q in all: tens, against thousands of rows). The steps therefore act on c alone:
/// the group means of x / psw_m are those of z / psw_m (the vector p) minus S c, where
/// S[(m, g), (m', g')] is the mean over group g of margin m of psw_m' / psw_m on its rows in group
/// g' of m'. Running R's sweeps on S for every unit vector gives the q × q map `c = L p`. A column
/// then costs a pass over its nonzero rows for p, L p, and one pass to subtract, where R's loop
/// makes two passes per margin and sweep. It is the same sequence of sweeps (not the converged
/// projection), reordered, so results agree with the row-by-row sweeps to rounding.
struct RakingProjection: Sendable {
    /// Above this many groups the q³ work of building L is not worth it; rows are swept instead.
    static let maximumGroups = 128

    let marginCount: Int
    /// Row-major `rowCount × marginCount`: each row's group in each margin, numbered across margins.
    let groupOfEntry: [Int32]
    /// psw of each row in each margin, laid out as `groupOfEntry`, and its reciprocal (0 for 0).
    let weightOfEntry: [Double]
    let inverseWeightOfEntry: [Double]
    /// 1 / rows in each group (0 for an empty group), as R's `ave` divides by the group size.
    let inverseCount: [Double]
    /// `q × q`, row-major: the coefficients c = map · p after all sweeps.
    let map: [Double]

    var groupCount: Int { inverseCount.count }

    init?(margins: [Calibration.Margin], sweeps: Int) {
        let groupCount = margins.reduce(0) { $0 + $1.groupCount }
        guard !margins.isEmpty, groupCount <= Self.maximumGroups else { return nil }
        let rowCount = margins[0].groupOfRow.count
        let marginCount = margins.count
        var offsets = [0]
        for margin in margins { offsets.append(offsets[offsets.count - 1] + margin.groupCount) }
        var groupOfEntry = [Int32](repeating: 0, count: rowCount * marginCount)
        var weightOfEntry = [Double](repeating: 0, count: rowCount * marginCount)
        var inverseWeightOfEntry = [Double](repeating: 0, count: rowCount * marginCount)
        for (index, margin) in margins.enumerated() {
            for row in 0..<rowCount {
                let entry = row * marginCount + index
                let weight = margin.weightsAfter[row]
                groupOfEntry[entry] = Int32(offsets[index]) + margin.groupOfRow[row]
                weightOfEntry[entry] = weight
                inverseWeightOfEntry[entry] = weight > 0 ? 1 / weight : 0
            }
        }
        let inverseCount = margins.flatMap(Self.inverseCounts)

        // S, from one pass over the rows.
        let q = groupCount
        var step = [Double](repeating: 0, count: q * q)
        for row in 0..<rowCount {
            let base = row * marginCount
            for a in 0..<marginCount {
                let group = Int(groupOfEntry[base + a])
                let inverse = inverseWeightOfEntry[base + a]
                for b in 0..<marginCount {
                    step[group * q + Int(groupOfEntry[base + b])] += inverse * weightOfEntry[base + b]
                }
            }
        }
        for group in 0..<q {
            for other in 0..<q { step[group * q + other] *= inverseCount[group] }
        }

        // The sweeps on the coefficients, for all unit vectors p at once: row k of `map` holds c_k
        // as a function of p. A step for margin m adds, to each of its groups k, e_k − S[k, ·] · map.
        // Groups of one margin do not overlap, so S[k, k'] = 0 for another group k' of the same
        // margin and the order within a margin does not matter.
        var map = [Double](repeating: 0, count: q * q)
        var change = [Double](repeating: 0, count: q)
        for _ in 0..<sweeps {
            for index in 0..<marginCount {
                for group in offsets[index]..<offsets[index + 1] {
                    for column in 0..<q { change[column] = 0 }
                    change[group] = 1
                    for other in 0..<q {
                        let factor = step[group * q + other]
                        if factor == 0 { continue }
                        for column in 0..<q { change[column] -= factor * map[other * q + column] }
                    }
                    for column in 0..<q { map[group * q + column] += change[column] }
                }
            }
        }

        self.marginCount = marginCount
        self.groupOfEntry = groupOfEntry
        self.weightOfEntry = weightOfEntry
        self.inverseWeightOfEntry = inverseWeightOfEntry
        self.inverseCount = inverseCount
        self.map = map
    }

    static func inverseCounts(_ margin: Calibration.Margin) -> [Double] {
        var count = [Double](repeating: 0, count: margin.groupCount)
        for group in margin.groupOfRow { count[Int(group)] += 1 }
        return count.map { $0 > 0 ? 1 / $0 : 0 }
    }

    /// Replaces `scores` (one value per row) by their residuals after R's sweeps.
    func apply(_ scores: inout [Double]) {
        let q = groupCount
        let margins = marginCount
        var means = [Double](repeating: 0, count: q)
        var coefficients = [Double](repeating: 0, count: q)
        groupOfEntry.withUnsafeBufferPointer { groups in
            scores.withUnsafeMutableBufferPointer { scores in
                // p: group means of z / psw; influence columns are mostly zero outside a domain.
                inverseWeightOfEntry.withUnsafeBufferPointer { inverseWeights in
                    for row in 0..<scores.count {
                        let value = scores[row]
                        if value == 0 { continue }
                        for margin in 0..<margins {
                            let entry = row * margins + margin
                            means[Int(groups[entry])] += value * inverseWeights[entry]
                        }
                    }
                }
                for group in 0..<q { means[group] *= inverseCount[group] }
                map.withUnsafeBufferPointer { map in
                    for group in 0..<q {
                        var sum = 0.0
                        for other in 0..<q { sum += map[group * q + other] * means[other] }
                        coefficients[group] = sum
                    }
                }
                weightOfEntry.withUnsafeBufferPointer { weights in
                    for row in 0..<scores.count {
                        var subtracted = 0.0
                        for margin in 0..<margins {
                            let entry = row * margins + margin
                            subtracted += weights[entry] * coefficients[Int(groups[entry])]
                        }
                        scores[row] -= subtracted
                    }
                }
            }
        }
    }
}
