import FornyeBarometer
import FornyeStatistics
import Foundation
import Testing

@testable import FornyeReport

/// The profile's numbers on the synthetic demo waves (2018 and 2020): direct against model
/// estimates, mergers, peer groups, rank intervals and suppression.
@Suite struct MunicipalityProfileTests {
    struct Fixture: Sendable {
        let register: MunicipalityRegister
        let published: [MunicipalityWaveEstimates]
        let truth: [MunicipalityWaveEstimates]
        let rawNumbers: [[String?]]
    }

    static let fixture = Result { () throws -> Fixture in
        let register = try MunicipalityRegister.bundled()
        let synthetic = [try SyntheticBarometer.baseline2018(), try SyntheticBarometer.followUp2020()]
        let waves = synthetic.enumerated().map { index, wave in
            Wave(
                title: "Syntetisk \(index)", dataset: wave.dataset, weighting: wave.weighting,
                shortTitle: "\(wave.structureDate.year)", structureDate: wave.structureDate.description)
        }
        func build(_ suppressed: Bool) throws -> [MunicipalityWaveEstimates] {
            try waves.enumerated().map { index, wave in
                try MunicipalityWaveEstimates.build(
                    slug: "w\(index)", wave: wave, register: register, suppressed: suppressed)
            }
        }
        let numbers = try synthetic.map { wave -> [String?] in
            guard case .texts(let values) = try wave.dataset.column(named: "kommunenummer") else { return [] }
            return values
        }
        return Fixture(register: register, published: try build(true), truth: try build(false), rawNumbers: numbers)
    }

