/// Everything the statistics library refuses, each with a message that names what is wrong
/// and where, so that a person can fix the input without reading the code.
public enum StatisticsError: Error, Sendable, Equatable, CustomStringConvertible {
    case invalidCodebook(String)
    case unknownVariable(String)
    case wrongKind(variable: String, expected: String, actual: VariableKind)
    /// A value that contradicts the codebook or the design; `row` is 1-based in data order.
    case invalidValue(variable: String, row: Int, message: String)
    case lengthMismatch(variable: String, expected: Int, actual: Int)
    case invalidDesign(String)
    /// A stratum with one PSU under the `fail` policy (R's `survey.lonely.psu = "fail"`).
    case lonelyPSU(stratum: String)
    case emptyBase(String)
    case invalidArgument(String)
    case notConverged(String)

    public var description: String {
        switch self {
        case .invalidCodebook(let message): "codebook: \(message)"
        case .unknownVariable(let name): "unknown variable \"\(name)\""
        case .wrongKind(let name, let expected, let actual):
            "variable \(name) is \(actual.rawValue); this analysis needs \(expected)"
        case .invalidValue(let name, let row, let message): "row \(row), variable \(name): \(message)"
        case .lengthMismatch(let name, let expected, let actual):
            "variable \(name) has \(actual) values; the dataset has \(expected) rows"
        case .invalidDesign(let message): "design: \(message)"
        case .lonelyPSU(let stratum):
            "design: stratum \(stratum) has only one PSU; choose a lonely-PSU rule (remove, adjust, average, certainty)"
        case .emptyBase(let message): "empty base: \(message)"
        case .invalidArgument(let message): message
        case .notConverged(let message): "not converged: \(message)"
        }
    }
}
