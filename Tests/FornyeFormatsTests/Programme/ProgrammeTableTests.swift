import FornyeBarometer
import Foundation
import Testing

@testable import FornyeFormats

@Suite struct ProgrammeTableTests {
    let register = try! MunicipalityRegister.bundled()

    func read(_ text: String, file: String = "register.csv") throws(FormatError) -> SourceTable {
        try SourceReader.read(Data(text.utf8), file: file, format: .csv)
    }

    @Test func readsNorwegianExcelCSV() throws {
        let text = """
            \u{FEFF}kommunenummer;fylkesnummer;enheter;utlysning;soknadsdato;status;prosjektstart;prosjektslutt;belop_nok;prosjektbanken
            806;8;Helse | Oppvekst;FORKOMMUNE 2018;10.04.2018;Tilsagn;2018-09-01;30.06.2019;1 200 000;https://fornye.no/prosjekter/jobb-smartere-skien
            1103;;;FORKOMMUNE 2018;2018-04-12;Avslag;;;250000,00;
            ;50;;FORKOMMUNE 2018;43208;not applied;;;;

            """
        let lines = try ProgrammeTable.applications(try read(text), register: register)
        #expect(lines.count == 3)
        #expect(lines[0].municipalityNumber == "0806" && lines[0].countyNumber == "08")
        #expect(lines[0].units == ["Helse", "Oppvekst"])
        #expect(lines[0].applicationDate == CalendarDay("2018-04-10"))
        #expect(lines[0].projectEnd == CalendarDay("2019-06-30"))
        #expect(lines[0].amountNOK == 1_200_000 && lines[0].projectSlug == "jobb-smartere-skien")
        #expect(lines[1].status == .rejected && lines[1].amountNOK == 250_000 && lines[1].units.isEmpty)
        // 43208 is a workbook's serial for 2018-04-18.
        #expect(lines[2].countyNumber == "50" && lines[2].applicationDate == CalendarDay("2018-04-18"))
        #expect(lines.allSatisfy { !$0.synthetic })
    }

