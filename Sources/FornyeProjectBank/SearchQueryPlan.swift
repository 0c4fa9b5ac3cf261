/// How a search's words are read (issue 21): every content word optional (stop words left out),
/// each word one *group* that matches through any of its forms: its English and its Norwegian
/// index term, the parts of a Norwegian compound (all of them), and, when expanding, its
/// translations (``SearchTranslations``; a compound with none is translated part by part). Words
/// in double quotes are a phrase that must occur; `-word` excludes. Storage ranks by text rank
/// plus a bonus for the share of groups a project covers.
///
/// ```swift
/// let plan = SearchQueryPlan("hudkreft bilder", expand: true)
/// plan.groups.map(\.word)   // ["hudkreft", "bilder"]
/// plan.expansions            // [("hudkreft", ["skin", "cancer"]), ("bilder", ["images", …])]
/// ```
public struct SearchQueryPlan: Sendable, Equatable {
    /// A form of a word: all its slots must match, each through any of its terms.
    public typealias Alternative = [[String]]

    public struct Group: Sendable, Equatable {
        public var word: String
        public var alternatives: [Alternative]
        /// The translations used, as the sources write them (shown to the user).
        public var translations: [String]
        /// The alternatives as words (not index terms), each run of words all required: what
        /// PostgreSQL, which analyses text itself, is given (``SearchQueryPlan/websearchAlternatives(_:)``).
        public var wordRuns: [[String]] = []
    }

    public var groups: [Group] = []
    /// Each phrase: its terms in English and in Norwegian (either may match).
    public var phrases: [[[String]]] = []
    /// Each excluded word: its English and Norwegian term.
    public var excluded: [[String]] = []
    /// The plain words (no phrases, no exclusions), for PostgreSQL's own stemming.
    public var words: [String] = []
    /// The query's language when its words tell (``SearchText/queryLanguage(_:)``): translations
    /// then go from it to the other only, and English words are not split as Norwegian compounds.
    public var language: SearchLanguage?

    public static let maxWords = 12

    /// `synonyms`: the admin's list (``SearchSynonymGroup``), used only when expanding.
    public init(_ text: String, expand: Bool = true, synonyms: [SearchSynonymGroup] = []) {
        let text = String(text.prefix(500))
        var plain = ""
        var quoted = ""
        var inQuote = false
        var previous: Character = " "
        var excluding = false
        var exclusionWord = ""
        for character in text {
            if character == "\"" {
                if inQuote {
                    let terms = SearchText.tokens(quoted, limit: 12)
                    if !terms.isEmpty {
                        phrases.append(
                            Self.unique(SearchLanguage.allCases.map { lang in terms.map { SearchText.term($0, lang) } })
                        )
                    }
                    quoted = ""
                }
                inQuote.toggle()
                plain.append(" ")
            } else if inQuote {
                quoted.append(character)
            } else if character == "-" && (previous.isWhitespace || previous == "\"") {
                excluding = true
            } else if excluding {
                if character.isLetter || character.isNumber {
                    exclusionWord.append(character)
                } else {
                    excluding = false
                    addExclusion(exclusionWord)
                    exclusionWord = ""
                    plain.append(" ")
                }
            } else {
                plain.append(character)
            }
            previous = character
        }
        if excluding { addExclusion(exclusionWord) }
        if inQuote { plain += " " + quoted }  // an unclosed quote: plain words
        words = Self.unique(SearchText.contentTokens(plain, limit: 60)).prefix(Self.maxWords).map { $0 }
        language = SearchText.queryLanguage(SearchText.tokens(text, limit: 60))
        groups = words.map { Self.group($0, expand: expand, language: language) }
        if expand { addSynonyms(synonyms) }
    }

    /// Each word (or run of words) that is a member of a synonym group also matches the group's
    /// other members, every word of a member in either language's analysis.
    private mutating func addSynonyms(_ synonyms: [SearchSynonymGroup]) {
        guard !synonyms.isEmpty else { return }
        for index in words.indices {
            for synonym in synonyms {
                guard let (length, others) = synonym.others(matching: words, at: index) else { continue }
                for member in others {
                    let slots: Alternative = SearchText.tokens(member).map { word in
                        Self.unique(SearchLanguage.allCases.map { SearchText.term(word, $0) })
                    }
                    for covered in index..<(index + length) where !groups[covered].alternatives.contains(slots) {
                        groups[covered].alternatives.append(slots)
                        groups[covered].translations = Self.unique(groups[covered].translations + [member])
                        groups[covered].wordRuns.append(SearchText.tokens(member))
                    }
                }
            }
        }
    }

