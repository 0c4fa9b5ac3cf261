import Foundation

/// Word-level translation between bokmål and English for search, from three lists in
/// `Resources/search/` (SOURCE.md there): Fornye's curated municipal glossary, Digdir's Los
/// (each concept's bokmål/nynorsk labels and synonyms against its English label) and FreeDict's
/// English–Norwegian dictionary. Keys and values are index terms (``SearchText/term(_:_:)``), so
/// «innbruddet» finds «burglary» as «innbrudd» does; a translation of several words is a list.
public enum SearchTranslations {
    public struct Entry: Sendable, Equatable {
        /// As the source writes it, for showing the user.
        public var text: String
        /// Its content words' index terms, all of which a match needs.
        public var terms: [String]
        /// From the glossary or Los (FreeDict's are not).
        public var curated: Bool
    }

    /// Norwegian index term → English translations; English index term → Norwegian translations.
    public static let toEnglish: [String: [Entry]] = tables.toEnglish
    public static let toNorwegian: [String: [Entry]] = tables.toNorwegian

    /// At most this many translations a word (the curated glossary's first, then Los, then FreeDict).
    static let perWord = 4

    static let tables: (toEnglish: [String: [Entry]], toNorwegian: [String: [Entry]]) = {
        var toEnglish: [String: [Entry]] = [:]
        var toNorwegian: [String: [Entry]] = [:]
        func add(norwegian: String, english: String, curated: Bool) {
            let nb = SearchText.contentTokens(norwegian)
            let en = SearchText.contentTokens(english)
            guard !nb.isEmpty, !en.isEmpty, nb.count <= 3, en.count <= 3 else { return }
            if nb.count == 1 {
                let key = SearchText.term(nb[0], .norwegian)
                let entry = Entry(text: english, terms: en.map { SearchText.term($0, .english) }, curated: curated)
                if !(toEnglish[key]?.contains(entry) ?? false) && (toEnglish[key]?.count ?? 0) < perWord {
                    toEnglish[key, default: []].append(entry)
                }
            }
            if en.count == 1 {
                let key = SearchText.term(en[0], .english)
                let entry = Entry(text: norwegian, terms: nb.map { SearchText.term($0, .norwegian) }, curated: curated)
                if !(toNorwegian[key]?.contains(entry) ?? false) && (toNorwegian[key]?.count ?? 0) < perWord {
                    toNorwegian[key, default: []].append(entry)
                }
            }
        }
        for line in lines("nb-en-municipal-glossary", "tsv") {
            let fields = line.split(separator: "\t").map(String.init)
            if fields.count == 2 { add(norwegian: fields[0], english: fields[1], curated: true) }
        }
        for (norwegian, english) in LosVocabulary.labelPairs {
            add(norwegian: norwegian, english: english, curated: true)
        }
        for line in lines("en-nb-freedict", "tsv") {
            let fields = line.split(separator: "\t").map(String.init)
            if fields.count == 2 { add(norwegian: fields[1], english: fields[0], curated: false) }
        }
        return (toEnglish, toNorwegian)
    }()

    /// The lines of a bundled search resource, comments left out.
    static func lines(_ name: String, _ ext: String) -> [Substring] {
        guard let url = Bundle.module.url(forResource: name, withExtension: ext, subdirectory: "Resources/search"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { return [] }
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") }
    }
}

/// Digdir's Los (Resources/search/los-labels.tsv, derived from `../shared/data/los`): its concepts'
/// labels in bokmål, nynorsk and English, for translating search words.
public enum LosVocabulary {
    public struct Concept: Sendable {
        public var path: String
        public var norwegian: [String]
        public var english: [String]
        public var broader: [String]
    }

    public static let concepts: [Concept] = {
        var byPath: [String: Concept] = [:]
        var order: [String] = []
        for line in SearchTranslations.lines("los-labels", "tsv") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 4 else { continue }
            if byPath[fields[0]] == nil {
                byPath[fields[0]] = Concept(path: fields[0], norwegian: [], english: [], broader: [])
                order.append(fields[0])
            }
            switch fields[1] {
            case "en": byPath[fields[0]]!.english.append(fields[3])
            case "nb", "nn": byPath[fields[0]]!.norwegian.append(fields[3])
            default: byPath[fields[0]]!.broader.append(fields[3])
            }
        }
        return order.map { byPath[$0]! }
    }()

    /// (Norwegian label, English label) for every concept with both.
    static var labelPairs: [(String, String)] {
        concepts.flatMap { concept in
            concept.norwegian.flatMap { norwegian in concept.english.prefix(1).map { (norwegian, $0) } }
        }
    }
}
