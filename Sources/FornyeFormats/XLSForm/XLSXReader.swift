public import Foundation
import XMLCoder

/// Why a workbook could not be read, with the part of the package concerned.
public struct XLSXError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}

/// Reads the sheets of an .xlsx workbook as text.
///
/// Shared strings (rich text included) and inline strings are read as text; numbers keep their
/// stored form except that whole numbers lose a trailing ".0"; booleans read as "true"/"false".
///
/// ```swift
/// let sheets = try XLSXReader.read(contentsOf: URL(fileURLWithPath: "form.xlsx"))
/// ```
public enum XLSXReader {
    /// What a workbook may unpack to. Checked against the sizes the archive declares before any
    /// part is inflated, and again while inflating (a zip bomb may declare small sizes).
    public struct Limits: Sendable {
        /// Total uncompressed bytes of the parts read.
        public var maximumUncompressedSize: Int64 = 100_000_000
        /// Uncompressed / compressed size of one part; XML compresses well, but not a thousandfold.
        public var maximumCompressionRatio: Int64 = 1_000
        public var maximumEntries = 10_000
        /// Columns of a sheet: Excel's own 16,384 (A–XFD). A cell with text right of them is
        /// refused; empty cells there (formatting only) are passed over.
        public var maximumColumns = 16_384
        /// Cells of all sheets together, empty cells left of a filled one included.
        public var maximumCells = 10_000_000

        public init() {}
    }

