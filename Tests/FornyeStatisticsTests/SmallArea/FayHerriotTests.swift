import Foundation
import Testing

@testable import FornyeStatistics

/// The Fay–Herriot model against samplics' `EblupAreaModel` (scripts/samplics/make-golden-fay-herriot.py).
@Suite struct FayHerriotTests {
    struct Golden: Decodable {
        struct FitResult: Decodable {
            let method: String
            let modelVariance: Double
            let beta: [Double]
            let estimates: [Double]
            let mse: [Double]
        }
        let synthetic: Bool
        let covariates: [[Double]]
        let estimates: [Double]
        let variances: [Double]
        let fits: [FitResult]

        static func load(_ name: String) throws -> Golden {
            let decoder = JSONDecoder()
            decoder.keyDecodingStrategy = .convertFromSnakeCase
            return try decoder.decode(
                Golden.self, from: GoldenResource.data(named: "smallarea/\(name)", extension: "json"))
        }
    }

    static func close(_ a: Double, _ b: Double, relative: Double = 1e-7) -> Bool {
        abs(a - b) <= relative * max(abs(b), 1e-12)
    }

    @Test(arguments: ["fay-herriot-continuous", "fay-herriot-shares"])
    func matchesSamplics(name: String) throws {
        let golden = try Golden.load(name)
        #expect(golden.synthetic)
        let input = FayHerriot.Input(
            estimates: golden.estimates, variances: golden.variances, covariates: golden.covariates)
        for expected in golden.fits {
            let method = try #require(FayHerriot.Method(rawValue: expected.method))
            let fit = try FayHerriot.fit(input, method: method)
            #expect(Self.close(fit.modelVariance, expected.modelVariance), "\(name) \(method) σ²")
            for (b, e) in zip(fit.beta, expected.beta) { #expect(Self.close(b, e), "\(name) \(method) β") }
            for (index, area) in fit.areas.enumerated() {
                #expect(Self.close(area.estimate, expected.estimates[index]), "\(name) \(method) EBLUP \(index)")
                #expect(Self.close(area.mse, expected.mse[index]), "\(name) \(method) MSE \(index)")
            }
        }
    }

    @Test func shrinksNoisyAreasTowardTheRegression() throws {
        let golden = try Golden.load("fay-herriot-shares")
        let fit = try FayHerriot.fit(
            .init(estimates: golden.estimates, variances: golden.variances, covariates: golden.covariates))
        for (index, area) in fit.areas.enumerated() {
            // The EBLUP lies between the direct and the synthetic estimate, and its MSE is below ψ.
            let low = min(golden.estimates[index], area.synthetic)
            let high = max(golden.estimates[index], area.synthetic)
            #expect(area.estimate >= low - 1e-12 && area.estimate <= high + 1e-12)
            #expect(area.mse < golden.variances[index])
        }
        let unsampled = try fit.synthetic(covariates: golden.covariates[0])
        #expect(unsampled.shrinkage == 0)
        #expect(unsampled.mse > fit.modelVariance)
    }

    @Test func refusesBadInput() {
        // Two areas, one covariate and a zero variance are fine; a mismatched row is not.
        #expect(throws: StatisticsError.self) {
            _ = try FayHerriot.fit(.init(estimates: [0.1, 0.2], variances: [0.01, 0.01], covariates: [[1], [1, 2]]))
        }
        #expect(throws: StatisticsError.self) {
            _ = try FayHerriot.fit(
                .init(estimates: [0.1, 0.2, 0.3], variances: [0.01, 0, 0.01], covariates: [[1], [1], [1]]))
        }
    }

    @Test func benchmarkingMeetsTheCountyTarget() throws {
        let adjusted = try SmallAreaBenchmarking.ratio(
            estimates: [0.5, 0.7, 0.4, 0.9], weights: [100, 300, 50, 50], groups: ["a", "a", "b", "b"],
            targets: ["a": 0.6])
        let mean = (100 * adjusted[0].estimate + 300 * adjusted[1].estimate) / 400
        #expect(abs(mean - 0.6) < 1e-12)
        #expect(adjusted[2].estimate == 0.4 && adjusted[3].factor == 1)
        #expect(throws: StatisticsError.self) {
            _ = try SmallAreaBenchmarking.ratio(estimates: [0.5], weights: [-1], groups: ["a"], targets: [:])
        }
    }
}
