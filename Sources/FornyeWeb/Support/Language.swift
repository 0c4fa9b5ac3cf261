import FornyeBarometer
import FornyeFormats
import FornyeReport
public import Vapor

/// The interface language: bokmål by default, English beside it.
public enum Language: String, Sendable, CaseIterable, Codable {
    case nb
    case en

    /// The language a request asks for: `?lang=` first, then the `lang` cookie, else bokmål.
    public static func of(_ request: Request) -> Language {
        if let query = request.query[String.self, at: "lang"], let language = Language(rawValue: query) {
            return language
        }
        if let cookie = request.cookies["lang"]?.string, let language = Language(rawValue: cookie) {
            return language
        }
        return .nb
    }

    /// Picks the text in this language.
    public func pick(_ nb: String, _ en: String) -> String {
        self == .nb ? nb : en
    }

    public var other: Language { self == .nb ? .en : .nb }
    /// The other language's name, in that language (for the switch link).
    public var otherName: String { self == .nb ? "English" : "Norsk (bokmål)" }
}

extension Language {
    /// The same language for FornyeFormats' messages.
    var formats: FormatLanguage { self == .nb ? .nb : .en }

    /// The same language for FornyeReport's figures and tables.
    var report: ReportLanguage { self == .nb ? .nb : .en }

    /// A wave's title as this language shows it: stored titles are one language, so English pages
    /// take Fornye's English for the demo waves' titles and show any other title as entered.
    func waveTitle(_ title: String) -> String {
        self == .en ? SyntheticBarometer.english(of: title) ?? title : title
    }
}
