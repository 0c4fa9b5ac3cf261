public import FornyeBarometer
import Foundation

/// Everything one municipality's profile shows about the survey: each indicator's series across
/// the waves (with changes), and the comparison with a peer group in the newest wave (the
/// group's value, the difference and whether it is significant, rank intervals).
public struct MunicipalityProfile: Sendable {
    public var municipality: Municipality
    public var waves: [WaveInfo]
    public var series: [Series]
    public var peers: PeerComparison

    public struct WaveInfo: Sendable, Hashable {
        public var slug: String
        public var title: String
        public var shortTitle: String
        public var synthetic: Bool
        /// The wave-time municipalities this one's numbers cover, when they differ from it (a merger
        /// or renumbering since the wave).
        public var predecessors: [MunicipalityWaveEstimates.NamedNumber]
    }

    public struct Series: Sendable {
        public var indicator: ProfileIndicator
        /// One per wave, in wave order; nil when the wave lacks the indicator.
        public var points: [AreaEstimate?]
        public var county: [AreaEstimate?]
        public var national: [AreaEstimate?]
        /// Change from the previous wave with a value, one per wave (nil for the first or when missing).
        public var changes: [Change?]
    }

    public struct Change: Sendable, Hashable {
        public var difference: Double
        public var standardError: Double
        public var lower: Double
        public var upper: Double
        public var significant: Bool
        /// True when either end is a model estimate (the change then shows model movement too).
        public var involvesModel: Bool
    }

    public struct PeerComparison: Sendable {
        public var group: PeerGroup
        public var members: [Municipality]
        /// The newest wave's slug.
        public var wave: String?
        public var rows: [PeerRow]
    }

    public struct PeerRow: Sendable {
        public var indicator: ProfileIndicator
        public var own: AreaEstimate?
        /// The population-weighted mean of the members' published estimates (direct or model),
        /// with its standard error taking them as independent.
        public var groupValue: Double?
        public var groupStandardError: Double?
        public var difference: Change?
        /// Among the municipality and its members with an estimate.
        public var rank: RankInterval.Rank?
        public var ranked: Int
    }

    static let z = 1.959963984540054

    /// - Parameter waves: in wave order, oldest first.
    public static func build(
        number: String, waves: [MunicipalityWaveEstimates], register: MunicipalityRegister, group: PeerGroup
    ) throws -> MunicipalityProfile {
        let all = try register.municipalities(on: MunicipalityWaveEstimates.structure)
        guard let municipality = all.first(where: { $0.number == number }) else {
            throw ReferenceDataError.unknownNumber(number)
        }
        let infos = waves.map {
            WaveInfo(
                slug: $0.slug, title: $0.title, shortTitle: $0.shortTitle, synthetic: $0.synthetic,
                predecessors: $0.predecessors[number] ?? [])
        }
        let series = ProfileIndicator.all.compactMap { indicator -> Series? in
            let points = waves.map { $0.indicators[indicator.id]?.municipalities[number] }
            guard points.contains(where: { $0 != nil }) else { return nil }
            var changes: [Change?] = [nil]
            var previous = points[0]
            for point in points.dropFirst() {
                changes.append(previous.flatMap { change(from: $0, to: point) })
                if point?.estimate != nil { previous = point }
            }
            return Series(
                indicator: indicator, points: points,
                county: waves.map { $0.indicators[indicator.id]?.counties[municipality.countyNumber] },
                national: waves.map { $0.indicators[indicator.id]?.national }, changes: changes)
        }
        var baseline: [String: Double] = [:]
        if let first = waves.first?.indicators[ProfileIndicator.all[0].id] {
            for (key, value) in first.municipalities { if let estimate = value.estimate { baseline[key] = estimate } }
        }
        let members = group.members(of: municipality, among: all, baseline: baseline)
        let newest = waves.last
        let rows = series.map { series -> PeerRow in
            let values = newest?.indicators[series.indicator.id]?.municipalities ?? [:]
            return peerRow(
                indicator: series.indicator, own: values[number], members: members, values: values)
        }
        return MunicipalityProfile(
            municipality: municipality, waves: infos, series: series,
            peers: PeerComparison(group: group, members: members, wave: newest?.slug, rows: rows))
    }

    static func change(from old: AreaEstimate, to new: AreaEstimate?) -> Change? {
        guard let new, let a = old.estimate, let b = new.estimate, let sa = old.standardError,
            let sb = new.standardError
        else { return nil }
        let se = (sa * sa + sb * sb).squareRoot()
        let difference = b - a
        // A model estimate moves with the regression and the county benchmark, and its MSE is
        // too small where σ²ᵤ is estimated near 0: its changes and differences are not tested.
        let involvesModel = old.isModel || new.isModel
        return Change(
            difference: difference, standardError: se, lower: difference - z * se, upper: difference + z * se,
            significant: !involvesModel && se > 0 && abs(difference) > z * se, involvesModel: involvesModel)
    }

    static func peerRow(
        indicator: ProfileIndicator, own: AreaEstimate?, members: [Municipality], values: [String: AreaEstimate]
    ) -> PeerRow {
        var weight = 0.0
        var sum = 0.0
        var variance = 0.0
        for member in members {
            guard let value = values[member.number], let estimate = value.estimate, let se = value.standardError
            else { continue }
            let w = Double(member.population ?? 1)
            weight += w
            sum += w * estimate
            variance += w * w * se * se
        }
        var row = PeerRow(
            indicator: indicator, own: own, groupValue: nil, groupStandardError: nil, difference: nil, rank: nil,
            ranked: 0)
        if weight > 0 {
            let value = sum / weight
            let se = variance.squareRoot() / weight
            row.groupValue = value
            row.groupStandardError = se
            row.difference = own.flatMap {
                change(
                    from: AreaEstimate(
                        method: .direct, respondents: nil, estimate: value, standardError: se, lower: nil, upper: nil),
                    to: $0)
            }
        }
        var entries: [AreaEstimate] = own.map { [$0] } ?? []
        entries += members.compactMap { values[$0.number] }
        let usable = entries.enumerated().filter { $0.element.estimate != nil && $0.element.standardError != nil }
        let estimates = usable.map { $0.element.estimate! }
        let errors = usable.map { $0.element.standardError! }
        let ownIndex = own == nil ? nil : usable.firstIndex { $0.offset == 0 }
        // A rank needs the municipality's own direct estimate (see `change`).
        if let ownIndex, estimates.count > 1, own?.method == .direct {
            row.rank = RankInterval.ranks(estimates: estimates, standardErrors: errors)[ownIndex]
            row.ranked = estimates.count
        }
        return row
    }
}
