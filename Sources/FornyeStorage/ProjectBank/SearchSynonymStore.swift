public import FluentKit
import FluentSQL
public import FornyeProjectBank
import Foundation

/// One group of the admin's synonym list (``SearchSynonymGroup``), as stored.
public final class SearchSynonymRecord: Model, @unchecked Sendable {
    public static let schema = "search_synonyms"

    @ID(key: .id) public var id: UUID?
    /// The members, one per line.
    @Field(key: "members") public var members: String
    @Field(key: "created_at") public var createdAt: Date

    public init() {}

    public var group: SearchSynonymGroup {
        SearchSynonymGroup(members: members.split(separator: "\n").map(String.init))
    }
}

/// The synonym list: read by every expanded search (so a change counts at once), changed by
/// admins (the web layer checks the role).
public struct SearchSynonymStore: Sendable {
    public let database: any Database

    public init(database: any Database) {
        self.database = database
    }

    /// Every group, oldest first.
    public func list() async throws -> [SearchSynonymRecord] {
        try await SearchSynonymRecord.query(on: database).sort(\.$createdAt).sort(\.$id).all()
    }

    /// The groups as the search uses them, in ``list()``'s order. Read by every expanded search: one
    /// plain statement (prepared on PostgreSQL), without FluentKit's query building and model decoding.
    public func groups() async throws -> [SearchSynonymGroup] {
        guard let sql = database as? any SQLDatabase else { return try await list().map(\.group) }
        return try await PreparedStatements.all(sql, "SELECT members FROM search_synonyms ORDER BY created_at, id").map
        {
            SearchSynonymGroup(
                members: try $0.decode(column: "members", as: String.self).split(separator: "\n").map(String.init))
        }
    }

    /// Adds the group `text` describes (``SearchSynonymGroup/parse(_:)``); throws
    /// ``ProjectError/invalid(_:)`` with every problem, also when the list is full or a member is
    /// already in another group (a word in two groups would join them silently).
    @discardableResult
    public func add(_ text: String) async throws -> SearchSynonymRecord {
        let group = try SearchSynonymGroup.parse(text).get()
        return try await database.transaction { database in
            let existing = try await SearchSynonymRecord.query(on: database).all()
            var errors: [ProjectFieldError] = []
            if existing.count >= SearchSynonymGroup.maxGroups {
                errors.append(
                    ProjectFieldError(
                        field: "members",
                        message: "the list is full (\(SearchSynonymGroup.maxGroups) groups): remove one first",
                        messageNB: "listen er full (\(SearchSynonymGroup.maxGroups) grupper): fjern en først"))
            }
            let taken = Set(existing.flatMap(\.group.members))
            for member in group.members where taken.contains(member) {
                errors.append(
                    ProjectFieldError(
                        field: "members", message: "«\(member)» is already in a group",
                        messageNB: "«\(member)» er allerede i en gruppe"))
            }
            if !errors.isEmpty { throw ProjectError.invalid(errors) }
            let record = SearchSynonymRecord()
            record.members = group.members.joined(separator: "\n")
            record.createdAt = Date()
            try await record.create(on: database)
            return record
        }
    }

    /// Removes a group; false when there was none with this id.
    @discardableResult
    public func remove(id: UUID) async throws -> Bool {
        guard let record = try await SearchSynonymRecord.find(id, on: database) else { return false }
        try await record.delete(on: database)
        return true
    }
}
