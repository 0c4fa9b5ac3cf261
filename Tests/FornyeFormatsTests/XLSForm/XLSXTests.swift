import Foundation
import Testing

@testable import FornyeFormats

@Suite("XLSX reading and writing")
struct XLSXTests {
    @Test("sheets written and read back are equal: text with markup characters, padding, Unicode, gaps")
    func roundTrip() throws {
        let sheets = [
            XLSXSheet(
                name: "survey",
                cells: [
                    ["type", "name", "label::Norsk bokmål (nb)"],
                    ["select_one yn", "q1", "Ble det <nytt> & \"bedre\"? 'ja'"],
                    ["text", "", "  innrykk og hale  "],
                    ["note", "n", "linje 1\nlinje 2 – æøå ÆØÅ"],
                ]),
            XLSXSheet(
                name: "choices",
                rows: [.init(number: 1, cells: ["list_name"]), .init(number: 4, cells: ["", "", "x"])]),
        ]
        let data = try XLSXWriter.data(sheets)
        #expect(try XLSXReader.read(data) == sheets)
    }

    @Test(
        "column names and indices convert both ways",
        arguments: [(0, "A"), (25, "Z"), (26, "AA"), (701, "ZZ"), (702, "AAA")])
    func columns(index: Int, name: String) {
        #expect(XLSXWriter.columnName(index) == name)
        #expect(XLSXReader.columnIndex(of: name + "7") == index)
    }

    @Test("inline strings, rich-text shared strings, numbers, booleans and cells without references are read")
    func readsHandMadeWorkbook() throws {
        let sheet = """
            <?xml version="1.0" encoding="UTF-8"?>
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
              <sheetData>
                <row r="1">
                  <c r="A1" t="inlineStr"><is><t>type</t></is></c>
                  <c r="C1" t="s"><v>0</v></c>
                </row>
                <row r="3">
                  <c t="inlineStr"><is><r><t xml:space="preserve">del </t></r><r><rPr><b/></rPr><t>to</t></r></is></c>
                  <c><v>2018.0</v></c>
                  <c t="b"><v>1</v></c>
                  <c><v>0.25</v></c>
                  <c r="F3" t="str"><v>formel</v></c>
                </row>
              </sheetData>
            </worksheet>
            """
        let shared = """
            <?xml version="1.0" encoding="UTF-8"?>
            <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1">
              <si><r><t>label::</t></r><r><rPr><i/></rPr><t>English (en)</t></r><rPh><t>x</t></rPh></si>
            </sst>
            """
        let data = try Self.workbook(sheetXML: sheet, sharedStringsXML: shared)
        let sheets = try XLSXReader.read(data)
        #expect(sheets.map(\.name) == ["survey"])
        #expect(
            sheets.first?.rows == [
                .init(number: 1, cells: ["type", "", "label::English (en)"]),
                .init(number: 3, cells: ["del to", "2018", "true", "0.25", "", "formel"]),
            ])
    }

    @Test("a file that is not a zip archive, or lacks the workbook, is refused clearly")
    func notAWorkbook() throws {
        #expect(throws: XLSXError("not an .xlsx file (not a zip archive)")) {
            try XLSXReader.read(Data("type,name\n".utf8))
        }
        let zip = try XLSXWriter.package([("hello.txt", Data("hi".utf8))])
        #expect(throws: XLSXError("the workbook has no xl/workbook.xml")) {
            try XLSXReader.read(zip)
        }
    }

    /// A one-sheet workbook with the given sheet and shared-string parts, as another program
    /// might write it (relationship target given absolute).
    static func workbook(sheetXML: String, sharedStringsXML: String?) throws -> Data {
        var parts = [
            (
                "xl/workbook.xml",
                """
                <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
                xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
                  <sheets><sheet name="survey" sheetId="1" r:id="rId7"/></sheets>
                </workbook>
                """
            ),
            (
                "xl/_rels/workbook.xml.rels",
                """
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                  <Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/a.xml"/>
                </Relationships>
                """
            ),
            ("xl/worksheets/a.xml", sheetXML),
        ]
        if let sharedStringsXML { parts.append(("xl/sharedStrings.xml", sharedStringsXML)) }
        return try XLSXWriter.package(parts.map { ($0.0, Data($0.1.utf8)) })
    }
}
