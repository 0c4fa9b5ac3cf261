import Foundation

/// A list of records the form edits as numbered rows of controls (`partnerRole-0`,
/// `partnerName-0`, …): partners, financing, results, contacts and links. A row with nothing
/// typed or chosen is no record; every other row becomes exactly one record, so a problem found
/// in row N (here or by ``ProjectValidation``) is reported for row N (`partners[N].role`). A row
/// that cannot be read still becomes a record (with a stand-in value) beside its problem: the
/// problem refuses the save, and row numbers stay those the editor sees.
public struct ProjectRowGroup: Sendable {
    /// The ``ProjectDocument`` field ("partners").
    public let name: String
    /// The row's noun in headings and error locations ("Partner 2").
    public let noun: (nb: String, en: String)
    public let controls: [Control]
    private let reader: @Sendable ([[String: String]], inout ProjectDocument) -> [ProjectFieldError]
    private let writer: @Sendable (ProjectDocument) -> [[String: String]]

    public struct Control: Sendable {
        /// The control's name without the row number ("partnerName").
        public let name: String
        public let labels: (nb: String, en: String)
        public let kind: Kind
        /// The ``ProjectDocument`` element's field its problems name ("name" in `partners[0].name`).
        public let path: String

        public enum Kind: Sendable {
            case text
            /// `true` or `false`, as for ``ProjectField/Kind/flag``.
            case flag
            /// One code of a list, chosen in a select whose empty choice is "not chosen".
            case choice([Option])
        }

        public struct Option: Sendable {
            public let code: String
            public let labels: (nb: String, en: String)
        }

        public var isFlag: Bool {
            if case .flag = kind { true } else { false }
        }

        init(_ name: String, _ labels: (nb: String, en: String), _ kind: Kind = .text, path: String) {
            self.name = name
            self.labels = labels
            self.kind = kind
            self.path = path
        }

        static func choice<Code: ProjectCode>(
            _ name: String, _ labels: (nb: String, en: String), _ type: Code.Type, path: String
        ) -> Control {
            Control(
                name, labels, .choice(Code.allCases.map { Option(code: $0.rawValue, labels: $0.labels) }), path: path)
        }
    }

    init(
        name: String, noun: (nb: String, en: String), controls: [Control],
        reader: @escaping @Sendable ([[String: String]], inout ProjectDocument) -> [ProjectFieldError],
        writer: @escaping @Sendable (ProjectDocument) -> [[String: String]]
    ) {
        self.name = name
        self.noun = noun
        self.controls = controls
        self.reader = reader
        self.writer = writer
    }

    /// Whether a posted row holds nothing: no text typed and no choice made (a ticked box alone,
    /// such as a contact's consent, is no record).
    public func isEmpty(_ row: [String: String]) -> Bool {
        controls.allSatisfy { control in
            control.isFlag || (row[control.name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        }
    }

    /// Replaces the field's records with the rows (each keyed by control name, without the row
    /// number; empty rows left out by the caller or here) and returns the rows' problems.
    @discardableResult
    public func read(_ rows: [[String: String]], into document: inout ProjectDocument) -> [ProjectFieldError] {
        reader(rows.filter { !isEmpty($0) }, &document)
    }

    /// The document's records as rows of control values, as ``read(_:into:)`` reads them back.
    public func rows(of document: ProjectDocument) -> [[String: String]] {
        writer(document)
    }

    /// The control that a problem's field (`financing[2].amount`) points at, and its row.
    public func control(for field: String) -> (control: Control, row: Int)? {
        guard field.hasPrefix(name + "[") else { return nil }
        let rest = field.dropFirst(name.count + 1)
        guard let close = rest.firstIndex(of: "]"), let row = Int(rest[..<close]) else { return nil }
        let leaf = rest[rest.index(after: close)...].drop { $0 == "." }.prefix { $0 != "." && $0 != "[" }
        let text = controls.first { if case .text = $0.kind { true } else { false } }
        return (controls.first { $0.path == leaf } ?? text ?? controls[0], row)
    }

    static func problem(
        _ group: String, _ row: Int, _ path: String, _ en: String, _ nb: String
    ) -> ProjectFieldError {
        ProjectFieldError(field: "\(group)[\(row)].\(path)", message: en, messageNB: nb)
    }

    /// The code chosen in `row` for `control`, or a problem when none (or an unknown one) was chosen.
    static func code<Code: ProjectCode>(
        _ row: [String: String], _ control: String, group: String, index: Int, path: String,
        missing: (en: String, nb: String)
    ) -> Result<Code, ProjectFieldError> {
        let text = row[control] ?? ""
        if let code = Code(rawValue: text) { return .success(code) }
        return .failure(
            text.isEmpty
                ? problem(group, index, path, missing.en, missing.nb)
                : problem(group, index, path, "unknown choice «\(text)»", "ukjent valg «\(text)»"))
    }
}

/// Amounts as Norwegians type them: «200 000», «1 250,50», «kr 5000», «5000 kr».
public enum ProjectAmount {
    public static func parse(_ text: String) -> Double? {
        var digits = text.lowercased().replacingOccurrences(of: "kr", with: "")
        digits.removeAll { $0.isWhitespace || $0 == "\u{00A0}" || $0 == "\u{202F}" }
        if digits.hasSuffix(",-") || digits.hasSuffix(".-") { digits.removeLast(2) }
        digits = digits.replacingOccurrences(of: ",", with: ".")
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
            digits.filter({ $0 == "." }).count <= 1
        else { return nil }
        return Double(digits)
    }

    /// An amount as the form shows it: whole kroner without decimals.
    public static func text(_ amount: Double?) -> String {
        guard let amount else { return "" }
        return amount == amount.rounded() && abs(amount) < 1e15 ? String(Int64(amount)) : String(amount)
    }
}
