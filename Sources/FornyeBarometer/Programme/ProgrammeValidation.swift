/// A rule a register line breaks, with the field to correct.
public struct ProgrammeProblem: Sendable, Hashable, CustomStringConvertible {
    public var field: ProgrammeField
    public var message: String

    public init(_ field: ProgrammeField, _ message: String) {
        self.field = field
        self.message = message
    }

    public var description: String { "\(field.rawValue): \(message)" }
}

/// The rules every register line follows, checked on import and on every edit.
public enum ProgrammeRules {
    public static let maximumTextLength = 300
    public static let maximumUnits = 50

    /// Every broken rule of `application`, in field order; empty when the line is valid.
    ///
    /// - The applicant is a municipality valid on the application date (the structure of that day:
    ///   0806 Skien in 2018, 4003 from 2024), a county that existed that day, or both, the
    ///   municipality then lying in the county.
    /// - The call is named; units and texts are not blank or over-long.
    /// - Only a granted application has a project (start, end, Prosjektbanken link); a line
    ///   marked not applied has no amount either.
    /// - Application date ≤ project start ≤ project end; the amount is not negative.
    public static func problems(of application: ProgrammeApplication, register: MunicipalityRegister)
        -> [ProgrammeProblem]
    {
        var problems: [ProgrammeProblem] = []
        let date = application.applicationDate
        var municipality: Municipality?
        if let number = application.municipalityNumber {
            do throws(ReferenceDataError) {
                municipality = try register.municipality(number: number, on: date)
            } catch {
                problems.append(.init(.municipality, error.description))
            }
        }
        if let county = application.countyNumber {
            problems += countyProblems(county, municipality: municipality, date: date, register: register)
        } else if application.municipalityNumber == nil {
            problems.append(.init(.municipality, "give a kommunenummer, or a fylkesnummer for a county authority"))
        }
        problems += textProblems(application)
        problems += statusProblems(application)
        if let start = application.projectStart, start < date {
            problems.append(.init(.projectStart, "the project starts \(start), before the application date \(date)"))
        }
        if let end = application.projectEnd {
            if let start = application.projectStart {
                if end < start {
                    problems.append(.init(.projectEnd, "the project ends \(end), before it starts \(start)"))
                }
            } else {
                problems.append(.init(.projectStart, "a project with an end date needs a start date"))
            }
        }
        if let amount = application.amountNOK, amount < 0 {
            problems.append(.init(.amount, "the amount \(amount) is negative"))
        }
        if let slug = application.projectSlug, !isSlug(slug) {
            problems.append(
                .init(.projectSlug, "\"\(slug)\" is not a Prosjektbanken slug (lower-case letters, digits and -)"))
        }
        return problems
    }

    private static func countyProblems(
        _ county: String, municipality: Municipality?, date: CalendarDay, register: MunicipalityRegister
    ) -> [ProgrammeProblem] {
        guard county.utf8.count == 2, county.utf8.allSatisfy({ (48...57).contains($0) }) else {
            return [.init(.county, "fylkesnummer \"\(county)\" is malformed: it has exactly two digits, e.g. 03")]
        }
        let counties: Set<String>
        do throws(ReferenceDataError) {
            counties = Set(try register.municipalities(on: date).map(\.countyNumber))
        } catch {
            return [.init(.applicationDate, error.description)]
        }
        guard counties.contains(county) else {
            return [.init(.county, "fylkesnummer \(county) was not a county on \(date)")]
        }
        if let municipality, municipality.countyNumber != county {
            return [
                .init(
                    .county,
                    "kommunenummer \(municipality.number) (\(municipality.name)) lay in county "
                        + "\(municipality.countyNumber) (\(municipality.countyName)) on \(date), not in \(county)")
            ]
        }
        return []
    }

    private static func textProblems(_ application: ProgrammeApplication) -> [ProgrammeProblem] {
        var problems: [ProgrammeProblem] = []
        if isBlank(application.call) {
            problems.append(.init(.call, "name the call (utlysning)"))
        } else if application.call.count > maximumTextLength {
            problems.append(.init(.call, "the call's name is longer than \(maximumTextLength) characters"))
        }
        if application.units.count > maximumUnits {
            problems.append(.init(.units, "more than \(maximumUnits) units"))
        }
        if application.units.contains(where: isBlank) {
            problems.append(.init(.units, "a unit's name is blank"))
        }
        if application.units.contains(where: {
            $0.count > maximumTextLength || $0.contains(ProgrammeApplication.unitSeparator)
        }) {
            problems.append(
                .init(
                    .units,
                    "a unit's name is longer than \(maximumTextLength) characters or holds a \(ProgrammeApplication.unitSeparator)"
                ))
        }
        return problems
    }

    private static func statusProblems(_ application: ProgrammeApplication) -> [ProgrammeProblem] {
        guard application.status != .granted else { return [] }
        var problems: [ProgrammeProblem] = []
        let label = "«\(application.status.label)»"
        if application.projectStart != nil {
            problems.append(.init(.projectStart, "a line marked \(label) has no project start"))
        }
        if application.projectEnd != nil {
            problems.append(.init(.projectEnd, "a line marked \(label) has no project end"))
        }
        if application.projectSlug != nil {
            problems.append(.init(.projectSlug, "a line marked \(label) has no project in Prosjektbanken"))
        }
        if application.status == .notApplied, application.amountNOK != nil {
            problems.append(.init(.amount, "a line marked \(label) has no amount"))
        }
        return problems
    }

    static func isBlank(_ text: String) -> Bool { text.allSatisfy(\.isWhitespace) }

    static func isSlug(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 120 && text.first != "-"
            && text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
}
