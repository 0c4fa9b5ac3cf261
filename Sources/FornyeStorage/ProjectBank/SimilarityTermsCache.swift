import FornyeProjectBank
import Synchronization

/// Each stored record's ``SimilarityTerms``, remembered for the process: every project page orders
/// up to 60 candidates by cosine, and the candidates of one page are largely those of the next.
/// Keyed by the record's slug, version and stored text, so an edited record is analysed afresh.
enum SimilarityTermsCache {
    private struct Key: Hashable, Sendable {
        var slug: String
        var version: Int
        var text: Int
    }

    private static let vectors = Mutex<[Key: SimilarityTerms]>([:])

    static func terms(of record: ProjectRecord) throws -> SimilarityTerms {
        let key = Key(slug: record.slug, version: record.version, text: record.documentJSON.hashValue)
        if let known = vectors.withLock({ $0[key] }) { return known }
        let terms = SimilarityTerms(try record.document())
        vectors.withLock { cache in
            // Bounded (60 terms a record): a bank several times the demo's fits; beyond, start afresh.
            if cache.count >= 20_000 { cache.removeAll(keepingCapacity: true) }
            cache[key] = terms
        }
        return terms
    }
}
