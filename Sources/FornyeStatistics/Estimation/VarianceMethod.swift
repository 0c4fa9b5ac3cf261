/// How a table's standard errors were made, so that every output can name it.
public enum VarianceMethod: Sendable, Codable, Hashable, CustomStringConvertible {
    /// Taylor linearisation of the design (R's `svyrecvar`).
    case taylor
    /// The spread of the estimates over replicate weights of a method (R's `svrVar`).
    case replicates(ReplicateWeights.Method, count: Int)

    /// A short machine name: `taylor`, or the replicate method as R's `type` names it.
    public var name: String {
        switch self {
        case .taylor: "taylor"
        case .replicates(let method, _): method.rawValue
        }
    }

    public var replicateCount: Int? {
        if case .replicates(_, let count) = self { return count }
        return nil
    }

    public var description: String {
        switch self {
        case .taylor: "Taylor linearisation"
        case .replicates(let method, let count): "\(method.rawValue) replicate weights, \(count) replicates"
        }
    }
}
