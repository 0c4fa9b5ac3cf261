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
        #expect(ProjectExport.field("\n=1") == "\"'\n=1\"")
        #expect(ProjectExport.field("=1") == "'=1")
        // CRLF is one Character in Swift: the quoting checks scalars, so it is quoted too.
        #expect(ProjectExport.field("a\r\nb") == "\"a\r\nb\"")
    }
}
