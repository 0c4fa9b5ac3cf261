import Foundation

/// «Lignende prosjekter» (issue 21 step 7): a project's text as weighted index terms, compared by
/// tf-idf cosine. What the project is about (title twice, summary, problem, target group,
/// solution, novelty) counts in full; the service area at half weight, since imported cases carry
/// a classification label there that many share. Facet labels and sector are not text here.
///
/// Across languages through one pivot: a Norwegian record also holds the English translations of
/// its words (Fornye's glossary and Los first, FreeDict only when neither knows the word), and
/// Norwegian compounds also hold their parts and the parts' translations, so «kommunal gjeldsrådgivning» meets an English
/// «debt counselling» case. English records keep their English terms only: translating them
/// into Norwegian would give two English records matches on rare Norwegian terms of no weight
/// in the bank.
public struct SimilarityTerms: Sendable, Equatable {
    /// Term → weighted frequency (1 + ln of the weighted count).
    public var weights: [String: Double]

    /// At most this many terms a record (its most frequent): bounds what a re-ranking looks up.
    public static let most = 60

    public init(weights: [String: Double]) { self.weights = weights }

    public init(_ document: ProjectDocument) { self = Self.analysed(document).terms }

    /// The record's vector and every term its text gives (`vocabulary`, sorted: the vector keeps
    /// the ``most`` frequent only), whose presence the bank counts as document frequencies.
    public static func analysed(_ document: ProjectDocument) -> (terms: SimilarityTerms, vocabulary: [String]) {
        let language = SearchLanguage(code: document.language)
        // Terms in the order first met, their summed weights beside them (ties keep the earlier).
        var terms: [String] = []
        var counts: [Double] = []
        var position: [String: Int] = [:]
        func add(_ term: String, _ weight: Double) {
            if let index = position[term] {
                counts[index] += weight
            } else {
                position[term] = terms.count
                terms.append(term)
                counts.append(weight)
            }
        }
        let fields: [(String, Double)] = [
            (document.title, 2), (document.summary, 1), (document.problem, 1), (document.targetGroup, 1),
            (document.solution, 1), (document.novelty, 1), (document.serviceArea, 0.5),
        ]
        for (text, weight) in fields {
            for word in SearchText.tokens(text, limit: 1_000) where isContent(word) {
                for (term, share) in Self.terms(of: word, language) { add(term, weight * share) }
            }
        }
        let kept =
            terms.count <= most
            ? Array(terms.indices)
            : Array(terms.indices.sorted { counts[$0] != counts[$1] ? counts[$0] > counts[$1] : $0 < $1 }.prefix(most))
        let vector = SimilarityTerms(
            weights: Dictionary(uniqueKeysWithValues: kept.map { (terms[$0], 1 + log(counts[$0])) }))
        return (vector, terms.sorted())
    }

    /// A word worth comparing: three letters or more, no stop word, not in nearly every project, no number.
    static func isContent(_ word: String) -> Bool {
        word.count >= 3 && !SearchText.stopWords.contains(word) && !SearchText.commonWords.contains(word)
            && !word.allSatisfy(\.isNumber)
    }

    /// The one-word English translations of a Norwegian index term: the curated ones, else FreeDict's first.
    public static func english(of term: String) -> [String] {
        let entries = (SearchTranslations.toEnglish[term] ?? []).filter { $0.terms.count == 1 }
        let curated = entries.filter(\.curated)
        // Sorted: a set's order changes between processes, and the order breaks ties in the kept terms.
        return Set((curated.isEmpty ? Array(entries.prefix(1)) : curated).map { $0.terms[0] }).sorted()
    }

    /// The cosine of the two records' tf-idf vectors, 0 ... 1. `idf` gives each term's inverse
    /// document frequency in the bank.
    public func cosine(_ other: SimilarityTerms, idf: (String) -> Double) -> Double {
        func norm(_ weights: [String: Double]) -> Double {
            weights.reduce(0) { sum, entry in
                let weight = entry.value * idf(entry.key)
                return sum + weight * weight
            }.squareRoot()
        }
        let (small, large) = weights.count <= other.weights.count ? (weights, other.weights) : (other.weights, weights)
        var dot = 0.0
        for (term, weight) in small {
            guard let otherWeight = large[term] else { continue }
            let termIDF = idf(term)
            dot += weight * otherWeight * termIDF * termIDF
        }
        let denominator = norm(weights) * norm(other.weights)
        return denominator > 0 ? dot / denominator : 0
    }

    /// ln(1 + projects / df), df at least 1 (a term the bank does not hold weighs as the rarest).
    public static func idf(documentFrequency: Int, projects: Int) -> Double {
        log(1 + Double(max(projects, 1)) / Double(max(documentFrequency, 1)))
    }
}
