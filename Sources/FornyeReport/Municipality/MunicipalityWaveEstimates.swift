import Dispatch
public import FornyeBarometer
public import FornyeStatistics
import Foundation
import Synchronization

/// One wave's profile numbers for every municipality, county and the country, in the municipal
/// structure the profiles use (`MunicipalityWaveEstimates.structure`).
///
/// Each response's kommunenummer (valid on the wave's structure date) is carried into that
/// structure by the register, so a municipality merged since the wave gets its predecessors'
/// respondents, and the predecessors are listed. A municipality split since (Tysfjord and
/// Snillfjord in 2020, Ålesund in 2024) cannot be carried; its responses count nationally only.
///
/// Per indicator, one share table by (county, municipality) with its county and national
/// margins goes through `DisclosureControl` as a whole, so primary and secondary suppression
/// protect each municipality against the county and national numbers published beside it.
/// Where a municipality's direct share is withheld, a Fay–Herriot model (fitted on the true,
/// unsuppressed shares; covariates centrality class and log population; sampling variances
/// smoothed as `p̄(1 − p̄)·deff / n`) gives its estimate, benchmarked to the county's published
/// direct share. docs/MUNICIPALITY-PROFILE.md has the reasoning.
public struct MunicipalityWaveEstimates: Sendable {
    /// The municipal structure profiles are shown in.
    public static let structure = CalendarDay.newYear(2024)

    public var slug: String
    public var title: String
    public var shortTitle: String
    public var structureDate: CalendarDay
    public var synthetic: Bool
    public var indicators: [String: IndicatorEstimates]
    /// For each municipality of `structure`, the numbers valid on `structureDate` whose area it
    /// covers (only entries that differ from the number itself).
    public var predecessors: [String: [NamedNumber]]
    /// Responses whose municipality is unknown or was split since.
    public var unmapped: Int

    public struct IndicatorEstimates: Sendable {
        public var national: AreaEstimate
        public var counties: [String: AreaEstimate]
        public var municipalities: [String: AreaEstimate]
        /// The fitted model, when one could be fitted.
        public var model: ModelSummary?
    }

    public struct ModelSummary: Sendable, Hashable {
        public var areas: Int
        public var modelVariance: Double
        public var method: FayHerriot.Method
    }

    public struct NamedNumber: Sendable, Hashable, Codable {
        public var number: String
        public var name: String
    }

    static let countyVariable = "profil_fylke"
    static let municipalityVariable = "profil_kommune"

