/// What a saved project version records as having happened. Stored as `code` in
/// `project_versions.action`; every writer goes through this type, so every code stored has a
/// label for people in both languages.
public enum ProjectVersionAction: Sendable, Hashable {
    case created
    /// Created by an import (command line or bulk load).
    case imported
    case edited
    case status(ProjectStatus)
    case attachmentAdded
    case attachmentRemoved
    /// The owner confirmed that the contact people are still right, without changing the document.
    case contactsConfirmed

    /// Every action that can be written, status changes to each status included.
    public static var all: [ProjectVersionAction] {
        [.created, .imported, .edited] + ProjectStatus.allCases.map { .status($0) } + [
            .attachmentAdded, .attachmentRemoved, .contactsConfirmed,
        ]
    }

    /// The stored code, e.g. "edited" or "status:published".
    public var code: String {
        switch self {
        case .created: "created"
        case .imported: "imported"
        case .edited: "edited"
        case .status(let status): "status:" + status.rawValue
        case .attachmentAdded: "attachment:added"
        case .attachmentRemoved: "attachment:removed"
        case .contactsConfirmed: "contacts:confirmed"
        }
    }

    /// The action a stored code stands for, or nil for a code no version of Fornye writes.
    public init?(code: String) {
        guard let action = Self.all.first(where: { $0.code == code }) else { return nil }
        self = action
    }

    public var labels: (nb: String, en: String) {
        switch self {
        case .created: ("Opprettet", "Created")
        case .imported: ("Importert", "Imported")
        case .edited: ("Redigert", "Edited")
        case .status(let status):
            switch status {
            case .draft: ("Satt tilbake til utkast", "Returned to draft")
            case .submitted: ("Sendt til godkjenning", "Submitted for review")
            case .published: ("Publisert", "Published")
            case .needsUpdate: ("Merket som trenger oppdatering", "Marked as needing an update")
            case .archived: ("Arkivert", "Archived")
            }
        case .attachmentAdded: ("Vedlegg lagt til", "Attachment added")
        case .attachmentRemoved: ("Vedlegg fjernet", "Attachment removed")
        case .contactsConfirmed: ("Kontaktpersonene bekreftet", "Contact people confirmed")
        }
    }
}
