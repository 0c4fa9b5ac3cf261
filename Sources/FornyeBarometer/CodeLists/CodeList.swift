/// A classification the barometer and the project bank share: codes with labels in bokmål and
/// English, in display order.
public struct CodeList: Sendable, Hashable, Codable {
    public struct Entry: Sendable, Hashable, Codable {
        public var code: Int
        public var label: String
        public var labelEnglish: String

        public init(_ code: Int, _ label: String, _ labelEnglish: String) {
            self.code = code
            self.label = label
            self.labelEnglish = labelEnglish
        }
    }

    public var id: String
    public var entries: [Entry]

    public init(id: String, entries: [Entry]) {
        self.id = id
        self.entries = entries
    }

    public func entry(code: Int) -> Entry? { entries.first { $0.code == code } }
}
