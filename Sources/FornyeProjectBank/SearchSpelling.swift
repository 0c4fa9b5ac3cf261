import Foundation

/// «Mente du …?» (issue 21): a query word no project holds is compared with the index's own
/// terms by edit distance (adjacent swaps count one), and the closest one is offered, the most
/// frequent (document frequency) among equally close ones. Short words are left alone: at four
/// letters nearly every edit is another real word.
public enum SearchSpelling {
    /// The edits a term of this many letters may be away from a suggestion: none below 4, one
    /// up to 6, two from 7.
    public static func allowedDistance(_ term: String) -> Int {
        switch term.count {
        case ..<4: 0
        case 4...6: 1
        default: 2
        }
    }

    /// The optimal-string-alignment distance between `a` and `b` (insert, delete, substitute, swap
    /// two neighbours), or nil when it is above `limit` (cut off early: most candidates are far).
    public static func distance(_ a: String, _ b: String, limit: Int) -> Int? {
        let a = Array(a.unicodeScalars)
        let b = Array(b.unicodeScalars)
        guard abs(a.count - b.count) <= limit else { return nil }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var before = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowBest = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, before[j - 2] + 1)
                }
                current[j] = value
                rowBest = min(rowBest, value)
            }
            if rowBest > limit { return nil }
            (before, previous, current) = (previous, current, before)
        }
        return previous[b.count] <= limit ? previous[b.count] : nil
    }

    /// The closest of `candidates` (index terms with their document frequencies) to `term`
    /// within ``allowedDistance(_:)``; ties go to the more frequent, then the alphabetically first.
    public static func closest(to term: String, among candidates: [(term: String, df: Int)]) -> (
        term: String, distance: Int, df: Int
    )? {
        let limit = allowedDistance(term)
        guard limit > 0 else { return nil }
        var best: (term: String, distance: Int, df: Int)?
        for candidate in candidates where candidate.term != term && candidate.df > 0 {
            guard let distance = distance(term, candidate.term, limit: best.map { min($0.distance, limit) } ?? limit)
            else { continue }
            if let current = best,
                (current.distance, -current.df, current.term) <= (distance, -candidate.df, candidate.term)
            {
                continue
            }
            best = (candidate.term, distance, candidate.df)
        }
        return best
    }

    /// The word the user would write for `corrected`, a term close to `word`'s own `term` in
    /// `language`: the corrected term with the ending the analysis took off `word` («stavnager»,
    /// term «stavnag», corrected «stavang» → «stavanger»), when that analyses back to `corrected`;
    /// else the term itself.
    public static func respell(_ word: String, term: String, as corrected: String, language: SearchLanguage)
        -> String
    {
        let folded = SearchText.fold(word)
        if folded.hasPrefix(term) {
            let candidate = corrected + folded.dropFirst(term.count)
            if SearchText.term(candidate, language) == corrected { return candidate }
        }
        return corrected
    }

    /// `text` with the first occurrence of each `(word, replacement)`'s word (a whole word, any
    /// case) replaced.
    public static func replacing(_ replacements: [(word: String, with: String)], in text: String) -> String {
        var result = text
        for (word, replacement) in replacements {
            var searchStart = result.startIndex
            while let range = result.range(of: word, options: .caseInsensitive, range: searchStart..<result.endIndex) {
                let before =
                    range.lowerBound == result.startIndex ? nil : result[result.index(before: range.lowerBound)]
                let after = range.upperBound == result.endIndex ? nil : result[range.upperBound]
                if !(before?.isLetter ?? false) && !(before?.isNumber ?? false) && !(after?.isLetter ?? false)
                    && !(after?.isNumber ?? false)
                {
                    result.replaceSubrange(range, with: replacement)
                    break
                }
                searchStart = range.upperBound
            }
        }
        return result
    }
}
