public import FluentKit
import FornyeProjectBank
import Foundation

/// Judgements of «Lignende prosjekter» (issue 21 step 7): for some projects of the demo bank,
/// which other projects a person reading both found clearly similar. Read from a tab-separated
/// file, `source<TAB>candidate<TAB>1|0` (an IPS-X case's `id`, else the slug, as in the search's
/// relevance set: slugs of imported cases change with every import; 1 = clearly similar, 0 = not); lines
/// starting with `#` and the header `source	candidate	similar` are skipped.
public struct SimilarJudgements: Sendable {
    /// Source slug → candidate slug → clearly similar.
    public var judged: [String: [String: Bool]]
    /// The sources in the order they first occur.
    public var sources: [String]

    /// The judgements bundled with Fornye (`Resources/search/similar-judgements.tsv`).
    public static var bundled: URL? {
        Bundle.module.url(forResource: "similar-judgements", withExtension: "tsv", subdirectory: "Resources/search")
    }

    /// Parses the file's text; a malformed line is an error naming its line number.
    public init(tsv text: String, file: String) throws {
        judged = [:]
        sources = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") || trimmed.hasPrefix("source\t") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            guard fields.count == 3, !fields[0].isEmpty, !fields[1].isEmpty, fields[2] == "1" || fields[2] == "0" else {
                throw SearchRelevanceError(
                    description:
                        "\(file), line \(index + 1): expected source<TAB>candidate<TAB>1 or 0, got «\(line.prefix(80))»"
                )
            }
            if judged[fields[0]] == nil { sources.append(fields[0]) }
            judged[fields[0], default: [:]][fields[1]] = fields[2] == "1"
        }
        guard !sources.isEmpty else { throw SearchRelevanceError(description: "\(file): no judgements") }
    }
}

/// Precision at 5 of «Lignende prosjekter» on judged sources: the share of each source's first
/// five that a person judged clearly similar, averaged. A candidate nobody judged counts as not
/// similar and is listed, so that it can be read and judged.
public struct SimilarEvaluation: Sendable {
    public struct Source: Sendable {
        public var slug: String
        /// The first five, each with its judgement (nil = not judged).
        public var top: [(slug: String, title: String, similar: Bool?)]
        public var precision5: Double { Double(top.filter { $0.similar == true }.count) / 5 }
    }

    public var sources: [Source]
    /// Sources with at least 3 of their first five clearly similar (the issue's target: most of them).
    public var atLeastThree: Int { sources.filter { $0.top.filter { $0.similar == true }.count >= 3 }.count }
    public var precision5: Double {
        sources.isEmpty ? 0 : sources.map(\.precision5).reduce(0, +) / Double(sources.count)
    }
    public var unjudged: Int { sources.map { $0.top.filter { $0.similar == nil }.count }.reduce(0, +) }

    /// Runs `judgements` against the bank in `database`; a source slug not in the bank is an error.
    public static func run(_ judgements: SimilarJudgements, on database: any Database) async throws
        -> SimilarEvaluation
    {
        var byIdentifier: [String: ProjectRecord] = [:]
        for record in try await ProjectRepository(database: database).list(statuses: [.published]) {
            byIdentifier[try SearchEvaluation.identifier(of: record)] = record
        }
        let search = ProjectSearch(database: database)
        var sources: [Source] = []
        for identifier in judgements.sources {
            guard let record = byIdentifier[identifier] else {
                throw SearchRelevanceError(description: "no published project «\(identifier)» in the bank")
            }
            let similar = try await search.similar(to: try record.document(), excluding: record.slug, limit: 5)
            let judged = judgements.judged[identifier] ?? [:]
            sources.append(
                Source(
                    slug: identifier,
                    top: try similar.map {
                        let id = try SearchEvaluation.identifier(of: $0)
                        return (id, $0.title, judged[id])
                    }))
        }
        return SimilarEvaluation(sources: sources)
    }
}
