public import FluentKit
import Foundation

/// A saved import mapping: its name and its YAML (`ImportMapping.yaml()`).
public final class ImportMappingRecord: Model, @unchecked Sendable {
    public static let schema = "import_mappings"

    @ID(key: .id) public var id: UUID?
    @Field(key: "name") public var name: String
    @Field(key: "yaml") public var yaml: String
    @OptionalField(key: "created_by") public var createdBy: UUID?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}

    public init(name: String, yaml: String, createdBy: UUID?) {
        self.name = name
        self.yaml = yaml
        self.createdBy = createdBy
    }
}

/// Saved import mappings, by name.
public struct ImportMappingStore: Sendable {
    public let database: any Database

    public init(database: any Database) {
        self.database = database
    }

    public func list() async throws -> [ImportMappingRecord] {
        try await ImportMappingRecord.query(on: database).sort(\.$name).all()
    }

    public func find(_ id: UUID) async throws -> ImportMappingRecord? {
        try await ImportMappingRecord.find(id, on: database)
    }

    /// Saves the mapping under `name`, replacing a saved mapping of that name.
    @discardableResult
    public func save(name: String, yaml: String, by user: UUID?) async throws -> ImportMappingRecord {
        try await database.transaction { transaction in
            if let existing = try await ImportMappingRecord.query(on: transaction).filter(\.$name == name).first() {
                existing.yaml = yaml
                existing.createdBy = user
                try await existing.update(on: transaction)
                return existing
            }
            let record = ImportMappingRecord(name: name, yaml: yaml, createdBy: user)
            try await record.create(on: transaction)
            return record
        }
    }
}
