public import Foundation
import Yams

/// Reads and writes instruments as YAML, the versioned, human-editable form.
///
/// Every issue is located: the loader adds the file and line of the question, section or
/// choice it concerns, and a routing syntax error names the column inside the expression.
///
/// ```swift
/// let instrument = try InstrumentFile.read(contentsOf: URL(fileURLWithPath: "survey.yaml"))
/// ```
public enum InstrumentFile {
    /// Reads and validates an instrument file.
    public static func read(contentsOf url: URL) throws(InstrumentError) -> Instrument {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw InstrumentError(
                InstrumentIssue(
                    "cannot read the file: \(error.localizedDescription)", part: .instrument,
                    location: InstrumentSourceLocation(file: url.path)))
        }
        return try parse(text, file: url.path)
    }

    /// Parses and validates instrument YAML; `file` names it in errors.
    public static func parse(_ text: String, file: String) throws(InstrumentError) -> Instrument {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            throw InstrumentError(syntaxIssue(error, file: file))
        }
        let lines = YAMLLineMap(root: root, file: file)
        let instrument: Instrument
        do {
            instrument = try YAMLDecoder().decode(Instrument.self, from: text)
        } catch let error as DecodingError {
            throw InstrumentError(lines.issue(for: error))
        } catch {
            throw InstrumentError(
                InstrumentIssue("\(error)", part: .instrument, location: InstrumentSourceLocation(file: file)))
        }
        do {
            try instrument.validate()
        } catch {
            throw error.located { lines.location(of: $0.part, field: $0.field) }
        }
        return instrument
    }

    /// A YAML syntax error at the line where the parser stopped.
    private static func syntaxIssue(_ error: any Error, file: String) -> InstrumentIssue {
        let (message, mark): (String, Mark?) =
            switch error as? YamlError {
            case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
                .composer(let context, let problem, let mark, _):
                (context.map { "\(problem) (\($0.text) at line \($0.mark.line))" } ?? problem, mark)
            case .duplicatedKeysInMapping(let duplicates, let context):
                ("key \(duplicates.joined(separator: ", ")) appears twice in one mapping", context.mark)
            default: ("\(error)", nil)
            }
        return InstrumentIssue(
            "not valid YAML: \(message)", part: .instrument,
            location: InstrumentSourceLocation(file: file, line: mark?.line))
    }

    /// The instrument as YAML in the layout `parse` reads.
    public static func yaml(_ instrument: Instrument) throws -> String {
        try YAMLEncoder().encode(instrument)
    }
}

extension Instrument {
    /// KS' Innovasjonsbarometer 2018 as Fornye reconstructs it from the 2018 baseline report,
    /// read once from the bundled `innovasjonsbarometer-2018.yaml`.
    public static var innovasjonsbarometer2018: Instrument {
        get throws(InstrumentError) { try bundledBarometer2018.get() }
    }

    private static let bundledBarometer2018 = Result { () throws(InstrumentError) -> Instrument in
        guard
            let url = Bundle.module.url(
                forResource: "innovasjonsbarometer-2018", withExtension: "yaml", subdirectory: "Resources/instrument")
        else {
            throw InstrumentError(
                InstrumentIssue(
                    "the bundled file is missing", part: .instrument,
                    location: InstrumentSourceLocation(file: "innovasjonsbarometer-2018.yaml")))
        }
        return try InstrumentFile.read(contentsOf: url)
    }
}
