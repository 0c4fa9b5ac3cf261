extension SearchText {
    /// Bokmål, nynorsk and English function words (after Snowball's stop lists, shortened): left
    /// out of queries, so «for», «of», «i», «og» no longer match hundreds of records, and out of
    /// "similar projects" key terms. The index keeps them, for phrases.
    public static let stopWords: Set<String> = norwegianStopWords.union(englishStopWords)

    static let norwegianStopWords: Set<String> = [
        "og", "i", "på", "til", "for", "av", "med", "som", "er", "det", "en", "et", "ei", "å", "at", "den", "de",
        "om", "har", "ikke", "vi", "kan", "skal", "fra", "seg", "ble", "blir", "bli", "var", "eller", "ved", "sin",
        "sine", "sitt", "han", "hun", "hen", "dei", "dem", "meg", "deg", "oss", "dere", "jeg", "eg", "du", "min",
        "mitt", "mine", "din", "ditt", "dine", "vår", "våre", "deres", "hans", "hennes", "hva", "kva", "hvem",
        "kven", "hvor", "kvar", "når", "hvordan", "korleis", "hvorfor", "kvifor", "så", "da", "der", "her", "dette",
        "disse", "denne", "noe", "noen", "nokon", "noko", "mange", "mye", "alle", "også", "men", "bare", "berre",
        "etter", "før", "over", "under", "mot", "uten", "utan", "inn", "ut", "opp", "ned", "hos", "mellom",
        "gjennom", "blant", "vil", "ville", "kunne", "skulle", "må", "måtte", "hadde", "vært", "være", "vere",
        "være", "både", "enn", "slik", "sånn", "hver", "kvar", "selv", "sjølv", "samme", "andre", "annen", "annet",
        "nå", "no", "ja", "nei", "ingen", "inga", "mer", "meir", "mest", "flere", "fleire",
    ]

    static let englishStopWords: Set<String> = [
        "the", "and", "of",
        "to", "in", "a", "is", "on", "with", "by", "as", "an", "are", "that", "this", "these", "those", "be", "it",
        "from", "at", "or", "its", "their", "which", "has", "have", "had", "was", "were", "will", "would", "can",
        "could", "should", "also", "into", "about", "than", "then", "there", "they", "them", "we", "our", "you",
        "your", "he", "she", "his", "her", "who", "whom", "what", "when", "where", "why", "how", "not", "no",
        "but", "if", "so", "do", "does", "did", "been", "being", "such", "some", "any", "all", "each", "more",
        "most", "other", "only", "own", "same", "very", "via", "out", "up", "over", "under", "again", "i", "me",
        "my", "us", "its", "it's", "while", "both", "between", "through", "during", "before", "after", "above",
        "below", "off", "just", "too", "may", "might", "must", "shall",
        // Light verbs from longer stop lists (SMART): «will go bankrupt» is about «bankrupt».
        "go", "goes", "going", "gone", "went", "get", "gets", "getting", "got", "make", "makes", "made", "take",
        "takes", "come", "comes", "keep", "keeps", "stay", "stays", "way", "ways", "much", "many", "well",
    ]

    /// The words of `text` that are not stop words (all of them when every word is one).
    public static func contentTokens(_ text: String, limit: Int = .max) -> [String] {
        let all = tokens(text, limit: limit)
        let content = all.filter { !stopWords.contains($0) }
        return content.isEmpty ? all : content
    }

    /// The language a query is written in, when its words tell: function words only one language
    /// has (or æ, ø, å) first, then which language's word lists know more of its words; nil when
    /// they do not tell (a lone «chatbot»). Translations then go one way only.
    public static func queryLanguage(_ words: [String]) -> SearchLanguage? {
        let norwegian =
            words.filter { norwegianStopWords.contains($0) && !englishStopWords.contains($0) }.count
            + words.filter { $0.contains(where: { "æøå".contains($0) }) }.count
        let english = words.filter { englishStopWords.contains($0) && !norwegianStopWords.contains($0) }.count
        if norwegian != english { return norwegian > english ? .norwegian : .english }
        let content = words.filter { !stopWords.contains($0) }
        let knownNorwegian = content.filter {
            NorwegianCompounds.lexicon.contains($0) || SearchTranslations.toEnglish[term($0, .norwegian)] != nil
        }.count
        let knownEnglish = content.filter { SearchTranslations.toNorwegian[term($0, .english)] != nil }.count
        if knownNorwegian != knownEnglish { return knownNorwegian > knownEnglish ? .norwegian : .english }
        return nil
    }
}
