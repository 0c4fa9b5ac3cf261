import FluentKit
import FornyeProjectBank
import FornyeTestSupport
import Foundation
import Testing

@testable import FornyeStorage

/// `fornye projects eval-search` on both databases: on PostgreSQL the FTS5 baseline is built in a
/// separate SQLite database from the same records.
@Suite struct SearchEvaluationTests {
    @Test(arguments: TestDatabase.all)
    func evaluatesFornyeBesideTheBaselineOnEitherDatabase(database backend: TestDatabase) async throws {
        try await withProjectStorage(backend) { database in
            let records = try await ProjectRepository(database: database).createAll(
                relevanceCorpus, by: .importer, status: .published)
            let slug = { (title: String) in records.first { $0.title == title }!.slug }
            let set = SearchRelevanceSet(queries: [
                .init(kind: "title", text: "chatbot", expected: [slug("Chatbot for citizens' questions")]),
                .init(
                    kind: "norwegian", text: "forutsi konkurs",
                    expected: [slug("Predicting insolvency with machine learning")]),
            ])
            let postgres = try ProjectRepository.isPostgres(ProjectRepository.sql(database))
            let baseline = postgres ? try StorageRuntime(configuration: .init(backend: .sqlite(path: ":memory:"))) : nil
            do {
                try await baseline?.migrate()
                if postgres {
                    await #expect(throws: SearchRelevanceError.self) {
                        try await SearchEvaluation.run(set, on: database)
                    }
                }
                let evaluation = try await SearchEvaluation.run(set, on: database, baseline: baseline?.database)
                #expect(evaluation.rows.map(\.kind) == ["title", "norwegian"])
                #expect(evaluation.rows[0].fornye.mrr10 == 1 && evaluation.rows[0].baseline.mrr10 == 1)
                // Norwegian words for an English record: found through translations, not by the baseline.
                #expect(evaluation.rows[1].fornye.mrr10 == 1 && evaluation.rows[1].baseline.mrr10 == 0)
            } catch {
                await baseline?.shutdown()
                throw error
            }
            await baseline?.shutdown()
        }
    }
}
