/// The values of one variable, stored column-wise for fast passes over many rows.
public enum Column: Sendable, Equatable {
    /// Integer codes for coded variables; `Column.systemMissing` marks an empty cell.
    case codes([Int32])
    /// Measurements; NaN marks an empty cell.
    case numbers([Double])
    /// Free text; nil marks an empty cell.
    case texts([String?])

    /// The code stored for an empty cell of a coded variable.
    public static let systemMissing = Int32.min

    public var count: Int {
        switch self {
        case .codes(let values): values.count
        case .numbers(let values): values.count
        case .texts(let values): values.count
        }
    }
}
