public import FluentKit
public import FornyeProjectBank
import Foundation

/// When an editor last confirmed one contact person of a project (migration 0075).
public final class ContactConfirmationRecord: Model, @unchecked Sendable {
    public static let schema = "project_contact_confirmations"

    @ID(key: .id) public var id: UUID?
    @Field(key: "project_id") public var projectID: UUID
    /// ``ContactConfirmations/key(_:)`` of the contact.
    @Field(key: "contact_key") public var contactKey: String
    @Field(key: "confirmed_at") public var confirmedAt: Date
    @OptionalField(key: "confirmed_by") public var confirmedBy: UUID?

    public init() {}
}

/// Saving a project confirms its contacts: a signed-in editor or admin who saves the document has
/// seen them in the form and left them there. Imports (`.system`) confirm nothing.
public enum ContactConfirmations {
    /// A contact's identity across saves: its e-mail address, else its name, lower-cased.
    public static func key(_ contact: ProjectDocument.Contact) -> String {
        let email = contact.email.trimmingCharacters(in: .whitespaces).lowercased()
        return email.isEmpty ? "name:" + contact.name.trimmingCharacters(in: .whitespaces).lowercased() : email
    }

    /// Inside the save's transaction: every contact of `document` confirmed `now` by `author`.
    static func confirm(
        _ document: ProjectDocument, of projectID: UUID, by author: ProjectAuthor, now: Date, on database: any Database
    ) async throws {
        guard author.actor != .system else { return }
        let keys = Set(document.contacts.map(key))
        guard !keys.isEmpty else { return }
        let existing = try await ContactConfirmationRecord.query(on: database).filter(\.$projectID == projectID)
            .filter(\.$contactKey ~~ Array(keys)).all()
        var missing = keys
        for row in existing {
            missing.remove(row.contactKey)
            row.confirmedAt = now
            row.confirmedBy = author.userID
            try await row.update(on: database)
        }
        for contactKey in missing.sorted() {
            let row = ContactConfirmationRecord()
            row.projectID = projectID
            row.contactKey = contactKey
            row.confirmedAt = now
            row.confirmedBy = author.userID
            try await row.create(on: database)
        }
    }
}

extension ProjectRepository {
    /// When each contact of these projects was last confirmed, by project id and contact key.
    public func contactConfirmations(of projects: [ProjectRecord]) async throws -> [UUID: [String: Date]] {
        let ids = projects.compactMap(\.id)
        guard !ids.isEmpty else { return [:] }
        var result: [UUID: [String: Date]] = [:]
        for row in try await ContactConfirmationRecord.query(on: database).filter(\.$projectID ~~ ids).all() {
            result[row.projectID, default: [:]][row.contactKey] = row.confirmedAt
        }
        return result
    }
}

extension ProjectRepository {
    /// Confirms that a project's contact people are still right without a review round (the document
    /// does not change): every contact's date moves to now, and the history says who confirmed.
    @discardableResult
    public func confirmContacts(slug: String, by author: ProjectAuthor) async throws -> ProjectRecord {
        let record = try await require(slug: slug)
        guard author.actor != .system,
            ProjectWorkflow.mayConfirmContacts(author.actor, status: record.status, owner: record.ownerMunicipality)
        else {
            throw ProjectError.forbidden(
                "only the owner municipality's editors and admins confirm a project's contact people",
                nb: "bare redaktører i eierkommunen og administratorer bekrefter kontaktpersonene til et prosjekt")
        }
        let document = try record.document()
        guard !document.contacts.isEmpty else {
            throw ProjectError.invalid([
                ProjectFieldError(
                    field: "contacts", message: "the project has no contact people to confirm",
                    messageNB: "prosjektet har ingen kontaktpersoner å bekrefte")
            ])
        }
        let now = Self.now()
        record.version += 1
        record.updatedAt = now
        try await database.writeTransaction { transaction in
            try await record.update(on: transaction)
            try await Self.version(of: record, author: author, action: .contactsConfirmed, changed: [], now: now)
                .create(on: transaction)
            try await ContactConfirmations.confirm(
                document, of: try record.requireID(), by: author, now: now, on: transaction)
        }
        return record
    }
}
