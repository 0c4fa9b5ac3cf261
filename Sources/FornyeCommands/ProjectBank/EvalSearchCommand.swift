import ArgumentParser
import FornyeStorage
import Foundation

/// `fornye projects eval-search`: recall and MRR of the bank's search on a relevance set, beside
/// a plain FTS5 BM25 baseline (docs/PROJECTBANK.md, «Measuring search»).
struct EvalSearchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval-search",
        abstract: "Measure search relevance (recall@5, recall@10, MRR@10 per kind) against a plain BM25 baseline.")

    @Option(help: "A relevance set (kind<TAB>query<TAB>ids); default: the bundled one.") var queries: String?
    @Option(
        name: .customLong("database-url"),
        help: """
            An SQLite file or postgres:// URL holding the bank (seeded with the demo bank when empty); default: \
            in memory. On PostgreSQL the demo bank is also searched in memory on SQLite and printed beside it.
            """)
    var databaseURL: String?
    @Flag(help: "Also print each query with the rank of its first expected id.") var details = false

    func run() async throws {
        guard let url = queries.map({ URL(fileURLWithPath: $0) }) ?? SearchRelevanceSet.bundled else {
            throw ValidationError("no relevance set bundled; pass --queries")
        }
        let set: SearchRelevanceSet
        do {
            set = try SearchRelevanceSet(tsv: try String(contentsOf: url, encoding: .utf8), file: url.lastPathComponent)
        } catch let error as SearchRelevanceError {
            throw ValidationError(error.description)
        } catch {
            throw ValidationError("\(url.path): cannot read (\(error.localizedDescription))")
        }
        let postgres = databaseURL?.contains("://") == true
        let runtime = try StorageRuntime(configuration: EvaluationStorage.configuration(databaseURL: databaseURL))
        // On PostgreSQL: the baseline's FTS5 table and the same evaluation on SQLite, in memory.
        let sqlite = postgres ? try StorageRuntime(configuration: .init(backend: .sqlite(path: ":memory:"))) : nil
        do {
            try await runtime.migrate()
            try await ProjectDemoContent.seedIfEmpty(runtime.database)
            var onSQLite: SearchEvaluation?
            if let sqlite {
                try await sqlite.migrate()
                try await ProjectDemoContent.seedIfEmpty(sqlite.database)
                onSQLite = try await SearchEvaluation.run(set, on: sqlite.database)
            }
            let evaluation = try await SearchEvaluation.run(set, on: runtime.database, baseline: sqlite?.database)
            print(onSQLite.map { Self.table(evaluation, beside: $0) } ?? Self.table(evaluation))
            if details {
                // On PostgreSQL the SQLite rank comes first: kind, SQLite, PostgreSQL, baseline, query.
                for (index, detail) in evaluation.details.enumerated() {
                    let fornye = detail.fornyeRank.map(String.init) ?? "-"
                    let baseline = detail.baselineRank.map(String.init) ?? "-"
                    let sqliteRank =
                        onSQLite.map { ($0.details[index].fornyeRank.map(String.init) ?? "-") + "\t" } ?? ""
                    print(
                        "\(detail.query.kind)\t\(sqliteRank)\(fornye)\t\(baseline)\t\(detail.query.text)\t\(detail.expansions)"
                    )
                    print("\t\t\t" + detail.top.map { String($0.prefix(50)) }.joined(separator: " | "))
                }
            }
        } catch {
            await sqlite?.shutdown()
            await runtime.shutdown()
            if let error = error as? SearchRelevanceError { throw ValidationError(error.description) }
            throw error
        }
        await sqlite?.shutdown()
        await runtime.shutdown()
    }

    /// PostgreSQL's figures beside SQLite's on the same relevance set and baseline.
    static func table(_ postgres: SearchEvaluation, beside sqlite: SearchEvaluation) -> String {
        func figures(_ score: SearchRelevanceScore) -> String {
            String(format: "%5.2f %5.2f %6.3f", score.recall5, score.recall10, score.mrr10)
        }
        var lines = [
            "kind          n   SQLite: R@5  R@10  MRR@10   PostgreSQL: R@5  R@10  MRR@10   baseline BM25: R@5  R@10  MRR@10"
        ]
        for (row, other) in zip(postgres.rows, sqlite.rows) {
            let kind = row.kind.padding(toLength: 12, withPad: " ", startingAt: 0)
            lines.append(
                "\(kind) \(String(format: "%3d", row.fornye.queries))         \(figures(other.fornye))"
                    + "             \(figures(row.fornye))                 \(figures(row.baseline))")
        }
        return lines.joined(separator: "\n")
    }

    static func table(_ evaluation: SearchEvaluation) -> String {
        func figures(_ score: SearchRelevanceScore) -> String {
            String(format: "%5.2f %5.2f %6.3f", score.recall5, score.recall10, score.mrr10)
        }
        var lines = [
            "kind          n   Fornye: R@5  R@10  MRR@10   baseline BM25: R@5  R@10  MRR@10"
        ]
        for row in evaluation.rows {
            let kind = row.kind.padding(toLength: 12, withPad: " ", startingAt: 0)
            lines.append(
                "\(kind) \(String(format: "%3d", row.fornye.queries))         \(figures(row.fornye))"
                    + "                 \(figures(row.baseline))")
        }
        return lines.joined(separator: "\n")
    }
}
