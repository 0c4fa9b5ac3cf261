/// Which missing kinds count in the base of one analysis.
///
/// System missing (routed past, empty) is never in the base. "Vet ikke" and "ikke relevant"
/// are answers: an analyst may show them as categories of a share table (they are then in
/// the base and get a share of their own) or leave them out (the default, as in the 2018 report).
/// Means and totals never include them, since their codes are not measurements.
public struct MissingPolicy: Sendable, Hashable, Codable {
    public var includeDontKnow: Bool
    public var includeNotApplicable: Bool

    public init(includeDontKnow: Bool = false, includeNotApplicable: Bool = false) {
        self.includeDontKnow = includeDontKnow
        self.includeNotApplicable = includeNotApplicable
    }

    /// Only substantive answers are in the base.
    public static let substantiveOnly = MissingPolicy()

    public func includes(_ kind: MissingKind) -> Bool {
        switch kind {
        case .system: false
        case .dontKnow: includeDontKnow
        case .notApplicable: includeNotApplicable
        }
    }
}

extension Variable {
    /// The categories of this coded variable in one analysis: the labelled codes in codebook
    /// order (0 and 1 for a multiple-choice item), then the missing codes the policy keeps in the
    /// base, ascending.
    public func categoryCodes(including policy: MissingPolicy) -> [Int] {
        let substantive = kind == .multipleChoiceItem ? [0, 1] : valueLabels.map(\.code)
        return substantive + missingCodes.filter { policy.includes($0.value) }.keys.sorted()
    }
}
