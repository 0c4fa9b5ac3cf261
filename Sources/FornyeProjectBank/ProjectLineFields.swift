import Foundation

/// Lists of records edited as text, one record a line and its parts separated by `|`: partners
/// `role | name`, financing `source | amount | status | note`, results `impact | description`.
/// A line that cannot be read is left out and reported with its number.
extension ProjectField {
    /// The non-empty lines of `text`, each split on `|` and trimmed.
    private static func lines(_ text: String) -> [[String]] {
        text.split(separator: "\n").map {
            $0.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        }
        .filter { !$0.allSatisfy(\.isEmpty) }
    }

    private static func problem(_ field: String, line: Int, _ en: String, _ nb: String) -> ProjectFieldError {
        ProjectFieldError(field: field, message: "line \(line): \(en)", messageNB: "linje \(line): \(nb)")
    }

    public static let partners = ProjectField(
        name: "partners", column: nil, labels: ("Partnere", "Partners"), kind: .lines,
        cell: { $0.partners.map { "\($0.role.rawValue) | \($0.name)" }.joined(separator: "\n") }
    ) { text, document, _ in
        var errors: [ProjectFieldError] = []
        document.partners = []
        for (index, line) in lines(text).enumerated() {
            guard line.count >= 2, let role = PartnerRole(rawValue: line[0]) else {
                errors.append(
                    problem(
                        "partners", line: index + 1, "write «role | name» with a role code",
                        "skriv «rolle | navn» med en rollekode"))
                continue
            }
            document.partners.append(.init(name: line[1], role: role))
        }
        return errors
    }

    public static let financing = ProjectField(
        name: "financing", column: nil, labels: ("Finansiering", "Financing"), kind: .lines,
        cell: {
            $0.financing.map {
                "\($0.source.rawValue) | \($0.amount.map { String(format: "%.0f", $0) } ?? "") | \($0.applicationStatus?.rawValue ?? "") | \($0.note)"
            }.joined(separator: "\n")
        }
    ) { text, document, _ in
        var errors: [ProjectFieldError] = []
        document.financing = []
        for (index, line) in lines(text).enumerated() {
            guard let source = FinancingSource(rawValue: line[0]) else {
                errors.append(
                    problem("financing", line: index + 1, "unknown source «\(line[0])»", "ukjent kilde «\(line[0])»"))
                continue
            }
            let amountText = line.count > 1 ? line[1].replacingOccurrences(of: " ", with: "") : ""
            let amount = Double(amountText)
            if !amountText.isEmpty && amount == nil {
                errors.append(
                    problem(
                        "financing", line: index + 1, "«\(line[1])» is not an amount", "«\(line[1])» er ikke et beløp"))
            }
            document.financing.append(
                .init(
                    source: source, amount: amount,
                    applicationStatus: line.count > 2 ? ApplicationStatus(rawValue: line[2]) : nil,
                    note: line.count > 3 ? line[3] : ""))
        }
        return errors
    }

    /// Indicators are not edited as lines: a result whose impact and description stay the same
    /// keeps those it had.
    public static let results = ProjectField(
        name: "results", column: nil, labels: ("Resultater", "Results"), kind: .lines,
        cell: { $0.results.map { "\($0.impact.rawValue) | \($0.description)" }.joined(separator: "\n") }
    ) { text, document, _ in
        var errors: [ProjectFieldError] = []
        let previous = document.results
        document.results = []
        for (index, line) in lines(text).enumerated() {
            guard line.count >= 2, let impact = ImpactType(rawValue: line[0]) else {
                errors.append(
                    problem(
                        "results", line: index + 1, "write «impact | description»", "skriv «effekttype | beskrivelse»"))
                continue
            }
            let indicators = previous.first { $0.impact == impact && $0.description == line[1] }?.indicators ?? []
            document.results.append(.init(impact: impact, description: line[1], indicators: indicators))
        }
        return errors
    }
}

/// A list of records the form edits as numbered rows of controls (`contactName-0`,
/// `contactEmail-0`, …); a row whose texts are all empty is no record.
public struct ProjectRowGroup: Sendable {
    /// The ``ProjectDocument`` field ("contacts").
    public let name: String
    public let controls: [Control]
    private let reader: @Sendable ([[String: String]], inout ProjectDocument) -> Void

    public struct Control: Sendable {
        /// The control's name without the row number ("contactEmail").
        public let name: String
        public let labels: (nb: String, en: String)
        /// `true` or `false`, as for ``ProjectField/Kind/flag``.
        public let isFlag: Bool
    }

    /// Replaces the field's records with the rows, each keyed by control name (without the row number).
    public func read(_ rows: [[String: String]], into document: inout ProjectDocument) {
        reader(rows, &document)
    }

    public static let all = [contacts, links]

    public static let contacts = ProjectRowGroup(
        name: "contacts",
        controls: [
            .init(name: "contactName", labels: ("Navn", "Name"), isFlag: false),
            .init(name: "contactEmail", labels: ("E-post", "E-mail"), isFlag: false),
            .init(name: "contactRole", labels: ("Rolle", "Role"), isFlag: false),
            .init(
                name: "contactConsent", labels: ("Samtykker til publisering", "Consents to publication"), isFlag: true),
        ]
    ) { rows, document in
        document.contacts = rows.compactMap { row in
            let contact = ProjectDocument.Contact(
                name: row["contactName"] ?? "", email: row["contactEmail"] ?? "", role: row["contactRole"] ?? "",
                publishConsent: row["contactConsent"] == "true")
            return contact.name.isEmpty && contact.email.isEmpty && contact.role.isEmpty ? nil : contact
        }
    }

    /// A link without a text shows its address.
    public static let links = ProjectRowGroup(
        name: "links",
        controls: [
            .init(name: "linkTitle", labels: ("Lenketekst", "Link text"), isFlag: false),
            .init(name: "linkURL", labels: ("Adresse", "Address"), isFlag: false),
        ]
    ) { rows, document in
        document.links = rows.compactMap { row in
            let url = row["linkURL"] ?? ""
            let title = row["linkTitle"] ?? ""
            if url.isEmpty && title.isEmpty { return nil }
            return .init(title: title.isEmpty ? url : title, url: url)
        }
    }
}
