import Foundation
import Testing

@testable import FornyeStatistics

@Suite("Disclosure: primary suppression")
struct DisclosurePrimaryTests {
    private let primaryOnly = DisclosureRules(applyNCHSStandards: false, secondarySuppression: false)

    @Test("counts from 1 to minimum − 1 are hidden; 0 and the minimum itself are published")
    func cellCountRule() {
        let table = DisclosureTables.shares(breakdowns: [], domains: [[]], counts: [[4, 0, 5, 1, 30]])
        let published = DisclosureControl.apply(primaryOnly, to: table)
        let hidden = published.cells.map { $0.flags.contains(.suppressedPrimary) }
        #expect(hidden == [true, false, false, true, false])
        for cell in published.cells where cell.flags.contains(.suppressedPrimary) {
            #expect(cell.cellCount == -1)
            #expect(cell.estimate.isNaN && cell.standardError.isNaN && cell.lower.isNaN && cell.upper.isNaN)
            #expect(cell.designEffect == nil)
            // The domain stays published: its base is no secret.
            #expect(cell.baseCount == 40)
        }
        #expect(published.cells[1].cellCount == 0 && published.cells[1].estimate == 0)
        #expect(published.cells[2].cellCount == 5)
    }

    @Test("the threshold follows the rules")
    func thresholdIsConfigurable() {
        let table = DisclosureTables.shares(breakdowns: [], domains: [[]], counts: [[4, 2, 30]])
        var rules = primaryOnly
        rules.minimumCellCount = 3
        let published = DisclosureControl.apply(rules, to: table)
        #expect(published.cells.map(\.isSuppressed) == [false, true, false])
    }

    @Test("a domain below the minimum base is hidden whole, its base and size included")
    func baseRule() {
        let table = DisclosureTables.shares(domains: [[1], [2], [3]], counts: [[5, 4], [6, 4], [0, 0]])
        let published = DisclosureControl.apply(primaryOnly, to: table)
        for cell in published.cells where cell.domain.first?.code == 1 {
            #expect(cell.flags.contains(.suppressedPrimary))
            #expect(cell.baseCount == -1 && cell.cellCount == -1 && cell.degreesOfFreedom == -1)
            #expect(cell.weightedBase.isNaN)
        }
        // Base 10 is enough; its cell of 4 is hidden by the count rule only.
        let domainTwo = published.cells.filter { $0.domain.first?.code == 2 }
        #expect(domainTwo.map(\.isSuppressed) == [false, true])
        #expect(domainTwo.allSatisfy { $0.baseCount == 10 && $0.weightedBase == 10 * 12.37 })
        // An empty domain has nothing to hide.
        #expect(published.cells.filter { $0.domain.first?.code == 3 }.allSatisfy { !$0.isSuppressed })
    }

    @Test("multiple response: a small group of non-choosers is as revealing as a small count")
    func complementOfMultipleResponse() {
        let table = DisclosureTables.shares(
            kind: .shareOfRespondents, breakdowns: [], domains: [[]], counts: [[27, 25, 30, 0, 3]], bases: [30])
        let published = DisclosureControl.apply(primaryOnly, to: table)
        #expect(published.cells.map(\.isSuppressed) == [true, false, false, false, true])
    }

    @Test("means and totals: the count rule applies to the domain base")
    func meansUseTheBase() {
        let table = DisclosureTables.means(domains: [[1], [2], [3]], bases: [4, 9, 10])
        let published = DisclosureControl.apply(primaryOnly, to: table)
        #expect(published.cells.map(\.isSuppressed) == [true, true, false])
        #expect(published.cells[0].baseCount == -1 && published.cells[1].weightedBase.isNaN)
        #expect(published.cells[2].baseCount == 10)
    }

    @Test("rules read from a partial configuration keep their defaults")
    func decodingDefaults() throws {
        let rules = try JSONDecoder().decode(DisclosureRules.self, from: Data(#"{"minimumCellCount": 3}"#.utf8))
        #expect(rules == DisclosureRules(minimumCellCount: 3))
        #expect(rules.minimumBaseCount == 10 && rules.applyNCHSStandards && rules.secondarySuppression)
    }
}
