/// Per-stratum sums of PSU totals, from which `RatioEngine` forms every variance, and the first
/// moments per domain. Indexes: stratum × domain (`h * D + d`) and stratum × cell
/// (`h * D·E + d·E + e`) for the PSU sums; domain or cell for the first moments.
struct StratumSums {
    var sumA: [Double]
    var sumAA: [Double]
    var sumAB: [Double]
    var sumB: [Double]
    var sumBB: [Double]
    /// Whether the domain has base rows in the stratum (R keeps only such strata in a subset).
    var present: [Bool]
    /// PSUs with positive-weight base rows, per stratum × domain (R's degf()).
    var positivePSUs: [Int]
    var weightedBase: [Double]
    var denominatorTotal: [Double]
    var baseCount: [Int]
    var positiveCount: [Int]
    var numeratorTotal: [Double]
    var weightedSquares: [Double]
    var cellCount: [Int]

    /// Zero sums for `domains` domains of `estimates` estimates each in `strata` strata.
    init(domains: Int, estimates: Int, strata: Int) {
        let cells = domains * estimates
        sumA = .init(repeating: 0, count: strata * cells)
        sumAA = sumA
        sumAB = sumA
        sumB = .init(repeating: 0, count: strata * domains)
        sumBB = sumB
        present = .init(repeating: false, count: strata * domains)
        positivePSUs = .init(repeating: 0, count: strata * domains)
        weightedBase = .init(repeating: 0, count: domains)
        denominatorTotal = weightedBase
        baseCount = .init(repeating: 0, count: domains)
        positiveCount = baseCount
        numeratorTotal = .init(repeating: 0, count: cells)
        weightedSquares = numeratorTotal
        cellCount = .init(repeating: 0, count: cells)
    }

    /// Every row its own PSU: a row's PSU totals are `w·y` and `w·x`, so it adds straight to the
    /// stratum sums with no per-PSU buffer. This is the common case and the fast one.
    init(rowsArePSUs problem: RatioProblem, design: SurveyDesign) {
        self.init(domains: problem.domainCount, estimates: problem.estimateCount, strata: design.stratumCount)
        let domains = problem.domainCount
        let estimates = problem.estimateCount
        let cells = domains * estimates
        let rowCount = problem.rowCount
        let setCount = problem.setCount
        let slotCount = problem.slotCount
        let weights = design.weights
        let stratumOfRow = design.stratumOfRow
        let domainOfRow = problem.domainOfRow
        let estimateOfRow = problem.estimateOfRow
        let values = problem.valueOfRow ?? []
        let hasValues = problem.valueOfRow != nil
        let denominators = problem.denominatorOfRow ?? []
        let hasDenominators = problem.denominatorOfRow != nil
        for row in 0..<rowCount {
            let weight = weights[row]
            let b = weight * (hasDenominators ? denominators[row] : 1)
            let stratum = Int(stratumOfRow[row])
            for set in 0..<setCount {
                let domain = Int(domainOfRow[set &* rowCount &+ row])
                if domain < 0 { continue }
                let position = stratum &* domains &+ domain
                weightedBase[domain] += weight
                denominatorTotal[domain] += b
                baseCount[domain] &+= 1
                sumB[position] += b
                sumBB[position] += b * b
                present[position] = true
                if weight > 0 {
                    positiveCount[domain] &+= 1
                    positivePSUs[position] &+= 1
                }
                for slot in 0..<slotCount {
                    let slotPosition = slot &* rowCount &+ row
                    let estimate = Int(estimateOfRow[slotPosition])
                    if estimate < 0 { continue }
                    let y = hasValues ? values[slotPosition] : 1
                    let a = weight * y
                    let cell = domain &* estimates &+ estimate
                    numeratorTotal[cell] += a
                    weightedSquares[cell] += a * y
                    cellCount[cell] &+= 1
                    let cellPosition = stratum &* cells &+ cell
                    sumA[cellPosition] += a
                    sumAA[cellPosition] += a * a
                    sumAB[cellPosition] += a * b
                }
            }
        }
    }

    /// Rows grouped by PSU: PSU totals are gathered in a small buffer of the cells the PSU
    /// touches, then added to the stratum sums.
    init(clustered problem: RatioProblem, design: SurveyDesign) {
        self.init(domains: problem.domainCount, estimates: problem.estimateCount, strata: design.stratumCount)
        let domains = problem.domainCount
        let estimates = problem.estimateCount
        let cells = domains * estimates
        let rowCount = problem.rowCount
        let setCount = problem.setCount
        let slotCount = problem.slotCount
        let layout = PSULayout(design: design)
        let weights = design.weights
        let stratumOfPSU = design.stratumOfPSU
        let domainOfRow = problem.domainOfRow
        let estimateOfRow = problem.estimateOfRow
        let values = problem.valueOfRow ?? []
        let hasValues = problem.valueOfRow != nil
        let denominators = problem.denominatorOfRow ?? []
        let hasDenominators = problem.denominatorOfRow != nil

        var localA = [Double](repeating: 0, count: cells)
        var localB = [Double](repeating: 0, count: domains)
        var localPositive = [Bool](repeating: false, count: domains)
        var domainTouched = localPositive
        var cellTouched = [Bool](repeating: false, count: cells)
        var touchedDomains = [Int](repeating: 0, count: domains)
        var touchedCells = [Int](repeating: 0, count: cells)

        for psu in 0..<design.psuCount {
            var touchedDomainCount = 0
            var touchedCellCount = 0
            for row in layout.rows(of: psu) {
                let weight = weights[row]
                let x = hasDenominators ? denominators[row] : 1
                for set in 0..<setCount {
                    let domain = Int(domainOfRow[set &* rowCount &+ row])
                    if domain < 0 { continue }
                    weightedBase[domain] += weight
                    denominatorTotal[domain] += weight * x
                    baseCount[domain] &+= 1
                    if weight > 0 {
                        positiveCount[domain] &+= 1
                        localPositive[domain] = true
                    }
                    if !domainTouched[domain] {
                        domainTouched[domain] = true
                        touchedDomains[touchedDomainCount] = domain
                        touchedDomainCount &+= 1
                    }
                    localB[domain] += weight * x
                    for slot in 0..<slotCount {
                        let position = slot &* rowCount &+ row
                        let estimate = Int(estimateOfRow[position])
                        if estimate < 0 { continue }
                        let y = hasValues ? values[position] : 1
                        let cell = domain &* estimates &+ estimate
                        numeratorTotal[cell] += weight * y
                        weightedSquares[cell] += weight * y * y
                        cellCount[cell] &+= 1
                        if !cellTouched[cell] {
                            cellTouched[cell] = true
                            touchedCells[touchedCellCount] = cell
                            touchedCellCount &+= 1
                        }
                        localA[cell] += weight * y
                    }
                }
            }
            let stratum = Int(stratumOfPSU[psu])
            for index in 0..<touchedCellCount {
                let cell = touchedCells[index]
                let a = localA[cell]
                let position = stratum &* cells &+ cell
                sumA[position] += a
                sumAA[position] += a * a
                sumAB[position] += a * localB[cell / estimates]
                localA[cell] = 0
                cellTouched[cell] = false
            }
            for index in 0..<touchedDomainCount {
                let domain = touchedDomains[index]
                let b = localB[domain]
                let position = stratum &* domains &+ domain
                sumB[position] += b
                sumBB[position] += b * b
                present[position] = true
                if localPositive[domain] {
                    positivePSUs[position] &+= 1
                    localPositive[domain] = false
                }
                localB[domain] = 0
                domainTouched[domain] = false
            }
        }
    }
}
