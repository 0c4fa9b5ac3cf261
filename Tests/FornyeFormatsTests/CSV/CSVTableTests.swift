import Foundation
import Testing

@testable import FornyeFormats

/// The general CSV reader used outside datasets (sample frames, project lists).
@Suite struct CSVTableTests {
    @Test func readsQuotedFieldsSemicolonsAndTheLineOfEachRow() throws {
        let table = try CSVTable.parse(
            "\u{FEFF}enhet;epost\r\n\"Skole; nord\";a@b.no\r\n\"To\nlinjer\";c@d.no\r\nSiste;e@f.no\r\n", file: "u.csv")
        #expect(table.header == ["enhet", "epost"])
        #expect(table.delimiter == ";")
        #expect(table.rows == [["Skole; nord", "a@b.no"], ["To\nlinjer", "c@d.no"], ["Siste", "e@f.no"]])
        // The quoted line break moves the last row to line 5.
        #expect(table.lines == [2, 3, 5])
        #expect(try CSVTable.parse("a\tb\n1\t2\n", file: "t.tsv").rows == [["1", "2"]])
    }

    @Test func brokenQuotingAndEncodingsAreLocated() {
        #expect(
            throws: FormatError.located(
                FileLocation(file: "u.csv", line: 3, column: 2, field: "b"),
                "the quote that opens this field is never closed; add the closing \"")
        ) { try CSVTable.parse("a,b\n1,2\n3,\"4\n", file: "u.csv") }
        #expect(throws: FormatError.located(FileLocation(file: "u.csv"), "the file is empty")) {
            try CSVTable.read(Data(), file: "u.csv")
        }
        do {
            _ = try CSVTable.read(Data([0x61, 0x0A, 0xE6, 0x0A]), file: "u.csv")
            Issue.record("Latin-1 bytes were read as UTF-8")
        } catch {
            #expect(error.description.hasPrefix("u.csv, line 2"))
            #expect(error.description.contains("Windows-1252"))
        }
    }

    @Test func writingQuotesDefusesAndReadsBack() throws {
        let rows = [["navn", "notat"], ["a;b", "=1+1"], ["\"sitat\"", "linje\nto"]]
        let text = CSVTable.write(rows)
        let table = try CSVTable.parse(text, file: "w.csv")
        #expect(table.allRows == [["navn", "notat"], ["a;b", "'=1+1"], ["\"sitat\"", "linje\nto"]])
    }
}