    /// - Parameters:
    ///   - suppressed: apply the disclosure rules (the public); false for analysts.
    ///   - baseline: compute as before session 12 (one indicator after the other, the disclosure
    ///     audit's linear programme without its witness): the same numbers, slower; for
    ///     `fornye-profile-benchmark` to time side by side.
    public static func build(
        slug: String, wave: Wave, register: MunicipalityRegister, indicators: [ProfileIndicator] = ProfileIndicator.all,
        suppressed: Bool, baseline: Bool = false
    ) throws -> MunicipalityWaveEstimates {
        guard let text = wave.structureDate, let structureDate = CalendarDay(text) else {
            throw MunicipalityProfileError.noStructureDate(slug)
        }
        guard case .texts(let numbers)? = try? wave.dataset.column(named: "kommunenummer") else {
            throw MunicipalityProfileError.noMunicipality(slug)
        }
        let municipalities = try register.municipalities(on: structure)
        let byNumber = Dictionary(uniqueKeysWithValues: municipalities.map { ($0.number, $0) })
        var target: [String: String?] = [:]
        var countyCodes = [Int32](repeating: Column.systemMissing, count: numbers.count)
        var municipalityCodes = countyCodes
        var unmapped = 0
        for (row, value) in numbers.enumerated() {
            guard let value else {
                unmapped += 1
                continue
            }
            if target[value] == nil {
                let successors = try? register.successors(number: value, from: structureDate, to: structure)
                target[value] = successors?.count == 1 ? successors?[0] : String?.none
            }
            guard let number = target[value] ?? nil, let municipality = byNumber[number] else {
                unmapped += 1
                continue
            }
            countyCodes[row] = Int32(municipality.countyCode)
            municipalityCodes[row] = Int32(number) ?? Column.systemMissing
        }
        // Predecessors: every number of the wave's structure whose area is now (part of) this one.
        var named: [String: [NamedNumber]] = [:]
        for municipality in (try? register.municipalities(on: structureDate)) ?? [] {
            guard
                let successors = try? register.successors(
                    number: municipality.number, from: structureDate, to: structure), successors.count == 1
            else { continue }
            named[successors[0], default: []].append(NamedNumber(number: municipality.number, name: municipality.name))
        }
        named = named.filter { !($0.value.count == 1 && $0.value[0].number == $0.key) }
        let counties = Dictionary(grouping: municipalities, by: \.countyCode)
        var additions: [(variable: Variable, column: Column)] = [
            (
                Variable(
                    name: countyVariable, label: "Fylke", kind: .singleChoice,
                    valueLabels: counties.keys.sorted().map { ValueLabel(code: $0, label: counties[$0]![0].countyName) }
                ),
                .codes(countyCodes)
            ),
            (
                Variable(
                    name: municipalityVariable, label: "Kommune", kind: .singleChoice,
                    valueLabels: municipalities.map { ValueLabel(code: Int($0.number) ?? 0, label: $0.name) }),
                .codes(municipalityCodes)
            ),
        ]
        var present: [ProfileIndicator] = []
        for indicator in indicators where wave.dataset.codebook.variable(named: indicator.indicator.variable) != nil {
            let values = try indicator.indicator.values(in: wave.dataset)
            additions.append(
                (
                    Variable(
                        name: "profil_\(indicator.id)", label: indicator.indicator.name, kind: .singleChoice,
                        valueLabels: [ValueLabel(code: 0, label: "Nei"), ValueLabel(code: 1, label: "Ja")]),
                    .codes(values.map { $0.isNaN ? Column.systemMissing : Int32($0) })
                ))
            present.append(indicator)
        }
        let dataset = try wave.dataset.adding(additions)
        let estimator = Estimator(dataset: dataset, design: wave.design)
        // The indicators are independent: each on a core of its own (results in a fixed order).
        let computed = present
        let outcomes = Mutex<[Result<IndicatorEstimates, any Error>?]>(Array(repeating: nil, count: computed.count))
        let work: @Sendable (Int) -> Void = { index in
            let outcome = Result<IndicatorEstimates, any Error>(catching: {
                let tables = try estimator.sharesTables(
                    of: "profil_\(computed[index].id)",
                    byEach: [[], [countyVariable], [countyVariable, municipalityVariable]])
                var table = tables[0]
                table.cells = tables.flatMap(\.cells)
                table.breakdowns = [countyVariable, municipalityVariable]
                let published = suppressed ? Self.suppress(table, witness: !baseline) : table
                return try IndicatorModel(truth: table, published: published, municipalities: municipalities)
                    .estimates()
            })
            outcomes.withLock { $0[index] = outcome }
        }
        if baseline {
            for index in computed.indices { work(index) }
        } else {
            DispatchQueue.concurrentPerform(iterations: computed.count, execute: work)
        }
        var results: [String: IndicatorEstimates] = [:]
        for (indicator, outcome) in zip(computed, outcomes.withLock { $0 }) {
            // Every slot was filled by concurrentPerform, which returns when all iterations have.
            results[indicator.id] = try outcome!.get()
        }
        return MunicipalityWaveEstimates(
            slug: slug, title: wave.title, shortTitle: wave.shortTitle ?? slug, structureDate: structureDate,
            synthetic: wave.synthetic, indicators: results, predecessors: named, unmapped: unmapped)
    }
}

extension MunicipalityWaveEstimates {
    /// `DisclosureControl` on the national and county cells, and on each county's municipality
    /// cells apart. The lines are the same as for the whole table at once (a county's
    /// municipalities add up to that county only), but each audit is one county's size, not the
    /// country's.
    static func suppress(_ table: EstimateTable, witness: Bool = true) -> EstimateTable {
        var margins = table
        margins.cells = table.cells.filter { $0.domain.count < 2 }
        var cells = DisclosureControl.apply(DisclosureRules(), to: margins, witness: witness).cells
        var byCounty: [Int: [EstimateCell]] = [:]
        var order: [Int] = []
        for cell in table.cells where cell.domain.count == 2 {
            if byCounty[cell.domain[0].code] == nil { order.append(cell.domain[0].code) }
            byCounty[cell.domain[0].code, default: []].append(cell)
        }
        for county in order {
            var part = table
            part.cells = byCounty[county] ?? []
            cells += DisclosureControl.apply(DisclosureRules(), to: part, witness: witness).cells
        }
        var published = table
        published.cells = cells
        return published
    }
}

public enum MunicipalityProfileError: Error, Sendable, CustomStringConvertible {
    case noStructureDate(String)
    case noMunicipality(String)

    public var description: String {
        switch self {
        case .noStructureDate(let slug):
            "wave «\(slug)» has no structure date, so its kommunenummer cannot be placed in the register"
        case .noMunicipality(let slug):
            "wave «\(slug)» has no text variable kommunenummer, so its responses cannot be linked to municipalities"
        }
    }
}
