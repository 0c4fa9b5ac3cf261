public import FornyeBarometer
import Foundation

/// "Municipalities like us": whom a profile is compared with, as the reader chooses.
public enum PeerGroup: Sendable, Hashable {
    case centrality
    case sizeClass
    case county
    /// The `count` municipalities nearest on the chosen features (standardised, Euclidean).
    case nearest([PeerFeature], count: Int)

    public static let nearestCount = 10

    /// The query value (`sentralitet`, `storrelse`, `fylke`, `naermeste`).
    public var key: String {
        switch self {
        case .centrality: "sentralitet"
        case .sizeClass: "storrelse"
        case .county: "fylke"
        case .nearest: "naermeste"
        }
    }

    /// Other municipalities of the group (never the municipality itself), in register order.
    /// `baseline` gives each municipality's value of the baseline feature (H1 in the first wave).
    public func members(
        of municipality: Municipality, among all: [Municipality], baseline: [String: Double] = [:]
    ) -> [Municipality] {
        let others = all.filter { $0.number != municipality.number }
        switch self {
        case .centrality: return others.filter { $0.centrality == municipality.centrality }
        case .sizeClass: return others.filter { $0.populationSizeClass == municipality.populationSizeClass }
        case .county: return others.filter { $0.countyNumber == municipality.countyNumber }
        case .nearest(let features, let count):
            let chosen = features.isEmpty ? [PeerFeature.population, .centrality] : features
            let scales = chosen.map { feature -> (mean: Double, sd: Double) in
                let values = all.compactMap { feature.value(of: $0, baseline: baseline) }
                let mean = values.reduce(0, +) / Double(max(values.count, 1))
                let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(max(values.count - 1, 1))
                return (mean, variance > 0 ? variance.squareRoot() : 1)
            }
            func point(_ m: Municipality) -> [Double]? {
                var result: [Double] = []
                for (index, feature) in chosen.enumerated() {
                    guard let value = feature.value(of: m, baseline: baseline) else { return nil }
                    result.append((value - scales[index].mean) / scales[index].sd)
                }
                return result
            }
            guard let origin = point(municipality) else { return [] }
            let ranked = others.compactMap { other -> (Municipality, Double)? in
                guard let p = point(other) else { return nil }
                return (other, zip(p, origin).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) })
            }
            .sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0.number < $1.0.number }
            return ranked.prefix(count).map(\.0)
        }
    }

    /// Reads `gruppe=` and `trekk=` (repeatable) from a query; unknown values are errors the caller reports.
    public static func parse(group: String?, features: [String]) -> PeerGroup? {
        switch group ?? "fylke" {
        case "sentralitet": return .centrality
        case "storrelse": return .sizeClass
        case "fylke": return .county
        case "naermeste":
            var chosen: [PeerFeature] = []
            for name in features {
                guard let feature = PeerFeature(rawValue: name) else { return nil }
                if !chosen.contains(feature) { chosen.append(feature) }
            }
            return .nearest(chosen, count: nearestCount)
        default: return nil
        }
    }
}

/// A feature "nearest municipalities" can be measured on.
public enum PeerFeature: String, Sendable, Hashable, CaseIterable {
    case population = "folketall"
    case centrality = "sentralitet"
    case baseline = "innovasjon"

    func value(of municipality: Municipality, baseline: [String: Double]) -> Double? {
        switch self {
        case .population: municipality.population.map { log(Double(max($0, 1))) }
        case .centrality: Double(municipality.centralityIndex)
        case .baseline: baseline[municipality.number]
        }
    }

    public var label: (nb: String, en: String) {
        switch self {
        case .population: ("folketall (logaritme)", "population (logarithm)")
        case .centrality: ("sentralitetsindeks", "centrality index")
        case .baseline: ("andel som innoverte (H1) i første bølge", "share innovating (H1) in the first wave")
        }
    }
}

/// Rank intervals instead of ranks: with sampling error a rank is not known, only a range.
///
/// For each area, the best possible rank is 1 + the number of areas significantly above it and
/// the worst is n − the number significantly below it, each comparison a two-sided z-test at
/// 95 % on the difference of two independent estimates (Holm-free, so the interval is, if
/// anything, too narrow for the whole table; docs/MUNICIPALITY-PROFILE.md). Rank 1 is highest.
public enum RankInterval {
    public struct Rank: Sendable, Hashable {
        public var best: Int
        public var worst: Int
    }

    public static func ranks(estimates: [Double], standardErrors: [Double], z: Double = 1.959963984540054) -> [Rank] {
        let n = estimates.count
        return (0..<n).map { i in
            var above = 0
            var below = 0
            for j in 0..<n where j != i {
                let se = (standardErrors[i] * standardErrors[i] + standardErrors[j] * standardErrors[j]).squareRoot()
                let difference = estimates[j] - estimates[i]
                if se == 0 {
                    if difference > 0 { above += 1 } else if difference < 0 { below += 1 }
                } else if difference / se > z {
                    above += 1
                } else if difference / se < -z {
                    below += 1
                }
            }
            return Rank(best: 1 + above, worst: n - below)
        }
    }
}
