public import FornyeStorage
public import Vapor

extension AuditAction {
    public static let waveCreated: AuditAction = "wave.created"
    public static let waveStatusChanged: AuditAction = "wave.status_changed"
    public static let invitationsExported: AuditAction = "wave.invitations_exported"
    /// Links made for units that had none (details: how many).
    public static let invitationsMade: AuditAction = "wave.invitations_made"
    /// Links replaced on purpose, the old ones retired (details: how many, which unit or all).
    public static let invitationsReplaced: AuditAction = "wave.invitations_replaced"
    public static let nonRespondentsExported: AuditAction = "wave.nonrespondents_exported"
    /// Responses imported from a file into a wave (details: file, rows, format).
    public static let waveImported: AuditAction = "wave.imported"
    /// Microdata downloaded (details: format, rows).
    public static let waveExported: AuditAction = "wave.exported"
    public static let wavePublished: AuditAction = "wave.published"
    public static let waveUnpublished: AuditAction = "wave.unpublished"
    public static let importMappingSaved: AuditAction = "import_mapping.saved"
    public static let projectSaved: AuditAction = "project.saved"
    public static let projectStatusChanged: AuditAction = "project.status_changed"
    /// The owner confirmed the contact people without editing the project.
    public static let projectContactsConfirmed: AuditAction = "project.contacts_confirmed"
    public static let projectAttachmentAdded: AuditAction = "project.attachment_added"
    public static let projectAttachmentRemoved: AuditAction = "project.attachment_removed"
    public static let institutionSaved: AuditAction = "institution.saved"
    /// A search synonym group added or removed (target: its members; details: which).
    public static let searchSynonymsChanged: AuditAction = "search_synonyms.changed"
}

extension Request {
    /// Records in the audit log that the signed-in user did `action` (to `target`).
    public func audit(_ action: AuditAction, target: String?, details: String? = nil) async throws {
        try await AuditLog(database: db).record(
            actor: principal?.userID, action: action, target: target, details: details)
    }
}
