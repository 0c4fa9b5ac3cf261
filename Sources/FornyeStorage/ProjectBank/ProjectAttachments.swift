public import FluentKit
import FornyeProjectBank
import Foundation

/// A file attached to a project: its metadata. The bytes are in ``ProjectAttachmentBlobRecord``.
public final class ProjectAttachmentRecord: Model, @unchecked Sendable {
    public static let schema = "project_attachments"

    @ID(key: .id) public var id: UUID?
    @Field(key: "project_id") public var projectID: UUID
    /// The sanitised name (``AttachmentPolicy/sanitisedFileName(_:)``); escape it on output all the same.
    @Field(key: "file_name") public var fileName: String
    /// ``AttachmentKind`` raw value.
    @Field(key: "kind") public var kind: String
    /// The content type Fornye serves it with, chosen by Fornye from the kind, never the uploader's.
    @Field(key: "content_type") public var contentType: String
    @Field(key: "size") public var size: Int64
    @Field(key: "author") public var author: String
    @Field(key: "created_at") public var createdAt: Date

    public init() {}
}

/// The bytes of one attachment.
public final class ProjectAttachmentBlobRecord: Model, @unchecked Sendable {
    public static let schema = "project_attachment_blobs"

    @ID(key: .id) public var id: UUID?
    @Field(key: "attachment_id") public var attachmentID: UUID
    @Field(key: "data") public var data: Data

    public init() {}
}

/// The file types a project may carry: each with the extensions it may have, the content type it
/// is served with and a check of its first bytes, so a `.pdf` that is really HTML is refused.
public enum AttachmentKind: String, CaseIterable, Sendable, Codable {
    case pdf, png, jpeg, odt, docx, xlsx, csv, txt

    public var extensions: [String] {
        switch self {
        case .jpeg: ["jpg", "jpeg"]
        default: [rawValue]
        }
    }

    public var contentType: String {
        switch self {
        case .pdf: "application/pdf"
        case .png: "image/png"
        case .jpeg: "image/jpeg"
        case .odt: "application/vnd.oasis.opendocument.text"
        case .docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case .xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        case .csv: "text/csv; charset=utf-8"
        case .txt: "text/plain; charset=utf-8"
        }
    }

    public static func forExtension(_ ext: String) -> AttachmentKind? {
        allCases.first { $0.extensions.contains(ext.lowercased()) }
    }

    /// Whether `data` starts the way a file of this kind does.
    public func matches(_ data: Data) -> Bool {
        let bytes = [UInt8](data.prefix(4096))
        func starts(_ prefix: [UInt8]) -> Bool {
            bytes.count >= prefix.count && Array(bytes[0..<prefix.count]) == prefix
        }
        func contains(_ text: String) -> Bool { data.range(of: Data(text.utf8)) != nil }
        let zip: [UInt8] = [0x50, 0x4B, 0x03, 0x04]
        switch self {
        case .pdf: return starts(Array("%PDF-".utf8))
        case .png: return starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        case .jpeg: return starts([0xFF, 0xD8, 0xFF])
        case .odt:
            // An OpenDocument package's first entry is an uncompressed "mimetype" file.
            return starts(zip) && bytes.count > 38 && Array(bytes[30..<38]) == Array("mimetype".utf8)
                && String(decoding: bytes[38..<min(bytes.count, 120)], as: UTF8.self).hasPrefix(
                    "application/vnd.oasis.opendocument.text")
        case .docx: return starts(zip) && contains("[Content_Types].xml") && contains("word/")
        case .xlsx: return starts(zip) && contains("[Content_Types].xml") && contains("xl/")
        case .csv, .txt: return Self.isPlainText(data)
        }
    }

