import Testing

@testable import FornyeStatistics

@Suite("Disclosure: NCHS presentation standards and the RSE rule")
struct DisclosureReliabilityTests {
    private let reliabilityOnly = DisclosureRules(secondarySuppression: false)

    /// A share with the given effective sample size (before the degrees-of-freedom adjustment).
    private func share(
        _ p: Double, effectiveSampleSize: Double, base: Int, degreesOfFreedom: Int = 1000,
        interval: (Double, Double)? = nil
    ) -> EstimateCell {
        let standardError = (p * (1 - p) / effectiveSampleSize).squareRoot()
        return EstimateCell(
            domain: [], category: Category(code: 1, label: "Ja"), baseCount: base,
            cellCount: Int((p * Double(base)).rounded()), weightedBase: Double(base) * 3.3, estimate: p,
            standardError: standardError, lower: interval?.0 ?? p - 2 * standardError,
            upper: interval?.1 ?? p + 2 * standardError, designEffect: 1.4, degreesOfFreedom: degreesOfFreedom)
    }

    private func flags(_ cell: EstimateCell, method: IntervalMethod = .logit) -> Set<CellFlag> {
        var table = DisclosureTables.table(kind: .share, breakdowns: [], cells: [cell])
        table.intervalMethod = method
        return DisclosureControl.apply(reliabilityOnly, to: table).cells[0].flags
    }

    @Test("Korn–Graubard interval agrees with R's svyciprop(method = \"beta\") when the cap does not bind")
    func kornGraubardAgreesWithR() {
        // R 4, survey 4.1.1: svyciprop(~I(stype == "H"), dclus1, method = "beta") on apiclus1,
        // and svyciprop(~I(awards == "No"), dstrat, method = "beta") on apistrat.
        let cases: [(p: Double, se: Double, n: Int, df: Int, lower: Double, upper: Double)] = [
            (0.07650273224043716, 0.026810219050770825, 183, 14, 0.029638106207170316, 0.1560225487884519),
            (0.36106393594942182, 0.034405917997268894, 200, 197, 0.29364521698554064, 0.43278129852025105),
        ]
        for item in cases {
            let interval = KornGraubard.interval(
                proportion: item.p, standardError: item.se, sampleSize: item.n, degreesOfFreedom: item.df,
                level: 0.95)
            #expect(abs(interval.lower - item.lower) < 1e-9)
            #expect(abs(interval.upper - item.upper) < 1e-9)
        }
        // subset(dclus1, stype == "E"), sch.wide == "No": R's adjusted n_eff is 147 with 144 rows;
        // NCHS caps it at the sample size, which widens R's (0.04418, 0.14023).
        let capped = KornGraubard.interval(
            proportion: 0.083333333333333329, standardError: 0.020984278952490828, sampleSize: 144,
            degreesOfFreedom: 14, level: 0.95)
        #expect(capped.effectiveSampleSize == 144)
        #expect(capped.lower < 0.044183376689848682 && capped.upper > 0.14023464126264884)
    }

    @Test("an effective sample size below 30 hides the estimate but not the counts")
    func effectiveSampleSize() {
        var table = DisclosureTables.table(
            kind: .share, breakdowns: [], cells: [share(0.5, effectiveSampleSize: 25, base: 100)])
        table = DisclosureControl.apply(reliabilityOnly, to: table)
        let cell = table.cells[0]
        #expect(cell.flags == [.unreliable, .suppressedUnreliable])
        #expect(cell.isSuppressed && cell.estimate.isNaN && cell.lower.isNaN && cell.designEffect == nil)
        #expect(cell.cellCount == 50 && cell.baseCount == 100 && cell.degreesOfFreedom == 1000)
        #expect(flags(share(0.5, effectiveSampleSize: 100, base: 100)).isEmpty)
    }

    @Test("an interval 30 points wide is suppressed even with 35 effective respondents")
    func absoluteWidth() {
        #expect(flags(share(0.5, effectiveSampleSize: 35, base: 100)) == [.unreliable, .suppressedUnreliable])
    }

    @Test("between 5 and 30 points, a relative width above 130 % is suppressed")
    func relativeWidth() {
        // 5 % of 100: the interval (1.6 %, 11.3 %) is 194 % of the estimate.
        #expect(flags(share(0.05, effectiveSampleSize: 100, base: 100)) == [.unreliable, .suppressedUnreliable])
        // 20 % of 100: (12.7 %, 29.2 %) is 82 % of it.
        #expect(flags(share(0.2, effectiveSampleSize: 100, base: 100)).isEmpty)
        // 0.3 % of 2000: (0.11 %, 0.65 %) is 180 % of it, but under 5 points wide: presented.
        #expect(flags(share(0.003, effectiveSampleSize: 2000, base: 2000)).isEmpty)
    }

