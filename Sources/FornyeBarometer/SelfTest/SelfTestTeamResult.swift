public import FornyeStatistics

/// One option in a team self-test: how many members chose it, beside the peers' and the nation's
/// weighted shares.
public struct SelfTestTeamOptionRow: Sendable, Hashable {
    public var question: String
    public var questionLabel: LocalizedText
    public var code: Int
    public var optionLabel: LocalizedText
    /// Members who chose the option, of `answered` who answered the question.
    public var chosenBy: Int
    public var answered: Int
    public var peers: SelfTestShare?
    public var national: SelfTestShare?

    public var memberShare: Double { Double(chosenBy) / Double(answered) }
}

/// One promoting/hindering factor in a team self-test: the spread of the members' answers and
/// where the team's median falls among its peers.
public struct SelfTestTeamFactor: Sendable, Hashable {
    public var question: String
    public var label: LocalizedText
    /// The members' quartiles (0.25, 0.5, 0.75) on the 1–5 scale, unweighted, by the engine's
    /// quantile rule; `answered` members answered on the scale.
    public var memberQuartiles: [Double]
    public var answered: Int
    /// The percentile rank of the members' median among the peers (nil when withheld).
    public var medianPercentileRank: Double?
    /// The peers' quartiles with Woodruff intervals; empty when withheld.
    public var peerQuartiles: [QuantileEstimate]
    public var peerCount: Int
}

/// A team's result: shown only when at least `SelfTestTeamResult.minimumMembers` have answered,
/// and each question only when that many members answered it (routing leaves some questions to
/// the innovators), so no share describes fewer than five people.
public struct SelfTestTeamResult: Sendable {
    /// The fewest members whose answers are shown together (issue 16).
    public static let minimumMembers = 5

    public var profile: SelfTestProfile
    public var requestedScope: PeerScope
    public var scope: PeerScope
    public var peerCount: Int
    public var passedOver: [(scope: PeerScope, count: Int?)]
    public var minimumCount: Int
    public var waveTitle: String
    public var synthetic: Bool
    public var memberCount: Int
    /// Every substantive option of each question at least `minimumMembers` answered, in questionnaire order.
    public var options: [SelfTestTeamOptionRow]
    public var factors: [SelfTestTeamFactor]
}

extension SelfTestAnalysis {
    /// The team's result against its peers and the nation, or nil while fewer than
    /// `SelfTestTeamResult.minimumMembers` have answered. Members' answers are compared, never
    /// added to the wave.
    public func teamResult(
        _ members: [AnswerSet], profile: SelfTestProfile, scope: PeerScope, waveTitle: String, synthetic: Bool
    ) throws(StatisticsError) -> SelfTestTeamResult? {
        let minimum = SelfTestTeamResult.minimumMembers
        guard members.count >= minimum else { return nil }
        let members = members.map(instrument.completing)
        let peers = try peerGroup(profile, scope: scope)
        func answeredBy(_ question: Question) -> Int { members.count(where: { $0[question.name] != nil }) }
        var options: [SelfTestTeamOptionRow] = []
        for compared in try comparedTables(peers, where: { answeredBy($0) >= minimum }) {
            let question = compared.question
            for choice in compared.list.choices where choice.missing == nil {
                var chosenBy = 0
                var answered = 0
                for member in members {
                    switch member[question.name] {
                    case .code(let code):
                        answered += 1
                        if code == choice.code { chosenBy += 1 }
                    case .codes(let codes):
                        answered += 1
                        if codes.contains(choice.code) { chosenBy += 1 }
                    default: continue
                    }
                }
                guard answered >= minimum else { continue }
                options.append(
                    SelfTestTeamOptionRow(
                        question: question.name, questionLabel: question.label, code: choice.code,
                        optionLabel: choice.label, chosenBy: chosenBy, answered: answered,
                        peers: compared.peerShare(choice.code), national: compared.nationalShare(choice.code)))
            }
        }
        var factors: [SelfTestTeamFactor] = []
        for question in factorQuestions() {
            let values = members.compactMap { member -> Double? in
                guard case .code(let code) = member[question.name], Self.factorScale.contains(code) else { return nil }
                return Double(code)
            }
            guard values.count >= minimum else { continue }
            let spread = try QuantileDistribution(values: values, weights: [Double](repeating: 1, count: values.count))
            let median = spread.quantile(0.5)
            let peerFactor = try peerFactor(question, peers: peers)
            factors.append(
                SelfTestTeamFactor(
                    question: question.name, label: question.label,
                    memberQuartiles: [0.25, 0.5, 0.75].map(spread.quantile), answered: values.count,
                    medianPercentileRank: peerFactor.distribution?.percentileRank(of: median),
                    peerQuartiles: peerFactor.quartiles, peerCount: peerFactor.count))
        }
        return SelfTestTeamResult(
            profile: profile, requestedScope: scope, scope: peers.scope, peerCount: peers.count,
            passedOver: peers.passedOver, minimumCount: minimumPeerCount, waveTitle: waveTitle, synthetic: synthetic,
            memberCount: members.count, options: options, factors: factors)
    }
}
