import FornyeStatistics
import Foundation

/// A made-up FORKOMMUNE register for the demo, labelled synthetic in every line (the `synthetic`
/// flag and the call's name), consistent with the synthetic waves: every municipality in it has
/// respondents in the synthetic 2018 baseline and, under its one 2020 successor, in the synthetic
/// 2020 follow-up, so that a comparison of applicants with the rest has data on both sides.
///
/// Nothing here comes from the programme's records: the counts (18 granted, 12 rejected, 24
/// chosen as not applied) are of the size of the report's 27 pre-projects (Fig 4-9), larger
/// municipalities apply more often (weight √population), and dates and amounts are drawn in
/// plausible ranges for a 2018 pre-project call.
public enum SyntheticProgrammeRegister {
    public static let call = "FORKOMMUNE forprosjekter 2018 (\(SyntheticLabel.marker))"
    public static let closingDate = CalendarDay(year: 2018, month: 4, day: 18)!
    public static let granted = 18
    public static let rejected = 12
    public static let notApplied = 24
    /// Respondents a municipality needs in each wave to enter the register.
    public static let minimumRespondents = 2

    /// The register for the two synthetic waves (`SyntheticBarometer.baseline2018()` and
    /// `followUp2020()`), in kommunenummer order.
    public static func generate(
        baseline: SyntheticWave, followUp: SyntheticWave, register: MunicipalityRegister,
        seed: UInt64 = SyntheticBarometer.defaultSeed
    ) throws(SyntheticDataError) -> [ProgrammeApplication] {
        let before = try respondents(baseline)
        let after = try respondents(followUp)
        var eligible: [Municipality] = []
        for (number, count) in before where count >= minimumRespondents {
            guard
                let successors = try? register.successors(
                    number: number, from: baseline.structureDate, to: followUp.structureDate),
                successors.count == 1, after[successors[0], default: 0] >= minimumRespondents,
                let municipality = try? register.municipality(number: number, on: baseline.structureDate)
            else { continue }
            eligible.append(municipality)
        }
        eligible.sort { $0.number < $1.number }
        let total = granted + rejected + notApplied
        guard eligible.count >= total else {
            throw .inconsistentTargets(
                "only \(eligible.count) municipalities have respondents in both waves; the register needs \(total)")
        }
        var random = SeededRandom(seed: seed, stream: "programme-register")
        let weight = { (index: Int) in (Double(eligible[index].population ?? 1_000)).squareRoot() }
        let chosen = random.sample(total, of: Array(eligible.indices), weight: weight)
        let applicants = Set(random.sample(granted + rejected, of: chosen, weight: weight))
        var grantedSet = Array(applicants).sorted()
        random.shuffle(&grantedSet)
        let grantedIndices = Set(grantedSet.prefix(granted))
        return chosen.map { index in
            let municipality = eligible[index]
            let status: ProgrammeStatus =
                grantedIndices.contains(index) ? .granted : applicants.contains(index) ? .rejected : .notApplied
            return line(municipality, status: status, random: &random)
        }
    }

    private static func line(
        _ municipality: Municipality, status: ProgrammeStatus, random: inout SeededRandom
    ) -> ProgrammeApplication {
        let sector = ReportClassifications.sector.entries[random.index(below: 2)].label
        var application = ProgrammeApplication(
            municipalityNumber: municipality.number, countyNumber: municipality.countyNumber, units: [sector],
            call: call, applicationDate: closingDate, status: status, synthetic: true)
        guard status != .notApplied else {
            application.units = []
            return application
        }
        application.applicationDate = day(closingDate, plus: -random.index(below: 21))
        application.amountNOK = (20 + random.index(below: 31)) * 10_000
        if status == .granted {
            let start = day(CalendarDay(year: 2018, month: 9, day: 1)!, plus: random.index(below: 61))
            application.projectStart = start
            application.projectEnd = day(start, plus: 270 + random.index(below: 150))
        }
        return application
    }

    /// Respondents per kommunenummer in a wave.
    private static func respondents(_ wave: SyntheticWave) throws(SyntheticDataError) -> [String: Int] {
        let column: Column
        do {
            column = try wave.dataset.column(named: "kommunenummer")
        } catch {
            throw .codebookMismatch(error.description)
        }
        guard case .texts(let numbers) = column else { throw .codebookMismatch("kommunenummer is not a text column") }
        var counts: [String: Int] = [:]
        for number in numbers.compactMap({ $0 }) { counts[number, default: 0] += 1 }
        return counts
    }

    /// `day` moved by `days` (negative moves back), in the Gregorian calendar.
    static func day(_ day: CalendarDay, plus days: Int) -> CalendarDay {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let start = calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day))!
        let moved = calendar.dateComponents(
            [.year, .month, .day], from: calendar.date(byAdding: .day, value: days, to: start)!)
        return CalendarDay(year: moved.year!, month: moved.month!, day: moved.day!)!
    }
}
