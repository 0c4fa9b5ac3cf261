import Foundation

/// Splits Norwegian compounds into their parts with a lexicon of words that form compounds,
/// derived from the bokmål hunspell dictionary (`Resources/search/nb-compound-parts.txt`, see
/// SOURCE.md there): «sykehjemmet» → syke|hjemmet, «velferdsteknologi» → velferd|s|teknologi,
/// «skolefritidsordning» → skole|fritid|s|ordning.
///
/// A split takes the longest head (3+ letters) that is a lexicon word, an optional linking s or
/// e, and a tail of 4+ letters that is a lexicon word (or whose stem is one's), or splits again.
public enum NorwegianCompounds {
    /// The lexicon's words.
    static let lexicon: Set<String> = {
        guard
            let url = Bundle.module.url(
                forResource: "nb-compound-parts", withExtension: "txt", subdirectory: "Resources/search"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { return [] }
        return Set(text.split(separator: "\n").map(String.init))
    }()

    /// The lexicon's words stemmed (an inflected tail such as «hjemmet» is found by its stem).
    static let stems: Set<String> = Set(lexicon.map { SearchText.term($0, .norwegian) })

    /// The parts of a lower-case word, nil when it is no compound (or too short to be one).
    public static func parts(of word: String) -> [String]? {
        guard word.count >= 7 else { return nil }
        return split(Array(word), depth: 0)
    }

    static func split(_ letters: [Character], depth: Int) -> [String]? {
        guard depth < 4, letters.count >= 7 else { return nil }
        var headLength = letters.count - 4
        while headLength >= 3 {
            let head = String(letters[..<headLength])
            if lexicon.contains(head) {
                for link in ["", "s", "e"] {
                    let start = headLength + link.count
                    guard letters.count - start >= 4, link.isEmpty || letters[headLength] == Character(link) else {
                        continue
                    }
                    let tail = Array(letters[start...])
                    let tailWord = String(tail)
                    if lexicon.contains(tailWord) || stems.contains(SearchText.term(tailWord, .norwegian)) {
                        return [head, tailWord]
                    }
                    // Splitting on: only after a head of 4+ letters, so a foreign word
                    // («komplikasjoner») is not cut into short accidental words.
                    if headLength >= 4, let rest = split(tail, depth: depth + 1), rest.allSatisfy({ $0.count >= 4 }) {
                        return [head] + rest
                    }
                }
            }
            headLength -= 1
        }
        return nil
    }
}
