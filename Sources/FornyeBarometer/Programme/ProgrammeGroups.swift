/// Which municipalities a programme evaluation compares, in one municipal structure.
public enum ProgrammeComparison: String, Sendable, Hashable, Codable, CaseIterable {
    /// Municipalities whose application was rejected (and none granted): the most credible, as
    /// they wanted the programme as much as the participants did.
    case rejected
    /// Municipalities listed as not having applied (and with no application).
    case notApplied = "not_applied"
    /// Every municipality without a granted application, in the register or not.
    case others

    /// Bokmål with English beside it, for headings.
    public var label: String {
        switch self {
        case .rejected: "Avslag (rejected applicants)"
        case .notApplied: "Ikke søkt (not applied)"
        case .others: "Alle andre (everyone not granted)"
        }
    }

    /// The group named in a caption, in bokmål («mot kommuner som fikk avslag»).
    public var name: String {
        switch self {
        case .rejected: "kommuner som fikk avslag"
        case .notApplied: "kommuner som ikke søkte"
        case .others: "alle andre kommuner (uten tilsagn)"
        }
    }

    public var nameEnglish: String {
        switch self {
        case .rejected: "rejected applicants"
        case .notApplied: "municipalities that did not apply"
        case .others: "every other municipality (not granted)"
        }
    }
}

/// The register's municipalities sorted into participants and comparison groups in one municipal
/// structure (`structure`, the later wave's): every line is carried with
/// `ProgrammeApplication.applicant(inStructureOf:)`. County authorities' own applications and
/// lines whose area was split are left out and counted.
///
/// Participant: a municipality with a granted application whose project started before `cutoff`
/// (the later wave's structure date). A granted municipality whose project had not started (or
/// has no start date) is in neither group: it is not treated yet, and not a clean comparison.
public struct ProgrammeGroups: Sendable, Hashable {
    public let participants: Set<String>
    /// Granted, but the project started on or after the cutoff or has no start date.
    public let grantedNotStarted: Set<String>
    public let rejected: Set<String>
    public let notApplied: Set<String>
    /// Lines not carried to a single municipality (county applications, splits, invalid numbers).
    public let linesLeftOut: Int

    public init(
        _ applications: [ProgrammeApplication], structureYear: Int, cutoff: CalendarDay,
        register: MunicipalityRegister
    ) {
        var status: [String: [ProgrammeApplication]] = [:]
        var leftOut = 0
        for application in applications {
            guard application.municipalityNumber != nil,
                case .municipality(let number) = application.applicant(inStructureOf: structureYear, register: register)
            else {
                leftOut += 1
                continue
            }
            status[number, default: []].append(application)
        }
        var participants: Set<String> = []
        var notStarted: Set<String> = []
        var rejected: Set<String> = []
        var notApplied: Set<String> = []
        for (number, lines) in status {
            let granted = lines.filter { $0.status == .granted }
            if !granted.isEmpty {
                if granted.contains(where: { ($0.projectStart.map { $0 < cutoff }) ?? false }) {
                    participants.insert(number)
                } else {
                    notStarted.insert(number)
                }
            } else if lines.contains(where: { $0.status == .rejected }) {
                rejected.insert(number)
            } else {
                notApplied.insert(number)
            }
        }
        self.participants = participants
        grantedNotStarted = notStarted
        self.rejected = rejected
        self.notApplied = notApplied
        linesLeftOut = leftOut
    }

    /// true for a participant, false for the chosen comparison group, nil for neither.
    public func isParticipant(_ number: String, comparison: ProgrammeComparison) -> Bool? {
        if participants.contains(number) { return true }
        if grantedNotStarted.contains(number) { return nil }
        switch comparison {
        case .rejected: return rejected.contains(number) ? false : nil
        case .notApplied: return notApplied.contains(number) ? false : nil
        case .others: return false
        }
    }
}
