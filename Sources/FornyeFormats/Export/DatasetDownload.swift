import FornyeBarometer
public import FornyeStatistics
public import Foundation
import ZIPFoundation

/// A dataset as one file to download: what the web export serves. CSV comes as a zip with the
/// codebook beside it (and a notice file when synthetic), the other formats as their own file;
/// every format says "synthetic" inside when the data are (see `DatasetExport`).
public struct DatasetDownload: Sendable {
    public var data: Data
    /// Safe as it is in a Content-Disposition header: ASCII letters, digits, `-`, `_` and `.`.
    public var filename: String
    /// `type/subtype` for the Content-Type header.
    public var contentType: (type: String, subType: String)

    /// - Parameter name: the file name without extension, e.g. the wave's slug; anything but
    ///   ASCII letters, digits, `-` and `_` becomes `-`.
    public static func make(_ dataset: Dataset, format: DatasetFileFormat, name: String) throws -> DatasetDownload {
        let base = safeFileName(name) + (dataset.codebook.synthetic ? "-syntetisk" : "")
        switch format {
        case .csv:
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
                "fornye-export-\(UUID().uuidString)", isDirectory: true)
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            let csvURL = directory.appendingPathComponent(base + ".csv")
            try DatasetCSVWriter.write(
                dataset, to: csvURL, codebookURL: DatasetExport.codebookURL(for: csvURL), defuseFormulas: true)
            var parts = [
                (base + ".csv", try Data(contentsOf: csvURL)),
                (base + ".codebook.yaml", try Data(contentsOf: DatasetExport.codebookURL(for: csvURL))),
            ]
            if dataset.codebook.synthetic {
                parts.insert(("SYNTETISKE-DATA.txt", Data(syntheticNotice.utf8)), at: 0)
            }
            do {
                return DatasetDownload(
                    data: try XLSXWriter.package(parts), filename: base + "-csv.zip",
                    contentType: ("application", "zip"))
            } catch {
                throw FormatError.unreadableFile(file: base + "-csv.zip", reason: error.message)
            }
        case .xlsx:
            let data: Data
            do {
                data = try XLSXWriter.data(DatasetExport.sheets(dataset))
            } catch let error as XLSXError {
                throw FormatError.unreadableFile(file: base + ".xlsx", reason: error.message)
            }
            return DatasetDownload(
                data: data, filename: base + ".xlsx",
                contentType: ("application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
        case .sav:
            return DatasetDownload(
                data: try SAVWriter.data(SAVDatasetMapping.file(from: dataset)), filename: base + ".sav",
                contentType: ("application", "x-spss-sav"))
        case .json:
            return DatasetDownload(
                data: try DatasetExport.json(dataset), filename: base + ".json", contentType: ("application", "json"))
        }
    }

    /// Reads a download back with Fornye's readers: the CSV zip (its `.csv` with the
    /// `.codebook.yaml` beside it), a workbook's `dataset` sheet (needs `codebook`), .sav, JSON.
    /// Also returns the names of the files in a zip (empty for the other formats).
    public static func read(
        _ data: Data, format: DatasetFileFormat, file: String, codebook: Codebook? = nil
    ) throws -> (dataset: Dataset, entries: [String]) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "fornye-download-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent(safeFileName(file) + "." + format.rawValue)
        try data.write(to: url)
        switch format {
        case .csv:
            // The zip is staged as a file: ZIPFoundation's file-backed archive fails cleanly on
            // corrupt input (see XLSXReader).
            let zipURL = directory.appendingPathComponent("download.zip")
            try data.write(to: zipURL)
            let archive = try Archive(url: zipURL, accessMode: .read)
            var entries: [String] = []
            var csv: Data?
            var codebookText: Data?
            for entry in archive {
                entries.append(entry.path)
                guard entry.path.hasSuffix(".csv") || entry.path.hasSuffix(".codebook.yaml") else { continue }
                var bytes = Data()
                _ = try archive.extract(entry, skipCRC32: false) { bytes.append($0) }
                if entry.path.hasSuffix(".csv") { csv = bytes } else { codebookText = bytes }
            }
            guard let csv, let codebookText else {
                throw FormatError.located(FileLocation(file: file), "the zip holds no .csv with its .codebook.yaml")
            }
            let codebook = try CodebookReader.parse(String(decoding: codebookText, as: UTF8.self), file: file)
            let dataset = try DatasetReader.parse(
                csv: csv, file: file, codebook: codebook,
                options: CSVOptions(delimiter: .comma, decimalSeparator: .period)
            ).dataset
            return (dataset, entries)
        case .xlsx, .sav, .json:
            return (try DatasetExport.read(url, codebook: codebook), [])
        }
    }

    static let syntheticNotice = """
        \(SyntheticLabel.bilingual)
        Genererte svar, ikke virkelige kommuner eller personer.
        Generated responses, not real municipalities or people.

        """

    /// `name` with anything but ASCII letters, digits, `-` and `_` replaced by `-`, at most 60
    /// characters: safe in a Content-Disposition header and on every file system.
    public static func safeFileName(_ name: String) -> String {
        let mapped = String(
            name.unicodeScalars.map { scalar -> Character in
                scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || scalar == "-" || scalar == "_")
                    ? Character(scalar) : "-"
            })
        let trimmed = String(mapped.prefix(60))
        return trimmed.isEmpty ? "fornye" : trimmed
    }
}
