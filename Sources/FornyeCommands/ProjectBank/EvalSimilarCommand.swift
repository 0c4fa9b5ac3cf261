import ArgumentParser
import FornyeStorage
import Foundation

/// `fornye projects eval-similar`: precision at 5 of «Lignende prosjekter» on judged projects of
/// the demo bank (docs/PROJECTBANK.md, «Measuring similar projects»).
struct EvalSimilarCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval-similar",
        abstract: "Measure similar projects (precision at 5) against judgements made by reading the records.")

    @Option(help: "Judgements (source<TAB>candidate<TAB>1|0); default: the bundled ones.") var judgements: String?
    @Option(
        name: .customLong("database-url"),
        help: """
            An SQLite file, or a postgres:// URL, holding the bank (seeded with the demo bank when empty); \
            default: SQLite in memory.
            """)
    var databaseURL: String?
    @Flag(help: "Also print each source's first five with their judgements (? = not judged).") var details = false

    func run() async throws {
        guard let url = judgements.map({ URL(fileURLWithPath: $0) }) ?? SimilarJudgements.bundled else {
            throw ValidationError("no judgements bundled; pass --judgements")
        }
        let set: SimilarJudgements
        do {
            set = try SimilarJudgements(tsv: try String(contentsOf: url, encoding: .utf8), file: url.lastPathComponent)
        } catch let error as SearchRelevanceError {
            throw ValidationError(error.description)
        } catch {
            throw ValidationError("\(url.path): cannot read (\(error.localizedDescription))")
        }
        let runtime = try StorageRuntime(configuration: EvaluationStorage.configuration(databaseURL: databaseURL))
        do {
            try await runtime.migrate()
            try await ProjectDemoContent.seedIfEmpty(runtime.database)
            let evaluation = try await SimilarEvaluation.run(set, on: runtime.database)
            print(Self.summary(evaluation))
            if details {
                for source in evaluation.sources {
                    print("\(source.slug)\t\(String(format: "%.1f", source.precision5))")
                    for item in source.top {
                        let mark = item.similar.map { $0 ? "1" : "0" } ?? "?"
                        print("\t\(mark)\t\(item.slug)\t\(item.title.prefix(70))")
                    }
                }
            }
        } catch {
            await runtime.shutdown()
            if let error = error as? SearchRelevanceError { throw ValidationError(error.description) }
            throw error
        }
        await runtime.shutdown()
    }

    static func summary(_ evaluation: SimilarEvaluation) -> String {
        String(
            format: "sources %d   P@5 %.2f   sources with ≥3 of 5 similar: %d   unjudged in the top 5: %d",
            evaluation.sources.count, evaluation.precision5, evaluation.atLeastThree, evaluation.unjudged)
    }
}
