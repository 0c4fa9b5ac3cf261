import Testing

@testable import FornyeStatistics

/// Disclosure control on tables as the estimator makes them, not hand-built ones.
@Suite("Disclosure: estimator tables")
struct DisclosureEstimatorTests {
    static let codebook = Codebook(
        title: "Disclosure (synthetic)", synthetic: true,
        variables: [
            Variable(
                name: "region", label: "Region", kind: .singleChoice,
                valueLabels: [
                    ValueLabel(code: 1, label: "Nord"), ValueLabel(code: 2, label: "Midt"),
                    ValueLabel(code: 3, label: "Sør"),
                ]),
            Variable(
                name: "answer", label: "Answer", kind: .singleChoice,
                valueLabels: [
                    ValueLabel(code: 1, label: "Ja"), ValueLabel(code: 2, label: "Nei"),
                    ValueLabel(code: 3, label: "Delvis"),
                ]),
            Variable(name: "amount", label: "Amount", kind: .numeric),
        ])

    /// Region 1: 30 respondents (3 say "Nei"), region 2: 25, region 3: 7 (below the base minimum).
    static func estimator() throws -> Estimator {
        let regions: [Int32] =
            Array(repeating: 1, count: 30) + Array(repeating: 2, count: 25) + Array(repeating: 3, count: 7)
        let answers: [Int32] =
            Array(repeating: 1, count: 17) + Array(repeating: 2, count: 3) + Array(repeating: 3, count: 10)
            + Array(repeating: 1, count: 9) + Array(repeating: 2, count: 8) + Array(repeating: 3, count: 8)
            + [1, 1, 2, 3, 3, 3, 1]
        let rows = regions.count
        let dataset = try Dataset(
            codebook: codebook,
            columns: [
                "region": .codes(regions), "answer": .codes(answers),
                "amount": .numbers((0..<rows).map { Double($0 % 7) * 1.5 + 2 }),
            ])
        let design = try SurveyDesign(rowCount: rows, weights: (0..<rows).map { 1 + Double($0 % 4) * 0.5 })
        return Estimator(dataset: dataset, design: design)
    }

    @Test("shares by region: the small domain and the small count are hidden, and no hidden count can be recomputed")
    func sharesByRegion() throws {
        let table = try Self.estimator().shares(of: "answer", by: ["region"])
        // The estimator's counts add up to the base in every domain, as the within-domain line assumes.
        for region in 1...3 {
            let cells = table.cells.filter { $0.domain.first?.code == region }
            #expect(cells.map(\.cellCount).reduce(0, +) == cells[0].baseCount)
        }
        let rules = DisclosureRules(applyNCHSStandards: false)
        let published = DisclosureControl.apply(rules, to: table)
        let region3 = published.cells.filter { $0.domain.first?.code == 3 }
        #expect(region3.allSatisfy { $0.flags.contains(.suppressedPrimary) && $0.baseCount == -1 })
        let nei = published.cells.first { $0.domain.first?.code == 1 && $0.category?.code == 2 }
        #expect(nei?.flags.contains(.suppressedPrimary) == true)
        #expect(published.cells.contains { $0.flags.contains(.suppressedSecondary) })

        let attack = RecoveryAttack(original: table, published: published, rules: rules, flags: published)
        for (index, unknown) in attack.unknowns.enumerated() where unknown.sensitive {
            #expect(attack.isRecovered(index) == false, "\(unknown.name) = \(unknown.value)")
        }
    }

    @Test("means by region: the small domain is hidden with the smallest other domain as its complement")
    func meansByRegion() throws {
        let table = try Self.estimator().means(of: "amount", by: ["region"])
        let confidentiality = DisclosureControl.apply(DisclosureRules(applyNCHSStandards: false), to: table)
        #expect(confidentiality.cells.map(\.isSuppressed) == [false, true, true])
        #expect(confidentiality.cells[1].flags == [.suppressedSecondary])

        // Region 1 has exactly the 30 respondents the reliability rule asks for.
        let full = DisclosureControl.apply(DisclosureRules(), to: table)
        #expect(!full.cells[0].isSuppressed && full.cells[0].estimate == table.cells[0].estimate)
    }
}
