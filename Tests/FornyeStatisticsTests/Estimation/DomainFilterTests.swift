import Testing

@testable import FornyeStatistics

/// A filter domain (`Dataset.restricted` with the full design) must give exactly the estimates of
/// the same domain as a breakdown: same point estimate, standard error, interval and degrees of
/// freedom, for plain and calibrated designs. A filtered data frame would not (it drops strata
/// and the randomness of the domain's size).
@Suite struct DomainFilterTests {
    static let survey = try! RandomSurvey(rows: 600, seed: 7)

    static func expectSame(_ filtered: EstimateCell?, _ breakdown: EstimateCell?) {
        guard let filtered, let breakdown else {
            Issue.record("missing cell")
            return
        }
        #expect(abs(filtered.estimate - breakdown.estimate) <= 1e-12)
        #expect(abs(filtered.standardError - breakdown.standardError) <= 1e-12 * max(breakdown.standardError, 1))
        #expect(abs(filtered.lower - breakdown.lower) <= 1e-12 && abs(filtered.upper - breakdown.upper) <= 1e-12)
        #expect(filtered.degreesOfFreedom == breakdown.degreesOfFreedom)
        #expect(filtered.baseCount == breakdown.baseCount && filtered.cellCount == breakdown.cellCount)
    }

    /// The survey with one more variable, `group` (1–4 by stratum), complete on every row, to rake to.
    static func withGroup() throws -> Dataset {
        let dataset = survey.dataset
        var codebook = dataset.codebook
        codebook.variables.append(
            Variable(
                name: "group", label: "Group", kind: .singleChoice,
                valueLabels: (1...4).map { ValueLabel(code: $0, label: "G\($0)") }))
        var columns: [String: Column] = [:]
        for variable in dataset.codebook.variables { columns[variable.name] = try dataset.column(named: variable.name) }
        columns["group"] = .codes(survey.strata.map { Int32($0.dropFirst())! + 1 })
        return try Dataset(codebook: codebook, columns: columns)
    }

    @Test(arguments: [false, true])
    func filterDomainEqualsBreakdownDomain(calibrated: Bool) throws {
        let dataset = try Self.withGroup()
        var design = try Self.survey.design(clustered: true, lonelyPSU: .adjust)
        if calibrated {
            let margins = [PopulationMargin(variable: "group", totals: [1: 300, 2: 500, 3: 400, 4: 350])]
            design = try Weighting.rake(design, data: dataset, to: margins).design
            #expect(!design.calibrations.isEmpty)
        }
        let full = Estimator(dataset: dataset, design: design)
        let byRegion = try full.shares(of: "answer", by: ["region"])
        let meansByRegion = try full.means(of: "amount", by: ["region"])
        let optionsByRegion = try full.multipleResponse("options", kind: .shareOfRespondents, by: ["region"])
        for region in 1...3 {
            let filter = try DomainFilter([.init(variable: "region", codes: [region])], in: dataset)
            let domain = try dataset.restricted(to: filter.rows(in: dataset))
            let estimator = Estimator(dataset: domain, design: design)
            let shares = try estimator.shares(of: "answer")
            for code in 1...4 {
                Self.expectSame(
                    shares.cells.first { $0.category?.code == code },
                    byRegion.cells.first { $0.category?.code == code && $0.domain.first?.code == region })
            }
            Self.expectSame(
                try estimator.means(of: "amount").cells.first,
                meansByRegion.cells.first { $0.domain.first?.code == region })
            let options = try estimator.multipleResponse("options", kind: .shareOfRespondents)
            for item in ["m1", "m2", "m3"] {
                Self.expectSame(
                    options.cells.first { $0.category?.item == item },
                    optionsByRegion.cells.first { $0.category?.item == item && $0.domain.first?.code == region })
            }
        }
    }

    @Test func twoConditionsIntersect() throws {
        let dataset = Self.survey.dataset
        let filter = try DomainFilter(
            [.init(variable: "sector", codes: [2]), .init(variable: "region", codes: [1, 3])], in: dataset)
        let rows = try filter.rows(in: dataset)
        let region = try dataset.codes(of: "region")
        let sector = try dataset.codes(of: "sector")
        #expect(rows == (0..<dataset.rowCount).map { sector[$0] == 2 && (region[$0] == 1 || region[$0] == 3) })
        #expect(filter.conditions.map(\.variable) == ["region", "sector"])
        let restricted = try dataset.restricted(to: rows)
        #expect(restricted.rowCount == dataset.rowCount)
        let amount = try restricted.measurements(of: "amount")
        #expect(zip(rows, amount).allSatisfy { inDomain, value in inDomain || value.isNaN })
    }

    @Test func badConditionsAreRefused() throws {
        let dataset = Self.survey.dataset
        #expect(throws: StatisticsError.self) {
            try DomainFilter([.init(variable: "region", codes: [7])], in: dataset)
        }
        #expect(throws: StatisticsError.self) {
            try DomainFilter([.init(variable: "amount", codes: [1])], in: dataset)
        }
        #expect(throws: StatisticsError.self) {
            try DomainFilter([.init(variable: "nope", codes: [1])], in: dataset)
        }
        #expect(throws: StatisticsError.self) {
            try dataset.restricted(to: [true])
        }
    }
}
