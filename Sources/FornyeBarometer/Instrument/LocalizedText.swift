/// A text in bokmål, optionally with English beside it; the instrument's labels and hints.
public struct LocalizedText: Sendable, Hashable, Codable {
    public var nb: String
    public var en: String?

    /// - Parameters:
    ///   - nb: the bokmål text, which every label needs.
    ///   - en: the English text, if translated.
    public init(nb: String, en: String? = nil) {
        self.nb = nb
        self.en = en
    }
}