    /// UTF-8 text without NUL or other control characters (tab and line ends aside) that does not
    /// open like markup, so a browser that ignored the content type still would not render a page.
    static func isPlainText(_ data: Data) -> Bool {
        guard let text = String(data: data, encoding: .utf8) else { return false }
        if text.unicodeScalars.contains(where: {
            $0.value < 0x20 && $0 != "\t" && $0 != "\n" && $0 != "\r" || $0.value == 0x7F
        }) {
            return false
        }
        let head = text.prefix(1024).trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        let markup = ["<!doctype", "<html", "<head", "<body", "<script", "<svg", "<?xml", "<iframe", "<meta", "<img"]
        return !markup.contains { head.hasPrefix($0) || head.contains($0) && head.hasPrefix("<") }
    }
}

/// How large attachments may be.
public struct AttachmentLimits: Sendable, Equatable {
    public var maxFileBytes: Int
    public var maxProjectBytes: Int
    public var maxFiles: Int
    public init(maxFileBytes: Int, maxProjectBytes: Int, maxFiles: Int) {
        self.maxFileBytes = maxFileBytes
        self.maxProjectBytes = maxProjectBytes
        self.maxFiles = maxFiles
    }
    /// 10 MB a file, 30 MB and 20 files a project.
    public static let standard = AttachmentLimits(
        maxFileBytes: 10 * 1024 * 1024, maxProjectBytes: 30 * 1024 * 1024, maxFiles: 20)
}

/// Why an attachment was refused, with both languages' message.
public struct AttachmentError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Reason: String, Sendable {
        case emptyFile, notAllowedType, contentMismatch, fileTooLarge, projectFull, notFound, forbidden
    }
    public var reason: Reason
    public var fileName: String
    public var messageNB: String
    public var message: String
    public var description: String { "\(fileName): \(message)" }
}

/// File-name and content checks, independent of storage.
public enum AttachmentPolicy {
    public static let maxNameLength = 120
    static let reserved = Set(["con", "prn", "aux", "nul", "clock$"] + (1...9).flatMap { ["com\($0)", "lpt\($0)"] })

    /// A name safe to store and to offer as a download name: the last path component only,
    /// without control, format (bidirectional overrides, zero-width) or shell/Windows-special
    /// characters, no leading dots, not a reserved device name, at most ``maxNameLength``
    /// characters with the extension kept.
    public static func sanitisedFileName(_ raw: String) -> String {
        let lastComponent =
            raw.precomposedStringWithCanonicalMapping
            .split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        var scalars = String.UnicodeScalarView()
        for scalar in lastComponent.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator, .privateUse, .surrogate, .unassigned:
                continue
            case .spaceSeparator:
                scalars.append(" ")
            default:
                if "<>:\"|?*;`$".unicodeScalars.contains(scalar) {
                    scalars.append("_")
                } else {
                    scalars.append(scalar)
                }
            }
        }
        var name = String(scalars).split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        name = String(name.drop { $0 == "." || $0 == " " || $0 == "-" })
        while name.hasSuffix(".") || name.hasSuffix(" ") { name.removeLast() }
        var (base, ext) = split(name)
        if base.isEmpty { base = "vedlegg" }
        if reserved.contains(base.lowercased()) { base = "_" + base }
        let room = maxNameLength - (ext.isEmpty ? 0 : ext.count + 1)
        if base.count > room { base = String(base.prefix(max(room, 1))) }
        return ext.isEmpty ? base : "\(base).\(ext)"
    }

    /// A name's base and its lower-cased extension ("" when it has none).
    static func split(_ name: String) -> (String, String) {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return (name, "") }
        let ext = name[name.index(after: dot)...]
        guard !ext.isEmpty, ext.count <= 8, ext.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
            return (name, "")
        }
        return (String(name[..<dot]), ext.lowercased())
    }

    /// The kind of an upload, or why it is refused: the extension must be on the allow-list and
    /// the bytes must match it.
    public static func check(fileName: String, data: Data, limits: AttachmentLimits) throws(AttachmentError)
        -> AttachmentKind
    {
        let name = sanitisedFileName(fileName)
        if data.isEmpty {
            throw AttachmentError(
                reason: .emptyFile, fileName: name, messageNB: "Filen er tom.", message: "The file is empty.")
        }
        if data.count > limits.maxFileBytes {
            let limit = megabytes(limits.maxFileBytes)
            throw AttachmentError(
                reason: .fileTooLarge, fileName: name, messageNB: "Filen er større enn \(limit) MB.",
                message: "The file is larger than \(limit) MB.")
        }
        let allowed = AttachmentKind.allCases.flatMap(\.extensions).joined(separator: ", ")
        guard let kind = AttachmentKind.forExtension(split(name).1) else {
            throw AttachmentError(
                reason: .notAllowedType, fileName: name,
                messageNB: "Filtypen er ikke tillatt. Tillatt: \(allowed).",
                message: "This file type is not allowed. Allowed: \(allowed).")
        }
        guard kind.matches(data) else {
            throw AttachmentError(
                reason: .contentMismatch, fileName: name,
                messageNB: "Innholdet er ikke en \(kind.rawValue.uppercased())-fil, selv om navnet sier det.",
                message: "The content is not a \(kind.rawValue.uppercased()) file, although the name says so.")
        }
        return kind
    }

    static func megabytes(_ bytes: Int) -> String {
        let value = Double(bytes) / 1_048_576
        return value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }
}

