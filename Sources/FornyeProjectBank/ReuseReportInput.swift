public import FornyeBarometer
import Foundation

/// «Vi har gjenbrukt dette»: what a municipal editor enters to record that a municipality reused a
/// published project, in a few fields instead of a whole project of its own (issue 20, item 13).
public struct ReuseReportInput: Sendable, Equatable {
    /// Kommunenummer of the municipality that reused the project.
    public var municipality: String
    /// The unit or service that reused it (optional).
    public var unit: String
    /// When, as `YYYY-MM` (an `<input type="month">`).
    public var month: String
    /// What the municipality changed (optional).
    public var changes: String

    public init(municipality: String, unit: String, month: String, changes: String) {
        self.municipality = municipality
        self.unit = unit
        self.month = month
        self.changes = changes
    }

    public static let unitLimit = 200
    public static let changesLimit = 2_000
    /// Reuse reported before this month predates the project bank's sources.
    public static let earliestMonth = "2000-01"

    /// A valid report's municipality as the register names it on `date`.
    public struct Checked: Sendable, Equatable {
        public var municipalityNumber: String
        public var municipalityName: String
        public var countyNumber: String
        public var unit: String
        public var month: String
        public var changes: String
    }

    /// Every problem, by field name (`municipality`, `unit`, `month`, `changes`), or the checked
    /// report. `actor` decides whose reuse may be recorded: an editor records only their own
    /// municipality's, an admin any municipality's; no municipality records reusing its own project.
    public func check(
        actor: ProjectActor, originalOwner: String?, register: MunicipalityRegister,
        on date: CalendarDay = ProjectValidation.today
    ) -> Result<Checked, ProjectError> {
        var errors: [ProjectFieldError] = []
        func add(_ field: String, _ en: String, _ nb: String) {
            errors.append(ProjectFieldError(field: field, message: en, messageNB: nb))
        }
        let number = municipality.trimmingCharacters(in: .whitespaces)
        var found: Municipality?
        if number.isEmpty {
            add(
                "municipality", "choose the municipality that reused the project",
                "velg kommunen som gjenbrukte prosjektet")
        } else if number.count != 4 || !number.allSatisfy(\.isASCII) || !number.allSatisfy(\.isNumber) {
            add("municipality", "a kommunenummer has four digits", "et kommunenummer har fire sifre")
        } else if let municipality = try? register.municipality(number: number, on: date) {
            found = municipality
            if case .editor(let own) = actor, own != number {
                add(
                    "municipality", "editors record reuse for their own municipality only",
                    "redaktører registrerer gjenbruk bare for sin egen kommune")
            }
            if originalOwner == number {
                add(
                    "municipality", "the project is this municipality's own: reuse is by another municipality",
                    "prosjektet er kommunens eget: gjenbruk gjøres av en annen kommune")
            }
        } else {
            add(
                "municipality", "«\(number)» is not a municipality on \(date)",
                "«\(number)» er ikke en kommune per \(date)")
        }
        let unit = unit.trimmingCharacters(in: .whitespacesAndNewlines)
        let changes = changes.trimmingCharacters(in: .whitespacesAndNewlines)
        if unit.count > Self.unitLimit {
            add("unit", "at most \(Self.unitLimit) characters", "høyst \(Self.unitLimit) tegn")
        }
        if changes.count > Self.changesLimit {
            add("changes", "at most \(Self.changesLimit) characters", "høyst \(Self.changesLimit) tegn")
        }
        for (field, text, newlines) in [("unit", unit, false), ("changes", changes, true)]
        where text.unicodeScalars.contains(where: {
            $0.properties.generalCategory == .control && !(newlines && ($0 == "\n" || $0 == "\r" || $0 == "\t"))
        }) {
            add(field, "control characters are not allowed", "kontrolltegn er ikke tillatt")
        }
        let month = month.trimmingCharacters(in: .whitespaces)
        let thisMonth = String(format: "%04d-%02d", date.year, date.month)
        if month.isEmpty {
            add("month", "give the month the reuse began", "oppgi måneden gjenbruken begynte")
        } else if Self.parseMonth(month) == nil {
            add("month", "write the month as YYYY-MM, e.g. 2025-03", "skriv måneden som ÅÅÅÅ-MM, f.eks. 2025-03")
        } else if month > thisMonth {
            add("month", "the month cannot be in the future", "måneden kan ikke være fram i tid")
        } else if month < Self.earliestMonth {
            add("month", "the month cannot be before 2000", "måneden kan ikke være før 2000")
        }
        guard errors.isEmpty, let found else { return .failure(.invalid(errors)) }
        return .success(
            Checked(
                municipalityNumber: found.number, municipalityName: found.name, countyNumber: found.countyNumber,
                unit: unit, month: month, changes: changes))
    }

    /// `YYYY-MM` as (year, month), or nil.
    public static func parseMonth(_ text: String) -> (year: Int, month: Int)? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let year = Int(parts[0]), let month = Int(parts[1]), (1...12).contains(month)
        else { return nil }
        return (year, month)
    }
}
