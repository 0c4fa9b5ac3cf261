import Foundation
import Testing

@testable import FornyeFormats

/// Files whose shape, not their bytes, would make the server allocate without bound: a CSV of a
/// million empty columns is 1 MB; with short names, 10 MB. They are refused while being read.
@Suite("Hostile table sizes")
struct HostileTableSizeTests {
    /// A header of `columns` names (`v0,v1,…`) and one row of ones.
    static func wideCSV(columns: Int) -> Data {
        var text = (0..<columns).map { "v\($0)" }.joined(separator: ",") + "\n"
        text += Array(repeating: "1", count: columns).joined(separator: ",") + "\n"
        return Data(text.utf8)
    }

    func refusal(_ data: Data, file: String, format: SourceFormat, limits: SourceReader.Limits = .init()) -> String? {
        formatError(data, file: file, format: format, limits: limits)?.description
    }

    func formatError(
        _ data: Data, file: String, format: SourceFormat, limits: SourceReader.Limits = .init()
    ) -> FormatError? {
        do {
            _ = try SourceReader.read(data, file: file, format: format, limits: limits)
            return nil
        } catch {
            return error
        }
    }

    @Test("A 10 MB CSV of a million columns is refused at its header, as is one of 5,000")
    func millionColumns() throws {
        let million = Self.wideCSV(columns: 1_000_000)
        #expect(million.count > 9_000_000)
        let refused = try #require(formatError(million, file: "bred.csv", format: .csv))
        #expect(
            refused.description
                == "bred.csv, line 1: the header has more than 1000 columns, the most a file may have; is the delimiter right?"
        )
        let error = try #require(refusal(Self.wideCSV(columns: 5_000), file: "bred.csv", format: .kobo))
        #expect(error.hasPrefix("bred.csv, line 1: the header has more than 1000 columns"))
        // Bokmål for the page.
        #expect(
            refused.description(in: .nb)
                == "bred.csv, linje 1: overskriften har mer enn 1000 kolonner, det meste en fil kan ha; er skilletegnet riktig?"
        )
        // At the limit, the file is read.
        let widest = try SourceReader.read(Self.wideCSV(columns: 1_000), file: "bred.csv", format: .csv)
        #expect(widest.columns.count == 1_000 && widest.rows == [Array(repeating: "1", count: 1_000)])
    }

    @Test("Fields are counted quote-aware: delimiters and line breaks inside quotes belong to the field")
    func quotedDelimiters() throws {
        var limits = SourceReader.Limits()
        limits.maximumColumns = 3
        let quoted = Data("a,\"b,c,d\",e\n1,\"2\n,,,\",3\n".utf8)
        let table = try SourceReader.read(quoted, file: "q.csv", format: .csv, limits: limits)
        #expect(table.columns == ["a", "b,c,d", "e"])
        #expect(table.rows == [["1", "2\n,,,", "3"]])
        // A wide data row is refused at its line, before it is split.
        let wideRow = Data("a,b,c\n1,2,3\n\"x\ny\",2,3,4\n".utf8)
        #expect(
            refusal(wideRow, file: "r.csv", format: .csv, limits: limits)
                == "r.csv, line 3: the row has more than 3 fields, the most a file may have")
    }

    @Test("Cells, rows and header names have limits too")
    func cellsRowsAndNames() throws {
        var limits = SourceReader.Limits()
        limits.maximumCells = 100
        let rows = (1...20).map { _ in "1,2,3,4,5,6,7,8,9,10" }.joined(separator: "\n")
        let csv = Data(("a,b,c,d,e,f,g,h,i,j\n" + rows + "\n").utf8)
        #expect(
            refusal(csv, file: "c.csv", format: .csv, limits: limits)
                == "c.csv, line 11: the file has more than 100 cells (rows × columns); split it into smaller files")
        limits = .init()
        limits.maximumRows = 5
        #expect(refusal(csv, file: "c.csv", format: .csv, limits: limits) == "c.csv, line 7: more than 5 rows")
        let long = String(repeating: "x", count: 1_001)
        #expect(
            refusal(Data("a,\(long)\n1,2\n".utf8), file: "n.csv", format: .csv)
                == "n.csv, line 1, column 2: the column name is 1001 characters long, more than the 1000 allowed")
        // The same limit for the project and sample-frame reader.
        #expect(throws: FormatError.self) {
            try CSVTable.parse(String(decoding: Self.wideCSV(columns: 5_000), as: UTF8.self), file: "t.csv")
        }
    }

    @Test("A workbook cell right of the column limit is refused; empty cells there are not padded to")
    func workbookColumns() throws {
        var cells = Array(repeating: "", count: 1_500)
        cells[0] = "a"
        cells[1_499] = "far"
        let wide = try XLSXWriter.data([XLSXSheet(name: "d", cells: [["a"], cells])])
        let reference = XLSXWriter.columnName(1_499) + "2"
        #expect(
            refusal(wide, file: "w.xlsx", format: .xlsx)
                == "w.xlsx: sheet \"d\": cell \(reference) holds data in column 1500; at most 1000 columns are read")
        // Formatting-only cells in column XFD on every row, as a spreadsheet may leave them.
        let rows = (1...2_000).map { row in
            "<row r=\"\(row)\"><c r=\"A\(row)\" t=\"inlineStr\"><is><t>\(row == 1 ? "a" : "1")</t></is></c>"
                + "<c r=\"XFD\(row)\" s=\"1\"/></row>"
        }.joined()
        let workbook = try Self.workbook(sheetData: rows)
        var limits = XLSXReader.Limits()
        limits.maximumCells = 4_000
        let sheets = try XLSXReader.read(workbook, limits: limits)
        #expect(sheets[0].rows.count == 2_000 && sheets[0].rows.allSatisfy { $0.cells.count == 1 })
        limits.maximumCells = 1_000
        #expect(throws: XLSXError.self) { try XLSXReader.read(workbook, limits: limits) }
    }

    @Test("An SPSS file with more variables or values than allowed is refused")
    func spssVariables() throws {
        let variables = (0..<1_001).map { SAVVariable(name: "v\($0)", values: .numbers([1, 2])) }
        let data = try SAVWriter.data(SAVFile(variables: variables))
        let message = try #require(refusal(data, file: "bred.sav", format: .sav))
        #expect(message.hasPrefix("bred.sav: byte ") && message.hasSuffix(": more than 1000 variables"))
        var limits = SAVReader.Limits()
        limits.maximumCells = 1_000
        do {
            _ = try SAVReader.read(data, file: "bred.sav", limits: limits)
            Issue.record("2,002 values were read under a limit of 1,000")
        } catch {
            #expect(
                error.description.hasSuffix(
                    "more than 1000 values (cases × variables); split the file or keep fewer variables"))
        }
        #expect(try SAVReader.read(data, file: "bred.sav").variables.count == 1_001)
    }

    /// A one-sheet workbook around `sheetData` rows, written part by part.
    static func workbook(sheetData: String) throws -> Data {
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        return try XLSXWriter.package([
            (
                "xl/workbook.xml",
                Data(
                    "<workbook xmlns=\"\(main)\" xmlns:r=\"\(relationships)\"><sheets><sheet name=\"d\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"
                        .utf8)
            ),
            (
                "xl/_rels/workbook.xml.rels",
                Data(
                    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"\(relationships)/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>"
                        .utf8)
            ),
            (
                "xl/worksheets/sheet1.xml",
                Data("<worksheet xmlns=\"\(main)\"><sheetData>\(sheetData)</sheetData></worksheet>".utf8)
            ),
        ])
    }
}
