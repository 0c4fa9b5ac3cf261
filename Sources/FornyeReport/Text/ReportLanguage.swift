/// The language a report's figures, tables and charts are written in. Bokmål is the report's own
/// language and the default; English pages ask for English.
public enum ReportLanguage: String, Sendable, Hashable, CaseIterable {
    case nb
    case en

    /// The text for this language.
    public func pick(_ bokmål: String, _ english: String) -> String {
        self == .nb ? bokmål : english
    }
}
