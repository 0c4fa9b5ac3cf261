import FluentKit
import FluentSQL
import FornyeProjectBank
import Foundation

/// Each project's ``SimilarityTerms``, made when it is saved, and per term the number of projects
/// whose text holds it (migration 0088): «Lignende prosjekter» reads its candidates' vectors and
/// their terms' document frequencies instead of analysing 60 texts on every project page (stemming,
/// compounds and translations were nearly all of its time). Written in the save's transaction by
/// ``ProjectRepository`` (create, update, delete, bulk load); the analysis behind a vector lives in
/// `FornyeProjectBank`, so a change to it needs a migration that calls ``rebuild(on:)``.
enum ProjectSimilarityVectors {
    /// Stores the vectors of `items` (search key, document), replacing any stored for those keys,
    /// and moves the document frequencies by the difference of their vocabularies (every term the
    /// text gives, not only the vector's: a term's frequency is then the share of the bank whose
    /// text holds it, whatever else a record says).
    /// `new`: the keys have never had a vector (a create or bulk load), so none is looked up.
    static func write(_ items: [(key: Int, document: ProjectDocument)], new: Bool = false, on sql: any SQLDatabase)
        async throws
    {
        guard !items.isEmpty else { return }
        let analysed = items.map { (key: $0.key, SimilarityTerms.analysed($0.document)) }
        let previous = new ? [:] : try await vocabularies(Array(Set(items.map(\.key))), on: sql)
        var delta: [String: Int] = [:]
        for terms in previous.values { for term in terms { delta[term, default: 0] -= 1 } }
        for item in analysed { for term in item.1.vocabulary { delta[term, default: 0] += 1 } }
        if !previous.isEmpty {
            try await sql.raw("DELETE FROM project_similarity WHERE key IN (\(binds: Array(previous.keys)))").run()
        }
        for batch in ProjectRepository.batches(analysed, size: 200) {
            let rows: [SQLQueryString] = batch.map {
                "(\(bind: $0.key), \(bind: $0.1.terms.stored), \(bind: $0.1.vocabulary.joined(separator: " ")))"
            }
            try await sql.raw(
                "INSERT INTO project_similarity (key, terms, vocabulary) VALUES " + rows.joined(separator: ", ")
            ).run()
        }
        try await ProjectTermCounts.add(delta, to: "project_similarity_terms", on: sql)
    }

    /// Removes the vector of `key` and uncounts its vocabulary.
    static func remove(_ key: Int, on sql: any SQLDatabase) async throws {
        guard let terms = try await vocabularies([key], on: sql)[key] else { return }
        try await sql.raw("DELETE FROM project_similarity WHERE key = \(bind: key)").run()
        try await ProjectTermCounts.add(
            Dictionary(terms.map { ($0, -1) }, uniquingKeysWith: +), to: "project_similarity_terms", on: sql)
    }

    /// The stored vocabularies of `keys` (keys without one left out).
    static func vocabularies(_ keys: [Int], on sql: any SQLDatabase) async throws -> [Int: [String]] {
        var result: [Int: [String]] = [:]
        for batch in ProjectRepository.batches(keys, size: 500) {
            for row in try await sql.raw(
                "SELECT key, vocabulary FROM project_similarity WHERE key IN (\(binds: batch))"
            ).all() {
                result[try row.decode(column: "key", as: Int.self)] =
                    try row.decode(column: "vocabulary", as: String.self).split(separator: " ").map(String.init)
            }
        }
        return result
    }

    /// The stored vectors of `keys` (keys without one left out).
    static func stored(_ keys: [Int], on sql: any SQLDatabase) async throws -> [Int: SimilarityTerms] {
        var result: [Int: SimilarityTerms] = [:]
        for batch in ProjectRepository.batches(keys, size: 500) {
            for row in try await sql.raw("SELECT key, terms FROM project_similarity WHERE key IN (\(binds: batch))")
                .all()
            {
                let key = try row.decode(column: "key", as: Int.self)
                guard let terms = SimilarityTerms(stored: try row.decode(column: "terms", as: String.self)) else {
                    throw StorageError.corruptSimilarityVector(key: key)
                }
                result[key] = terms
            }
        }
        return result
    }

    /// How many projects' texts hold each of `terms` (terms none holds left out).
    static func frequencies(_ terms: [String], on sql: any SQLDatabase) async throws -> [String: Int] {
        var result: [String: Int] = [:]
        for batch in ProjectRepository.batches(terms, size: 1_000) {
            for row in try await sql.raw(
                "SELECT term, df FROM project_similarity_terms WHERE term IN (\(binds: batch))"
            ).all() {
                result[try row.decode(column: "term", as: String.self)] = try row.decode(column: "df", as: Int.self)
            }
        }
        return result
    }

    /// Makes every project's vector afresh and recounts (migrations; repairs).
    static func rebuild(on sql: any SQLDatabase, database: any Database) async throws {
        try await sql.raw("DELETE FROM project_similarity").run()
        try await sql.raw("DELETE FROM project_similarity_terms").run()
        var lastKey = -1
        while true {
            let records = try await ProjectRecord.query(on: database).filter(\.$searchKey > lastKey)
                .sort(\.$searchKey).limit(500).all()
            guard let last = records.last else { break }
            try await write(try records.map { (key: $0.searchKey, document: try $0.document()) }, on: sql)
            lastKey = last.searchKey
        }
    }
}
