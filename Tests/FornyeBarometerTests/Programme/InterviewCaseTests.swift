import FornyeBarometer
import Testing

@Suite struct InterviewCaseTests {
    @Test func theReportsEighteenCasesAreAsTableV5States() throws {
        let cases = ReportInterviewCases.all
        #expect(cases.count == 18)
        let byStatus = Dictionary(grouping: cases, by: \.status).mapValues(\.count)
        #expect(byStatus == [.granted: 9, .rejected: 4, .notApplied: 5])
        #expect(cases.allSatisfy { $0.problems.isEmpty && !$0.synthetic && $0.themes.isEmpty && $0.quotes.isEmpty })
        #expect(cases.filter { $0.unit == "Trøndelag fylkeskommune" }.count == 2)
        #expect(cases.first { $0.unit == "Aust-Agder fylkeskommune" }?.region == "Sør-Norge")
        // Every number is a municipality or county of the 2018 structure, and names match.
        let register = try MunicipalityRegister.bundled()
        let day = CalendarDay("2018-06-01")!
        let counties = Set(try register.municipalities(on: day).map(\.countyNumber))
        for record in cases {
            let number = try #require(record.number)
            if number.count == 2 {
                #expect(counties.contains(number))
            } else {
                let name = try register.municipality(number: number, on: day).name
                #expect(record.unit.hasPrefix(name))
            }
        }
    }

    @Test func themesAreCountedOncePerCaseByStatusGroup() {
        let barrier = InterviewThemes.barrier.id
        let factor = InterviewThemes.successFactor.id
        let cases = [
            InterviewCase(
                unit: "A", status: .granted, region: "Østlandet",
                themes: [.init(list: barrier, code: 1), .init(list: barrier, code: 1), .init(list: factor, code: 3)],
                source: "test"),
            InterviewCase(
                unit: "B", status: .granted, region: "Vestlandet", themes: [.init(list: barrier, code: 1)],
                source: "test"),
            InterviewCase(
                unit: "C", status: .notApplied, region: "Nord-Norge", themes: [.init(list: barrier, code: 2)],
                source: "test"),
            InterviewCase(
                unit: "D", status: .rejected, region: "Midt-Norge", themes: [.init(list: "other", code: 1)],
                source: "test"),
        ]
        let table = ThemeCountTable(cases: cases)
        #expect(table.groupSizes == [.granted: 2, .rejected: 1, .notApplied: 1])
        #expect(table.rows.count == InterviewThemes.all.map(\.entries.count).reduce(0, +))
        let operations = table.rows.first { $0.theme == .init(list: barrier, code: 1) }
        #expect(operations?.counts == [.granted: 2, .rejected: 0, .notApplied: 0])
        #expect(operations?.label == "Driftsfokus")
        #expect(table.rows.first { $0.theme == .init(list: barrier, code: 2) }?.total == 1)
        #expect(table.rows.first { $0.theme == .init(list: factor, code: 3) }?.counts[.granted] == 1)
        #expect(table.rows.map(\.total).reduce(0, +) == 4)
        #expect(cases[3].problems == ["theme other 1 is not a code of the interview themes"])
    }

    @Test func theThemeListsAreTheReports() {
        #expect(
            InterviewThemes.barrier.entries.map(\.label) == [
                "Driftsfokus", "Manglende kompetanse", "Frykt for å feile",
            ])
        #expect(InterviewThemes.diffusionChannel.entries.count == 8)
        #expect(Set(InterviewThemes.all.map(\.id)).count == 4)
    }
}
