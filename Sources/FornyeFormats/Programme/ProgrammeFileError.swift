/// A register file that cannot be imported: every problem found, each at its file, row, column
/// and field, so that one round of corrections fixes them all.
public struct ProgrammeFileError: Error, Sendable, Equatable, CustomStringConvertible {
    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        public var location: FileLocation
        public var message: String

        public init(_ location: FileLocation, _ message: String) {
            self.location = location
            self.message = message
        }

        public var description: String { "\(location): \(message)" }
    }

    /// At most ``ProgrammeTable/maximumProblems``, in file order.
    public var problems: [Problem]
    /// Whether more problems were found than are listed.
    public var truncated: Bool

    public init(problems: [Problem], truncated: Bool = false) {
        self.problems = problems
        self.truncated = truncated
    }

    public var description: String {
        let head = "\(problems.count)\(truncated ? "+" : "") problem(s); nothing was imported"
        return ([head] + problems.map(\.description)).joined(separator: "\n")
    }
}