    private mutating func addExclusion(_ word: String) {
        guard let token = SearchText.tokens(word, limit: 1).first else { return }
        excluded.append(Self.unique(SearchLanguage.allCases.map { SearchText.term(token, $0) }))
    }

    static func unique<T: Hashable>(_ values: [T]) -> [T] {
        var seen = Set<T>()
        return values.filter { seen.insert($0).inserted }
    }

    static func group(_ word: String, expand: Bool, language: SearchLanguage?) -> Group {
        let english = SearchText.term(word, .english)
        let norwegian = SearchText.term(word, .norwegian)
        var alternatives: [Alternative] = unique([english, norwegian]).map { [[$0]] }
        var translations: [String] = []
        var wordRuns: [[String]] = [[word]]
        let partWords = language == .english ? nil : NorwegianCompounds.parts(of: word)
        let parts = partWords?.map { SearchText.term($0, .norwegian) }
        // The parts are no run for PostgreSQL: its index holds the compound whole (it stems, it
        // does not split), and a run of common parts («bygg system») made every holder of both
        // a match to be summed (docs/PERFORMANCE.md, session 15).
        if let parts { alternatives.append(parts.map { [$0] }) }
        if expand {
            // A dictionary's one-word translation that is also a word of the query's language
            // (Norwegian «date» for «go») would match that language's records by chance: left
            // out (the curated glossary and Los are trusted).
            // A translation of stop words only (FreeDict's «fall» → «then») would match nearly
            // every record in the other language: left out too.
            let direct =
                (language == .english ? [] : SearchTranslations.toEnglish[norwegian] ?? []).filter {
                    $0.curated || $0.terms.count > 1 || SearchTranslations.toEnglish[$0.terms[0]] == nil
                }.filter(Self.meaningful)
                + (language == .norwegian ? [] : SearchTranslations.toNorwegian[english] ?? []).filter {
                    $0.curated || $0.terms.count > 1 || SearchTranslations.toNorwegian[$0.terms[0]] == nil
                }.filter(Self.meaningful)
            // English words also meet their English synonyms through Norwegian («bankrupt» →
            // konkurs → «insolvency», «bills» → faktura → «invoice»): curated pairs only.
            let pivots =
                language == .norwegian
                ? []
                : (SearchTranslations.toNorwegian[english] ?? []).filter { $0.curated && $0.terms.count == 1 }
                    .flatMap { SearchTranslations.toEnglish[$0.terms[0]] ?? [] }.filter(\.curated)
            for entry in direct + pivots where !alternatives.contains(entry.terms.map { [$0] }) {
                alternatives.append(entry.terms.map { [$0] })
                translations.append(entry.text)
                wordRuns.append(SearchText.tokens(entry.text))
            }
            if direct.isEmpty, let parts, let partWords {
                // A compound no list knows: each part through itself or its translations.
                var slots: Alternative = []
                var slotWords: [[String]] = []
                for (part, partWord) in zip(parts, partWords) {
                    // A part the curated lists know is translated by them only: FreeDict gives every
                    // sense («rus» → russian beside the glossary's substance abuse).
                    let known = SearchTranslations.toEnglish[part] ?? []
                    let curated = known.filter(\.curated)
                    let entries = (curated.isEmpty ? known : curated).filter { $0.terms.count == 1 }
                        .filter(Self.meaningful).prefix(3)
                    slots.append(unique([part] + entries.map { $0.terms[0] }))
                    slotWords.append(unique([partWord] + entries.map(\.text)))
                    translations += entries.map(\.text)
                }
                if slots.contains(where: { $0.count > 1 }) {
                    alternatives.append(slots)
                    wordRuns += combinations(slotWords).dropFirst()  // the first is the parts themselves
                }
            }
        }
        return Group(
            word: word, alternatives: alternatives, translations: unique(translations), wordRuns: unique(wordRuns))
    }

