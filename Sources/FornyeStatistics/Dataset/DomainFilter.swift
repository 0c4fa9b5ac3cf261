/// A domain (subpopulation) given by conditions on coded variables: a row is in the domain when,
/// for every condition, its code is one of the condition's codes.
///
/// Estimate within a domain with `Dataset.restricted(to: filter.rows(in: dataset))` and the full
/// design: the calibration and the variance use every row of the wave, rows outside the domain
/// count zero. The estimates equal those of the same domain as a breakdown (`by:`), and R's
/// `svymean(~y, subset(design, filter))`.
///
/// ```swift
/// let filter = try DomainFilter([.init(variable: "county", codes: [46])], in: dataset)
/// let domain = try dataset.restricted(to: filter.rows(in: dataset))
/// let table = try Estimator(dataset: domain, design: design).shares(of: "innovated")
/// ```
public struct DomainFilter: Sendable, Hashable {
    public struct Condition: Sendable, Hashable {
        public var variable: String
        public var codes: Set<Int>

        public init(variable: String, codes: Set<Int>) {
            self.variable = variable
            self.codes = codes
        }
    }

    /// The conditions, sorted by variable name so equal filters compare (and hash) equal.
    public let conditions: [Condition]

    /// Checks each condition against the codebook: the variable must be coded and every code
    /// labelled or a missing code; a variable may be named once.
    public init(_ conditions: [Condition], in dataset: Dataset) throws(StatisticsError) {
        var seen = Set<String>()
        for condition in conditions {
            let variable = try dataset.variable(named: condition.variable)
            guard variable.kind == .singleChoice || variable.kind == .ordinal else {
                throw .wrongKind(variable: variable.name, expected: "single-choice or ordinal", actual: variable.kind)
            }
            guard seen.insert(variable.name).inserted else {
                throw .invalidArgument("the domain names \(variable.name) twice")
            }
            guard !condition.codes.isEmpty else {
                throw .invalidArgument("the domain condition on \(variable.name) has no codes")
            }
            let known = Set(variable.valueLabels.map(\.code)).union(variable.missingCodes.keys)
            if let unknown = condition.codes.sorted().first(where: { !known.contains($0) }) {
                throw .invalidArgument("code \(unknown) is not a code of \(variable.name)")
            }
        }
        self.conditions = conditions.sorted { $0.variable < $1.variable }
    }

    /// No conditions: every row.
    public var isEmpty: Bool { conditions.isEmpty }

    /// Whether each row of `dataset` is in the domain.
    public func rows(in dataset: Dataset) throws(StatisticsError) -> [Bool] {
        var inDomain = [Bool](repeating: true, count: dataset.rowCount)
        for condition in conditions {
            let codes = try dataset.codes(of: condition.variable)
            let allowed = Set(condition.codes.map { Int32($0) })
            for row in 0..<dataset.rowCount where inDomain[row] && !allowed.contains(codes[row]) {
                inDomain[row] = false
            }
        }
        return inDomain
    }
}