/// An attachment as the exports and the API list it.
public struct AttachmentInfo: Codable, Sendable, Equatable {
    public var name: String
    public var type: String
    public var size: Int64
    public var url: String
    public init(_ record: ProjectAttachmentRecord, slug: String, baseURL: String = "") {
        name = record.fileName
        type = record.contentType
        size = record.size
        url = "\(baseURL)/prosjekter/\(slug)/vedlegg/\(record.id?.uuidString.lowercased() ?? "")"
    }
}

/// Adds, lists, reads and removes a project's attachments. Adding and removing each write a
/// version of the project in the same transaction: the history says who added or removed what.
public struct ProjectAttachmentStore: Sendable {
    public let database: any Database
    public let limits: AttachmentLimits

    public init(database: any Database, limits: AttachmentLimits = .standard) {
        self.database = database
        self.limits = limits
    }

    public func list(_ record: ProjectRecord) async throws -> [ProjectAttachmentRecord] {
        try await ProjectAttachmentRecord.query(on: database).filter(\.$projectID == record.requireID())
            .sort(\.$createdAt).sort(\.$fileName).all()
    }

    /// Attachments of many projects at once (for exports), by project id.
    public func list(projects: [ProjectRecord]) async throws -> [UUID: [ProjectAttachmentRecord]] {
        let ids = projects.compactMap(\.id)
        guard !ids.isEmpty else { return [:] }
        var result: [UUID: [ProjectAttachmentRecord]] = [:]
        for batch in ProjectRepository.batches(ids, size: 500) {
            for attachment in try await ProjectAttachmentRecord.query(on: database).filter(\.$projectID ~~ batch)
                .sort(\.$createdAt).sort(\.$fileName).all()
            {
                result[attachment.projectID, default: []].append(attachment)
            }
        }
        return result
    }

    public func find(_ id: UUID, in record: ProjectRecord) async throws -> ProjectAttachmentRecord? {
        try await ProjectAttachmentRecord.query(on: database).filter(\.$id == id)
            .filter(\.$projectID == record.requireID()).first()
    }

    public func data(of attachment: ProjectAttachmentRecord) async throws -> Data {
        guard
            let blob = try await ProjectAttachmentBlobRecord.query(on: database)
                .filter(\.$attachmentID == attachment.requireID()).first()
        else { throw ProjectError.notFound(attachment.fileName) }
        return blob.data
    }

