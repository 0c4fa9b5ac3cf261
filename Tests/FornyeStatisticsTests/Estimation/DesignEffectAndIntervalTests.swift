import FornyeStatistics
import Foundation
import Testing

/// The design-effect references and svyciprop's asin and likelihood intervals against
/// `Golden/deff-ci.json` (`scripts/r/make-golden-deff-ci.R`).
@Suite("Design effect references and asin/likelihood intervals against R")
struct DesignEffectAndIntervalTests {
    struct Golden: Decodable {
        struct Cell: Decodable {
            var design: String
            var kind: String
            var region: Int?
            var category: Int?
            var estimate: Double
            var se: Double
            var deff_replace: Double
            var deff_srswor: Double
            var df: Int
            var asin: [Double]?
            var likelihood: [Double]?
            var likelihood_svyciprop: [Double]?
        }
        var cells: [Cell]
    }

    static func golden() throws -> Golden {
        try JSONDecoder().decode(Golden.self, from: GoldenResource.data(named: "deff-ci", extension: "json"))
    }

    /// The Fornye cell of a golden cell: overall or in its region.
    static func cell(_ golden: Golden.Cell, in estimator: Estimator) throws -> EstimateCell {
        let by = golden.region == nil ? [] : ["region"]
        let table =
            switch golden.kind {
            case "share": try estimator.shares(of: "innov", by: by)
            case "mean": try estimator.means(of: "score", by: by)
            default: try estimator.totals(of: "score", by: by)
            }
        return try #require(
            table.cells.first { cell in
                cell.domain.first?.code == golden.region && cell.category?.code == golden.category
            })
    }

    @Test(
        "deff = \"replace\" and deff = TRUE as R's, for shares, means and totals",
        arguments: ["stratclust", "weighted"])
    func designEffects(_ design: String) throws {
        let fixture = try GoldenFixture.shared()
        let surveyDesign = try fixture.design(named: design)
        for reference in DesignEffectReference.allCases {
            let estimator = Estimator(
                dataset: fixture.dataset, design: surveyDesign,
                options: EstimationOptions(designEffectReference: reference))
            for golden in try Self.golden().cells where golden.design == design {
                let cell = try Self.cell(golden, in: estimator)
                let label = "\(design) \(golden.kind) region \(golden.region ?? 0) category \(golden.category ?? 0)"
                expectClose(cell.estimate, golden.estimate, label + " estimate")
                expectClose(cell.standardError, golden.se, label + " SE")
                let expected = reference == .replace ? golden.deff_replace : golden.deff_srswor
                expectClose(try #require(cell.designEffect), expected, label + " deff \(reference)")
            }
        }
    }

    @Test("the reference follows the fpc unless chosen, and the table says which")
    func automaticReference() throws {
        let fixture = try GoldenFixture.shared()
        for (design, expected) in [("stratclust", DesignEffectReference.srswor), ("weighted", .replace)] {
            let estimator = Estimator(dataset: fixture.dataset, design: try fixture.design(named: design))
            let table = try estimator.shares(of: "innov")
            #expect(table.designEffectReference == expected)
            let golden = try #require(try Self.golden().cells.first { $0.design == design && $0.region == nil })
            let deff = expected == .srswor ? golden.deff_srswor : golden.deff_replace
            expectClose(try #require(table.cells.first?.designEffect), deff, "\(design) automatic deff")
        }
        // Unweighted data have Σw = n: no population beyond the sample, so no srswor design effect.
        let unweighted = Estimator(
            dataset: fixture.dataset, design: try fixture.design(named: "srs"),
            options: EstimationOptions(designEffectReference: .srswor))
        #expect(try unweighted.shares(of: "innov").cells.allSatisfy { $0.designEffect == nil })
    }

    @Test("asin and likelihood intervals as svyciprop's", arguments: ["stratclust", "weighted"])
    func intervals(_ design: String) throws {
        let fixture = try GoldenFixture.shared()
        let surveyDesign = try fixture.design(named: design)
        for method in [IntervalMethod.asin, .likelihood] {
            let estimator = Estimator(
                dataset: fixture.dataset, design: surveyDesign, options: EstimationOptions(intervalMethod: method))
            for golden in try Self.golden().cells where golden.design == design && golden.kind == "share" {
                let cell = try Self.cell(golden, in: estimator)
                let label = "\(design) \(method) region \(golden.region ?? 0) category \(golden.category ?? 0)"
                #expect(cell.degreesOfFreedom == golden.df)
                let expected = try #require(method == .asin ? golden.asin : golden.likelihood)
                expectClose(cell.lower, expected[0], relative: 1e-9, label + " lower")
                expectClose(cell.upper, expected[1], relative: 1e-9, label + " upper")
                if method == .likelihood {
                    // svyciprop's own limits come from a spline through its profile points.
                    let spline = try #require(golden.likelihood_svyciprop)
                    expectClose(cell.lower, spline[0], relative: 1e-3, label + " lower (svyciprop)")
                    expectClose(cell.upper, spline[1], relative: 1e-3, label + " upper (svyciprop)")
                }
            }
        }
    }

    @Test("asin limits stay within [0, 1] near the edges; likelihood limits bracket the share")
    func edges() throws {
        let fixture = try GoldenFixture.shared()
        let design = try fixture.design(named: "stratclust")
        for method in [IntervalMethod.asin, .likelihood] {
            let estimator = Estimator(
                dataset: fixture.dataset, design: design, options: EstimationOptions(intervalMethod: method))
            for cell in try estimator.shares(of: "likert", by: ["region", "sector"]).cells where cell.estimate > 0 {
                #expect(cell.lower >= 0 && cell.upper <= 1, "\(method) \(cell.domain) \(cell.category?.label ?? "")")
                #expect(cell.lower <= cell.estimate && cell.estimate <= cell.upper)
            }
        }
    }
}
