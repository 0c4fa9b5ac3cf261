import FornyeBarometer
import FornyeStatistics
import Testing

@Suite struct ProgrammeGroupsTests {
    static let register = try! MunicipalityRegister.bundled()

    static func line(
        _ number: String?, county: String? = nil, _ status: ProgrammeStatus, start: String? = nil
    ) -> ProgrammeApplication {
        ProgrammeApplication(
            municipalityNumber: number, countyNumber: county, call: "FORKOMMUNE 2018",
            applicationDate: CalendarDay("2018-04-10")!, status: status, projectStart: start.flatMap(CalendarDay.init))
    }

    @Test func participantsNeedAGrantStartedBeforeTheLaterWaveInItsStructure() {
        let lines = [
            Self.line("0806", .granted, start: "2018-09-01"),  // Skien, 3807 from 2020
            Self.line("0806", .rejected),
            Self.line("1103", .granted, start: "2020-03-01"),  // started after the wave: neither group
            Self.line("0301", .rejected),
            Self.line("1201", .notApplied),  // Bergen, 4601 from 2020
            Self.line(nil, county: "08", .granted, start: "2018-09-01"),  // a county's own: left out
        ]
        let groups = ProgrammeGroups(
            lines, structureYear: 2020, cutoff: CalendarDay("2020-01-01")!, register: Self.register)
        #expect(groups.participants == ["3807"])
        #expect(groups.grantedNotStarted == ["1103"])
        #expect(groups.rejected == ["0301"] && groups.notApplied == ["4601"])
        #expect(groups.linesLeftOut == 1)
        #expect(groups.isParticipant("3807", comparison: .rejected) == true)
        #expect(groups.isParticipant("1103", comparison: .others) == nil)
        #expect(groups.isParticipant("0301", comparison: .rejected) == false)
        #expect(groups.isParticipant("0301", comparison: .notApplied) == nil)
        #expect(groups.isParticipant("4601", comparison: .notApplied) == false)
        #expect(groups.isParticipant("5001", comparison: .rejected) == nil)
        #expect(groups.isParticipant("5001", comparison: .others) == false)
    }

    @Test func indicatorsCountDontKnowInTheBaseAndLeaveTheUnaskedOut() throws {
        let dataset = try Dataset(
            codebook: Codebook(variables: [
                Variable(
                    name: "innovated", label: "Innovert", kind: .singleChoice,
                    valueLabels: [.init(code: 1, label: "Ja"), .init(code: 2, label: "Nei")],
                    missingCodes: [8: .dontKnow]),
                Variable(name: "partners_8", label: "FoU", kind: .multipleChoiceItem),
            ]),
            columns: [
                "innovated": .codes([1, 2, 8, Column.systemMissing]),
                "partners_8": .codes([1, 0, Column.systemMissing, 1]),
            ])
        let h1 = try ProgrammeIndicator.innovates.values(in: dataset)
        #expect(h1[0] == 1 && h1[1] == 0 && h1[2] == 0 && h1[3].isNaN)
        let h3 = try ProgrammeIndicator.researches.values(in: dataset)
        #expect(h3[0] == 1 && h3[1] == 0 && h3[2].isNaN && h3[3] == 1)
    }
}
