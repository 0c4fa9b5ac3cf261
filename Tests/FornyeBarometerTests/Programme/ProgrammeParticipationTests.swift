import FornyeBarometer
import Testing

@Suite struct ProgrammeParticipationTests {
    let register = try! MunicipalityRegister.bundled()
    let structure = CalendarDay.newYear(2024)

    func line(_ number: String?, _ date: String, _ status: ProgrammeStatus = .granted) -> ProgrammeApplication {
        ProgrammeApplication(
            municipalityNumber: number, countyNumber: number == nil ? "33" : nil, call: "Utlysning \(date)",
            applicationDate: CalendarDay(date)!, status: status)
    }

    @Test func aMergedMunicipalityGetsItsPredecessorsGrantedLinesNewestFirst() {
        let lines = [
            line("0602", "2018-04-15"), line("0625", "2019-03-01"), line("3005", "2021-05-01"),
            line("3005", "2021-06-01", .rejected), line("3005", "2022-01-10", .notApplied), line(nil, "2022-02-01"),
            line("3301", "2024-09-01"), line("0301", "2019-01-01"),
        ]
        let drammen = ProgrammeParticipation.lines(of: "3301", in: lines, register: register, structure: structure)
        #expect(
            drammen.map(\.call) == [
                "Utlysning 2024-09-01", "Utlysning 2021-05-01", "Utlysning 2019-03-01", "Utlysning 2018-04-15",
            ])
        #expect(
            ProgrammeParticipation.lines(of: "0301", in: lines, register: register, structure: structure).count == 1)
    }
}
