import ArgumentParser
import FornyeFormats
import FornyeStatistics
import Foundation
import Yams

/// Known population counts, one per code of a coded variable, read from a small CSV or YAML
/// file (the format `fornye weight --help` documents):
///
/// ```
/// variable,code,count          - {variable: region, code: 1, count: 2700}
/// region,1,2700                - {variable: region, code: 2, count: 2250}
/// region,2,2250
/// ```
///
/// An optional `label` column (or key) is for people reading the file and is not checked.
struct PopulationFile {
    struct Entry {
        var variable: String
        var code: Int
        var count: Double
        /// Where the entry stands, for messages.
        var location: FileLocation
    }

    let file: String
    let entries: [Entry]

    /// Reads a `.csv`, `.yaml`, `.yml` or `.json` file.
    init(contentsOf path: String) throws {
        file = path
        let url = URL(fileURLWithPath: path)
        switch url.pathExtension.lowercased() {
        case "csv":
            entries = try Self.readCSV(url)
        case "yaml", "yml", "json":
            entries = try Self.readYAML(url)
        default:
            throw FormatError.located(
                FileLocation(file: path),
                "a population file ends in .csv, .yaml, .yml or .json (see fornye weight --help for the format)")
        }
        guard !entries.isEmpty else {
            throw FormatError.located(FileLocation(file: path), "the population file has no counts")
        }
    }

    /// The margins of the variables asked for, after checking every entry of the file against
    /// the codebook: known coded variables, labelled codes, each code once, positive counts.
    ///
    /// - Returns: The margins in the order asked, and the variables of the file that were not asked for.
    func margins(for variables: [String], codebook: Codebook, option: String) throws
        -> (margins: [PopulationMargin], unused: [String])
    {
        var totals: [String: [Int: Double]] = [:]
        var firstLine: [String: [Int: FileLocation]] = [:]
        for entry in entries {
            try check(entry, codebook: codebook)
            if let earlier = firstLine[entry.variable]?[entry.code] {
                throw FormatError.located(
                    field(entry, "code"),
                    "\(entry.variable) code \(entry.code) is given twice (first at \(earlier.line.map { "line \($0)" } ?? "an earlier entry"))"
                )
            }
            firstLine[entry.variable, default: [:]][entry.code] = entry.location
            totals[entry.variable, default: [:]][entry.code] = entry.count
        }
        var margins: [PopulationMargin] = []
        for name in variables {
            guard let counts = totals[name] else {
                throw InputError(
                    "\(option) \(name): the population file \(file) has no counts for \(name) (it has \(totals.keys.sorted().joined(separator: ", ")))"
                )
            }
            margins.append(PopulationMargin(variable: name, totals: counts))
        }
        let unused = totals.keys.filter { !variables.contains($0) }.sorted()
        return (margins, unused)
    }

    private func check(_ entry: Entry, codebook: Codebook) throws {
        guard let variable = codebook.variable(named: entry.variable) else {
            throw FormatError.located(
                field(entry, "variable"), "\"\(entry.variable)\" is not a variable of the codebook")
        }
        guard variable.kind.isCoded else {
            throw FormatError.located(
                field(entry, "variable"),
                "\(variable.name) is \(variable.kind.rawValue); population counts belong to a coded variable")
        }
        let codes = variable.kind == .multipleChoiceItem ? [0, 1] : variable.valueLabels.map(\.code)
        guard codes.contains(entry.code) else {
            let known = variable.valueLabels.map { "\($0.code) \($0.label)" }.joined(separator: ", ")
            let kind = variable.missingCodes[entry.code].map { " is a missing code (\($0.rawValue)) and" } ?? ""
            throw FormatError.located(
                field(entry, "code"),
                "code \(entry.code) of \(variable.name)\(kind) is not a labelled code in the codebook (\(known))")
        }
        guard entry.count > 0, entry.count.isFinite else {
            throw FormatError.located(
                field(entry, "count"), "the count \(entry.count) must be a positive number")
        }
    }

    private func field(_ entry: Entry, _ name: String) -> FileLocation {
        var location = entry.location
        location.field = name
        return location
    }

    // MARK: - CSV

