import Testing

@testable import FornyeStatistics

@Suite("Disclosure: secondary suppression")
struct DisclosureSecondaryTests {
    private let confidentialityOnly = DisclosureRules(applyNCHSStandards: false)

    /// "P" primary, "S" secondary, "-" published, per cell in table order.
    private func pattern(_ table: EstimateTable) -> [String] {
        table.cells.map { cell in
            cell.flags.contains(.suppressedPrimary) ? "P" : cell.flags.contains(.suppressedSecondary) ? "S" : "-"
        }
    }

    @Test("one hidden share in a domain takes the smallest non-zero other share with it")
    func withinDomainComplement() {
        let table = DisclosureTables.shares(breakdowns: [], domains: [[]], counts: [[3, 0, 12, 7, 25]])
        let published = DisclosureControl.apply(confidentialityOnly, to: table)
        #expect(pattern(published) == ["P", "-", "-", "S", "-"])
        #expect(published.cells[3].cellCount == -1 && published.cells[3].estimate.isNaN)
        // The domain itself stays published.
        #expect(published.cells[3].baseCount == 47)
    }

    @Test("two hidden shares that cover each other need no complement")
    func twoPrimariesSuffice() {
        let table = DisclosureTables.shares(breakdowns: [], domains: [[]], counts: [[3, 4, 20, 30]])
        #expect(pattern(DisclosureControl.apply(confidentialityOnly, to: table)) == ["P", "P", "-", "-"])
    }

    @Test(
        "hidden shares pinned by what their flags reveal get a complement",
        arguments: [[1, 1, 20, 30], [4, 4, 12, 30]])
    func boundsPinPrimaries(counts: [Int]) {
        // 1 + 1 = 2 with both at least 1, or 4 + 4 = 8 with both at most 4: each is known exactly.
        let table = DisclosureTables.shares(breakdowns: [], domains: [[]], counts: [counts])
        #expect(pattern(DisclosureControl.apply(confidentialityOnly, to: table)) == ["P", "P", "S", "-"])
    }

    @Test("a category hidden in one domain is hidden in the domain where it is smallest too")
    func acrossDomains() {
        let table = DisclosureTables.shares(
            domains: [[1], [2], [3]], counts: [[3, 10, 20], [8, 9, 30], [12, 6, 40]])
        let published = DisclosureControl.apply(confidentialityOnly, to: table)
        // The rectangle D1/D2 × categories 1/2: every line through a hidden cell has two.
        #expect(pattern(published) == ["P", "S", "-", "S", "S", "-", "-", "-", "-"])
    }

    @Test("without secondary suppression only the primary cells are hidden")
    func secondaryOff() {
        let table = DisclosureTables.shares(
            domains: [[1], [2], [3]], counts: [[3, 10, 20], [8, 9, 30], [12, 6, 40]])
        var rules = confidentialityOnly
        rules.secondarySuppression = false
        #expect(pattern(DisclosureControl.apply(rules, to: table)) == ["P", "-", "-", "-", "-", "-", "-", "-", "-"])
    }

    @Test("multiple-response shares have no within-domain complement, but do have the cross-domain one")
    func multipleResponse() {
        let single = DisclosureTables.shares(
            kind: .shareOfRespondents, breakdowns: [], domains: [[]], counts: [[3, 12, 20]], bases: [30])
        #expect(pattern(DisclosureControl.apply(confidentialityOnly, to: single)) == ["P", "-", "-"])
        // The same counts as a single-choice variable would need a complement.
        let choice = DisclosureTables.shares(breakdowns: [], domains: [[]], counts: [[3, 12, 20]])
        #expect(pattern(DisclosureControl.apply(confidentialityOnly, to: choice)) == ["P", "S", "-"])

        let broken = DisclosureTables.shares(
            kind: .shareOfRespondents, domains: [[1], [2], [3]], counts: [[3, 12], [9, 14], [11, 13]],
            bases: [30, 30, 30])
        #expect(pattern(DisclosureControl.apply(confidentialityOnly, to: broken)) == ["P", "-", "S", "-", "-", "-"])
    }

