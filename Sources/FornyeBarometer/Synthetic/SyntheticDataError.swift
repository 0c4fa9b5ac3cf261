/// Why a synthetic wave could not be generated.
public enum SyntheticDataError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The calibration targets contradict each other or the municipal frame.
    case inconsistentTargets(String)
    /// The codebook lacks a variable or multiple-response item the generator fills.
    case codebookMismatch(String)
    /// Building the dataset or its weights failed in the statistics engine.
    case statistics(String)

    public var description: String {
        switch self {
        case .inconsistentTargets(let message): "synthetic wave targets are inconsistent: \(message)"
        case .codebookMismatch(let message): "the codebook does not fit the synthetic wave: \(message)"
        case .statistics(let message): "building the synthetic wave failed: \(message)"
        }
    }
}
