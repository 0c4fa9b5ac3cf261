/// Where a project is in its life in the bank.
public enum ProjectStatus: String, ProjectCode {
    case draft, submitted, published
    case needsUpdate = "needs_update"
    case archived
    public var labels: (nb: String, en: String) {
        switch self {
        case .draft: ("Utkast", "Draft")
        case .submitted: ("Sendt til godkjenning", "Submitted for review")
        case .published: ("Publisert", "Published")
        case .needsUpdate: ("Trenger oppdatering", "Needs update")
        case .archived: ("Arkivert", "Archived")
        }
    }
}

/// Who acts on a project, as the workflow sees it (the web layer maps its principals to this).
public enum ProjectActor: Sendable, Equatable {
    case admin
    /// A municipality editor, with the kommunenummer of their municipality.
    case editor(municipality: String)
    /// An import or a command-line job run by an operator.
    case system
}

/// The one place that says which status changes exist and who may make them, and who may edit.
///
/// draft → submitted → published → needs update → submitted …; admins review (publish or
/// return to draft) and archive; editors act only on their own municipality's projects.
public enum ProjectWorkflow {
    public struct Transition: Sendable, Hashable {
        public let from: ProjectStatus
        public let to: ProjectStatus
    }

    /// Every allowed change, and whether an editor (of the owner municipality) may make it;
    /// admins and the system may make all of them.
    static let transitions: [Transition: Bool] = [
        Transition(from: .draft, to: .submitted): true,
        Transition(from: .submitted, to: .draft): true,  // withdrawn by the author, or returned by an admin
        Transition(from: .submitted, to: .published): false,
        Transition(from: .published, to: .needsUpdate): true,
        Transition(from: .published, to: .archived): false,
        Transition(from: .needsUpdate, to: .submitted): true,
        Transition(from: .needsUpdate, to: .published): false,
        Transition(from: .needsUpdate, to: .archived): false,
        Transition(from: .archived, to: .draft): false,
    ]

    public static func isAllowed(from: ProjectStatus, to: ProjectStatus) -> Bool {
        transitions[Transition(from: from, to: to)] != nil
    }

    /// Whether `actor` may move a project owned by `owner` from `from` to `to`.
    public static func may(_ actor: ProjectActor, move from: ProjectStatus, to: ProjectStatus, owner: String?)
        -> Bool
    {
        guard let editorMay = transitions[Transition(from: from, to: to)] else { return false }
        switch actor {
        case .admin, .system: return true
        case .editor(let municipality): return editorMay && owner == municipality
        }
    }

    /// The changes `actor` may make from `status`, in a stable order (for the buttons).
    public static func targets(for actor: ProjectActor, from status: ProjectStatus, owner: String?) -> [ProjectStatus] {
        ProjectStatus.allCases.filter { may(actor, move: status, to: $0, owner: owner) }
    }

    /// Editors change their own municipality's drafts and projects needing update; admins any
    /// project that is not archived.
    public static func mayEdit(_ actor: ProjectActor, status: ProjectStatus, owner: String?) -> Bool {
        switch actor {
        case .admin, .system: return status != .archived
        case .editor(let municipality):
            return owner == municipality && [.draft, .needsUpdate].contains(status)
        }
    }

    /// Confirming that a project's contact people are still right changes no text, so it needs no
    /// review round: the owner municipality's editors and admins may do it in any status but archived.
    public static func mayConfirmContacts(_ actor: ProjectActor, status: ProjectStatus, owner: String?) -> Bool {
        guard status != .archived else { return false }
        switch actor {
        case .admin, .system: return true
        case .editor(let municipality): return owner == municipality
        }
    }

    /// Editors create projects only for their own municipality.
    public static func mayCreate(_ actor: ProjectActor, owner: String?) -> Bool {
        switch actor {
        case .admin, .system: return true
        case .editor(let municipality): return owner == municipality
        }
    }
}
