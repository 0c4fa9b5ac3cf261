/// The Snowball Norwegian (bokmål) stemmer, as published at snowballstem.org
/// (algorithms/norwegian/stemmer.html), in Swift: SQLite has no Norwegian stemmer, so Fornye
/// stems the text it indexes in FTS5 and every query with this same function.
///
/// R1 is the region after the first non-vowel following a vowel, but at least three letters in.
/// Step 1 removes the longest main suffix in R1 (`ene`, `er`, `hetene`, …; `s` after a valid
/// s-ending; `erte`/`ert` → `er`); step 2 drops the `t` of `dt`/`vt` in R1; step 3 removes the
/// longest of `leg`, `lig`, `els`, `lov`, … in R1.
///
/// ```swift
/// NorwegianStemmer.stem("innovasjoner")   // "innovasjon"
/// NorwegianStemmer.stem("innovasjonene")  // "innovasjon"
/// ```
public enum NorwegianStemmer {
    static let vowels: Set<Character> = ["a", "e", "i", "o", "u", "y", "æ", "å", "ø"]

    static let step1Suffixes: [String] = [
        "hetenes", "hetene", "hetens", "heten", "heter", "endes", "edes", "enes", "ande", "ende",
        "ene", "ens", "ers", "ets", "het", "ast", "ede", "ane", "en", "ar", "er", "as", "es", "et", "a", "e",
    ].sorted { $0.count > $1.count }

    static let step1All: [String] = (step1Suffixes + ["erte", "ert", "s"]).sorted { $0.count > $1.count }

    static let step3Suffixes: [String] = [
        "hetslov", "eleg", "elig", "elov", "slov", "leig", "eig", "lig", "els", "lov", "ig",
    ].sorted { $0.count > $1.count }

    static let sEnding: Set<Character> = [
        "b", "c", "d", "f", "g", "h", "j", "l", "m", "n", "o", "p", "r", "t", "v", "y", "z",
    ]

    /// The stem of one lower-case word.
    public static func stem(_ word: String) -> String {
        var letters = Array(word)
        guard letters.count > 2 else { return word }
        let r1 = regionOne(letters)
        // Step 1: the longest of all step-1 suffixes decides, then whether it lies in R1.
        if let suffix = longestSuffix(of: letters, from: step1All, r1: r1) {
            switch suffix {
            case "erte", "ert": letters.removeLast(suffix.count - 2)
            case "s":
                let before = letters.count >= 2 ? letters[letters.count - 2] : " "
                let beforeThat: Character? = letters.count >= 3 ? letters[letters.count - 3] : nil
                if sEnding.contains(before) || (before == "k" && !(beforeThat.map { vowels.contains($0) } ?? false)) {
                    letters.removeLast()
                }
            default: letters.removeLast(suffix.count)
            }
        }
        // Step 2
        if endsInR1(letters, "dt", r1) || endsInR1(letters, "vt", r1) {
            letters.removeLast()
        }
        // Step 3
        if let suffix = longestSuffix(of: letters, from: step3Suffixes, r1: r1) {
            letters.removeLast(suffix.count)
        }
        return String(letters)
    }

    static func regionOne(_ letters: [Character]) -> Int {
        var index = 1
        while index < letters.count {
            if !vowels.contains(letters[index]) && vowels.contains(letters[index - 1]) {
                return max(index + 1, 3)
            }
            index += 1
        }
        return letters.count
    }

    static func endsInR1(_ letters: [Character], _ suffix: String, _ r1: Int) -> Bool {
        let suffix = Array(suffix)
        return letters.count - suffix.count >= r1 && letters.suffix(suffix.count).elementsEqual(suffix)
    }

    static func longestSuffix(of letters: [Character], from suffixes: [String], r1: Int) -> String? {
        // Snowball searches only inside R1 (`setlimit tomark p1`): the longest suffix that fits there.
        suffixes.first { suffix in
            letters.count - suffix.count >= r1 && letters.suffix(suffix.count).elementsEqual(Array(suffix))
        }
    }
}

/// Words as the search index sees them: lower case, split on anything not a letter or digit,
/// each stemmed by ``NorwegianStemmer``. English text goes through the same stemmer, which is
/// crude for English but treats the index and the query the same way, so plurals still meet.
public enum SearchText {
    /// The tokens of `text`, stemmed, in order, at most `limit` of them.
    public static func terms(_ text: String, limit: Int = .max) -> [String] {
        var terms: [String] = []
        var current = ""
        func flush() {
            if !current.isEmpty {
                terms.append(NorwegianStemmer.stem(current))
                current = ""
            }
        }
        for character in text.lowercased() {
            if terms.count >= limit { break }
            if character.isLetter || character.isNumber {
                current.append(character)
                if current.count > 60 { current = "" }  // not a word: nothing to find by it
            } else {
                flush()
            }
        }
        if terms.count < limit { flush() }
        return terms
    }

    /// The words of `text`, lower case, unstemmed (for PostgreSQL, which stems itself).
    public static func words(_ text: String, limit: Int) -> [String] {
        text.lowercased().split { !($0.isLetter || $0.isNumber) }.prefix(limit).map(String.init)
    }

    /// The text as stored in the index: its stemmed terms joined by spaces.
    public static func indexed(_ text: String) -> String {
        terms(text).joined(separator: " ")
    }

    /// Words too common to tell projects apart, left out of "similar projects" key terms.
    static let stopWords: Set<String> = Set(
        ([
            "og", "i", "på", "til", "for", "av", "med", "som", "er", "det", "en", "et", "å", "at", "den", "de", "om",
            "har", "ikke", "vi", "kan", "skal", "fra", "seg", "ble", "blir", "var", "eller", "ved", "sin", "sine",
            "the", "and", "of", "to", "in", "a", "is", "for", "on", "with", "by", "as", "an", "are", "that", "this",
            "be", "it", "from", "at", "or", "its", "their", "which", "has", "have", "was", "will", "can", "also",
            "kommune", "kommunen", "prosjekt", "prosjektet", "project", "public", "service", "services",
        ]).map(NorwegianStemmer.stem))

    /// The most frequent distinctive terms of a text, for "similar projects".
    public static func keyTerms(_ text: String, count: Int) -> [String] {
        var frequency: [String: Int] = [:]
        var firstSeen: [String: Int] = [:]
        for (index, term) in terms(text, limit: 2000).enumerated()
        where term.count >= 3 && !stopWords.contains(term) && !term.allSatisfy(\.isNumber) {
            frequency[term, default: 0] += 1
            if firstSeen[term] == nil { firstSeen[term] = index }
        }
        return frequency.keys.sorted {
            (frequency[$0]!, -firstSeen[$0]!) > (frequency[$1]!, -firstSeen[$1]!)
        }.prefix(count).map { $0 }
    }
}
