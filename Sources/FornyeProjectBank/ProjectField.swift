import Foundation

/// One field of a project as every channel sees it: the form control's name, the open-data CSV
/// column, its labels, and how its value is written as one cell of text and read back onto a
/// ``ProjectDocument``. The form (FornyeWeb), the CSV import (``ProjectImportMapping/fornyeCSV``)
/// and the CSV export (FornyeStorage's `ProjectExport`) all go through ``ProjectField/all``.
public struct ProjectField: Sendable {
    /// The form control's name, and the key of its label and of its form errors ("researchDegree").
    public let name: String
    /// The column in the open-data CSV and in Fornye's CSV import ("research_degree"); nil for a
    /// field that travels only in JSON and the form.
    public let column: String?
    public let labels: (nb: String, en: String)
    /// What kind of value the cell holds, so a channel picks its control or its cell format.
    public let kind: Kind
    /// Whether the new/edit form has a control for it.
    public let onForm: Bool
    /// The most characters the value may have (``ProjectValidation`` checks it), nil for codes.
    public let limit: Int?
    /// The value as one cell of text: the export's cell, the form control's value.
    public let cell: @Sendable (ProjectDocument) -> String
    private let reader: @Sendable (String, inout ProjectDocument, Reading) -> [ProjectFieldError]

    public enum Kind: Sendable, Equatable {
        /// Free text (empty is "unknown" where the field is optional).
        case text
        /// One code of a list, or a whole number.
        case code
        /// Yes or no; the cell is `true` or `false`.
        case flag
        /// Yes, no or unknown: the cell is `true`, `false` or empty (the form offers Ja/Nei/Vet ikke).
        case answer
        /// Several codes, joined by `;` in one cell.
        case codes
    }

    /// How a channel treats a value it cannot read.
    public enum Reading: Sendable {
        /// Imports: every problem is returned, and the first refuses the row.
        case strict
        /// The form, whose controls offer only readable values: a single value it cannot read
        /// leaves the field unset, and codes it cannot read are left out (rows of records are
        /// read by ``ProjectRowGroup``, which reports its problems per row).
        case lenient
    }

    init(
        name: String, column: String?, labels: (nb: String, en: String), kind: Kind, onForm: Bool = true,
        limit: Int? = nil, cell: @escaping @Sendable (ProjectDocument) -> String,
        reader: @escaping @Sendable (String, inout ProjectDocument, Reading) -> [ProjectFieldError]
    ) {
        self.name = name
        self.column = column
        self.labels = labels
        self.kind = kind
        self.onForm = onForm
        self.limit = limit
        self.cell = cell
        self.reader = reader
    }

    /// Reads `cell` onto `document`; the problems name this field (``name``).
    public func read(_ cell: String, into document: inout ProjectDocument, _ reading: Reading)
        -> [ProjectFieldError]
    {
        reader(cell, &document, reading)
    }
}

// MARK: Kinds of value

extension ProjectField {
    typealias Path<Value> = any WritableKeyPath<ProjectDocument, Value> & Sendable

    /// A problem with a cell, in English and bokmål.
    struct Problem: Error {
        var en: String
        var nb: String
    }

    /// A field of one value: `parse` turns the cell into the value or a problem; the lenient
    /// reading puts `unset` instead.
    static func single<Value: Sendable>(
        _ name: String, column: String?, _ labels: (nb: String, en: String), kind: Kind, onForm: Bool = true,
        limit: Int? = nil, _ path: Path<Value>, unset: Value, cell: @escaping @Sendable (Value) -> String,
        parse: @escaping @Sendable (String) throws(Problem) -> Value
    ) -> ProjectField {
        ProjectField(
            name: name, column: column, labels: labels, kind: kind, onForm: onForm, limit: limit,
            cell: { cell($0[keyPath: path]) }
        ) { text, document, reading in
            do throws(Problem) {
                document[keyPath: path] = try parse(text)
                return []
            } catch {
                document[keyPath: path] = unset
                return reading == .strict
                    ? [ProjectFieldError(field: name, message: error.en, messageNB: error.nb)] : []
            }
        }
    }

    static func text(
        _ name: String, column: String? = nil, _ labels: (nb: String, en: String), onForm: Bool = true,
        limit: Int? = ProjectValidation.textLimit, _ path: Path<String>
    ) -> ProjectField {
        single(
            name, column: column, labels, kind: .text, onForm: onForm, limit: limit, path, unset: "", cell: { $0 },
            parse: { $0 })
    }

