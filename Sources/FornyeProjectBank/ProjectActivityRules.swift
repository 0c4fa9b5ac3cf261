/// What a municipality's profile says about its projects (issue 17, «Prosjektbanken»): which
/// projects count as stopped, who its research partners are, and which contacts the public sees.
public enum ProjectActivityRules {
    /// How a project ended up, as the profile marks it.
    public enum Outcome: Sendable, Equatable {
        /// Still going, or no end known.
        case ongoing
        /// In use or spread to others.
        case inUse
        /// Stopped without being carried on: shown, marked, with what went wrong when told
        /// (failures are worth as much to other municipalities as successes).
        case stopped
    }

    public static func outcome(_ stage: ProjectStage) -> Outcome {
        switch stage {
        case .discontinued: .stopped
        case .implemented, .spread: .inUse
        case .idea, .development, .pilot, .unknown: .ongoing
        }
    }

    /// The research and education partners a project names (role `research`), trimmed, each once.
    public static func researchPartners(_ document: ProjectDocument) -> [String] {
        var seen = Set<String>()
        return document.partners.filter { $0.role == .research }
            .map { $0.name.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty && seen.insert($0.lowercased()).inserted }
    }

    /// The contacts the public may see: those who consented to publication (as on the project page).
    public static func publicContacts(_ document: ProjectDocument) -> [ProjectDocument.Contact] {
        document.contacts.filter(\.publishConsent)
    }

    /// At most this many projects are listed on a profile (newest first); the rest are counted
    /// and found through the project bank's search.
    public static let projectListLimit = 50
}