    @Test("shares of all responses add up to 1 within a domain, so they get a within-domain complement")
    func sharesOfResponses() {
        let table = DisclosureTables.shares(
            kind: .shareOfResponses, breakdowns: [], domains: [[]], counts: [[3, 12, 20]], bases: [30])
        #expect(pattern(DisclosureControl.apply(confidentialityOnly, to: table)) == ["P", "S", "-"])
    }

    @Test("phase one of the simplex tells feasible from infeasible non-negative systems")
    func nonnegativeSolution() {
        // x + y = 2, x − y = 0: (1, 1).
        #expect(NonnegativeSolution.exists(matrix: [[1, 1], [1, -1]], rhs: [2, 0]))
        // x + y = 1, x − y = 3 needs y = −1.
        #expect(!NonnegativeSolution.exists(matrix: [[1, 1], [1, -1]], rhs: [1, 3]))
        // A degenerate, redundant system: x + y + z = 0 twice, and z − y = 0.
        #expect(NonnegativeSolution.exists(matrix: [[1, 1, 1], [1, 1, 1], [0, -1, 1]], rhs: [0, 0, 0]))
        // x − y = −1 and y − z = −1 and z − x = 0 contradict each other (they sum to −2 = 0).
        #expect(!NonnegativeSolution.exists(matrix: [[1, -1, 0], [0, 1, -1], [-1, 0, 1]], rhs: [-1, -1, 0]))
    }

    @Test("a domain hidden whole is matched by the smallest other domain, hidden whole")
    func wholeDomains() {
        let table = DisclosureTables.shares(domains: [[1], [2], [3]], counts: [[2, 4], [15, 25], [10, 15]])
        let published = DisclosureControl.apply(confidentialityOnly, to: table)
        #expect(pattern(published) == ["P", "P", "-", "-", "S", "S"])
        #expect(published.cells[4].baseCount == -1 && published.cells[5].weightedBase.isNaN)
        #expect(published.cells[2].baseCount == 40)
    }

    @Test("means: a hidden domain is matched by the smallest other domain")
    func meansAcrossDomains() {
        let table = DisclosureTables.means(domains: [[1], [2], [3], [4]], bases: [4, 30, 12, 50])
        let published = DisclosureControl.apply(confidentialityOnly, to: table)
        #expect(pattern(published) == ["P", "-", "S", "-"])
        #expect(published.cells[2].baseCount == -1)
    }

    @Test("a hidden cell bridging two protected blocks is found by the audit and protected")
    func bridgeNeedsTheAudit() {
        // Four domains by four categories, all counts safe except the bridge (domain 2, category 3).
        let counts = [[20, 21, 22, 23], [24, 25, 3, 26], [27, 28, 29, 30], [31, 32, 33, 34]]
        let table = DisclosureTables.shares(domains: [[1], [2], [3], [4]], counts: counts)
        var grid = SuppressionGrid(
            table: table, cellIndices: Array(table.cells.indices), dimensions: 1, rules: confidentialityOnly)
        grid.suppressPrimary(kind: .share, rules: confidentialityOnly)
        let bridge = 1 * 4 + 2
        #expect(grid.items.indices.filter { grid.items[$0].hidden } == [bridge])
        // Blocks: domains 1–2 × categories 1–2 and domains 3–4 × categories 3–4, as a line rule
        // would have left them; every line through a hidden cell then holds at least two.
        for (domain, category) in [(0, 0), (0, 1), (1, 0), (1, 1), (2, 2), (2, 3), (3, 2), (3, 3)] {
            grid.items[domain * 4 + category].hidden = true
        }
        #expect(grid.lines.allSatisfy { grid.pinnedByLine($0).isEmpty })
        #expect(grid.auditComplement() != nil)

        grid.suppressSecondary(rules: confidentialityOnly)
        #expect(grid.auditComplement() == nil)
        let hiddenCount = grid.items.filter(\.hidden).count
        #expect(hiddenCount > 9)
    }
}