    @Test("fewer than 8 degrees of freedom ask for review")
    func degreesOfFreedom() {
        #expect(
            flags(share(0.5, effectiveSampleSize: 200, base: 400, degreesOfFreedom: 5)) == [.reviewDegreesOfFreedom])
        #expect(flags(share(0.5, effectiveSampleSize: 200, base: 400, degreesOfFreedom: 8)).isEmpty)
        // Suppression wins over review.
        #expect(
            flags(share(0.5, effectiveSampleSize: 20, base: 400, degreesOfFreedom: 5))
                == [.unreliable, .suppressedUnreliable])
    }

    @Test("0 % and 100 % use the exact interval on the sample size and ask for review")
    func zeroAndOne() {
        func boundary(_ p: Double, base: Int) -> EstimateCell {
            EstimateCell(
                domain: [], category: Category(code: 1, label: "Ja"), baseCount: base, cellCount: p == 0 ? 0 : base,
                weightedBase: Double(base), estimate: p, standardError: 0, lower: p, upper: p, designEffect: nil,
                degreesOfFreedom: base - 1)
        }
        // 40 respondents: the exact upper limit for 0 of 40 is 8.8 %.
        #expect(flags(boundary(0, base: 40)) == [.reviewZeroOrOne])
        #expect(flags(boundary(1, base: 40)) == [.reviewZeroOrOne])
        // 12 respondents are too few whatever the share.
        #expect(flags(boundary(0, base: 12)) == [.unreliable, .suppressedUnreliable])
        let exact = KornGraubard.boundaryInterval(proportion: 0, sampleSize: 40, level: 0.95)
        #expect(abs(Distributions.betaCDF(exact.upper, a: 1, b: 40) - 0.975) < 1e-12)
    }

    @Test("a complement whose interval is 130 % of it gets a note")
    func complementNote() {
        // 95 % of 100: the interval is 10 % of 95 % but 194 % of the 5 % complement.
        #expect(flags(share(0.95, effectiveSampleSize: 100, base: 100)) == [.reviewWidth])
        #expect(flags(share(0.8, effectiveSampleSize: 100, base: 100)).isEmpty)
    }

    @Test("a table's own 95 % Korn–Graubard interval is the one judged")
    func ownInterval() {
        let wide = share(0.5, effectiveSampleSize: 100, base: 100, interval: (0.3, 0.65))
        #expect(flags(wide, method: .kornGraubard) == [.unreliable, .suppressedUnreliable])
        #expect(flags(wide, method: .logit).isEmpty)
    }

    @Test("means and totals: fewer than 30 respondents hide, a relative standard error above 30 % flags")
    func meansAndTotals() {
        func mean(base: Int, relativeError: Double) -> EstimateCell {
            EstimateCell(
                domain: [], category: nil, baseCount: base, cellCount: base, weightedBase: Double(base),
                estimate: 3.2, standardError: 3.2 * relativeError, lower: 2, upper: 4, designEffect: 1,
                degreesOfFreedom: base - 1)
        }
        func meanFlags(_ cell: EstimateCell) -> Set<CellFlag> {
            let table = DisclosureTables.table(kind: .mean, breakdowns: [], cells: [cell])
            return DisclosureControl.apply(reliabilityOnly, to: table).cells[0].flags
        }
        #expect(meanFlags(mean(base: 29, relativeError: 0.1)) == [.unreliable, .suppressedUnreliable])
        #expect(meanFlags(mean(base: 30, relativeError: 0.31)) == [.unreliable])
        #expect(meanFlags(mean(base: 30, relativeError: 0.29)).isEmpty)
        #expect(meanFlags(mean(base: 30, relativeError: .nan)) == [.unreliable])
    }

    @Test("switched off, no reliability flag is set; confidential cells get none either")
    func scope() {
        let cell = share(0.5, effectiveSampleSize: 25, base: 100)
        var rules = reliabilityOnly
        rules.applyNCHSStandards = false
        let table = DisclosureTables.table(kind: .share, breakdowns: [], cells: [cell])
        #expect(DisclosureControl.apply(rules, to: table).cells[0].flags.isEmpty)

        let small = DisclosureTables.shares(breakdowns: [], domains: [[]], counts: [[3, 40]])
        let published = DisclosureControl.apply(reliabilityOnly, to: small)
        #expect(published.cells[0].flags == [.suppressedPrimary])
    }
}
