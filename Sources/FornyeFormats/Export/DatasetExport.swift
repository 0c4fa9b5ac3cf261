import FornyeBarometer
public import FornyeStatistics
public import Foundation

/// The file formats a dataset can be exported to and converted between.
public enum DatasetFileFormat: String, Sendable, CaseIterable {
    case csv, xlsx, sav, json

    public static func of(_ url: URL) -> DatasetFileFormat? {
        DatasetFileFormat(rawValue: url.pathExtension.lowercased())
    }
}

/// Writes and reads whole datasets (data + codebook) in Fornye's exchange formats:
///
/// - CSV with the codebook as YAML (or JSON) beside it (`<name>.codebook.yaml`);
/// - XLSX with the sheets `dataset`, `variables` and `labels` (and `SYNTETISKE DATA` first when
///   the data are synthetic);
/// - SPSS .sav (see `SAVDatasetMapping`);
/// - JSON: `{"codebook": …, "columns": {"name": [values]}}`.
///
/// Text is never written so that a spreadsheet would run it: in CSV a text cell goes through
/// `SpreadsheetFormula.defused` (FornyeBarometer, the one policy for every CSV writer); in XLSX
/// every cell is a string cell, which Excel shows but never evaluates. Synthetic data say so in
/// every format.
public enum DatasetExport {
    public static func write(_ dataset: Dataset, to url: URL, format: DatasetFileFormat? = nil) throws {
        guard let format = format ?? DatasetFileFormat.of(url) else {
            throw FormatError.unreadableFile(file: url.path, reason: "unknown format; use .csv, .xlsx, .sav or .json")
        }
        switch format {
        case .csv:
            try DatasetCSVWriter.write(
                dataset, to: url, codebookURL: codebookURL(for: url), defuseFormulas: true)
        case .xlsx:
            let workbook = try sheets(dataset)
            do {
                try XLSXWriter.write(workbook, to: url)
            } catch {
                throw FormatError.unreadableFile(file: url.path, reason: error.message)
            }
        case .sav:
            try SAVDatasetMapping.write(dataset, to: url)
        case .json:
            try json(dataset).write(to: url, options: .atomic)
        }
    }

    /// Copies an SPSS file record for record (through `SAVFile`, not `Dataset`), so that nothing
    /// a `Dataset` has no room for (string widths, print formats, category sets) is lost.
    public static func copySAV(from source: URL, to target: URL, compressed: Bool = true) throws(FormatError) {
        try SAVWriter.write(SAVReader.read(contentsOf: source), to: target, compressed: compressed)
    }

    /// Reads a dataset. CSV and XLSX need the codebook (for CSV it defaults to the file beside it).
    public static func read(_ url: URL, codebook: Codebook? = nil) throws -> Dataset {
        switch DatasetFileFormat.of(url) {
        case .sav:
            return try SAVDatasetMapping.read(contentsOf: url)
        case .json:
            return try readJSON(Data(contentsOf: url), file: url.lastPathComponent)
        case .csv:
            let codebook = try codebook ?? CodebookReader.read(contentsOf: codebookURL(for: url))
            return try DatasetReader.read(csv: url, codebook: codebook).dataset
        case .xlsx:
            let sheets = try XLSXReader.read(contentsOf: url)
            guard let sheet = sheets.first(where: { $0.name == "dataset" }) ?? sheets.first else {
                throw FormatError.located(FileLocation(file: url.lastPathComponent), "the workbook has no sheets")
            }
            guard let codebook else {
                throw FormatError.located(
                    FileLocation(file: url.lastPathComponent), "reading a workbook needs the codebook (--codebook)")
            }
            // A workbook row ends at its last non-empty cell; pad it to the header's width.
            let width = sheet.rows.first?.cells.count ?? 0
            let csv = sheet.rows.map { row in
                (row.cells + Array(repeating: "", count: max(0, width - row.cells.count)))
                    .map(DatasetCSVWriter.quoted).joined(separator: ",")
            }.joined(separator: "\n")
            return try DatasetReader.parse(
                csv: csv, file: url.lastPathComponent + " sheet " + sheet.name, codebook: codebook,
                options: CSVOptions(delimiter: .comma, decimalSeparator: .period)
            ).dataset
        case nil:
            throw FormatError.unreadableFile(file: url.path, reason: "unknown format; use .csv, .xlsx, .sav or .json")
        }
    }

    /// `survey.csv` → `survey.codebook.yaml`.
    public static func codebookURL(for url: URL) -> URL {
        url.deletingPathExtension().appendingPathExtension("codebook.yaml")
    }

    // MARK: XLSX

