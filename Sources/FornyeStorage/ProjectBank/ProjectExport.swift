import FornyeBarometer
import FornyeFormats
public import FornyeProjectBank
public import Foundation

/// Published projects as open data: CSV (flat fields) and JSON (the whole document), in the
/// schema documented in docs/PROJECTBANK.md.
public enum ProjectExport {
    /// The CSV's header: ``ProjectOpenDataColumn/all`` (FornyeProjectBank) names and orders them.
    public static let csvColumns = ProjectOpenDataColumn.all.map(\.name)

    /// `attachments` (by project id) fill the last column: a JSON array of `{name, type, size, url}`,
    /// so file names with commas or semicolons stay unambiguous. `forExcel` writes what Norwegian
    /// Excel opens directly (byte order mark, semicolons); the default is RFC 4180 for programs.
    public static func csv(
        _ records: [ProjectRecord], baseURL: String = "", attachments: [UUID: [ProjectAttachmentRecord]] = [:],
        forExcel: Bool = false
    ) throws -> String {
        var rows = [csvColumns]
        let dateFormatter = ISO8601DateFormatter()
        for record in records {
            let document = try record.document()
            let values: [String] = try ProjectOpenDataColumn.all.map { column in
                switch column {
                case .field(let projectField): return projectField.cell(document)
                case .record(.slug): return record.slug
                case .record(.url): return "\(baseURL)/prosjekter/\(record.slug)"
                case .record(.status): return record.status.rawValue
                case .record(.ownerName): return record.ownerName
                case .record(.countyNumber): return record.countyNumber ?? ""
                case .record(.centrality): return record.centrality.map(String.init) ?? ""
                case .record(.losThemes):
                    return LosThemes.themes(mask: LosThemes.mask(of: document)).map(\.slug).joined(separator: ";")
                case .record(.updatedAt): return dateFormatter.string(from: record.updatedAt)
                case .record(.attachments):
                    return try attachmentsJSON(record, attachments[record.id ?? UUID()] ?? [], baseURL: baseURL)
                }
            }
            rows.append(values)
        }
        return forExcel ? CSVTable.writeForExcel(rows) : CSVTable.write(rows)
    }

    static func attachmentsJSON(_ record: ProjectRecord, _ attachments: [ProjectAttachmentRecord], baseURL: String)
        throws -> String
    {
        guard !attachments.isEmpty else { return "" }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let infos = attachments.map { AttachmentInfo($0, slug: record.slug, baseURL: baseURL) }
        return String(decoding: try encoder.encode(infos), as: UTF8.self)
    }

    /// One project as the API and the JSON export show it. Contacts without consent to publish
    /// are left out.
    public struct Item: Codable, Sendable {
        public var slug: String
        public var status: String
        public var ownerName: String
        public var countyNumber: String?
        public var centrality: Int?
        /// Los top themes (``LosThemes``) by slug, e.g. `helse-og-omsorg`; empty when the
        /// classification names none.
        public var losThemes: [String]
        public var completeness: Int
        public var version: Int
        public var updatedAt: Date
        public var document: ProjectDocument
        /// Files attached to the project: metadata and download address, never the bytes.
        public var attachments: [AttachmentInfo]
    }

    public static func item(_ record: ProjectRecord, attachments: [ProjectAttachmentRecord] = []) throws -> Item {
        var document = try record.document()
        document.contacts = document.contacts.filter(\.publishConsent)
        return Item(
            slug: record.slug, status: record.status.rawValue, ownerName: record.ownerName,
            countyNumber: record.countyNumber, centrality: record.centrality,
            losThemes: LosThemes.themes(mask: LosThemes.mask(of: document)).map(\.slug),
            completeness: record.completeness,
            version: record.version, updatedAt: record.updatedAt, document: document,
            attachments: attachments.map { AttachmentInfo($0, slug: record.slug) })
    }

    public static func json(_ records: [ProjectRecord], attachments: [UUID: [ProjectAttachmentRecord]] = [:]) throws
        -> Data
    {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        encoder.dateEncodingStrategy = .iso8601
        return try encoder.encode(records.map { try item($0, attachments: attachments[$0.id ?? UUID()] ?? []) })
    }
}
