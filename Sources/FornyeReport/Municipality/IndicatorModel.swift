import FornyeBarometer
import FornyeStatistics
import Foundation

/// One indicator of one wave: chooses per municipality between the published direct share and a
/// Fay–Herriot estimate, and reads the county and national margins.
struct IndicatorModel {
    /// The estimator's table, nothing suppressed: what the model is fitted on.
    let truth: EstimateTable
    /// The same table as published.
    let published: EstimateTable
    let municipalities: [Municipality]

    func estimates() throws -> MunicipalityWaveEstimates.IndicatorEstimates {
        let yes = 1
        func cells(_ table: EstimateTable, depth: Int) -> [[Int]: EstimateCell] {
            var result: [[Int]: EstimateCell] = [:]
            for cell in table.cells where cell.domain.count == depth && cell.category?.code == yes {
                result[cell.domain.map(\.code)] = cell
            }
            return result
        }
        let trueCells = cells(truth, depth: 2)
        let publishedCells = cells(published, depth: 2)
        let nationalCell = cells(published, depth: 0)[[]]
        let national =
            nationalCell.map(Self.direct)
            ?? AreaEstimate(
                method: .none, withheld: .noRespondents, respondents: 0, estimate: nil, standardError: nil, lower: nil,
                upper: nil)
        var counties: [String: AreaEstimate] = [:]
        for (key, cell) in cells(published, depth: 1) { counties[String(format: "%02d", key[0])] = Self.direct(cell) }
        let model = fitModel(trueCells: trueCells, nationalTruth: cells(truth, depth: 0)[[]], counties: counties)
        var result: [String: AreaEstimate] = [:]
        for municipality in municipalities {
            let key = [municipality.countyCode, Int(municipality.number) ?? 0]
            let modelled = model?.areas[municipality.number]
            guard let cell = publishedCells[key], cell.baseCount != 0 else {
                result[municipality.number] =
                    modelled.map {
                        .model(
                            .synthetic, withheld: .noRespondents, respondents: 0, estimate: $0.synthetic,
                            rootMSE: $0.syntheticRootMSE, benchmarked: $0.benchmarked)
                    } ?? Self.nothing(.noRespondents, respondents: 0)
                continue
            }
            let respondents = cell.baseCount >= 0 ? cell.baseCount : nil
            if !cell.isSuppressed, cell.estimate.isFinite {
                result[municipality.number] = Self.direct(cell)
            } else if cell.flags.contains(.suppressedPrimary) || cell.flags.contains(.suppressedSecondary) {
                // The area's own share is confidential: the model may not lean on it (an EBLUP
                // with a known weight γ would give it back), so only the regression part is shown.
                result[municipality.number] =
                    modelled.map {
                        .model(
                            .synthetic, withheld: .confidential, respondents: respondents, estimate: $0.synthetic,
                            rootMSE: $0.syntheticRootMSE, benchmarked: $0.benchmarked)
                    } ?? Self.nothing(.confidential, respondents: respondents)
            } else {
                result[municipality.number] =
                    modelled.map {
                        .model(
                            $0.shrinkage > 0 ? .fayHerriot : .synthetic, withheld: .unreliable,
                            respondents: respondents,
                            estimate: $0.eblup, rootMSE: $0.eblupRootMSE, benchmarked: $0.benchmarked)
                    } ?? Self.nothing(.unreliable, respondents: respondents)
            }
        }
        return .init(
            national: national, counties: counties, municipalities: result,
            model: model.map { .init(areas: $0.fitted, modelVariance: $0.modelVariance, method: .reml) })
    }

    static func direct(_ cell: EstimateCell) -> AreaEstimate {
        if cell.baseCount == 0 { return nothing(.noRespondents, respondents: 0) }
        let respondents = cell.baseCount >= 0 ? cell.baseCount : nil
        if cell.flags.contains(.suppressedPrimary) || cell.flags.contains(.suppressedSecondary) {
            return nothing(.confidential, respondents: respondents)
        }
        guard cell.estimate.isFinite else { return nothing(.unreliable, respondents: respondents) }
        return AreaEstimate(
            method: .direct, respondents: respondents, estimate: cell.estimate,
            standardError: cell.standardError.isFinite ? cell.standardError : nil,
            lower: cell.lower.isFinite ? cell.lower : nil, upper: cell.upper.isFinite ? cell.upper : nil)
    }

    static func nothing(_ reason: AreaEstimate.Withheld, respondents: Int?) -> AreaEstimate {
        AreaEstimate(
            method: .none, withheld: reason, respondents: respondents, estimate: nil, standardError: nil, lower: nil,
            upper: nil)
    }

