/// How to read a CSV file: its delimiter, decimal separator and text encoding.
///
/// The defaults read both a plain comma-separated UTF-8 file and what Norwegian Excel writes
/// ("CSV UTF-8" with `;` between fields and `,` before decimals):
///
/// ```swift
/// let options = CSVOptions()                                         // detect , or ;
/// let excel = CSVOptions(delimiter: .semicolon, decimalSeparator: .comma)
/// let legacy = CSVOptions(encoding: .windows1252)                    // old "CSV (semikolondelt)"
/// ```
public struct CSVOptions: Sendable, Hashable {
    /// The character between fields.
    public enum Delimiter: Sendable, Hashable {
        /// `,` or `;`, whichever splits the header into more of the expected column names.
        case automatic
        case comma
        case semicolon
        case tab

        var scalar: Unicode.Scalar? {
            switch self {
            case .automatic: nil
            case .comma: ","
            case .semicolon: ";"
            case .tab: "\t"
            }
        }
    }

    /// The character before the decimals of a number. Only one is accepted in a file, so that
    /// `1.234` is never silently read as 1.234 when it was meant as one thousand two hundred.
    public enum DecimalSeparator: Sendable, Hashable {
        /// `,` when fields are separated by `;` (as Norwegian Excel writes), `.` otherwise.
        case automatic
        case period
        case comma
    }

    /// How the bytes of a file become text. Nothing is guessed: a file that is not valid in the
    /// chosen encoding is refused, naming the line of the first bad byte.
    public enum Encoding: Sendable, Hashable {
        /// UTF-8, with or without a byte order mark.
        case utf8
        /// Windows-1252 (Western European, a superset of Latin-1 as WHATWG defines it), for files
        /// from older Excel versions. Must be chosen explicitly.
        case windows1252
    }

    public var delimiter: Delimiter
    public var decimalSeparator: DecimalSeparator
    public var encoding: Encoding
    /// The longest field accepted, in Unicode scalars. A longer one is refused, since in survey
    /// data it almost always means broken quoting rather than a real answer.
    public var maximumFieldLength: Int

    public init(
        delimiter: Delimiter = .automatic,
        decimalSeparator: DecimalSeparator = .automatic,
        encoding: Encoding = .utf8,
        maximumFieldLength: Int = 100_000
    ) {
        self.delimiter = delimiter
        self.decimalSeparator = decimalSeparator
        self.encoding = encoding
        self.maximumFieldLength = maximumFieldLength
    }
}
