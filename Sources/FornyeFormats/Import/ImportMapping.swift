public import Foundation
import Yams

/// How the columns of a response file become the questions of an instrument. Saved as YAML next
/// to the files it reads, so that the next wave from the same tool imports the same way:
///
/// ```yaml
/// name: surveyxact-2018
/// format: surveyxact          # csv, limesurvey, kobo, surveyxact, sav, xlsx
/// automatic: true             # map columns named like a question (group/ prefixes dropped)
/// columns:
///   - column: Sektor
///     variable: sector
///     recode: {"Helse": 1, "Skole": 2}
///   - column: Type
///     variable: newest_type
///     separator: " "          # select_multiple written as "1 3"
///   - variable: trigger       # one column per option
///     items: {"Q5[SQ001]": 1, "Q5[SQ002]": 2}
/// ignore: [id, submitdate, _uuid]
/// missing: ["", "NA", "-"]    # cell texts that mean "no answer"
/// ```
public struct ImportMapping: Sendable, Codable, Equatable {
    public struct ColumnRule: Sendable, Codable, Equatable {
        /// The source column (for single columns).
        public var column: String?
        /// The instrument question it answers.
        public var variable: String
        /// Source value → code; applied before numbers and labels are tried.
        public var recode: [String: Int]?
        /// For a multiple-choice question in one cell: the separator between chosen options.
        public var separator: String?
        /// For a multiple-choice question spread over columns: column → the option's code.
        public var items: [String: Int]?
        /// Cell texts that mean "chosen" in item columns (default: 1, Y, Yes, Ja, true, X).
        public var checked: [String]?

        public init(
            column: String? = nil, variable: String, recode: [String: Int]? = nil, separator: String? = nil,
            items: [String: Int]? = nil, checked: [String]? = nil
        ) {
            self.column = column
            self.variable = variable
            self.recode = recode
            self.separator = separator
            self.items = items
            self.checked = checked
        }
    }

    public var name: String
    public var format: SourceFormat?
    /// The sheet to read in a workbook (default: the first that is not a labels sheet).
    public var sheet: String?
    /// Map columns whose name (after the last "/") is a question, and multiple-choice item
    /// columns named `q_<code>`, `q/<code>` or `q[<code>]`, without listing them.
    public var automatic: Bool
    public var columns: [ColumnRule]
    public var ignore: [String]
    /// Cell texts read as "no answer" (system missing); the empty cell always is.
    public var missing: [String]

    public init(
        name: String, format: SourceFormat? = nil, sheet: String? = nil, automatic: Bool = true,
        columns: [ColumnRule] = [], ignore: [String] = [], missing: [String] = []
    ) {
        self.name = name
        self.format = format
        self.sheet = sheet
        self.automatic = automatic
        self.columns = columns
        self.ignore = ignore
        self.missing = missing
    }

    enum CodingKeys: String, CodingKey { case name, format, sheet, automatic, columns, ignore, missing }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decodeIfPresent(String.self, forKey: .name) ?? "mapping"
        format = try container.decodeIfPresent(SourceFormat.self, forKey: .format)
        sheet = try container.decodeIfPresent(String.self, forKey: .sheet)
        automatic = try container.decodeIfPresent(Bool.self, forKey: .automatic) ?? true
        columns = try container.decodeIfPresent([ColumnRule].self, forKey: .columns) ?? []
        ignore = try container.decodeIfPresent([String].self, forKey: .ignore) ?? []
        missing = try container.decodeIfPresent([String].self, forKey: .missing) ?? []
    }

    /// Reads a mapping from YAML text; `file` names it in errors.
    public static func parse(yaml text: String, file: String) throws(FormatError) -> ImportMapping {
        do {
            return try YAMLDecoder().decode(ImportMapping.self, from: text)
        } catch let error as DecodingError {
            throw .located(FileLocation(file: file), "not a valid mapping: \(Self.describe(error))")
        } catch {
            throw .located(FileLocation(file: file), "not valid YAML: \(error)")
        }
    }

    public static func read(contentsOf url: URL) throws(FormatError) -> ImportMapping {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw .unreadableFile(file: url.path, reason: error.localizedDescription)
        }
        return try parse(yaml: text, file: url.lastPathComponent)
    }

    /// The mapping as YAML, to save and reuse.
    public func yaml() throws -> String { try YAMLEncoder().encode(self) }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context): return "\(path(context)): \"\(key.stringValue)\" is missing"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return "\(path(context)): \(context.debugDescription)"
        @unknown default: return "\(error)"
        }
    }
}