    /// The sheets of the workbook at `url`, in tab order.
    public static func read(contentsOf url: URL) throws(XLSXError) -> [XLSXSheet] {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw XLSXError("cannot read the file: \(error.localizedDescription)")
        }
        return try read(data)
    }

    /// The sheets of a workbook held in memory, in tab order.
    public static func read(_ data: Data, limits: Limits = .init()) throws(XLSXError) -> [XLSXSheet] {
        // ZIPFoundation's own readers trap or spin on corrupt archives (found by fuzzing), so the
        // parts are located and bounded by ZIPEntries; only inflating is left to ZIPFoundation.
        guard data.starts(with: [0x50, 0x4B]) else { throw XLSXError("not an .xlsx file (not a zip archive)") }
        let archive: ZIPEntries
        do {
            archive = try ZIPEntries(data, maximumEntries: limits.maximumEntries)
        } catch {
            throw XLSXError(error.description)
        }
        for entry in archive.entries {
            guard entry.compressedSize <= data.count else {
                throw XLSXError(
                    "\(entry.path) claims \(entry.compressedSize) bytes in a file of \(data.count); the archive is corrupt"
                )
            }
            let declared = Int64(entry.uncompressedSize)
            if declared > limits.maximumUncompressedSize
                || declared > max(Int64(entry.compressedSize), 1) * limits.maximumCompressionRatio
            {
                throw XLSXError(
                    "\(entry.path) would unpack to \(declared) bytes from \(entry.compressedSize); refused as a possible zip bomb"
                )
            }
        }
        var budget = Budget(limits: limits)
        func entry(_ path: String, in archive: ZIPEntries) throws(XLSXError) -> Data {
            guard let data = try Self.optionalEntry(path, in: archive, budget: &budget) else {
                throw XLSXError("the workbook has no \(path)")
            }
            return data
        }
        func optionalEntry(_ path: String, in archive: ZIPEntries) throws(XLSXError) -> Data? {
            try Self.optionalEntry(path, in: archive, budget: &budget)
        }
        let workbook: WorkbookXML = try decode(entry("xl/workbook.xml", in: archive), as: "xl/workbook.xml")
        let relationships: RelationshipsXML = try decode(
            entry("xl/_rels/workbook.xml.rels", in: archive), as: "xl/_rels/workbook.xml.rels")
        let sharedStrings: [String]
        if let data = try optionalEntry("xl/sharedStrings.xml", in: archive) {
            let table: SharedStringsXML = try decode(data, as: "xl/sharedStrings.xml")
            sharedStrings = (table.si ?? []).map(\.text)
        } else {
            sharedStrings = []
        }
        var sheets: [XLSXSheet] = []
        var cellCount = 0
        for sheet in workbook.sheets.sheet {
            guard let target = relationships.relationship.first(where: { $0.id == sheet.relationshipId })?.target
            else {
                throw XLSXError("xl/workbook.xml: sheet \(sheet.name) has no relationship \(sheet.relationshipId)")
            }
            // Targets are relative to xl/ unless they start with /.
            let path = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
            let worksheet: WorksheetXML = try decode(entry(path, in: archive), as: path)
            sheets.append(
                XLSXSheet(
                    name: sheet.name,
                    rows: try rows(
                        of: worksheet, sharedStrings: sharedStrings, part: path, sheet: sheet.name, limits: limits,
                        cells: &cellCount)))
        }
        return sheets
    }

    /// The sheet's non-empty rows, cells padded with "" up to the last filled one. `cells` counts
    /// the cells held so far, across sheets, against `limits.maximumCells`.
    private static func rows(
        of worksheet: WorksheetXML, sharedStrings: [String], part: String, sheet: String, limits: Limits,
        cells cellCount: inout Int
    ) throws(XLSXError) -> [XLSXSheet.Row] {
        var rows: [XLSXSheet.Row] = []
        var previousRow = 0
        for row in worksheet.sheetData.row ?? [] {
            let number = row.r ?? previousRow + 1
            previousRow = number
            var cells: [String] = []
            // A cell without a reference is the one after the cell before it.
            var nextColumn = 0
            for cell in row.c ?? [] {
                let column =
                    try cell.r.map { reference throws(XLSXError) in
                        guard let column = columnIndex(of: reference) else {
                            throw XLSXError("\(part): cell reference \(reference) is not valid")
                        }
                        return column
                    } ?? nextColumn
                nextColumn = column + 1
                let text = try value(of: cell, sharedStrings: sharedStrings, part: part)
                // An empty cell right of the filled ones (formatting only) is never padded to:
                // one in column XFD on every row would otherwise be 16,384 cells a row.
                if text.isEmpty && column >= cells.count { continue }
                guard column < limits.maximumColumns else {
                    throw XLSXError(
                        "sheet \"\(sheet)\": cell \(cell.r ?? "?") holds data in column \(column + 1); at most \(limits.maximumColumns) columns are read"
                    )
                }
                if column >= cells.count {
                    guard cellCount + column + 1 <= limits.maximumCells else {
                        throw XLSXError(
                            "the workbook has more than \(limits.maximumCells) cells (rows × columns); split it into smaller files"
                        )
                    }
                    cells += Array(repeating: "", count: column - cells.count + 1)
                }
                cells[column] = text
            }
            while cells.last?.isEmpty == true { cells.removeLast() }
            if !cells.isEmpty {
                cellCount += cells.count
                rows.append(XLSXSheet.Row(number: number, cells: cells))
            }
        }
        return rows
    }

    private static func value(of cell: WorksheetXML.CellXML, sharedStrings: [String], part: String)
        throws(XLSXError) -> String
    {
        switch cell.t {
        case "s":
            guard let index = cell.v.flatMap({ Int($0) }), sharedStrings.indices.contains(index) else {
                throw XLSXError(
                    "\(part): cell \(cell.r ?? "?") names shared string \(cell.v ?? "") that does not exist")
            }
            return sharedStrings[index]
        case "inlineStr":
            return cell.is?.text ?? ""
        case "b":
            return cell.v == "1" ? "true" : "false"
        case "n", nil:
            guard let raw = cell.v else { return "" }
            if let number = Double(raw), number == number.rounded(), abs(number) < 1e15 {
                return String(Int(number))
            }
            return raw
        default:
            return cell.v ?? ""
        }
    }

    /// The 0-based column of a reference such as "AB12" (A = 0).
    static func columnIndex(of reference: String) -> Int? {
        var column = 0
        var letters = 0
        for scalar in reference.unicodeScalars {
            guard ("A"..."Z").contains(scalar) else { break }
            column = column * 26 + Int(scalar.value - 64)
            letters += 1
        }
        guard letters > 0, letters <= 3, reference.dropFirst(letters).allSatisfy(\.isNumber) else { return nil }
        return column - 1
    }

    /// Bytes inflated so far, against the limits.
    struct Budget {
        let limits: Limits
        var used: Int64 = 0
    }

    private static func optionalEntry(_ path: String, in archive: ZIPEntries, budget: inout Budget)
        throws(XLSXError) -> Data?
    {
        guard let entry = archive.entry(path) else { return nil }
        let partLimit = min(
            budget.limits.maximumUncompressedSize - budget.used,
            max(Int64(entry.compressedSize), 1) * budget.limits.maximumCompressionRatio)
        let data: Data
        do {
            data = try archive.contents(of: entry, limit: Int(partLimit))
        } catch {
            throw XLSXError(error.description)
        }
        budget.used += Int64(data.count)
        return data
    }

    private static func decode<T: Decodable>(_ data: Data, as part: String) throws(XLSXError) -> T {
        // Keep white space inside cells; drop the indentation between elements.
        let decoder = XMLDecoder(trimValueWhitespaces: false, removeWhitespaceElements: true)
        do {
            return try decoder.decode(T.self, from: data)
        } catch {
            throw XLSXError("\(part): not the expected SpreadsheetML: \(error)")
        }
    }
}