    public static func sheets(_ dataset: Dataset) throws -> [XLSXSheet] {
        let codebook = dataset.codebook
        var sheets: [XLSXSheet] = []
        if codebook.synthetic {
            sheets.append(
                XLSXSheet(
                    name: SyntheticLabel.marker,
                    cells: [
                        [SyntheticLabel.bilingual],
                        ["Genererte svar, ikke virkelige kommuner eller personer."],
                        ["Generated responses, not real municipalities or people."],
                        [codebook.title ?? ""],
                    ]))
        }
        var data: [[String]] = [codebook.variables.map(\.name)]
        let columns = try codebook.variables.map { try dataset.column(named: $0.name) }
        for row in 0..<dataset.rowCount {
            data.append(columns.map { cell($0, row) })
        }
        sheets.append(XLSXSheet(name: "dataset", cells: data))
        var variables: [[String]] = [["name", "label", "label_en", "kind", "missing"]]
        var labels: [[String]] = [["variable", "value", "label", "label_en"]]
        for variable in codebook.variables {
            variables.append([
                variable.name, variable.label, variable.labelEnglish ?? "", variable.kind.rawValue,
                variable.missingCodes.keys.sorted().map { "\($0)=\(variable.missingCodes[$0]!.rawValue)" }
                    .joined(separator: " "),
            ])
            for value in variable.valueLabels {
                labels.append([variable.name, String(value.code), value.label, value.labelEnglish ?? ""])
            }
        }
        sheets.append(XLSXSheet(name: "variables", cells: variables))
        sheets.append(XLSXSheet(name: "labels", cells: labels))
        return sheets
    }

    private static func cell(_ column: Column, _ row: Int) -> String {
        switch column {
        case .codes(let codes): codes[row] == Column.systemMissing ? "" : String(codes[row])
        case .numbers(let values): values[row].isNaN ? "" : SourceReader.text(values[row])
        case .texts(let texts): texts[row] ?? ""
        }
    }

    // MARK: JSON

    private struct JSONFile: Codable {
        var notice: String?
        var codebook: Codebook
        var columns: [String: [AnswerValue?]]
    }

    public static func json(_ dataset: Dataset) throws -> Data {
        var columns: [String: [AnswerValue?]] = [:]
        for variable in dataset.codebook.variables {
            switch try dataset.column(named: variable.name) {
            case .codes(let codes):
                columns[variable.name] = codes.map { $0 == Column.systemMissing ? nil : .number(Double($0)) }
            case .numbers(let values): columns[variable.name] = values.map { $0.isNaN ? nil : .number($0) }
            case .texts(let texts): columns[variable.name] = texts.map { $0.map(AnswerValue.text) }
            }
        }
        let file = JSONFile(
            notice: dataset.codebook.synthetic
                ? "\(SyntheticLabel.bilingual): generated, not real responses" : nil,
            codebook: dataset.codebook, columns: columns)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        return try encoder.encode(file)
    }

    public static func readJSON(_ data: Data, file: String) throws -> Dataset {
        let decoded: JSONFile
        do {
            decoded = try JSONDecoder().decode(JSONFile.self, from: data)
        } catch {
            throw FormatError.located(FileLocation(file: file), "not a Fornye JSON dataset: \(error)")
        }
        var columns: [String: Column] = [:]
        for variable in decoded.codebook.variables {
            let values = decoded.columns[variable.name] ?? []
            func location(_ row: Int) -> FileLocation { FileLocation(file: file, line: row + 1, field: variable.name) }
            switch variable.kind {
            case .text:
                columns[variable.name] = .texts(
                    values.map { value in
                        switch value {
                        case .text(let text): text
                        case .number(let number): SourceReader.text(number)
                        case nil: nil
                        }
                    })
            case .numeric:
                var numbers: [Double] = []
                for (row, value) in values.enumerated() {
                    guard case .number(let number)? = value else {
                        if value == nil { numbers.append(.nan); continue }
                        throw FormatError.located(location(row), "expected a number")
                    }
                    numbers.append(number)
                }
                columns[variable.name] = .numbers(numbers)
            case .singleChoice, .ordinal, .multipleChoiceItem:
                var codes: [Int32] = []
                for (row, value) in values.enumerated() {
                    switch value {
                    case nil: codes.append(Column.systemMissing)
                    case .number(let number)?:
                        guard let code = Int32(exactly: number) else {
                            throw FormatError.located(location(row), "expected a whole-number code")
                        }
                        codes.append(code)
                    case .text?: throw FormatError.located(location(row), "expected a code")
                    }
                }
                columns[variable.name] = .codes(codes)
            }
        }
        do {
            return try Dataset(codebook: decoded.codebook, columns: columns)
        } catch {
            throw FormatError.located(FileLocation(file: file), error.description)
        }
    }
}