    /// Text where empty is nil ("unknown"), or `empty` when the field has a default.
    static func optionalText(
        _ name: String, column: String? = nil, _ labels: (nb: String, en: String), onForm: Bool = true,
        _ path: Path<String?>
    ) -> ProjectField {
        single(
            name, column: column, labels, kind: .text, onForm: onForm, path, unset: nil, cell: { $0 ?? "" },
            parse: { $0.isEmpty ? nil : $0 })
    }

    /// Text with a default when the cell is empty (licence, country).
    static func text(
        _ name: String, column: String? = nil, _ labels: (nb: String, en: String), onForm: Bool = true,
        _ path: Path<String>, default empty: String
    ) -> ProjectField {
        single(
            name, column: column, labels, kind: .text, onForm: onForm, limit: nil, path, unset: empty,
            cell: { $0 }, parse: { $0.isEmpty ? empty : $0 })
    }

    /// A whole number (a code of the report's lists, a research level); empty is nil.
    static func number(
        _ name: String, column: String? = nil, _ labels: (nb: String, en: String), _ path: Path<Int?>
    ) -> ProjectField {
        single(
            name, column: column, labels, kind: .code, path, unset: nil, cell: { $0.map(String.init) ?? "" }
        ) { text throws(Problem) in
            if text.isEmpty { return nil }
            guard let number = Int(text) else {
                throw Problem(en: "«\(text)» is not a whole number", nb: "«\(text)» er ikke et heltall")
            }
            return number
        }
    }

    /// One of a ``ProjectCode``'s codes; empty is nil.
    static func code<Code: ProjectCode>(
        _ name: String, column: String? = nil, _ labels: (nb: String, en: String), _ path: Path<Code?>,
        noun: (nb: String, en: String)
    ) -> ProjectField {
        single(name, column: column, labels, kind: .code, path, unset: nil, cell: { $0?.rawValue ?? "" }) {
            text throws(Problem) in
            if text.isEmpty { return nil }
            guard let code = Code(rawValue: text) else {
                throw Problem(en: "unknown \(noun.en) «\(text)»", nb: "ukjent \(noun.nb) «\(text)»")
            }
            return code
        }
    }

    /// One of a ``ProjectCode``'s codes, required; the lenient reading puts `unset`.
    static func code<Code: ProjectCode>(
        _ name: String, column: String? = nil, _ labels: (nb: String, en: String), _ path: Path<Code>,
        unset: Code, noun: (nb: String, en: String)
    ) -> ProjectField {
        single(name, column: column, labels, kind: .code, path, unset: unset, cell: { $0.rawValue }) {
            text throws(Problem) in
            guard let code = Code(rawValue: text) else {
                throw Problem(en: "unknown \(noun.en) «\(text)»", nb: "ukjent \(noun.nb) «\(text)»")
            }
            return code
        }
    }

    /// Yes or no: written `true`/`false`, read as yes when the cell (in lower case) is one of `yes`.
    static func flag(
        _ name: String, column: String? = nil, _ labels: (nb: String, en: String), onForm: Bool = true,
        _ path: Path<Bool>, yes: Set<String> = ["true", "1", "ja", "yes"]
    ) -> ProjectField {
        single(
            name, column: column, labels, kind: .flag, onForm: onForm, path, unset: false,
            cell: { $0 ? "true" : "false" }, parse: { yes.contains($0.lowercased()) })
    }

    /// Yes, no or unknown: written `true`/`false`/empty; read as yes or no from the usual words
    /// (`true 1 ja yes`, `false 0 nei no`), empty as unknown (nil). A word it does not know is a
    /// problem to an import and unknown to the form.
    static func answer(
        _ name: String, column: String? = nil, _ labels: (nb: String, en: String), _ path: Path<Bool?>
    ) -> ProjectField {
        single(
            name, column: column, labels, kind: .answer, path, unset: nil,
            cell: { $0.map { $0 ? "true" : "false" } ?? "" }
        ) { text throws(Problem) in
            switch text.lowercased() {
            case "": return nil
            case "true", "1", "ja", "yes": return true
            case "false", "0", "nei", "no": return false
            default:
                throw Problem(
                    en: "«\(text)» is not yes, no or empty (unknown)",
                    nb: "«\(text)» er ikke ja, nei eller tom (ukjent)")
            }
        }
    }
}
