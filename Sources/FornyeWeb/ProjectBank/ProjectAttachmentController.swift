import FornyeProjectBank
import FornyeStorage
import Foundation
import Vapor

/// Project attachments: upload (multipart POST with CSRF), download (always as a download, with
/// the content type Fornye chose), remove. Registered on its own CSRF group because an upload
/// body is larger than the 1 MB every other form may send.
struct ProjectAttachmentController: RouteCollection {
    var limits: AttachmentLimits = .standard

    /// The largest request body: one file at the limit plus room for the form's other parts.
    var bodyLimit: ByteCount { ByteCount(value: limits.maxFileBytes + 512 * 1024) }

    func boot(routes: any RoutesBuilder) throws {
        let projects = routes.grouped("prosjekter")
        let authors = projects.grouped(RequireRole([.municipalityEditor, .admin]))
        authors.on(.POST, ":slug", "vedlegg", body: .collect(maxSize: bodyLimit), use: upload)
        projects.get(":slug", "vedlegg", ":attachment", use: download)
        authors.post(":slug", "vedlegg", ":attachment", "slett", use: remove)
    }

    struct Upload: Content {
        var files: [File]?
    }

    /// The project, if the request may see it, and the author, if they may change it.
    func editable(_ request: Request) async throws -> (ProjectRecord, ProjectAuthor) {
        let record = try await ProjectController().visible(request)
        guard let author = request.projectAuthor,
            ProjectWorkflow.mayEdit(author.actor, status: record.status, owner: record.ownerMunicipality)
        else {
            throw WebError(
                .forbidden, nb: "Du kan ikke endre vedleggene til prosjektet nå.",
                en: "You may not change this project's attachments now.")
        }
        return (record, author)
    }

    @Sendable func upload(request: Request) async throws -> Response {
        let (record, author) = try await editable(request)
        let upload = try? request.content.decode(Upload.self)
        let files = (upload?.files ?? []).filter { !($0.filename.isEmpty && $0.data.readableBytes == 0) }
        let language = Language.of(request)
        guard !files.isEmpty else {
            return try await failure(
                request, record: record, status: .unprocessableEntity, fileName: nil,
                message: language.pick("Velg en fil å laste opp.", "Choose a file to upload."))
        }
        do {
            let added = try await ProjectAttachmentStore(database: request.db, limits: limits).add(
                files.map { (name: $0.filename, data: Data(buffer: $0.data)) }, to: record.slug, by: author)
            try await request.audit(
                .projectAttachmentAdded, target: record.slug, details: added.map(\.fileName).joined(separator: " | "))
            return request.redirect(to: Paths.project(slug: record.slug) + "#vedlegg", redirectType: .normal)
        } catch let error as AttachmentError {
            let status: HTTPResponseStatus =
                switch error.reason {
                case .fileTooLarge, .projectFull: .payloadTooLarge
                case .notAllowedType, .contentMismatch: .unsupportedMediaType
                default: .unprocessableEntity
                }
            return try await failure(
                request, record: record, status: status, fileName: error.fileName,
                message: language.pick(error.messageNB, error.message))
        } catch let error as ProjectError {
            throw WebError.project(error, status: .forbidden)
        }
    }

    /// An upload over the body limit (refused before any handler read it): the same refusal page,
    /// saying the limit and the upload's size.
    @Sendable func tooLarge(request: Request, declared: Int?) async throws -> Response {
        let (record, _) = try await editable(request)
        let message = UploadTooLargeText.message(
            declared: declared, limit: limits.maxFileBytes, language: Language.of(request))
        return try await failure(request, record: record, status: .payloadTooLarge, fileName: nil, message: message)
    }

    /// The refusal, said on a page of its own with the form to try again; nothing was stored.
    func failure(
        _ request: Request, record: ProjectRecord, status: HTTPResponseStatus, fileName: String?, message: String
    ) async throws -> Response {
        let html = AttachmentFailurePage(
            request: request, record: record, fileName: fileName, message: message, limits: limits
        ).render()
        return try await HTMLPage(html, status: status).encodeResponse(for: request)
    }

    @Sendable func download(request: Request) async throws -> Response {
        let record = try await ProjectController().visible(request)
        let store = ProjectAttachmentStore(database: request.db, limits: limits)
        guard let id = request.parameters.get("attachment").flatMap(UUID.init(uuidString:)),
            let attachment = try await store.find(id, in: record)
        else { throw WebError(.notFound, nb: "Vedlegget finnes ikke.", en: "There is no such attachment.") }
        let data = try await store.data(of: attachment)
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: attachment.contentType)
        headers.replaceOrAdd(name: .contentDisposition, value: Self.contentDisposition(attachment.fileName))
        headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        headers.replaceOrAdd(
            name: .cacheControl, value: record.status == .published ? "public, max-age=300" : "private, no-store")
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }

    /// Always a download. The quoted name is ASCII with anything doubtful replaced; the UTF-8
    /// name travels percent-encoded in `filename*` (RFC 6266), so no byte of it can end the header.
    static func contentDisposition(_ name: String) -> String {
        let ascii = String(
            name.unicodeScalars.map { scalar -> Character in
                scalar.isASCII && scalar.value >= 0x20 && scalar.value < 0x7F && scalar != "\"" && scalar != "\\"
                    && scalar != "%" ? Character(scalar) : "_"
            })
        var allowed = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: "\u{0}"..."\u{7F}"))
        allowed.insert(charactersIn: "-._~")
        let encoded = name.addingPercentEncoding(withAllowedCharacters: allowed) ?? ascii
        return "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)"
    }

    @Sendable func remove(request: Request) async throws -> Response {
        let (record, author) = try await editable(request)
        guard let id = request.parameters.get("attachment").flatMap(UUID.init(uuidString:)),
            let attachment = try await ProjectAttachmentStore(database: request.db).find(id, in: record)
        else { throw WebError(.notFound, nb: "Vedlegget finnes ikke.", en: "There is no such attachment.") }
        try await ProjectAttachmentStore(database: request.db).remove(id, from: record.slug, by: author)
        try await request.audit(.projectAttachmentRemoved, target: record.slug, details: attachment.fileName)
        return request.redirect(to: Paths.project(slug: record.slug) + "#vedlegg", redirectType: .normal)
    }
}

enum AttachmentLimitsText {
    static func megabytes(_ bytes: Int) -> String {
        let value = Double(bytes) / 1_048_576
        return value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }

    /// A size for people: bytes, kB or MB.
    static func size(_ bytes: Int64, _ language: Language) -> String {
        if bytes < 1024 { return "\(bytes) B" }
        if bytes < 1_048_576 { return "\(Int((Double(bytes) / 1024).rounded())) kB" }
        let text = String(format: "%.1f", Double(bytes) / 1_048_576)
        return (language == .en ? text : text.replacingOccurrences(of: ".", with: ",")) + " MB"
    }
}
