public import FluentKit
import Foundation
import SQLKit

/// One response: its answers by variable name, and its design values.
public final class ResponseRecord: Model, @unchecked Sendable {
    public static let schema = "responses"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "wave_id") public var wave: WaveRecord
    /// `{"variable": value}`: a code or number for coded and numeric variables, a string for
    /// text; a variable left out is system missing.
    @Field(key: "answers_json") public var answersJSON: String
    @Field(key: "weight") public var weight: Double
    @OptionalField(key: "stratum") public var stratum: String?
    @OptionalField(key: "psu") public var psu: String?

    public init() {}

    public init(id: UUID? = nil, waveID: UUID, answersJSON: String, weight: Double, stratum: String?, psu: String?) {
        self.id = id
        self.$wave.id = waveID
        self.answersJSON = answersJSON
        self.weight = weight
        self.stratum = stratum
        self.psu = psu
    }
}

extension ResponseRecord {
    /// One response as `insertAll` writes it.
    struct Row: Sendable {
        var id: UUID
        var waveID: UUID
        var answersJSON: String
        var weight: Double
        var stratum: String?
        var psu: String?
    }

    /// Inserts `records` (see ``insert(ids:on:progress:row:)``).
    static func insertAll(_ records: [ResponseRecord], on database: any Database) async throws {
        guard database is any SQLDatabase else {
            try await records.create(on: database)
            return
        }
        for record in records where record.id == nil { record.id = UUID() }
        let rows = records.map {
            Row(
                id: $0.id!, waveID: $0.$wave.id, answersJSON: $0.answersJSON, weight: $0.weight, stratum: $0.stratum,
                psu: $0.psu)
        }
        try await insert(ids: rows.map(\.id), on: database) { rows[$0] }
    }

    /// Inserts the responses `row(0) ..< row(ids.count)` (`ids[i]` is `row(i).id`) in multi-row
    /// SQLKit statements, binding the same values FluentKit would: its per-model reflection cost
    /// more than the insert itself on large imports.
    ///
    /// All rows go in key order: on SQLite with `rowid` = ``storageKey(_:)`` (migration 0027:
    /// random, so the file keeps no submission order; in key order each B-tree page is visited
    /// once instead of at random). The next statement's rows are made (`row`, which may write
    /// their answers) while the database stores the current one, so two cores share the work.
    /// `progress` hears the rows stored so far every 5,000 rows.
    static func insert(
        ids: [UUID], on database: any Database, progress: (@Sendable (Int) -> Void)? = nil,
        row: @escaping @Sendable (Int) throws -> Row
    ) async throws {
        guard let sql = database as? any SQLDatabase else { throw StorageError.unsupportedDatabase }
        let order = ids.indices.map { (storageKey(ids[$0]), $0) }.sorted { $0.0 < $1.0 }
        let sqlite = sql.dialect.name == "sqlite"
        let columns = (sqlite ? ["rowid"] : []) + ["id", "wave_id", "answers_json", "weight", "stratum", "psu"]
        // 500 rows × 7 values stay far below both databases' bind-parameter limits.
        let chunks = stride(from: 0, to: order.count, by: 500).map { order[$0..<min($0 + 500, order.count)] }
        func make(_ chunk: ArraySlice<(Int64, Int)>) -> Task<[(Int64, Row)], any Error> {
            Task { try chunk.map { ($0.0, try row($0.1)) } }
        }
        var next = chunks.first.map(make)
        var done = 0
        for index in chunks.indices {
            guard let current = next else { break }
            let rows = try await current.value
            next = index + 1 < chunks.count ? make(chunks[index + 1]) : nil
            var insert = sql.insert(into: schema).columns(columns)
            for (key, row) in rows {
                // UUIDs as SQLite stores them (their text), without the Codable encoder per value.
                insert =
                    sqlite
                    ? insert.values(
                        SQLLiteral.numeric("\(key)"), SQLBind(row.id.uuidString), SQLBind(row.waveID.uuidString),
                        SQLBind(row.answersJSON), SQLBind(row.weight), SQLBind(row.stratum), SQLBind(row.psu))
                    : insert.values(
                        SQLBind(row.id), SQLBind(row.waveID), SQLBind(row.answersJSON), SQLBind(row.weight),
                        SQLBind(row.stratum), SQLBind(row.psu))
            }
            do {
                try await insert.run()
            } catch {
                next?.cancel()
                throw error
            }
            done += rows.count
            if done % 5_000 == 0 || done == order.count { progress?(done) }
        }
    }

    /// The SQLite `rowid` of the response with this random id: its first eight bytes, ordered
    /// as the id's bytes (and text) are.
    static func storageKey(_ id: UUID) -> Int64 {
        let bytes = id.uuid
        let high = [bytes.0, bytes.1, bytes.2, bytes.3, bytes.4, bytes.5, bytes.6, bytes.7]
            .reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        return Int64(bitPattern: high ^ (1 << 63))
    }
}
