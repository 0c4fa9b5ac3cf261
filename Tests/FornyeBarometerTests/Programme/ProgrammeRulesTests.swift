import FornyeBarometer
import Testing

@Suite struct ProgrammeRulesTests {
    let register = try! MunicipalityRegister.bundled()
    let spring2018 = CalendarDay("2018-04-10")!

    func line(
        _ number: String? = "0806", county: String? = nil, status: ProgrammeStatus = .granted,
        date: String = "2018-04-10", start: String? = nil, end: String? = nil, amount: Int? = nil
    ) -> ProgrammeApplication {
        ProgrammeApplication(
            municipalityNumber: number, countyNumber: county, units: ["Helse og omsorg"], call: "FORKOMMUNE 2018",
            applicationDate: CalendarDay(date)!, status: status, projectStart: start.flatMap(CalendarDay.init),
            projectEnd: end.flatMap(CalendarDay.init), amountNOK: amount)
    }

    func fields(_ application: ProgrammeApplication) -> [ProgrammeField] {
        ProgrammeRules.problems(of: application, register: register).map(\.field)
    }

    @Test func aCompleteGrantedLineIsValid() {
        #expect(fields(line(start: "2018-09-01", end: "2019-06-30", amount: 300_000)).isEmpty)
        #expect(fields(line(nil, county: "50", status: .rejected, amount: 250_000)).isEmpty)
        #expect(fields(line("5034", county: "50", status: .notApplied)).isEmpty)
    }

    @Test func theMunicipalityMustBeValidOnTheApplicationDate() {
        // Skien was 0806 until 2020, 3807 in 2020–2023 and 4003 from 2024.
        let problems = ProgrammeRules.problems(of: line("0806", date: "2024-03-01"), register: register)
        #expect(problems.map(\.field) == [.municipality])
        #expect(problems[0].message.contains("4003"))
        #expect(fields(line("4003", date: "2024-03-01")).isEmpty)
        #expect(fields(line("12")) == [.municipality])
        #expect(fields(line(nil)) == [.municipality])
    }

    @Test func aCountyMustExistAndHoldTheMunicipality() {
        #expect(fields(line(nil, county: "30")) == [.county])  // Viken only from 2020
        #expect(fields(line(nil, county: "30", date: "2020-05-01")).isEmpty)
        let wrong = ProgrammeRules.problems(of: line("0806", county: "50"), register: register)
        #expect(wrong.map(\.field) == [.county] && wrong[0].message.contains("Telemark"))
        #expect(fields(line(nil, county: "5")) == [.county])
    }

    @Test func datesAreInOrderAndAmountsNotNegative() {
        #expect(fields(line(start: "2018-03-01")) == [.projectStart])
        #expect(fields(line(start: "2018-09-01", end: "2018-08-01")) == [.projectEnd])
        #expect(fields(line(end: "2019-01-01")) == [.projectStart])
        #expect(fields(line(amount: -1)) == [.amount])
    }

    @Test func onlyAGrantedLineHasAProject() {
        #expect(fields(line(status: .rejected, start: "2018-09-01")) == [.projectStart])
        #expect(fields(line(status: .rejected, amount: 100)).isEmpty)
        #expect(fields(line(status: .notApplied, amount: 100)) == [.amount])
        var linked = line(status: .notApplied)
        linked.projectSlug = "jobb-smartere-skien"
        #expect(fields(linked) == [.projectSlug])
        linked.status = .granted
        #expect(fields(linked).isEmpty)
        linked.projectSlug = "Jobb Smartere"
        #expect(fields(linked) == [.projectSlug])
    }

    @Test func textsAreNamedAndBounded() {
        var application = line()
        application.call = "  "
        application.units = ["Skole | Barnehage", ""]
        #expect(fields(application) == [.call, .units, .units])
    }

    @Test func statusesReadTheReportsLabelsAndTheStoredNames() {
        #expect(ProgrammeStatus(text: "Tilsagn") == .granted)
        #expect(ProgrammeStatus(text: " avslag ") == .rejected)
        #expect(ProgrammeStatus(text: "Ikke søkt") == .notApplied)
        #expect(ProgrammeStatus(text: "not applied") == .notApplied)
        #expect(ProgrammeStatus(text: "not_applied") == .notApplied)
        #expect(ProgrammeStatus(text: "Granted") == .granted)
        #expect(ProgrammeStatus(text: "innvilget") == nil)
    }
}
