public import Foundation
import XMLCoder
import ZIPFoundation

/// Writes sheets of text as an .xlsx workbook that Excel, LibreOffice and openpyxl open.
///
/// Every non-empty cell is a shared string; the first row of each sheet is bold, as a header.
///
/// ```swift
/// let data = try XLSXWriter.data([XLSXSheet(name: "survey", cells: [["type", "name"], ["text", "q1"]])])
/// ```
public enum XLSXWriter {
    /// Writes the sheets as an .xlsx file, replacing any file at `url`.
    public static func write(_ sheets: [XLSXSheet], to url: URL) throws(XLSXError) {
        let data = try data(sheets)
        do {
            try data.write(to: url, options: .atomic)
        } catch {
            throw XLSXError("cannot write \(url.path): \(error.localizedDescription)")
        }
    }

    /// The sheets as the bytes of an .xlsx file.
    public static func data(_ sheets: [XLSXSheet]) throws(XLSXError) -> Data {
        var strings: [String] = []
        var stringIndex: [String: Int] = [:]
        func shared(_ text: String) -> Int {
            if let index = stringIndex[text] { return index }
            strings.append(text)
            stringIndex[text] = strings.count - 1
            return strings.count - 1
        }
        var parts: [(String, Data)] = []
        for (index, sheet) in sheets.enumerated() {
            let rows = sheet.rows.map { row in
                WorksheetXML.RowXML(
                    r: row.number,
                    c: row.cells.enumerated().compactMap { column, text in
                        text.isEmpty
                            ? nil
                            : WorksheetXML.CellXML(
                                r: columnName(column) + String(row.number), t: "s", s: row.number == 1 ? 1 : nil,
                                v: String(shared(text)))
                    })
            }
            let worksheet = WorksheetXML(sheetData: .init(row: rows))
            parts.append(("xl/worksheets/sheet\(index + 1).xml", try encode(worksheet, root: "worksheet")))
        }
        let workbook = WorkbookXML(
            sheets: .init(
                sheet: sheets.enumerated().map { index, sheet in
                    .init(name: sheet.name, sheetId: index + 1, relationshipId: "rId\(index + 1)")
                }))
        let relationships = RelationshipsXML(
            relationship: sheets.indices.map { index in
                .init(id: "rId\(index + 1)", type: Namespace.worksheet, target: "worksheets/sheet\(index + 1).xml")
            } + [
                .init(id: "rId\(sheets.count + 1)", type: Namespace.sharedStrings, target: "sharedStrings.xml"),
                .init(id: "rId\(sheets.count + 2)", type: Namespace.styles, target: "styles.xml"),
            ])
        let sharedStrings = SharedStringsXML(si: strings.map { RichTextXML(t: TextXML($0), r: nil) })
        parts += [
            ("xl/workbook.xml", try encode(workbook, root: "workbook", relationships: true)),
            (
                "xl/_rels/workbook.xml.rels",
                try encode(relationships, root: "Relationships", namespace: Namespace.packageRelationships)
            ),
            ("xl/sharedStrings.xml", try encode(sharedStrings, root: "sst")),
            ("xl/styles.xml", Data(StaticParts.styles.utf8)),
            ("[Content_Types].xml", Data(StaticParts.contentTypes(sheetCount: sheets.count).utf8)),
            ("_rels/.rels", Data(StaticParts.rootRelationships.utf8)),
        ]
        return try package(parts)
    }

    /// "A" for 0, "Z" for 25, "AA" for 26.
    static func columnName(_ index: Int) -> String {
        var name = ""
        var rest = index + 1
        while rest > 0 {
            let remainder = (rest - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + remainder))) + name
            rest = (rest - 1) / 26
        }
        return name
    }

    private static func encode<T: Encodable>(
        _ value: T, root: String, namespace: String = Namespace.spreadsheet, relationships: Bool = false
    ) throws(XLSXError) -> Data {
        var attributes = ["xmlns": namespace]
        if relationships { attributes["xmlns:r"] = Namespace.officeRelationships }
        do {
            return try XMLEncoder().encode(
                value, withRootKey: root, rootAttributes: attributes,
                header: XMLHeader(version: 1.0, encoding: "UTF-8", standalone: "yes"))
        } catch {
            throw XLSXError("cannot encode \(root): \(error)")
        }
    }

    /// A zip archive of the parts, deflated.
    static func package(_ parts: [(String, Data)]) throws(XLSXError) -> Data {
        do {
            let archive = try Archive(accessMode: .create)
            // [Content_Types].xml first, as Office writes it; some readers sniff for it.
            for (path, data) in parts.sorted(by: { $0.0 == "[Content_Types].xml" && $1.0 != "[Content_Types].xml" }) {
                try archive.addEntry(
                    with: path, type: .file, uncompressedSize: Int64(data.count),
                    modificationDate: Date(timeIntervalSince1970: 1_546_300_800), compressionMethod: .deflate
                ) { position, size in
                    data.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            guard let data = archive.data else { throw XLSXError("the archive has no data") }
            return data
        } catch let error as XLSXError {
            throw error
        } catch {
            throw XLSXError("cannot build the archive: \(error)")
        }
    }
}

enum Namespace {
    static let spreadsheet = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let officeRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships"
    static let worksheet = officeRelationships + "/worksheet"
    static let sharedStrings = officeRelationships + "/sharedStrings"
    static let styles = officeRelationships + "/styles"
}

/// Package parts with fixed content.
enum StaticParts {
    static func contentTypes(sheetCount: Int) -> String {
        let sheets = (1..<(sheetCount + 1)).map {
            "<Override PartName=\"/xl/worksheets/sheet\($0).xml\" "
                + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }.joined()
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/>\
            <Override PartName="/xl/workbook.xml" \
            ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
            \(sheets)\
            <Override PartName="/xl/sharedStrings.xml" \
            ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>\
            <Override PartName="/xl/styles.xml" \
            ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
            </Types>
            """
    }

    static let rootRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" \
        Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" \
        Target="xl/workbook.xml"/>\
        </Relationships>
        """

    /// A default style (0) and a bold one (1) for header rows.
    static let styles = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
        <fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>\
        <font><b/><sz val="11"/><name val="Calibri"/></font></fonts>\
        <fills count="2"><fill><patternFill patternType="none"/></fill>\
        <fill><patternFill patternType="gray125"/></fill></fills>\
        <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
        <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
        <cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
        <xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>\
        <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
        </styleSheet>
        """
}
