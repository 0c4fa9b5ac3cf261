public import Foundation

/// A response file read as a table of text cells, before any mapping: the common ground of
/// SurveyXact, LimeSurvey, Kobo, SPSS and plain CSV exports.
public struct SourceTable: Sendable, Equatable {
    /// The file name used in problem reports.
    public var file: String
    /// The sheet the data came from, for workbooks.
    public var sheet: String?
    /// Header names, trimmed.
    public var columns: [String]
    /// Data rows; every row has `columns.count` cells ("" when empty).
    public var rows: [[String]]
    /// The row (spreadsheet) or line (CSV) number of each data row, 1-based, header included.
    public var rowNumbers: [Int]
    /// Value labels per column (label text → code text), from an SPSS file or a labels sheet.
    public var valueLabels: [String: [String: String]]

    public init(
        file: String, sheet: String? = nil, columns: [String], rows: [[String]], rowNumbers: [Int]? = nil,
        valueLabels: [String: [String: String]] = [:]
    ) {
        self.file = file
        self.sheet = sheet
        self.columns = columns
        self.rows = rows.map { row in
            row.count >= columns.count
                ? Array(row.prefix(columns.count)) : row + Array(repeating: "", count: columns.count - row.count)
        }
        self.rowNumbers = rowNumbers ?? rows.indices.map { $0 + 2 }
        self.valueLabels = valueLabels
    }
}

/// The kinds of response file Fornye imports.
public enum SourceFormat: String, Sendable, CaseIterable, Codable {
    /// Plain CSV with a header row (UTF-8; `,` or `;`).
    case csv
    /// LimeSurvey's "Export responses" CSV (codes or answer texts; `Q1[SQ001]` columns).
    case limesurvey
    /// A KoboToolbox / ODK export as CSV or XLSX (`group/question` headers).
    case kobo
    /// SurveyXact's dataset workbook: a data sheet and a labels sheet.
    case surveyxact
    /// An SPSS system file.
    case sav
    /// An .xlsx workbook whose first sheet holds the data.
    case xlsx

    /// The format a file name suggests when none is given.
    public static func guess(for url: URL) -> SourceFormat {
        switch url.pathExtension.lowercased() {
        case "sav": .sav
        case "xlsx", "xlsm": .xlsx
        default: .csv
        }
    }
}

/// Reads response files into `SourceTable`s, refusing hostile ones with a clear message.
public enum SourceReader {
    /// Limits on what a response file may hold, checked while it is read (see `TableLimits`).
    public struct Limits: Sendable {
        /// The longest cell accepted, in characters.
        public var maximumCellLength = 32_767
        public var maximumRows = 2_000_000
        /// Columns: CSV header fields (and the fields of any row), sheet columns, SPSS variables.
        public var maximumColumns = 1_000
        /// The longest column name, in characters.
        public var maximumHeaderLength = 1_000
        /// Rows × columns.
        public var maximumCells = 10_000_000
        public var xlsx = XLSXReader.Limits()

        public init() {}

        /// The same limits as one `TableLimits`.
        public var table: TableLimits {
            TableLimits(
                maximumColumns: maximumColumns, maximumHeaderLength: maximumHeaderLength, maximumCells: maximumCells,
                maximumRows: maximumRows, maximumCellLength: maximumCellLength)
        }

        /// The workbook reader's limits with this file's columns and cells.
        var workbook: XLSXReader.Limits {
            var limits = xlsx
            limits.maximumColumns = min(limits.maximumColumns, maximumColumns)
            limits.maximumCells = min(limits.maximumCells, maximumCells)
            return limits
        }

        /// The SPSS reader's limits: variables are columns, cases rows.
        var spss: SAVReader.Limits {
            var limits = SAVReader.Limits()
            limits.maximumVariables = maximumColumns
            limits.maximumCases = maximumRows
            limits.maximumCells = maximumCells
            return limits
        }
    }