    /// Checks and stores files, all or none.
    @discardableResult
    public func add(
        _ files: [(name: String, data: Data)], to slug: String, by author: ProjectAuthor
    ) async throws -> [ProjectAttachmentRecord] {
        let repository = ProjectRepository(database: database)
        let record = try await repository.require(slug: slug)
        guard ProjectWorkflow.mayEdit(author.actor, status: record.status, owner: record.ownerMunicipality) else {
            throw ProjectError.forbidden(
                "you may not change this project's attachments in its present status",
                nb: "du kan ikke endre vedleggene til prosjektet slik det står nå")
        }
        var kinds: [AttachmentKind] = []
        for file in files {
            kinds.append(try AttachmentPolicy.check(fileName: file.name, data: file.data, limits: limits))
        }
        let existing = try await list(record)
        let total = existing.reduce(0) { $0 + Int($1.size) } + files.reduce(0) { $0 + $1.data.count }
        let name = files.first.map { AttachmentPolicy.sanitisedFileName($0.name) } ?? ""
        if existing.count + files.count > limits.maxFiles {
            throw AttachmentError(
                reason: .projectFull, fileName: name,
                messageNB: "Et prosjekt kan ha høyst \(limits.maxFiles) vedlegg.",
                message: "A project may have at most \(limits.maxFiles) attachments.")
        }
        if total > limits.maxProjectBytes {
            let limit = AttachmentPolicy.megabytes(limits.maxProjectBytes)
            throw AttachmentError(
                reason: .projectFull, fileName: name,
                messageNB: "Vedleggene til et prosjekt kan til sammen være høyst \(limit) MB.",
                message: "A project's attachments may total at most \(limit) MB.")
        }
        let now = Date()
        var created: [ProjectAttachmentRecord] = []
        for (file, kind) in zip(files, kinds) {
            let attachment = ProjectAttachmentRecord()
            attachment.id = UUID()
            attachment.projectID = try record.requireID()
            attachment.fileName = AttachmentPolicy.sanitisedFileName(file.name)
            attachment.kind = kind.rawValue
            attachment.contentType = kind.contentType
            attachment.size = Int64(file.data.count)
            attachment.author = author.name
            attachment.createdAt = now
            created.append(attachment)
        }
        record.version += 1
        record.updatedAt = now
        let names = created.map(\.fileName)
        let toCreate = created
        try await database.writeTransaction { transaction in
            for (attachment, file) in zip(toCreate, files) {
                try await attachment.create(on: transaction)
                let blob = ProjectAttachmentBlobRecord()
                blob.id = UUID()
                blob.attachmentID = attachment.id!
                blob.data = file.data
                try await blob.create(on: transaction)
            }
            try await record.update(on: transaction)
            try await ProjectRepository.version(
                of: record, author: author, action: .attachmentAdded,
                changed: ["attachments: " + names.joined(separator: " | ")], now: now
            ).create(on: transaction)
        }
        return created
    }

    public func remove(_ id: UUID, from slug: String, by author: ProjectAuthor) async throws {
        let record = try await ProjectRepository(database: database).require(slug: slug)
        guard ProjectWorkflow.mayEdit(author.actor, status: record.status, owner: record.ownerMunicipality) else {
            throw ProjectError.forbidden(
                "you may not change this project's attachments in its present status",
                nb: "du kan ikke endre vedleggene til prosjektet slik det står nå")
        }
        guard let attachment = try await find(id, in: record) else { throw ProjectError.notFound(id.uuidString) }
        let now = Date()
        record.version += 1
        record.updatedAt = now
        try await database.writeTransaction { transaction in
            try await ProjectAttachmentBlobRecord.query(on: transaction).filter(\.$attachmentID == id).delete()
            try await attachment.delete(on: transaction)
            try await record.update(on: transaction)
            try await ProjectRepository.version(
                of: record, author: author, action: .attachmentRemoved,
                changed: ["attachments: " + attachment.fileName], now: now
            ).create(on: transaction)
        }
    }
}
