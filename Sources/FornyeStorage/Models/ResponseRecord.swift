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
    /// Inserts `records` in multi-row statements through SQLKit, binding the same values FluentKit
    /// would: its per-model reflection cost more than the insert itself on large imports.
    ///
    /// All rows go in key order: on SQLite with `rowid` = ``storageKey(_:)`` (migration 0027:
    /// random, so the file keeps no submission order; in key order each B-tree page is visited
    /// once instead of at random). `progress` hears the rows stored so far every 5,000 rows.
    static func insertAll(
        _ records: [ResponseRecord], on database: any Database, progress: ((Int) -> Void)? = nil
    ) async throws {
        guard let sql = database as? any SQLDatabase else {
            try await records.create(on: database)
            return
        }
        for record in records where record.id == nil { record.id = UUID() }
        let keyed = records.map { (storageKey($0.id!), $0) }.sorted { $0.0 < $1.0 }
        let sqlite = sql.dialect.name == "sqlite"
        let columns = (sqlite ? ["rowid"] : []) + ["id", "wave_id", "answers_json", "weight", "stratum", "psu"]
        // 500 rows × 7 values stay far below both databases' bind-parameter limits.
        for start in stride(from: 0, to: keyed.count, by: 500) {
            var insert = sql.insert(into: schema).columns(columns)
            for (key, record) in keyed[start..<min(start + 500, keyed.count)] {
                var values: [any SQLExpression] = sqlite ? [SQLLiteral.numeric("\(key)")] : []
                values += [
                    SQLBind(record.id), SQLBind(record.$wave.id), SQLBind(record.answersJSON), SQLBind(record.weight),
                    SQLBind(record.stratum), SQLBind(record.psu),
                ]
                insert = insert.values(values)
            }
            try await insert.run()
            let done = min(start + 500, keyed.count)
            if done % 5_000 == 0 || done == keyed.count { progress?(done) }
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
