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
    static func insertAll(_ records: [ResponseRecord], on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else {
            try await records.create(on: database)
            return
        }
        // In key order: the responses table is keyed by random ids (it keeps no arrival order), and
        // B-tree inserts in key order touch each page once instead of at random. The ids' text
        // sorts as their bytes do.
        for record in records where record.id == nil { record.id = UUID() }
        let records = records.map { ($0.id!.uuidString, $0) }.sorted { $0.0 < $1.0 }.map(\.1)
        // 500 rows × 6 values stay far below both databases' bind-parameter limits.
        for start in stride(from: 0, to: records.count, by: 500) {
            var insert = sql.insert(into: schema).columns("id", "wave_id", "answers_json", "weight", "stratum", "psu")
            for record in records[start..<min(start + 500, records.count)] {
                insert = insert.values(
                    SQLBind(record.id), SQLBind(record.$wave.id), SQLBind(record.answersJSON), SQLBind(record.weight),
                    SQLBind(record.stratum), SQLBind(record.psu))
            }
            try await insert.run()
        }
    }
}