    public static func read(
        _ url: URL, format: SourceFormat? = nil, sheet: String? = nil, limits: Limits = .init()
    ) throws(FormatError) -> SourceTable {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw .unreadableFile(file: url.path, reason: error.localizedDescription)
        }
        return try read(
            data, file: url.lastPathComponent, format: format ?? .guess(for: url), sheet: sheet, limits: limits)
    }

    public static func read(
        _ data: Data, file: String, format: SourceFormat, sheet: String? = nil, limits: Limits = .init()
    ) throws(FormatError) -> SourceTable {
        switch format {
        case .sav:
            let read = try table(from: SAVReader.read(data, file: file, limits: limits.spss), file: file)
            try limits.table.checkHeaderLengths(read.columns, file: file, sheet: nil)
            return read
        case .csv, .limesurvey:
            return try csv(data, file: file, limits: limits)
        case .kobo:
            if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
                return try workbook(data, file: file, sheet: sheet, labelsSheet: nil, limits: limits)
            }
            return try csv(data, file: file, limits: limits)
        case .xlsx:
            return try workbook(data, file: file, sheet: sheet, labelsSheet: nil, limits: limits)
        case .surveyxact:
            return try workbook(data, file: file, sheet: sheet, labelsSheet: "labels", limits: limits)
        }
    }

    static func csv(_ data: Data, file: String, limits: Limits) throws(FormatError) -> SourceTable {
        let (text, invalid) = try CSVTextDecoding.decode(data, file: file, encoding: .utf8)
        let firstLine = text.prefix { $0 != "\n" && $0 != "\r" }
        let delimiter: Unicode.Scalar =
            firstLine.filter { $0 == ";" }.count > firstLine.filter { $0 == "," }.count
            ? ";" : (firstLine.contains("\t") && !firstLine.contains(",") ? "\t" : ",")
        let records = try CSVRecords.read(
            text, file: file, delimiter: delimiter, maximumFieldLength: limits.maximumCellLength, invalid: invalid,
            limits: limits.table)
        let header = records.header.map(\.trimmingWhitespace)
        try limits.table.checkHeaderLengths(header, file: file, sheet: nil)
        try checkHeader(header, file: file, sheet: nil)
        for (index, row) in records.rows.enumerated() where row.count != header.count {
            throw .located(
                FileLocation(file: file, line: records.lines[index]),
                "the row has \(row.count) fields but the header has \(header.count)")
        }
        return SourceTable(file: file, columns: header, rows: records.rows, rowNumbers: records.lines)
    }

    static func checkHeader(_ header: [String], file: String, sheet: String?) throws(FormatError) {
        var seen: [String: Int] = [:]
        let prefix = sheet.map { "sheet \"\($0)\", " } ?? ""
        for (index, name) in header.enumerated() {
            guard !name.isEmpty else {
                throw .located(
                    FileLocation(file: file, line: 1, column: index + 1),
                    prefix + "the header has no name for this column")
            }
            if let first = seen[name] {
                throw .located(
                    FileLocation(file: file, line: 1, column: index + 1, field: name),
                    prefix + "the column name repeats column \(first)")
            }
            seen[name] = index + 1
        }
    }

    static func workbook(
        _ data: Data, file: String, sheet: String?, labelsSheet: String?, limits: Limits
    ) throws(FormatError) -> SourceTable {
        let sheets: [XLSXSheet]
        do {
            sheets = try XLSXReader.read(data, limits: limits.workbook)
        } catch {
            throw .located(FileLocation(file: file), error.message)
        }
        let dataSheet: XLSXSheet
        if let sheet {
            guard let found = sheets.first(where: { $0.name == sheet }) else {
                throw .located(
                    FileLocation(file: file),
                    "the workbook has no sheet \"\(sheet)\"; it has "
                        + sheets.map { "\"\($0.name)\"" }.joined(separator: ", "))
            }
            dataSheet = found
        } else {
            guard let first = sheets.first(where: { $0.name.lowercased() != labelsSheet }) else {
                throw .located(FileLocation(file: file), "the workbook has no data sheet")
            }
            dataSheet = first
        }
        guard let headerRow = dataSheet.rows.first else {
            throw .located(FileLocation(file: file), "sheet \"\(dataSheet.name)\" is empty")
        }
        let header = headerRow.cells.map(\.trimmingWhitespace)
        try limits.table.checkHeaderLengths(header, file: file, sheet: dataSheet.name)
        try checkHeader(header, file: file, sheet: dataSheet.name)
        guard dataSheet.rows.count - 1 <= limits.maximumRows else {
            throw .located(FileLocation(file: file), "more than \(limits.maximumRows) rows")
        }
        var rows: [[String]] = []
        var numbers: [Int] = []
        for row in dataSheet.rows.dropFirst() {
            if row.cells.count > header.count, row.cells[header.count...].contains(where: { !$0.isEmpty }) {
                throw .located(
                    FileLocation(file: file, line: row.number, column: header.count + 1),
                    "sheet \"\(dataSheet.name)\": a cell right of the last named column holds data; give the column a header"
                )
            }
            for (index, cell) in row.cells.enumerated() where cell.count > limits.maximumCellLength {
                throw .located(
                    FileLocation(file: file, line: row.number, column: index + 1),
                    "sheet \"\(dataSheet.name)\": the cell holds \(cell.count) characters, more than \(limits.maximumCellLength)"
                )
            }
            rows.append(row.cells)
            numbers.append(row.number)
        }
        var labels: [String: [String: String]] = [:]
        if let labelsSheet, let sheet = sheets.first(where: { $0.name.lowercased() == labelsSheet }) {
            // SurveyXact-style labels: variable | value | label, one row per code.
            for row in sheet.rows.dropFirst() where row.cells.count >= 3 {
                labels[row.cells[0].trimmingWhitespace, default: [:]][row.cells[2].trimmingWhitespace] =
                    row.cells[1].trimmingWhitespace
            }
        }
        return SourceTable(
            file: file, sheet: dataSheet.name, columns: header, rows: rows, rowNumbers: numbers, valueLabels: labels)
    }

    /// An SPSS file as text cells: whole numbers without decimals, system missing empty.
    static func table(from file: SAVFile, file name: String) -> SourceTable {
        var rows = Array(repeating: [String](), count: file.rowCount)
        var labels: [String: [String: String]] = [:]
        for variable in file.variables {
            switch variable.values {
            case .numbers(let values):
                for (index, value) in values.enumerated() { rows[index].append(Self.text(value)) }
            case .strings(let strings):
                for (index, value) in strings.enumerated() { rows[index].append(value) }
            }
            if !variable.valueLabels.isEmpty {
                labels[variable.name] = Dictionary(
                    variable.valueLabels.map { ($0.label, Self.text($0.value)) },
                    uniquingKeysWith: { first, _ in first })
            }
        }
        return SourceTable(
            file: name, columns: file.variables.map(\.name), rows: rows,
            rowNumbers: (0..<file.rowCount).map { $0 + 1 }, valueLabels: labels)
    }

    static func text(_ value: Double) -> String {
        if value.isNaN { return "" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }
}