    @Test func everyProblemIsLocatedAndNothingIsReturned() throws {
        let text = """
            kommunenummer,utlysning,soknadsdato,status,belop_nok
            0806,FORKOMMUNE,2018-04-10,Tilsagn,-5
            1201,FORKOMMUNE,2024-04-10,Avslag,
            0301,FORKOMMUNE,10/04/2018,maybe,
            0301,,2018-04-10,Ikke søkt,10

            """
        let error = #expect(throws: ProgrammeFileError.self) {
            try ProgrammeTable.applications(try read(text), register: register)
        }
        let problems = try #require(error).problems
        let places = problems.map { "\($0.location.line!):\($0.location.column!):\($0.location.field!)" }
        #expect(
            places == [
                "2:5:belop_nok", "3:1:kommunenummer", "4:3:soknadsdato", "4:4:status", "5:2:utlysning",
                "5:5:belop_nok",
            ])
        #expect(problems[1].message.contains("4601"))
        #expect(error!.description.hasPrefix("6 problem(s); nothing was imported\nregister.csv, line 2, column 5"))
    }

    @Test func theHeaderIsCheckedFirst() throws {
        let text = "kommune,utlysning,status\n0806,x,Tilsagn\n"
        let error = #expect(throws: ProgrammeFileError.self) {
            try ProgrammeTable.applications(try read(text), register: register)
        }
        let messages = try #require(error).problems.map(\.description)
        #expect(messages.count == 3)
        #expect(messages[0].hasPrefix("register.csv, line 1, column 1, field \"kommune\": unknown column"))
        #expect(messages.contains("register.csv, line 1: the column soknadsdato is missing"))
        #expect(messages.contains("register.csv, line 1: the column kommunenummer (or fylkesnummer) is missing"))
    }

    @Test func exportsReadBackAndCarryNumbersForward() throws {
        let lines = [
            ProgrammeApplication(
                municipalityNumber: "0806", units: ["=HYPERLINK(\"x\")", "Skole"], call: "@FORKOMMUNE; 2018",
                applicationDate: CalendarDay("2018-04-10")!, status: .granted,
                projectStart: CalendarDay("2018-09-01"), projectEnd: CalendarDay("2019-06-30"), amountNOK: 300_000,
                projectSlug: "jobb-smartere-skien", synthetic: true),
            ProgrammeApplication(
                municipalityNumber: "1850", call: "FORKOMMUNE 2018", applicationDate: CalendarDay("2018-04-18")!,
                status: .notApplied),
        ]
        let csv = ProgrammeTable.csv(lines, register: register)
        #expect(csv.hasPrefix("\u{FEFF}kommunenummer;fylkesnummer;"))
        #expect(csv.contains("'@FORKOMMUNE; 2018") && csv.contains("'=HYPERLINK"))
        #expect(csv.contains(";\(SyntheticLabel.marker);3807;4003\r\n"))
        #expect(csv.contains(";;delt: 1806 1875;delt: 1806 1875\r\n"))
        var back = try ProgrammeTable.applications(try read(csv), register: register)
        // The defusing apostrophe stays in the text: a spreadsheet shows it as text, not as a formula.
        #expect(back[0].call == "'@FORKOMMUNE; 2018" && back[0].units[0].hasPrefix("'="))
        back[0].call = lines[0].call
        back[0].units[0] = lines[0].units[0]
        #expect(back == lines)

        let workbook = try ProgrammeTable.xlsx(lines, register: register)
        let table = try SourceReader.read(workbook, file: "register.xlsx", format: .xlsx)
        #expect(table.sheet == "Programregister \(SyntheticLabel.marker)")
        #expect(ProgrammeTable.sheetName(lines).count <= 31)
        var fromWorkbook = try ProgrammeTable.applications(table, register: register)
        fromWorkbook[0].call = lines[0].call
        fromWorkbook[0].units[0] = lines[0].units[0]
        #expect(fromWorkbook == lines)
    }

    @Test func cellsReadAsNorwegianSpreadsheetsWriteThem() throws {
        #expect(try ProgrammeCells.number("301", width: 4, what: "k") == "0301")
        #expect(throws: CellProblem.self) { try ProgrammeCells.number("03011", width: 4, what: "k") }
        #expect(throws: CellProblem.self) { try ProgrammeCells.number("03a1", width: 4, what: "k") }
        #expect(try ProgrammeCells.amount("1\u{00A0}250\u{202F}000") == 1_250_000)
        #expect(try ProgrammeCells.amount("300000.0") == 300_000)
        #expect(throws: CellProblem.self) { try ProgrammeCells.amount("300 kr") }
        #expect(try ProgrammeCells.day("29.02.2020") == CalendarDay("2020-02-29"))
        #expect(throws: CellProblem.self) { try ProgrammeCells.day("29.02.2019") }
        #expect(SerialDays.day(61) == CalendarDay("1900-03-01"))
        #expect(try ProgrammeCells.flag("SYNTETISKE DATA / SYNTHETIC DATA"))
        #expect(try !ProgrammeCells.flag("nei"))
        #expect(throws: CellProblem.self) { try ProgrammeCells.flag("kanskje") }
    }
}

@Suite struct InterviewCaseTableTests {
    @Test func casesAndThemeCountsAsTables() {
        var skien = ReportInterviewCases.all[0]
        skien.themes = [
            .init(list: InterviewThemes.barrier.id, code: 3), .init(list: InterviewThemes.barrier.id, code: 1),
        ]
        skien.quotes = [CaseQuote(text: "Vi har ikke tid til å feile", page: 41)]
        let rows = InterviewCaseTable.rows([skien])
        #expect(rows[0].count == rows[1].count && rows[0][5] == "interview_barrier")
        #expect(
            rows[1][0...5] == ["Skien kommune", "0806", "Tilsagn", "Østlandet", "", "Driftsfokus | Frykt for å feile"])
        #expect(rows[1][9] == "«Vi har ikke tid til å feile» (s. 41)")

        let counts = InterviewCaseTable.themeRows(
            ThemeCountTable(cases: ReportInterviewCases.all.dropFirst() + [skien]))
        #expect(counts[0] == ["liste", "kode", "tema", "theme", "Tilsagn", "Avslag", "Ikke søkt", "totalt"])
        #expect(counts[1] == ["interview_barrier", "1", "Driftsfokus", "Focus on operations", "1", "0", "0", "1"])
        #expect(counts.last == ["", "", "Antall caser", "Cases", "9", "4", "5", "18"])
    }
}
