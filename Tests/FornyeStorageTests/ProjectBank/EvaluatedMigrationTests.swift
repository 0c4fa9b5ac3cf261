import FluentKit
import FluentSQL
import FornyeProjectBank
import FornyeTestSupport
import Foundation
import Testing

@testable import FornyeStorage

/// Migration 0076 on data as it was before it (reverted to the old «false by default»): true stays,
/// false stays only where the history shows an earlier true, every other false becomes unknown, in
/// the record, its document, its versions and its facet code.
@Suite struct EvaluatedMigrationTests {
    @Test(arguments: TestDatabase.all)
    func aFalseNobodyGaveBecomesUnknown(database backend: TestDatabase) async throws {
        try await withProjectStorage(backend) { database in
            let repository = ProjectRepository(database: database)
            func project(_ title: String, _ values: [Bool?]) async throws -> String {
                var draft = document(title, "Syntetisk prosjekt om \(title)", owner: "4601")
                draft.evaluated = values[0]
                let record = try await repository.create(draft, by: editorBergen)
                for value in values.dropFirst() {
                    draft.evaluated = value
                    try await repository.update(slug: record.slug, with: draft, by: editorBergen)
                }
                return record.slug
            }
            let yes = try await project("Ja", [true])
            let never = try await project("Aldri", [nil])
            let unticked = try await project("Avkrysset", [true, false])
            let oldDefault = try await project("Standard", [false, false])
            let migration = M0076EvaluatedUnknownWhenUnanswered()
            try await migration.revert(on: database)
            let sql = database as! any SQLDatabase
            // Reverted: every document says true or false again, as before 0076.
            for slug in [never, oldDefault] {
                let record = try #require(try await repository.find(slug: slug))
                let stored = try record.document().evaluated
                #expect(record.evaluated == false && stored == false, "\(slug)")
            }
            try await migration.prepare(on: database)

            let expected: [(String, Bool?, Int)] = [
                (yes, true, 1), (never, nil, 0), (unticked, false, 2), (oldDefault, nil, 0),
            ]
            let codes = try await ProjectFacetCodes.stored(on: sql)
            for (slug, value, code) in expected {
                let record = try #require(try await repository.find(slug: slug))
                let stored = try record.document().evaluated
                #expect(record.evaluated == value && stored == value, "\(slug)")
                #expect(codes[record.searchKey]?.evaluated == code, "\(slug)")
                #expect(!record.documentJSON.contains("\"evaluated\":false") || value == false, "\(slug)")
            }
            #expect(try await ProjectFacetCodes.recomputed(on: sql) == codes)
            // The history: unticked keeps «Ja» then «Nei»; the old default's versions say nothing.
            let versions = try await ProjectVersionRecord.query(on: database).sort(\.$version).all()
            func history(_ slug: String) async throws -> [Bool?] {
                let id = try #require(try await repository.find(slug: slug)?.id)
                return try versions.filter { $0.projectID == id }.map {
                    try JSONDecoder().decode(ProjectDocument.self, from: Data($0.documentJSON.utf8)).evaluated
                }
            }
            #expect(try await history(unticked) == [true, false])
            #expect(try await history(oldDefault) == [nil, nil])
            // Filters: «Nei» finds only the answered no.
            var query = ProjectQuery()
            query.statuses = [.draft]
            query.evaluated = false
            #expect(try await ProjectSearch(database: database).search(query).projects.map(\.slug) == [unticked])
        }
    }
}