    @Test func aDirectShareIsShownOnlyWhereThePublicationRulesAllowIt() throws {
        let fixture = try Self.fixture.get()
        var direct = 0
        var model = 0
        for (published, truth) in zip(fixture.published, fixture.truth) {
            for indicator in ProfileIndicator.all {
                guard let shown = published.indicators[indicator.id], let real = truth.indicators[indicator.id] else {
                    continue
                }
                for (number, estimate) in shown.municipalities {
                    let exact = try #require(real.municipalities[number])
                    switch estimate.method {
                    case .direct:
                        direct += 1
                        let n = try #require(estimate.respondents)
                        #expect(n >= 10, "\(number) \(indicator.id): a direct share from \(n) responses")
                        #expect(estimate.estimate == exact.estimate)
                        #expect(estimate.withheld == nil)
                    case .fayHerriot, .synthetic:
                        model += 1
                        #expect(estimate.withheld != nil, "a model estimate says why the direct one is not shown")
                        #expect(estimate.estimate != nil && estimate.standardError != nil)
                        if estimate.withheld == .confidential { #expect(estimate.method == .synthetic) }
                    case .none:
                        #expect(estimate.estimate == nil && estimate.withheld != nil)
                    }
                    // Never a bare small-n share: a direct number always rests on a published base ≥ 10.
                    if estimate.method == .direct { #expect((estimate.respondents ?? 0) >= 10) }
                }
            }
        }
        #expect(direct > 0 && model > direct, "most municipalities have few respondents")
    }

    @Test func aMergedMunicipalityShowsItsPredecessorsSeries() throws {
        let fixture = try Self.fixture.get()
        // Drammen (3301 from 2024) was 3005 in 2020 and Drammen, Nedre Eiker and Svelvik in 2018.
        let baseline = fixture.truth[0]
        let names = Set((baseline.predecessors["3301"] ?? []).map(\.number))
        #expect(names == ["0602", "0625", "0711"])
        #expect(fixture.truth[1].predecessors["3301"]?.map(\.number) == ["3005"])
        let pooled = fixture.rawNumbers[0].filter { $0.map(names.contains) == true }.count
        let base = baseline.indicators["H1"]?.municipalities["3301"]
        if pooled > 0 {
            #expect(base?.respondents == pooled || base?.method != .direct)
        }
        let profile = try MunicipalityProfile.build(
            number: "3301", waves: fixture.truth, register: fixture.register, group: .county)
        #expect(profile.waves[0].predecessors.count == 3)
        #expect(profile.series.first?.points.count == 2)
    }

    @Test func peerGroupsHoldWhomTheySay() throws {
        let fixture = try Self.fixture.get()
        let all = try fixture.register.municipalities(on: MunicipalityWaveEstimates.structure)
        let oslo = try #require(all.first { $0.number == "0301" })
        let county = PeerGroup.county.members(of: oslo, among: all)
        #expect(county.isEmpty, "Oslo is its own county")
        let bergen = try #require(all.first { $0.number == "4601" })
        let vestland = PeerGroup.county.members(of: bergen, among: all)
        #expect(!vestland.isEmpty && vestland.allSatisfy { $0.countyNumber == "46" && $0.number != "4601" })
        let central = PeerGroup.centrality.members(of: bergen, among: all)
        #expect(central.allSatisfy { $0.centrality == bergen.centrality })
        let size = PeerGroup.sizeClass.members(of: bergen, among: all)
        #expect(size.allSatisfy { $0.populationSizeClass == bergen.populationSizeClass })
        let nearest = PeerGroup.nearest([.population], count: 5).members(of: bergen, among: all)
        #expect(nearest.count == 5)
        // Nearest on (log) population: nobody left out is closer than the farthest chosen.
        func gap(_ m: Municipality) -> Double {
            abs(log(Double(max(m.population ?? 1, 1))) - log(Double(max(bergen.population ?? 1, 1))))
        }
        let farthest = nearest.map(gap).max() ?? 0
        let others = all.filter { $0.number != "4601" && !nearest.map(\.number).contains($0.number) }
        #expect(others.allSatisfy { gap($0) >= farthest - 1e-12 })
        #expect(PeerGroup.parse(group: "naermeste", features: ["folketall", "tull"]) == nil)
        #expect(PeerGroup.parse(group: "galt", features: []) == nil)
    }

    @Test func ranksAreIntervalsThatWidenWithUncertainty() {
        let sharp = RankInterval.ranks(estimates: [0.9, 0.5, 0.1], standardErrors: [0.01, 0.01, 0.01])
        #expect(sharp.map(\.best) == [1, 2, 3] && sharp.map(\.worst) == [1, 2, 3])
        let vague = RankInterval.ranks(estimates: [0.9, 0.5, 0.1], standardErrors: [0.5, 0.5, 0.5])
        #expect(vague.allSatisfy { $0.best == 1 && $0.worst == 3 })
        let mixed = RankInterval.ranks(estimates: [0.9, 0.85, 0.1], standardErrors: [0.02, 0.02, 0.02])
        #expect(mixed[0].best == 1 && mixed[0].worst == 2 && mixed[2].best == 3)
    }

    /// A reader with the profiles and the county table tries to work out a hidden base by
    /// subtraction: the county's published n minus its municipalities' published n. Secondary
    /// suppression must leave every county with no hidden base, or with two or more.
    @Test func aHiddenBaseCannotBeRecoveredFromTheCountyTable() throws {
        let fixture = try Self.fixture.get()
        let all = try fixture.register.municipalities(on: MunicipalityWaveEstimates.structure)
        let byCounty = Dictionary(grouping: all, by: \.countyNumber)
        var hiddenSeen = 0
        for (published, truth) in zip(fixture.published, fixture.truth) {
            for indicator in ProfileIndicator.all {
                guard let shown = published.indicators[indicator.id], let real = truth.indicators[indicator.id] else {
                    continue
                }
                for (county, members) in byCounty {
                    guard let countyN = shown.counties[county]?.respondents else { continue }
                    let hidden = members.filter { shown.municipalities[$0.number]?.respondents == nil }
                    hiddenSeen += hidden.count
                    #expect(hidden.count != 1, "\(published.slug) \(indicator.id) county \(county): one hidden base")
                    if hidden.count >= 2 {
                        // The subtraction gives only the hidden bases' sum, which more than one split fits.
                        let known = members.compactMap { shown.municipalities[$0.number]?.respondents }.reduce(0, +)
                        let truths = hidden.compactMap { real.municipalities[$0.number]?.respondents }
                        #expect(truths.reduce(0, +) == countyN - known)
                        #expect(truths.allSatisfy { $0 < countyN - known })
                    }
                }
            }
        }
        #expect(hiddenSeen > 0, "the synthetic waves have small municipalities to protect")
    }
}
