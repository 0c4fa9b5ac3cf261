import FornyeStatistics
import Testing

@testable import FornyeReport

@Suite("Comparison of two waves")
struct ComparisonTests {
    /// The 2018 wave has Bergen as 1201 and Halden as 0101; in 2020 they are 4601 (Vestland) and
    /// 3001 (Viken). Oslo and Trondheim keep their numbers.
    static let waves = Result {
        var first = try BarometerFixture(rows: 400, seed: 11).wave(title: "Bølge 2018")
        first.shortTitle = "2018"
        first.structureDate = "2018-01-01"
        var second = try BarometerFixture(rows: 400, seed: 12, municipalities: ["0301", "4601", "3001", "5001"])
            .wave(title: "Bølge 2020")
        second.shortTitle = "2020"
        second.structureDate = "2020-01-01"
        return (first, second)
    }

    @Test("municipalities of the earlier wave are carried into the later wave's counties")
    func commonCounty() throws {
        let (first, second) = try Self.waves.get()
        let common = try #require(CommonCounty.add(first: first, second: second))
        #expect(common.unmapped == 0)
        let numbers = try first.dataset.column(named: "kommunenummer")
        let counties = try common.first.codes(of: CommonCounty.variable)
        guard case .texts(let texts) = numbers else { throw StatisticsError.invalidArgument("not text") }
        let expected: [String: Int32] = ["0301": 3, "1201": 46, "0101": 30, "5001": 50]
        for (row, number) in texts.enumerated() {
            #expect(counties[row] == (number.flatMap { expected[$0] } ?? Column.systemMissing))
        }
        let later = try common.second.codes(of: CommonCounty.variable)
        #expect(Set(later.filter { $0 != Column.systemMissing }) == [3, 46, 30, 50])
        let labels = try common.first.variable(named: CommonCounty.variable).valueLabels
        #expect(labels.first { $0.code == 46 }?.label == "Vestland")
    }

    @Test("each change is the later share minus the earlier one, with the interval of independent samples")
    func changes() throws {
        let (first, second) = try Self.waves.get()
        let document = try ComparisonReport.build(first, second)
        #expect(document.synthetic)
        let hypotheses = try #require(document.figures.first { $0.title == "Hypotesene" })
        let h1 = try #require(hypotheses.csv.rows.first { $0[1] == "H1" })
        func share(_ wave: Wave) throws -> EstimateCell {
            let estimator = Estimator(
                dataset: wave.dataset, design: wave.design,
                options: EstimationOptions(missing: MissingPolicy(includeDontKnow: true, includeNotApplicable: true)))
            return try #require(try estimator.shares(of: "innovated").cells.first { $0.category?.code == 1 })
        }
        let before = try share(first)
        let after = try share(second)
        let difference = try Comparison.betweenIndependentSamples(after, before)
        #expect(abs(Double(h1[10])! - (after.estimate - before.estimate)) < 1e-12)
        #expect(abs(Double(h1[12])! - difference.lower) < 1e-12)
        #expect(abs(Double(h1[13])! - difference.upper) < 1e-12)
        let groups = Set(document.figures.map(\.title))
        for group in ["Andel som har tatt i bruk en innovasjon, etter fylke", "Resultater av den nyeste innovasjonen"] {
            #expect(groups.contains(group))
        }
        let root = try XMLNode.parse(HTMLRenderer.render(document))
        #expect(root.descendants(named: "svg").count == document.figures.count)
        #expect(root.descendants(named: "table").count == document.figures.count)
    }
}
