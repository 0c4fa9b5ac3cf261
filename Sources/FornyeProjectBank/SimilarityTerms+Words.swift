import Synchronization

extension SimilarityTerms {
    /// The terms one content word adds, each with its share of the field's weight: its index term;
    /// for a Norwegian word also its compound parts (half), their English (a quarter) and its own
    /// English (half).
    ///
    /// Remembered for the process: stemming, compound splitting and translation are nearly all the
    /// cost of a vector (every save and bulk load makes one; a project page makes its source's),
    /// and a bank's words repeat. The answer depends on the word alone, so it never goes stale.
    static func terms(of word: String, _ language: SearchLanguage) -> [(term: String, share: Double)] {
        let key = WordKey(word: word, language: language)
        if let known = analysed.withLock({ $0[key] }) { return known }
        let term = SearchText.term(word, language)
        var result: [(term: String, share: Double)] = [(term, 1)]
        if language == .norwegian {
            for part in NorwegianCompounds.parts(of: word) ?? [] where isContent(part) {
                let partTerm = SearchText.term(part, .norwegian)
                result.append((partTerm, 0.5))
                result += english(of: partTerm).map { ($0, 0.25) }
            }
            result += english(of: term).map { ($0, 0.5) }
        }
        analysed.withLock { cache in
            // Bounded: a bank's vocabulary fits many times over; an unusual flood starts afresh.
            if cache.count >= 200_000 { cache.removeAll(keepingCapacity: true) }
            cache[key] = result
        }
        return result
    }

    private struct WordKey: Hashable, Sendable {
        var word: String
        var language: SearchLanguage
    }

    private static let analysed = Mutex<[WordKey: [(term: String, share: Double)]]>([:])
}
