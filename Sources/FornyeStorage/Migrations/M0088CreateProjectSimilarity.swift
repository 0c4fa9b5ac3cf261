import FluentKit
import FluentSQL

/// «Lignende prosjekter» reads stored vectors (issue 21): `project_similarity` holds each
/// project's ``SimilarityTerms`` by search key (`terms`) and every term its text gives
/// (`vocabulary`, space-separated), `project_similarity_terms` per term the number of projects
/// whose vocabulary holds it. Both written by ``ProjectRepository`` in each save's
/// transaction; filled here from every stored record.
struct M0088CreateProjectSimilarity: AsyncMigration {
    var name: String { "0088-create-project-similarity" }

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        let postgres = sql.dialect.name == "postgresql"
        try await sql.raw(
            "CREATE TABLE project_similarity (key INTEGER PRIMARY KEY, terms TEXT NOT NULL, vocabulary TEXT NOT NULL)"
        ).run()
        try await sql.raw(
            "CREATE TABLE project_similarity_terms (term TEXT PRIMARY KEY, df INTEGER NOT NULL)"
                + (postgres ? "" : " WITHOUT ROWID")
        ).run()
        try await ProjectSimilarityVectors.rebuild(on: sql, database: database)
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("DROP TABLE project_similarity_terms").run()
        try await sql.raw("DROP TABLE project_similarity").run()
    }
}