    /// Whether a translation has a word that is not a stop word in either language.
    static func meaningful(_ entry: SearchTranslations.Entry) -> Bool {
        SearchText.tokens(entry.text).contains { !SearchText.stopWords.contains($0) }
    }

    /// One word from each slot, every way, the first slot's choice varying slowest; at most
    /// `limit` (so a compound of four parts with three translations each stays a short query).
    static func combinations(_ slots: [[String]], limit: Int = 16) -> [[String]] {
        var result: [[String]] = [[]]
        for slot in slots {
            result = result.flatMap { prefix in slot.map { prefix + [$0] } }
            if result.count > limit { result = Array(result.prefix(limit)) }
        }
        return result
    }

    /// Each word with what it was expanded with (only words that were).
    public var expansions: [(word: String, with: [String])] {
        groups.filter { !$0.translations.isEmpty }.map { ($0.word, $0.translations) }
    }

    public static func == (lhs: SearchQueryPlan, rhs: SearchQueryPlan) -> Bool {
        lhs.groups == rhs.groups && lhs.phrases == rhs.phrases && lhs.excluded == rhs.excluded
    }

    public var isEmpty: Bool { groups.isEmpty && phrases.isEmpty }

    // MARK: SQLite FTS5

    /// A term as one FTS5 string (a `"` inside doubled), so that no FTS5 syntax reaches the engine.
    public static func quotedTerm(_ term: String) -> String {
        "\"" + term.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// One group as an FTS5 expression (terms quoted: no user syntax reaches the engine).
    public static func fts5(_ group: Group) -> String {
        let alternatives = group.alternatives.map { alternative -> String in
            let slots = alternative.map { slot in
                slot.count == 1 ? quotedTerm(slot[0]) : "(" + slot.map(quotedTerm).joined(separator: " OR ") + ")"
            }
            return slots.count == 1 ? slots[0] : "(" + slots.joined(separator: " AND ") + ")"
        }
        return "(" + alternatives.joined(separator: " OR ") + ")"
    }

    /// The whole query for FTS5 MATCH: any group, every phrase, no excluded word; nil when nothing is left.
    public var fts5: String? {
        var parts: [String] = []
        if !groups.isEmpty { parts.append("(" + groups.map(Self.fts5).joined(separator: " OR ") + ")") }
        for phrase in phrases {
            parts.append(
                "(" + phrase.map { Self.quotedTerm($0.joined(separator: " ")) }.joined(separator: " OR ") + ")")
        }
        guard !parts.isEmpty else { return nil }
        var expression = parts.joined(separator: " AND ")
        for word in excluded {
            expression = "(" + expression + ") NOT (" + word.map(Self.quotedTerm).joined(separator: " OR ") + ")"
        }
        return expression
    }

    // MARK: PostgreSQL

    /// Text for `websearch_to_tsquery` (Norwegian and English): every group's alternatives joined
    /// by « or », the words of one alternative (a translation of several words) all required, as
    /// on SQLite; or, with phrases or exclusions, the user's text as written.
    public func websearch(original: String) -> String? {
        guard !isEmpty else { return nil }
        if !phrases.isEmpty || !excluded.isEmpty { return String(original.prefix(500)) }
        return Self.unique(groups.flatMap(Self.websearchAlternatives)).joined(separator: " or ")
    }

    /// One group's alternatives for PostgreSQL, each its words separated by spaces (which
    /// `websearch_to_tsquery` requires all of): the word itself, «welfare technology» for
    /// «velferdsteknologi», «skin cancer» for «hudkreft». Stop words are left out of runs of
    /// several words, and anything `websearch_to_tsquery` would read as an operator.
    public static func websearchAlternatives(_ group: Group) -> [String] {
        let runs = group.wordRuns.map { run in
            let plain = run.filter { !$0.isEmpty && $0 != "or" && $0.unicodeScalars.allSatisfy(Self.plainScalar) }
            let content = plain.filter { !SearchText.stopWords.contains($0) }
            return (plain.count > 1 && !content.isEmpty ? content : plain).joined(separator: " ")
        }
        return unique(runs.filter { !$0.isEmpty })
    }

    /// Letters and digits only: what PostgreSQL's `websearch_to_tsquery` reads as one plain word.
    static func plainScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
    }
}
