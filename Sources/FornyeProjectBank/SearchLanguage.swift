/// The language a text is analysed in: English records through ``EnglishStemmer``, Norwegian
/// (bokmål and nynorsk) through ``NorwegianStemmer`` with folding, undoubling and compound parts.
public enum SearchLanguage: Sendable, CaseIterable {
    case norwegian, english

    /// From a document's `language` ("en" is English; "nb", "nn" and anything else Norwegian).
    public init(code: String) { self = code == "en" ? .english : .norwegian }
}

extension SearchText {
    /// æ→ae, ø→o, å→a and other letters without their accents (é→e, ü→u), so «okonomi» meets
    /// «økonomi» and «sprakloft» meets «språkløft». Applied after stemming (the stemmers know æøå).
    public static func fold(_ term: String) -> String {
        guard !term.unicodeScalars.allSatisfy({ $0.value < 128 }) else { return term }
        var result = ""
        for character in term {
            switch character {
            case "æ": result += "ae"
            case "ø": result += "o"
            case "å": result += "a"
            case "ä": result += "a"
            case "ö": result += "o"
            case "ü": result += "u"
            case "é", "è", "ê": result += "e"
            case "ó", "ò", "ô": result += "o"
            default: result.append(character)
            }
        }
        return result
    }

    /// A stem's final double consonant made single («sykehjemm» from «sykehjemmet» → «sykehjem»),
    /// as Norwegian doubles a final consonant before an ending.
    static func undouble(_ stem: String) -> String {
        guard stem.count > 3 else { return stem }
        let letters = Array(stem)
        let last = letters[letters.count - 1]
        guard last == letters[letters.count - 2], !NorwegianStemmer.vowels.contains(last), last.isLetter else {
            return stem
        }
        return String(letters.dropLast())
    }

    /// Derived adjectives meet their noun: «velferdsteknologisk(e)» → «velferdsteknologi»,
    /// «økonomisk» → «økonomi» (the `-isk` of words in `-logi`, `-nomi`, `-grafi`, … and `-sk` after `i`).
    static func underived(_ stem: String) -> String {
        guard stem.count >= 7, stem.hasSuffix("isk") else { return stem }
        return String(stem.dropLast(2))
    }

    /// The index term of one lower-case word in `language`.
    public static func term(_ word: String, _ language: SearchLanguage) -> String {
        switch language {
        case .english: return fold(EnglishStemmer.stem(word))
        case .norwegian: return fold(undouble(underived(NorwegianStemmer.stem(word))))
        }
    }

    /// The lower-case words of `text` (letters and digits; longer than 60 characters is no word).
    public static func tokens(_ text: String, limit: Int = .max) -> [String] {
        var result: [String] = []
        for word in text.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }) {
            if result.count >= limit { break }
            if word.count <= 60 { result.append(String(word)) }
        }
        return result
    }

    /// The index terms of `text` in `language`, in order, at most `limit`.
    public static func terms(_ text: String, language: SearchLanguage, limit: Int = .max) -> [String] {
        tokens(text, limit: limit).map { term($0, language) }
    }

    /// A column as stored in the SQLite index: its terms in order, then (Norwegian) the parts of
    /// its compounds, so «økonomi» finds «økonomistyring» and «sykehjem» «sykehjemsplass»
    /// (the parts come last so that phrases over the words keep their positions).
    public static func indexed(_ text: String, language: SearchLanguage) -> String {
        let words = tokens(text)
        var result = words.map { term($0, language) }
        if language == .norwegian {
            var seen = Set(result)
            for word in words {
                for part in NorwegianCompounds.parts(of: word) ?? [] {
                    let part = term(part, .norwegian)
                    if seen.insert(part).inserted { result.append(part) }
                }
            }
        }
        return result.joined(separator: " ")
    }
}
