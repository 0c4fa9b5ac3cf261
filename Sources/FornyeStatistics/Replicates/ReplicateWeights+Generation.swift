extension ReplicateWeights {
    /// Delete-one-PSU jackknife replicates, as R's `as.svrepdesign(type = "JK1")` without strata
    /// and `type = "JKn"` with them. JK1: dropping PSU j scales the others by n/(n − 1), scale
    /// (n − 1)/n · (1 − f). JKn: dropping PSU j of stratum h scales the other PSUs of h by
    /// n_h/(n_h − 1), rscale (n_h − 1)/n_h · (1 − f_h); degrees of freedom are the design's.
    ///
    /// - Throws: `.invalidDesign` for a calibrated design (make replicates before calibrating) or
    ///   a stratum with a single PSU.
    public static func jackknife(_ design: SurveyDesign) throws(StatisticsError) -> ReplicateWeights {
        try requireUncalibrated(design)
        var rscales: [Double] = []
        // Replicate r drops the r-th PSU (PSUs in stratum order): a row's weight is 0 in the
        // replicate of its own PSU, scaled by its stratum's factor in the others of its stratum,
        // and unchanged elsewhere.
        var replicateOfPSU = [Int](repeating: 0, count: design.psuCount)
        var firstReplicateOfStratum = [Int](repeating: 0, count: design.stratumCount + 1)
        var factorOfStratum = [Double](repeating: 1, count: design.stratumCount)
        for stratum in 0..<design.stratumCount {
            let sampled = design.psuCountOfStratum[stratum]
            guard sampled > 1 else {
                throw .invalidDesign(
                    "stratum \(design.stratumLabels[stratum]) has one PSU; the jackknife needs two or more per stratum")
            }
            factorOfStratum[stratum] = Double(sampled) / Double(sampled - 1)
            let correction = 1 - (design.populationOfStratum.map { Double(sampled) / $0[stratum] } ?? 0)
            firstReplicateOfStratum[stratum] = rscales.count
            for psu in design.stratumLayout.psus(of: stratum) {
                replicateOfPSU[Int(psu)] = rscales.count
                rscales.append((Double(sampled) - 1) / Double(sampled) * correction)
            }
        }
        let count = rscales.count
        firstReplicateOfStratum[design.stratumCount] = count
        let rows = design.rowCount
        let weightsByRow = [Double](unsafeUninitializedCapacity: rows * count) { buffer, initialized in
            for row in 0..<rows {
                let weight = design.weights[row]
                let stratum = Int(design.stratumOfRow[row])
                let scaled = weight * factorOfStratum[stratum]
                let start = row * count
                for replicate in 0..<count { buffer[start + replicate] = weight }
                for replicate in firstReplicateOfStratum[stratum]..<firstReplicateOfStratum[stratum + 1] {
                    buffer[start + replicate] = scaled
                }
                buffer[start + replicateOfPSU[Int(design.psuOfRow[row])]] = 0
            }
            initialized = rows * count
        }
        if design.isStratified {
            return try ReplicateWeights(
                method: .jkn, weightsByRow: weightsByRow, rowCount: rows, count: count, scale: 1, rscales: rscales,
                degreesOfFreedom: design.degreesOfFreedom)
        }
        // JK1 carries (n − 1)/n · (1 − f) in its scale.
        return try ReplicateWeights(
            method: .jk1, weightsByRow: weightsByRow, rowCount: rows, count: count, scale: rscales[0],
            rscales: nil, degreesOfFreedom: design.degreesOfFreedom)
    }

    /// Rao–Wu rescaling bootstrap replicates (R's `as.svrepdesign(type = "subbootstrap")`): in each
    /// stratum n_h − 1 PSUs are drawn with replacement and a PSU drawn k times gets its weights
    /// multiplied by k · n_h/(n_h − 1); scale 1/(B − 1). The draws come from `seed`, so a run can
    /// be repeated; R's own draws can be given to `init` instead.
    public static func bootstrap(_ design: SurveyDesign, replicates count: Int, seed: UInt64) throws(StatisticsError)
        -> ReplicateWeights
    {
        try requireUncalibrated(design)
        guard count >= 2 else { throw .invalidArgument("the bootstrap needs at least 2 replicates; \(count) given") }
        for stratum in 0..<design.stratumCount where design.psuCountOfStratum[stratum] < 2 {
            throw .invalidDesign(
                "stratum \(design.stratumLabels[stratum]) has one PSU; the bootstrap needs two or more per stratum")
        }
        var generator = SplitMix64(seed: seed)
        let rows = design.rowCount
        // One replicate's PSU multipliers at a time, written into every row's place for that
        // replicate: no second rows × replicates matrix.
        var multiplier = [Double](repeating: 0, count: design.psuCount)
        let weightsByRow = [Double](unsafeUninitializedCapacity: rows * count) { buffer, initialized in
            for replicate in 0..<count {
                for index in multiplier.indices { multiplier[index] = 0 }
                for stratum in 0..<design.stratumCount {
                    let psus = design.stratumLayout.psus(of: stratum)
                    let sampled = psus.count
                    let factor = Double(sampled) / Double(sampled - 1)
                    for _ in 0..<(sampled - 1) {
                        let drawn = psus[psus.startIndex + generator.index(below: sampled)]
                        multiplier[Int(drawn)] += factor
                    }
                }
                for row in 0..<rows {
                    buffer[row &* count &+ replicate] = design.weights[row] * multiplier[Int(design.psuOfRow[row])]
                }
            }
            initialized = rows * count
        }
        return try ReplicateWeights(
            method: .subbootstrap, weightsByRow: weightsByRow, rowCount: rows, count: count,
            scale: 1 / Double(count - 1), rscales: nil, degreesOfFreedom: design.degreesOfFreedom)
    }

    /// Balanced repeated replication (R's `type = "BRR"`) or Fay's variant (`type = "Fay"`,
    /// `fayRho` > 0) for a design with exactly two PSUs per stratum: half-sample r takes PSU 1 or 2
    /// of stratum h by the sign of a Sylvester Hadamard matrix, whose weights are multiplied by
    /// 2 − ρ and the other's by ρ; scale 1/(R (1 − ρ)²). R builds its Hadamard matrix otherwise
    /// when the number of strata + 1 is not a power of two; totals agree exactly either way (both
    /// sets are fully balanced), other estimates to the replicates' second order.
    public static func balancedHalfSamples(_ design: SurveyDesign, fayRho: Double = 0) throws(StatisticsError)
        -> ReplicateWeights
    {
        try requireUncalibrated(design)
        guard fayRho >= 0, fayRho < 1 else { throw .invalidArgument("Fay's rho \(fayRho) must be in [0, 1)") }
        for stratum in 0..<design.stratumCount where design.psuCountOfStratum[stratum] != 2 {
            throw .invalidDesign(
                "stratum \(design.stratumLabels[stratum]) has \(design.psuCountOfStratum[stratum]) PSUs; BRR needs exactly 2 per stratum"
            )
        }
        var order = 1
        while order < design.stratumCount + 1 { order *= 2 }
        // Sylvester: H[i, j] = (−1)^popcount(i & j); column 0 (all +) is left out.
        var multiplierOfPSU = [Double](repeating: 0, count: design.psuCount * order)
        for r in 0..<order {
            for stratum in 0..<design.stratumCount {
                let psus = design.stratumLayout.psus(of: stratum)
                let plus = (r & (stratum + 1)).nonzeroBitCount % 2 == 0
                multiplierOfPSU[Int(psus[psus.startIndex]) * order + r] = plus ? 2 - fayRho : fayRho
                multiplierOfPSU[Int(psus[psus.startIndex + 1]) * order + r] = plus ? fayRho : 2 - fayRho
            }
        }
        return try ReplicateWeights(
            method: fayRho == 0 ? .brr : .fay,
            weightsByRow: rowsWeighted(design, multiplierOfPSU: multiplierOfPSU, count: order),
            rowCount: design.rowCount, count: order,
            scale: 1 / (Double(order) * (1 - fayRho) * (1 - fayRho)), rscales: nil,
            degreesOfFreedom: design.degreesOfFreedom)
    }

    /// Every row's design weight times its PSU's multiplier in each replicate, row after row.
    private static func rowsWeighted(_ design: SurveyDesign, multiplierOfPSU: [Double], count: Int) -> [Double] {
        let rows = design.rowCount
        return [Double](unsafeUninitializedCapacity: rows * count) { buffer, initialized in
            multiplierOfPSU.withUnsafeBufferPointer { multipliers in
                for row in 0..<rows {
                    let weight = design.weights[row]
                    let from = Int(design.psuOfRow[row]) * count
                    let to = row * count
                    for replicate in 0..<count { buffer[to + replicate] = weight * multipliers[from + replicate] }
                }
            }
            initialized = rows * count
        }
    }

    private static func requireUncalibrated(_ design: SurveyDesign) throws(StatisticsError) {
        guard design.calibrations.isEmpty else {
            throw .invalidDesign(
                "make replicate weights from the design before calibration, then calibrate them with calibrated(_:by:)")
        }
    }
}

/// SplitMix64: a small seeded generator, so that bootstrap replicates can be made again.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform index in 0..<bound (rejection sampling, no modulo bias).
    mutating func index(below bound: Int) -> Int {
        let limit = UInt64(bound)
        let threshold = (0 &- limit) % limit
        while true {
            let value = next()
            if value >= threshold { return Int(value % limit) }
        }
    }
}