    struct ModelArea {
        var eblup: Double
        var eblupRootMSE: Double
        var shrinkage: Double
        var synthetic: Double
        var syntheticRootMSE: Double
        var benchmarked: Bool
    }

    struct Model {
        var areas: [String: ModelArea]
        var fitted: Int
        var modelVariance: Double
    }

    /// Covariates per municipality: intercept, centrality class, log population (median when unknown).
    func covariates() -> [String: [Double]] {
        let populations = municipalities.compactMap(\.population).sorted()
        let median = populations.isEmpty ? 1 : Double(populations[populations.count / 2])
        var result: [String: [Double]] = [:]
        for municipality in municipalities {
            let population = municipality.population.map(Double.init) ?? median
            result[municipality.number] = [1, Double(municipality.centrality), log(max(population, 1))]
        }
        return result
    }

    /// Fits REML Fay–Herriot on every municipality with respondents; nil when it cannot be fitted
    /// (too few areas, a national share of 0 or 1).
    func fitModel(
        trueCells: [[Int]: EstimateCell], nationalTruth: EstimateCell?, counties: [String: AreaEstimate]
    ) -> Model? {
        guard let nationalTruth, nationalTruth.estimate > 0, nationalTruth.estimate < 1 else { return nil }
        let p = nationalTruth.estimate
        let deff = max(nationalTruth.designEffect ?? 1, 1)
        let x = covariates()
        var numbers: [String] = []
        var input = FayHerriot.Input(estimates: [], variances: [], covariates: [])
        for municipality in municipalities {
            let key = [municipality.countyCode, Int(municipality.number) ?? 0]
            guard let cell = trueCells[key], cell.baseCount > 0, cell.estimate.isFinite else { continue }
            numbers.append(municipality.number)
            input.estimates.append(cell.estimate)
            input.variances.append(p * (1 - p) * deff / Double(cell.baseCount))
            input.covariates.append(x[municipality.number]!)
        }
        guard numbers.count >= 8, let fit = try? FayHerriot.fit(input) else { return nil }
        var areas: [String: ModelArea] = [:]
        for (index, number) in numbers.enumerated() {
            let area = fit.areas[index]
            let synthetic = try? fit.synthetic(covariates: input.covariates[index])
            areas[number] = ModelArea(
                eblup: area.estimate, eblupRootMSE: area.rootMSE, shrinkage: area.shrinkage, synthetic: area.synthetic,
                syntheticRootMSE: synthetic?.rootMSE ?? .nan, benchmarked: false)
        }
        for municipality in municipalities where areas[municipality.number] == nil {
            guard let synthetic = try? fit.synthetic(covariates: x[municipality.number]!) else { continue }
            areas[municipality.number] = ModelArea(
                eblup: synthetic.estimate, eblupRootMSE: synthetic.rootMSE, shrinkage: 0,
                synthetic: synthetic.estimate, syntheticRootMSE: synthetic.rootMSE, benchmarked: false)
        }
        benchmark(&areas, counties: counties)
        return Model(areas: areas, fitted: numbers.count, modelVariance: fit.modelVariance)
    }

    /// Ratio-benchmarks the model estimates within each county whose direct share is published,
    /// weighting municipalities by population; the factor scales the root MSE too.
    func benchmark(_ areas: inout [String: ModelArea], counties: [String: AreaEstimate]) {
        let listed = municipalities.filter { areas[$0.number] != nil }
        var targets: [String: Double] = [:]
        for (county, estimate) in counties where estimate.method == .direct {
            if let value = estimate.estimate { targets[county] = value }
        }
        let weights = listed.map { Double($0.population ?? 1) }
        let groups = listed.map(\.countyNumber)
        guard
            let eblups = try? SmallAreaBenchmarking.ratio(
                estimates: listed.map { areas[$0.number]!.eblup }, weights: weights, groups: groups, targets: targets),
            let synthetics = try? SmallAreaBenchmarking.ratio(
                estimates: listed.map { areas[$0.number]!.synthetic }, weights: weights, groups: groups,
                targets: targets)
        else { return }
        for (index, municipality) in listed.enumerated() {
            var area = areas[municipality.number]!
            area.eblup = eblups[index].estimate
            area.eblupRootMSE *= eblups[index].factor
            area.synthetic = synthetics[index].estimate
            area.syntheticRootMSE *= synthetics[index].factor
            area.benchmarked = targets[municipality.countyNumber] != nil
            areas[municipality.number] = area
        }
    }
}
