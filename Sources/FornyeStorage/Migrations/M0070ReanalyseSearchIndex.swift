import FluentKit
import FluentSQL

/// Rewrites every project's search-index entry with the analysis of issue 21 (SQLite: English
/// records through the Porter stemmer, Norwegian ones folded, undoubled and with their compound
/// parts; both backends: facet labels and organisation category no longer in the body), then
/// recounts `project_terms` (SQLite; PostgreSQL's triggers keep it). Reads the records through
/// ``ProjectRepository/index(_:_:on:)``, so a later change of analysis needs a migration of its own.
struct M0070ReanalyseSearchIndex: AsyncMigration {
    var name: String { "0070-reanalyse-search-index" }

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        var lastKey = -1
        while true {
            let records = try await ProjectRecord.query(on: database).filter(\.$searchKey > lastKey)
                .sort(\.$searchKey).limit(500).all()
            guard let last = records.last else { break }
            for record in records { try await ProjectRepository.index(record, try record.document(), on: sql) }
            lastKey = last.searchKey
        }
        if !ProjectRepository.isPostgres(sql) { try await ProjectTermCounts.rebuild(on: sql) }
    }

    func revert(on database: any Database) async throws {}
}
