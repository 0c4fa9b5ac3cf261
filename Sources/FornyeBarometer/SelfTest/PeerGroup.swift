public import FornyeStatistics

/// The respondents of a wave the unit is compared with: the scope asked for, or a wider one when
/// that scope has fewer respondents than disclosure control publishes (the base minimum) or
/// cannot be formed from the profile.
public struct PeerGroup: Sendable {
    public let requested: PeerScope
    public let scope: PeerScope
    /// Whether each row of the wave is a peer.
    public let rows: [Bool]
    /// Unweighted number of peers.
    public let count: Int
    /// Scopes tried before `scope` and why they were passed over, for the page's message.
    public let passedOver: [(scope: PeerScope, count: Int?)]

    public var widened: Bool { scope != requested }

    /// Selects the peer group: `requested` if it can be formed and holds at least `minimumCount`
    /// respondents, else the first wider scope that does, else the nation.
    public static func select(
        _ requested: PeerScope, profile: SelfTestProfile, in dataset: Dataset, minimumCount: Int
    ) throws(StatisticsError) -> PeerGroup {
        var passedOver: [(scope: PeerScope, count: Int?)] = []
        for scope in [requested] + requested.wider {
            guard let conditions = scope.conditions(for: profile) else {
                passedOver.append((scope, nil))
                continue
            }
            let rows = try Self.rows(conditions, in: dataset)
            let count = rows.count(where: { $0 })
            if count >= minimumCount || scope == .national {
                return PeerGroup(requested: requested, scope: scope, rows: rows, count: count, passedOver: passedOver)
            }
            passedOver.append((scope, count))
        }
        throw .emptyBase("no peer group can be formed")
    }

    /// Rows whose codes equal every condition (a missing code is in no group but the nation).
    static func rows(_ conditions: [String: Int], in dataset: Dataset) throws(StatisticsError) -> [Bool] {
        var rows = [Bool](repeating: true, count: dataset.rowCount)
        for (variable, code) in conditions {
            let codes = try dataset.codes(of: variable)
            for row in 0..<dataset.rowCount where rows[row] && codes[row] != Int32(code) { rows[row] = false }
        }
        return rows
    }
}
