import FornyeBarometer

/// Who a result is compared with, and why the group was widened: the same words on the single
/// and the team result page.
struct SelfTestPeerGroupText {
    var scope: PeerScope
    var requestedScope: PeerScope
    var peerCount: Int
    var passedOver: [(scope: PeerScope, count: Int?)]
    var minimumCount: Int
    var waveTitle: String
    var language: Language

    func pick(_ nb: String, _ en: String) -> String { language.pick(nb, en) }
    private func name(_ scope: PeerScope) -> String { pick(scope.bokmål, scope.english) }

    func render() -> Node {
        .fragment([
            el("p") {
                name(scope) + ": " + pick("\(peerCount) svar", "\(peerCount) responses") + " "
                    + pick("i «\(waveTitle)».", "in “\(waveTitle)”.")
            },
            scope == requestedScope
                ? .empty
                : el("p", ["class": "notice", "role": "status"]) {
                    let reasons = passedOver.map { passed in
                        passed.count.map {
                            pick(
                                "«\(name(passed.scope))» har bare \($0) svar",
                                "“\(name(passed.scope))” has only \($0) responses")
                        }
                            ?? pick(
                                "«\(name(passed.scope))» krever kommunen",
                                "“\(name(passed.scope))” needs the municipality")
                    }
                    pick(
                        "Gruppen er utvidet automatisk: \(reasons.joined(separator: "; ")), og vi viser ikke grupper med færre enn \(minimumCount) svar.",
                        "The group was widened automatically: \(reasons.joined(separator: "; ")), and we do not show groups with fewer than \(minimumCount) responses."
                    )
                },
        ])
    }
}
