import Foundation

/// Finds bokmål in a page meant to be English (issue 20, item 18): the visible text and the
/// attributes people read (`aria-label`, `title`, `alt`, `placeholder`, a button's `value`),
/// leaving out scripts, styles, `<code>` (a file's column names, cookie names: literal in every
/// language), addresses, and the Norwegian a page offers on purpose: an element with a Norwegian
/// `lang` and `translate="no"` (the language switch, an original text shown beside its English, a
/// quotation). `lang="nb"` alone exempts nothing: the report and its figures are English on
/// English pages, so a figure or heading left in bokmål is found.
struct BokmalText {
    /// Words that are bokmål and not English, matched whole and case-insensitively.
    static let words: Set<String> = [
        "og", "ikke", "eller", "av", "med", "fra", "som", "har", "er", "til", "på", "må", "skal", "kan", "det",
        "dette", "denne", "hva", "hvem", "når", "hvor", "slik", "etter", "før", "uten", "ved", "vis", "velg", "alle",
        "ingen", "lagre", "søk", "tilbake", "neste", "forrige", "ukjent", "nei", "ja", "kommune", "kommunen",
        "kommuner", "prosjekt", "prosjektet", "prosjekter", "bølge", "bølgen", "svar", "enhet", "enheter", "mangler",
        "logg", "innlogget", "fylke", "sektor", "registrer", "sammendrag", "antall", "totalt", "endret", "opprettet",
        "publisert", "utkast", "feil", "skjemaet", "gjenbruk", "gjenbrukt", "stolpediagram", "prosentpoeng",
        // Figures, tables and their captions (what the 2018 report's pages used to leak).
        "figur", "tabell", "andel", "andelen", "grunnlag", "kilde", "resultat", "resultater", "innovasjon",
        "innovasjoner", "innovasjonen", "enhetene", "kommunene", "fylker", "fylkene", "sentralitet", "landsdel",
        "utvalg", "utvalget", "ansatte", "ledere", "tjenester", "gjennomsnitt", "prosent", "usikkerhet",
        "intervall", "konfidensintervall", "samarbeid", "effekt", "effekter", "forskjell", "oppgir", "svarte",
        "mellom", "heller", "mer", "mindre", "flere", "enn", "hvis", "derfor", "ikkje",
        // "95 % KI" (konfidensintervall) where English writes CI.
        "ki",
    ]

    /// Names that are the same in English (municipalities, counties, waves, people in the
    /// fixtures): removed from the text before it is searched.
    var names: [String]

    init(names: some Sequence<String>) {
        // Longest first, so "Møre og Romsdal" goes before "Møre".
        self.names = Set(names).filter { !$0.isEmpty }.sorted { $0.count > $1.count }
    }

    /// The bokmål words found in `html`, each with the text it stood in.
    func findings(in html: String) -> [String] {
        texts(of: html).flatMap { text -> [String] in
            var rest = text.split(separator: " ").filter { !$0.hasPrefix("http") && !$0.hasPrefix("/") }
                .joined(separator: " ")
            // Names only take words away: a text without a bokmål word needs no look at the
            // thousand-odd names.
            guard !Self.bokmalWords(in: rest).isEmpty else { return [] }
            for name in names where rest.contains(name) { rest = rest.replacingOccurrences(of: name, with: " ") }
            let found = Self.bokmalWords(in: rest)
            return found.isEmpty ? [] : ["«\(found.joined(separator: ", "))» in «\(text.prefix(160))»"]
        }
    }

    /// Numbers written the Norwegian way in the texts people read: a decimal comma ("0,25", "1,5"),
    /// a space between thousands ("1 786", non-breaking or not) or a space before the per cent sign.
    func norwegianNumbers(in html: String) -> [String] {
        texts(of: html).compactMap { text in
            for pattern in [#"(?:^|[^\d,.])\d+,\d{1,2}(?!\d)"#, #"\d[\u{00A0} ]\d{3}(?!\d)"#, #"\d[\u{00A0} ]%"#] {
                guard let regex = try? Regex(pattern), let match = text.firstMatch(of: regex) else { continue }
                return "«\(text[match.range])» in «\(text.prefix(160))»"
            }
            return nil
        }
    }

    static func bokmalWords(in text: String) -> [String] {
        let tokens = text.split { !($0.isLetter || $0 == "-") }.map { String($0).trimmingCharacters(in: ["-"]) }
        return tokens.filter { token in
            let lower = token.lowercased()
            return words.contains(lower) || lower.contains(where: { "æøå".contains($0) })
        }
    }

    /// The texts a person reads, outside `<script>`, `<style>` and Norwegian offered on purpose.
    func texts(of html: String) -> [String] {
        var texts: [String] = []
        var skipping: [Bool] = []
        var index = html.startIndex
        while index < html.endIndex {
            guard let open = html[index...].firstIndex(of: "<") else {
                if !skipping.contains(true) { texts.append(Self.decoded(html[index...])) }
                break
            }
            if !skipping.contains(true), open > index { texts.append(Self.decoded(html[index..<open])) }
            if html[open...].hasPrefix("<!--") {
                index = html[open...].range(of: "-->")?.upperBound ?? html.endIndex
                continue
            }
            guard let close = html[open...].firstIndex(of: ">") else { break }
            let tag = String(html[html.index(after: open)..<close])
            index = html.index(after: close)
            if tag.hasPrefix("/") {
                if !skipping.isEmpty { skipping.removeLast() }
                continue
            }
            if tag.hasPrefix("!") { continue }
            let name = String(tag.prefix { !$0.isWhitespace && $0 != "/" }).lowercased()
            if name == "script" || name == "style" {
                index = html[index...].range(of: "</\(name)>")?.upperBound ?? html.endIndex
                continue
            }
            let attributes = Self.attributes(tag)
            let original = ["nb", "nn", "no"].contains(attributes["lang"] ?? "") && attributes["translate"] == "no"
            let skipped = original || name == "code"
            let hidden = skipping.contains(true) || skipped
            if !hidden {
                for key in ["aria-label", "title", "alt", "placeholder"] {
                    if let value = attributes[key] { texts.append(value) }
                }
                if name == "input", ["submit", "button"].contains(attributes["type"] ?? "") {
                    texts.append(attributes["value"] ?? "")
                }
            }
            if !Self.voidElements.contains(name) && !tag.hasSuffix("/") { skipping.append(skipped) }
        }
        return texts.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }

    static let voidElements: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    ]

    /// `name="value"` pairs of a start tag (Fornye writes every value in double quotes).
    static func attributes(_ tag: String) -> [String: String] {
        var result: [String: String] = [:]
        var rest = Substring(tag)
        while let equals = rest.range(of: "=\"") {
            let name = rest[..<equals.lowerBound].split(whereSeparator: \.isWhitespace).last.map(String.init) ?? ""
            guard let end = rest[equals.upperBound...].firstIndex(of: "\"") else { break }
            result[name.lowercased()] = decoded(rest[equals.upperBound..<end])
            rest = rest[rest.index(after: end)...]
        }
        return result
    }

    static func decoded(_ text: Substring) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
