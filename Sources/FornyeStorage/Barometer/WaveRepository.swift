public import FluentKit
import FluentSQL
import FornyeBarometer
import FornyeFormats
import FornyeStatistics
import Foundation

/// Reads and writes whole waves. Every write is one transaction: a wave is stored with all its
/// responses or not at all.
public struct WaveRepository: Sendable {
    public let database: any Database

    public init(database: any Database) {
        self.database = database
    }

    /// Waves in the order they were created, optionally only those with one of `statuses`.
    public func list(statuses: Set<WaveRecord.Status>? = nil) async throws -> [WaveRecord] {
        var query = WaveRecord.query(on: database).sort(\.$slug)
        if let statuses { query = query.filter(\.$status ~~ Array(statuses)) }
        return try await query.all()
    }

    public func record(slug: String) async throws -> WaveRecord? {
        try await WaveRecord.query(on: database).filter(\.$slug == slug).first()
    }

    /// Stores a wave with its responses.
    @discardableResult
    public func insert(_ wave: StoredWave, status: WaveRecord.Status) async throws -> WaveRecord {
        if try await record(slug: wave.slug) != nil { throw StorageError.duplicateWave(wave.slug) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let record = WaveRecord(
            slug: wave.slug, title: wave.title, shortTitle: wave.shortTitle, structureDate: wave.structureDate,
            synthetic: wave.synthetic, status: status,
            codebookJSON: String(decoding: try encoder.encode(wave.dataset.codebook), as: UTF8.self),
            marginsJSON: String(decoding: try encoder.encode(wave.margins), as: UTF8.self),
            weightSource: wave.weightSource)
        record.subtitle = wave.subtitle
        let waveID = UUID()
        record.id = waveID
        var responses: [ResponseRecord] = []
        responses.reserveCapacity(wave.dataset.rowCount)
        let rows = try AnswerRows(wave.dataset)
        for row in 0..<wave.dataset.rowCount {
            responses.append(
                ResponseRecord(
                    waveID: waveID, answersJSON: try rows.json(row: row),
                    weight: wave.weights[row], stratum: wave.strata?[row], psu: wave.clusters?[row]))
        }
        let all = responses
        try await database.transaction { transaction in
            try await record.create(on: transaction)
            try await ResponseRecord.insertAll(all, on: transaction)
            try await CacheVersions.waveChanged(waveID, on: transaction)
        }
        return record
    }

    /// A stored wave with all its responses, as the statistics engine reads it.
    public func load(slug: String) async throws -> StoredWave {
        guard let record = try await record(slug: slug) else { throw StorageError.unknownWave(slug) }
        return try await load(record)
    }

    public func load(_ record: WaveRecord) async throws -> StoredWave {
        let decoder = JSONDecoder()
        let codebook: Codebook
        let margins: [PopulationMargin]
        do {
            codebook = try decoder.decode(Codebook.self, from: Data(record.codebookJSON.utf8))
            margins = try decoder.decode([PopulationMargin].self, from: Data(record.marginsJSON.utf8))
        } catch {
            throw StorageError.corruptWave(slug: record.slug, "\(error)")
        }
        // The four columns through SQLKit: FluentKit's model hydration cost as much as reading the answers.
        guard let sql = database as? any SQLDatabase else { throw StorageError.unsupportedDatabase }
        let rows = try await sql.select()
            .columns("answers_json", "weight", "stratum", "psu")
            .from(ResponseRecord.schema)
            .where("wave_id", .equal, record.requireID())
            .orderBy("id")
            .all()
            .map { row in
                StoredRow(
                    answersJSON: try row.decode(column: "answers_json", as: String.self),
                    weight: try row.decode(column: "weight", as: Double.self),
                    stratum: try row.decode(column: "stratum", as: String?.self),
                    psu: try row.decode(column: "psu", as: String?.self))
            }
        // Straight into columns: a dictionary per row cost more than reading the JSON.
        var reader = ResponseColumnReader(codebook: codebook, rowCount: rows.count)
        for row in rows { try reader.append(row.answersJSON) }
        let columns = try reader.columns()
        var dataset = try Dataset(codebook: codebook, columns: columns)
        // An identified wave stores the kommunenummer; the breakdowns by county, landsdel,
        // centrality and size come from the register on the wave's structure date.
        if RespondentAttributes.canDerive(for: codebook), let day = record.structureDate.flatMap({ CalendarDay($0) }) {
            do {
                dataset = try RespondentAttributes.addingWhereKnown(to: dataset, register: .bundled(), on: day)
            } catch {
                throw StorageError.corruptWave(slug: record.slug, "cannot derive the register's breakdowns: \(error)")
            }
        }
        let strata = rows.contains { $0.stratum != nil } ? rows.map { $0.stratum ?? "" } : nil
        let clusters = rows.contains { $0.psu != nil } ? rows.map { $0.psu ?? "" } : nil
        return StoredWave(
            slug: record.slug, title: record.title, shortTitle: record.shortTitle, structureDate: record.structureDate,
            dataset: dataset, weights: rows.map(\.weight), strata: strata, clusters: clusters, margins: margins,
            weightSource: record.weightSource, subtitle: record.subtitle)
    }
}

/// What loading a wave reads of each stored response.
private struct StoredRow {
    var answersJSON: String
    var weight: Double
    var stratum: String?
    var psu: String?
}
