import FornyeStatistics
import Testing

@testable import FornyeBarometer

/// Why the self-test shows peer cells after secondary suppression, not only the primary-safe
/// ones: a taker can answer a single-choice question once per option (or retake) and so collect
/// every option's peer share of one peer group; the shares of a single choice add up to 100 %,
/// so if exactly one option were withheld it would be 100 % minus the rest. The test tries that
/// recovery on every peer group of many profiles: with the results pages' disclosure control it
/// never finds a lone withheld option beside a primary-suppressed cell; with primary suppression
/// only, it does (so the test can fail).
@Suite struct SelfTestSuppressionTests {
    /// Every unit type in a spread of municipalities (large city, towns, small rural ones).
    static func profiles(_ analysis: SelfTestAnalysis) throws -> [SelfTestProfile] {
        let register = try MunicipalityRegister.bundled()
        let day = try SelfTestAnalysisTests.wave.get().structureDate
        let numbers = ["0301", "1804", "1201", "5001", "1103", "0219", "1151", "2030", "0901", "1515"]
        let municipalities = numbers.compactMap { try? register.municipality(number: $0, on: day) }
        #expect(municipalities.count >= 6)
        return (1...6).flatMap { unitType in
            municipalities.map {
                SelfTestProfile(
                    sector: ReportClassifications.sector(ofUnitType: unitType)!, unitType: unitType, municipality: $0)
            }
        }
    }

    /// Peer tables where a primary-suppressed option is the only option withheld: recoverable.
    static func recoverable(_ rules: DisclosureRules) throws -> (recoverable: Int, withPrimary: Int) {
        let wave = try SelfTestAnalysisTests.wave.get()
        let analysis = try SelfTestAnalysis(
            instrument: try Instrument.innovasjonsbarometer2018, dataset: wave.dataset, design: wave.design,
            rules: rules)
        var seen = Set<[Bool]>()
        var recoverable = 0
        var withPrimary = 0
        for profile in try profiles(analysis) {
            for scope in PeerScope.allCases {
                let peers = try analysis.peerGroup(profile, scope: scope)
                guard seen.insert(peers.rows).inserted else { continue }
                for compared in try analysis.comparedTables(peers, where: { $0.type == .singleChoice }) {
                    let codes = compared.list.choices.filter { $0.missing == nil }.map(\.code)
                    let primary = codes.filter { code in
                        NationalTables.cell(code, of: compared.question, in: compared.peers)?.flags
                            .contains(.suppressedPrimary) == true
                    }
                    guard !primary.isEmpty else { continue }
                    withPrimary += 1
                    // What the pages show, option by option: nil when withheld.
                    let withheld = codes.filter { compared.peerShare($0) == nil }
                    if withheld.count == 1 { recoverable += 1 }
                }
            }
        }
        return (recoverable, withPrimary)
    }

    @Test func noWithheldPeerCellIsTheOnlyOneOfItsQuestion() throws {
        let checked = try Self.recoverable(DisclosureRules())
        #expect(checked.withPrimary > 0, "no peer table had a primary cell: the test would prove nothing")
        #expect(checked.recoverable == 0)
    }

    @Test func primarySuppressionAloneWouldGiveCellsAway() throws {
        let checked = try Self.recoverable(
            DisclosureRules(applyNCHSStandards: false, secondarySuppression: false))
        #expect(checked.recoverable > 0)
    }
}
