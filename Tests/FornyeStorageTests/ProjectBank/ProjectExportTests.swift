import Foundation
import Testing

@testable import FornyeStorage

/// The project bank's open-data CSV goes through the one formula policy (`SpreadsheetFormula`):
/// issue 20, item 24 found a title starting with CR or LF followed by `=` passing the old check.
@Suite struct ProjectExportTests {
    @Test func csvDefusesFormulasAfterLeadingLineBreaks() throws {
        var project = document("\r\n=HYPERLINK(\"http://x\")", "\n+cmd", body: "\t=1")
        project.lessons = "-0.5"
        let record = ProjectRecord()
        record.id = UUID()
        record.slug = "x"
        record.status = .published
        record.ownerName = "Oslo"
        record.updatedAt = Date(timeIntervalSince1970: 0)
        record.documentJSON = String(decoding: try JSONEncoder().encode(project), as: UTF8.self)
        let csv = try ProjectExport.csv([record])
        #expect(csv.contains(",\"'\r\n=HYPERLINK(\"\"http://x\"\")\",\"'\n+cmd\","))
        #expect(csv.contains(",'\t=1,"))
        #expect(csv.contains(",-0.5,"))
        #expect(csv.hasPrefix("slug,url,title,"))
    }

    /// Issue 20 item 9: the same rows for Norwegian Excel, a byte order mark and semicolons, with
    /// a semicolon inside a field quoted so it stays one cell.
    @Test func theExcelVariantHasAByteOrderMarkAndSemicolons() throws {
        let record = ProjectRecord()
        record.id = UUID()
        record.slug = "x"
        record.status = .published
        record.ownerName = "Bærum"
        record.updatedAt = Date(timeIntervalSince1970: 0)
        record.documentJSON = String(
            decoding: try JSONEncoder().encode(document("Velferd; teknologi", "Kort", body: "Tekst")), as: UTF8.self)
        let csv = try ProjectExport.csv([record], forExcel: true)
        #expect(csv.hasPrefix("\u{FEFF}slug;url;title;"))
        #expect(csv.contains(";\"Velferd; teknologi\";"))
        #expect(csv.contains(";Bærum;"))
        #expect(!csv.contains("Velferd; teknologi,"))
    }
}
