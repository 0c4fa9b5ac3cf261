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
/// each analysed in its language (``term(_:_:)``; SearchLanguage.swift). Queries are read by
/// ``SearchQueryPlan``.
public enum SearchText {
    /// The Norwegian index terms of `text`, in order, at most `limit` of them.
    public static func terms(_ text: String, limit: Int = .max) -> [String] {
        terms(text, language: .norwegian, limit: limit)
    }

    /// The words of `text`, lower case, unanalysed (for PostgreSQL, which stems itself).
    public static func words(_ text: String, limit: Int) -> [String] {
        text.lowercased().split { !($0.isLetter || $0.isNumber) }.prefix(limit).map(String.init)
    }

    /// Words in nearly every project, left out of "similar projects" key terms besides the stop words.
    static let commonWords: Set<String> = [
        "kommune", "kommunen", "prosjekt", "prosjektet", "project", "public", "service", "services",
    ]

    /// The most frequent distinctive terms of a text in `language`, for "similar projects".
    public static func keyTerms(_ text: String, count: Int, language: SearchLanguage = .norwegian) -> [String] {
        var frequency: [String: Int] = [:]
        var firstSeen: [String: Int] = [:]
        for (index, word) in tokens(text, limit: 2000).enumerated()
        where word.count >= 3 && !stopWords.contains(word) && !commonWords.contains(word)
            && !word.allSatisfy(\.isNumber)
        {
            let term = term(word, language)
            frequency[term, default: 0] += 1
            if firstSeen[term] == nil { firstSeen[term] = index }
        }
        return frequency.keys.sorted {
            (frequency[$0]!, -firstSeen[$0]!) > (frequency[$1]!, -firstSeen[$1]!)
        }.prefix(count).map { $0 }
    }
}
