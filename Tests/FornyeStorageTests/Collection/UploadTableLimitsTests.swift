import FornyeBarometer
import FornyeFormats
import FornyeProjectBank
import Foundation
import Testing

@testable import FornyeStorage

/// Sample frames and project lists are read within `TableLimits`, as response files are: a file
/// of thousands of columns is refused while it is read, and the problems listed are bounded.
@Suite struct UploadTableLimitsTests {
    static let day = CalendarDay("2026-03-01")!

    static func wideHeader(_ columns: Int) -> String {
        (0..<columns).map { "k\($0)" }.joined(separator: ",")
    }

    @Test func aSampleFrameOfThousandsOfColumnsIsRefusedAtItsHeader() throws {
        let csv = "enhet,kommunenummer,sektor,enhetstype,epost," + Self.wideHeader(5_000) + "\n"
        let frame = SampleFrame(
            csv: Data(csv.utf8), file: "utvalg.csv", instrument: try Instrument.innovasjonsbarometer2018,
            register: nil, on: Self.day)
        #expect(frame.units.isEmpty)
        #expect(
            frame.issues.map(\.description) == [
                "row 1: the header has more than 200 columns, the most a file may have; is the delimiter right?"
            ])
        // Rows (as an XLSX frame arrives) beyond the units a frame may have.
        let rows =
            [["enhet", "kommunenummer", "sektor", "enhetstype", "epost"]]
            + Array(repeating: ["a", "0301", "1", "1", "a@example.no"], count: SampleFrame.maximumUnits + 1)
        let long = SampleFrame(
            rows: rows, instrument: try Instrument.innovasjonsbarometer2018, register: nil, on: Self.day)
        #expect(long.units.isEmpty)
        #expect(long.issues.map(\.message) == ["the file has 100001 rows; a sample frame may have at most 100000"])
    }

    @Test func theIssuesOfABadFrameAreBounded() throws {
        let rows =
            [["enhet", "kommunenummer", "sektor", "enhetstype", "epost"]]
            + Array(repeating: ["a", "0301", "99", "1", "a@example.no"], count: 1_000)
        let frame = SampleFrame(
            rows: rows, instrument: try Instrument.innovasjonsbarometer2018, register: nil, on: Self.day)
        #expect(frame.issues.count <= SampleFrame.maximumIssues + 5)
        #expect(frame.issues.last?.message == "more problems than the 200 listed; correct these and check again")
    }

    @Test func aProjectListOfThousandsOfColumnsIsRefusedInCSVAndJSON() throws {
        let csv = "title,summary," + Self.wideHeader(5_000) + "\nA,B\n"
        #expect(
            throws: ProjectError.importFailed(
                file: "p.csv", row: 1, column: nil,
                message: "the header has more than 1000 columns, the most a file may have; is the delimiter right?")
        ) { try ProjectImportMapping.fornyeCSV.documents(csv, file: "p.csv") }
        let keys = (0..<5_000).map { "\"k\($0)\": \"\"" }.joined(separator: ",")
        // Braces and colons inside strings are text, not structure.
        let json = "[{\"title\": \"a: {b}\", \"summary\": \"\\\"x: y\\\"\"}, {\(keys)}]"
        #expect(
            throws: ProjectError.importFailed(
                file: "p.json", row: 2, column: nil, message: "has more than 1000 fields, the most a row may have")
        ) { try ProjectImportMapping.fornyeCSV.documents(json: Data(json.utf8), file: "p.json") }
        var limits = TableLimits()
        limits.maximumColumns = 2
        #expect(throws: Never.self) {
            try FlatJSONShape.check(
                Data("[{\"a\": \"1:2\", \"b\": [1, {\"c\": 2}]}]".utf8), file: "p.json", limits: limits)
        }
    }
}