    /// Reads the CSV form with the data reader, so that delimiters, decimal commas and errors
    /// behave as for data files.
    private static func readCSV(_ url: URL) throws -> [Entry] {
        let codebook = Codebook(variables: [
            Variable(name: "variable", label: "variable", kind: .text),
            Variable(name: "code", label: "code", kind: .numeric),
            Variable(name: "count", label: "count", kind: .numeric),
        ])
        let extra = try headerNames(url).contains("label") ? ["label"] : []
        let loaded = try DatasetReader.read(csv: url, codebook: codebook, extraColumns: extra)
        let source = loaded.source
        guard case .texts(let names) = try loaded.dataset.column(named: "variable") else { return [] }
        let codes = try loaded.dataset.measurements(of: "code")
        let counts = try loaded.dataset.measurements(of: "count")
        return try (0..<loaded.dataset.rowCount).map { row in
            guard let name = names[row]?.trimmingCharacters(in: .whitespaces), !name.isEmpty else {
                throw source.error(row: row, column: "variable", "the variable name is missing")
            }
            guard !codes[row].isNaN else { throw source.error(row: row, column: "code", "the code is missing") }
            guard let code = Int(exactly: codes[row]), Int32(exactly: codes[row]) != nil else {
                throw source.error(row: row, column: "code", "the code \(codes[row]) is not a whole number")
            }
            guard !counts[row].isNaN else { throw source.error(row: row, column: "count", "the count is missing") }
            let line = source.lines.indices.contains(row) ? source.lines[row] : nil
            return Entry(
                variable: name, code: code, count: counts[row], location: FileLocation(file: url.path, line: line))
        }
    }

    /// The names of the header line, to learn whether the optional label column is there.
    private static func headerNames(_ url: URL) throws -> [String] {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw FormatError.unreadableFile(file: url.path, reason: error.localizedDescription)
        }
        let header = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        return header.split(whereSeparator: { $0 == "," || $0 == ";" }).map {
            $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"\u{FEFF}").union(.whitespaces))
        }
    }

    // MARK: - YAML

    private static func readYAML(_ url: URL) throws -> [Entry] {
        let path = url.path
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw FormatError.unreadableFile(file: path, reason: error.localizedDescription)
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            throw FormatError.located(FileLocation(file: path), "not valid YAML or JSON: \(error)")
        }
        let shape = "a list of entries such as `- {variable: region, code: 1, count: 2700}`"
        guard let root else { throw FormatError.located(FileLocation(file: path), "the file is empty") }
        guard let list = root.sequence else {
            throw FormatError.located(FileLocation(file: path, line: root.mark?.line), "expected \(shape)")
        }
        return try list.map { node in
            let location = FileLocation(file: path, line: node.mark?.line)
            guard let mapping = node.mapping else { throw FormatError.located(location, "expected \(shape)") }
            var variable: String?
            var code: Int?
            var count: Double?
            for (key, value) in mapping {
                let name = key.string ?? ""
                var at = FileLocation(file: path, line: value.mark?.line ?? location.line, field: name)
                switch name {
                case "variable":
                    guard let text = value.scalar?.string, !text.isEmpty else {
                        throw FormatError.located(at, "the variable must be a name")
                    }
                    variable = text
                case "code":
                    guard let number = value.int, Int32(exactly: number) != nil else {
                        throw FormatError.located(
                            at, "the code \"\(value.scalar?.string ?? "")\" is not a whole number")
                    }
                    code = number
                case "count":
                    guard let number = value.float else {
                        throw FormatError.located(at, "the count \"\(value.scalar?.string ?? "")\" is not a number")
                    }
                    count = number
                case "label":
                    break
                default:
                    at.line = key.mark?.line ?? at.line
                    throw FormatError.located(
                        at, "unknown field \"\(name)\"; an entry has variable, code, count and optionally label")
                }
            }
            guard let variable, let code, let count else {
                let absent = [("variable", variable == nil), ("code", code == nil), ("count", count == nil)]
                    .filter(\.1).map(\.0)
                throw FormatError.located(location, "the entry lacks \(absent.joined(separator: " and "))")
            }
            return Entry(variable: variable, code: code, count: count, location: location)
        }
    }
}
