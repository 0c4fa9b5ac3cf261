import FluentKit
import FluentSQL
public import FornyeProjectBank
import Foundation

extension ProjectRepository {
    /// Stores synthetic projects fast, for benchmarks: the same rows as ``createAll`` (record,
    /// version 1, full-text entry, facet codes) in multi-row statements, one transaction per call,
    /// without validation or permission checks. Refuses any document not marked synthetic, so
    /// real data never takes this path.
    public func bulkLoadSynthetic(_ documents: [ProjectDocument], status: ProjectStatus) async throws {
        guard documents.allSatisfy(\.synthetic) else {
            throw ProjectError.forbidden(
                "the bulk loader takes synthetic projects only", nb: "masseinnlastingen tar bare syntetiske prosjekter")
        }
        try await database.transaction { transaction in
            let sql = try Self.sql(transaction)
            var nextKey = try await Self.maxSearchKey(sql) + 1
            let now = Self.now()
            var records: [ProjectRecord] = []
            records.reserveCapacity(documents.count)
            for document in documents {
                let record = ProjectRecord()
                record.id = UUID()
                record.slug = Self.slug(for: document.title)
                record.searchKey = nextKey
                nextKey += 1
                record.status = status
                record.version = 1
                record.createdAt = now
                record.updatedAt = now
                try Self.apply(document, to: record)
                records.append(record)
            }
            for batch in Self.batches(records, size: 400) {
                let rows: [SQLQueryString] = batch.map { r in
                    """
                    (\(bind: r.id!), \(bind: r.slug), \(bind: r.searchKey), \(bind: r.title), \(bind: r.summary),
                    \(bind: r.status.rawValue), \(bind: r.stage.rawValue), \(bind: r.sector), \(bind: r.unitType),
                    \(bind: r.ownerMunicipality), \(bind: r.ownerName), \(bind: r.countyNumber), \(bind: r.centrality),
                    \(bind: r.country), \(bind: r.researchLevel), \(bind: r.evaluated), \(bind: r.typeService),
                    \(bind: r.typeProduct), \(bind: r.typeProcess), \(bind: r.typeCommunication), \(bind: r.basedOn),
                    \(bind: r.sourceName), \(bind: r.synthetic), \(bind: r.language), \(bind: r.completeness),
                    \(bind: r.documentJSON), \(bind: r.version), \(bind: r.createdAt), \(bind: r.updatedAt))
                    """
                }
                try await sql.raw(
                    """
                    INSERT INTO projects (id, slug, search_key, title, summary, status, stage, sector, unit_type,
                    owner_municipality, owner_name, county_number, centrality, country, research_level, evaluated,
                    type_service, type_product, type_process, type_communication, based_on, source_name, synthetic,
                    language, completeness, document_json, version, created_at, updated_at) VALUES
                    """ + " " + rows.joined(separator: ", ")
                ).run()
                let versions: [SQLQueryString] = batch.map { r in
                    """
                    (\(bind: UUID()), \(bind: r.id!), 1, 'import', NULL, 'imported', '*', \(bind: r.status.rawValue),
                    \(bind: r.documentJSON), \(bind: now))
                    """
                }
                try await sql.raw(
                    """
                    INSERT INTO project_versions (id, project_id, version, author, author_id, action, changed_fields,
                    status, document_json, created_at) VALUES
                    """ + " " + versions.joined(separator: ", ")
                ).run()
            }
            for batch in Self.batches(Array(zip(records, documents)), size: 200) {
                try await Self.indexNew(batch, on: sql)
            }
            if !Self.isPostgres(sql) {
                for batch in Self.batches(records, size: 500) {
                    try await ProjectFacetCodes.insert(batch.map(ProjectFacetCodes.init), on: sql)
                }
            }
        }
    }
}
