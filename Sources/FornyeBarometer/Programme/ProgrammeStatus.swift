import Foundation

/// What became of a unit's relation to a programme call: the three groups of the 2018 report's
/// interviews (Tab V-5: «Tilsagn», «Avslag», «Ikke søkt»), and of any evaluation that compares
/// applicants with the units that did not apply.
public enum ProgrammeStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case granted
    case rejected
    case notApplied = "not_applied"

    /// Bokmål label, as Tab V-5 writes it.
    public var label: String {
        switch self {
        case .granted: "Tilsagn"
        case .rejected: "Avslag"
        case .notApplied: "Ikke søkt"
        }
    }

    public var labelEnglish: String {
        switch self {
        case .granted: "Granted"
        case .rejected: "Rejected"
        case .notApplied: "Not applied"
        }
    }

    /// Reads a status as written in a file: the stored name (`granted`, `not_applied`, also
    /// `not applied`), the bokmål label or the English label, ignoring case and surrounding space.
    public init?(text: String) {
        let key = text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased().replacingOccurrences(
            of: "_", with: " ")
        guard
            let found = Self.allCases.first(where: { status in
                [
                    status.rawValue.replacingOccurrences(of: "_", with: " "), status.label.lowercased(),
                    status.labelEnglish.lowercased(),
                ].contains(key)
            })
        else { return nil }
        self = found
    }
}
