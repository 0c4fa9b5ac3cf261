public import Foundation

/// A relevance set for the bank's search: queries of a few kinds, each with the ids of the
/// projects a user means (any one of them counts as found). Read from a tab-separated file:
/// `kind<TAB>query<TAB>ids`, ids space-separated (an IPS-X `id`, i.e. `source.identifier`, or a
/// project slug); lines starting with `#` and the header line `kind	query	expected` are skipped.
public struct SearchRelevanceSet: Sendable {
    public struct Query: Sendable, Equatable {
        public var kind: String
        public var text: String
        public var expected: Set<String>
    }

    public var queries: [Query]

    /// The set bundled with Fornye (`Resources/search/relevance.tsv`).
    public static var bundled: URL? {
        Bundle.module.url(forResource: "relevance", withExtension: "tsv", subdirectory: "Resources/search")
    }

    public init(queries: [Query]) { self.queries = queries }

    /// Parses the file's text; a malformed line is an error naming its line number.
    public init(tsv text: String, file: String) throws {
        var queries: [Query] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") || trimmed.hasPrefix("kind\t") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            let ids = fields.count == 3 ? Set(fields[2].split(separator: " ").map(String.init)) : []
            guard fields.count == 3, !fields[0].isEmpty, !fields[1].isEmpty, !ids.isEmpty else {
                throw SearchRelevanceError(
                    description: "\(file), line \(index + 1): expected kind<TAB>query<TAB>ids, got «\(line.prefix(80))»"
                )
            }
            queries.append(Query(kind: fields[0], text: String(fields[1].prefix(500)), expected: ids))
        }
        guard !queries.isEmpty else { throw SearchRelevanceError(description: "\(file): no queries") }
        self.queries = queries
    }

    /// The kinds in the order they first occur.
    public var kinds: [String] {
        var seen: [String] = []
        for query in queries where !seen.contains(query.kind) { seen.append(query.kind) }
        return seen
    }
}

public struct SearchRelevanceError: Error, CustomStringConvertible {
    public var description: String
}

/// Recall@5, recall@10 and MRR@10 over a set of queries (a query counts as recalled when any
/// of its expected ids is in the first k; its reciprocal rank is that of the first expected id).
public struct SearchRelevanceScore: Sendable, Equatable {
    public var queries = 0
    public var found5 = 0
    public var found10 = 0
    public var reciprocalRanks = 0.0

    public init() {}

    public mutating func add(ranked ids: [String], expected: Set<String>) {
        queries += 1
        guard let rank = ids.prefix(10).firstIndex(where: expected.contains) else { return }
        if rank < 5 { found5 += 1 }
        found10 += 1
        reciprocalRanks += 1 / Double(rank + 1)
    }

    public var recall5: Double { queries == 0 ? 0 : Double(found5) / Double(queries) }
    public var recall10: Double { queries == 0 ? 0 : Double(found10) / Double(queries) }
    public var mrr10: Double { queries == 0 ? 0 : reciprocalRanks / Double(queries) }
}
