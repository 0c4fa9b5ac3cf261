import FornyeBarometer
import FornyeFormats
import FornyeStorage
import Foundation
import Vapor

/// `/analyse/programmet`: the programme register of issue 14 for analysts and admins. The
/// register as a table with counts per status, import of a CSV/XLSX file (checked whole, every
/// problem located, nothing stored until confirmed, then all lines or none), editing and deleting
/// one line, exports, and the interviewed cases with their theme counts. Reading, checking,
/// storing and auditing are `ProgrammeTable`'s and `ProgrammeRepository`'s, as for
/// `fornye programme`.
struct ProgrammeController: RouteCollection {
    /// The largest register file accepted (a register of every municipality is well under 1 MB).
    static let maximumUpload: ByteCount = "5mb"

    func boot(routes: any RoutesBuilder) throws {
        let programme = routes.analysts.grouped("analyse", "programmet")
        programme.get(use: list)
        programme.get("eksport", ":format", use: export)
        programme.get("caser", use: cases)
        programme.get("import", use: importForm)
        programme.get("import", ":upload", use: preview)
        programme.post("import", ":upload", "bekreft", use: confirm)
        programme.get("linjer", ":id", use: edit)
        programme.post("linjer", ":id", use: save)
        programme.get("linjer", ":id", "slett", use: deleteForm)
        programme.post("linjer", ":id", "slett", use: delete)
    }

    /// The upload itself, on a route group whose CSRF check reads bodies up to `maximumUpload`.
    struct Upload: RouteCollection {
        func boot(routes: any RoutesBuilder) throws {
            routes.analysts.grouped("analyse", "programmet", "import")
                .on(.POST, body: .collect(maxSize: ProgrammeController.maximumUpload)) { request in
                    try await ProgrammeController().upload(request: request)
                }
        }
    }

    struct UploadForm: Content {
        var file: File?
    }

    static func repository(_ request: Request) throws -> ProgrammeRepository {
        ProgrammeRepository(database: request.db, register: try MunicipalityRegister.bundled())
    }

    /// The line named by the `id` parameter, or 404.
    static func line(_ request: Request, in repository: ProgrammeRepository) async throws -> StoredProgrammeApplication
    {
        guard let id = request.parameters.get("id").flatMap(UUID.init(uuidString:)),
            let line = try await repository.list().first(where: { $0.id == id })
        else {
            throw WebError(
                .notFound, nb: "Ingen linje i programregisteret har denne id-en.",
                en: "No line of the programme register has this id.")
        }
        return line
    }

    @Sendable func list(request: Request) async throws -> HTMLPage {
        let repository = try Self.repository(request)
        let lines = try await repository.list()
        return HTMLPage(ProgrammeListPage(request: request, lines: lines, register: repository.register).render())
    }

    @Sendable func export(request: Request) async throws -> Response {
        let repository = try Self.repository(request)
        let format = request.parameters.get("format") ?? ""
        guard ["csv", "xlsx"].contains(format) else {
            throw WebError(.notFound, nb: "Eksport finnes som csv eller xlsx.", en: "Exports are csv or xlsx.")
        }
        let lines = try await repository.export(format: format, actor: request.principal?.userID)
        let name = lines.contains(where: \.synthetic) ? "programregister-syntetisk" : "programregister"
        var headers = HTTPHeaders()
        let data: Data
        if format == "xlsx" {
            data = try ProgrammeTable.xlsx(lines, register: repository.register)
            headers.contentType = HTTPMediaType(
                type: "application", subType: "vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        } else {
            data = Data(ProgrammeTable.csv(lines, register: repository.register).utf8)
            headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        }
        headers.contentDisposition = .init(.attachment, filename: "\(name).\(format)")
        headers.cacheControl = .init(noStore: true)
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }

    @Sendable func cases(request: Request) async throws -> HTMLPage {
        let repository = try Self.repository(request)
        let cases = try await repository.cases().map(\.record)
        return HTMLPage(ProgrammeCasesPage(request: request, cases: cases).render())
    }

    @Sendable func importForm(request: Request) async throws -> HTMLPage {
        HTMLPage(ProgrammeImportPage(request: request).render())
    }

    @Sendable func upload(request: Request) async throws -> Response {
        guard let session = request.sessionTokenHash else { throw Abort(.unauthorized) }
        let form = try request.content.decode(UploadForm.self)
        func refuse(_ page: ProgrammeImportPage, status: HTTPResponseStatus = .unprocessableEntity) async throws
            -> Response
        {
            try await HTMLPage(page.render(), status: status).encodeResponse(for: request)
        }
        guard let file = form.file, file.data.readableBytes > 0 else {
            return try await refuse(
                ProgrammeImportPage(request: request, message: ("Velg en fil.", "Choose a file.")))
        }
        let filename = String(file.filename.prefix(200))
        let register = try MunicipalityRegister.bundled()
        let data = Data(buffer: file.data)
        let read = await Task.detached(priority: .userInitiated) {
            () -> Result<[ProgrammeApplication], ProgrammeImportRefusal> in
            do {
                let table = try SourceReader.read(
                    data, file: filename, format: ProgrammeTable.sourceFormat(for: filename), sheet: nil)
                return .success(try ProgrammeTable.applications(table, register: register))
            } catch let error as FormatError {
                return .failure(.unreadable(error))
            } catch let error as ProgrammeFileError {
                return .failure(.problems(error))
            } catch {
                return .failure(.unreadable(.unreadableFile(file: filename, reason: "\(error)")))
            }
        }.value
        let lines: [ProgrammeApplication]
        switch read {
        case .success(let read): lines = read
        case .failure(.unreadable(let error)):
            return try await refuse(
                ProgrammeImportPage(
                    request: request, message: (error.description(in: .nb), error.description(in: .en))))
        case .failure(.problems(let error)):
            return try await refuse(ProgrammeImportPage(request: request, problems: error))
        }
        let upload = ProgrammeUpload(
            id: ImportUploadStore.newID(), sessionHash: session, filename: filename, lines: lines, created: Date())
        guard request.application.programmeUploads.put(upload) else {
            return try await refuse(
                ProgrammeImportPage(
                    request: request,
                    message: (
                        "For mange filer venter på bekreftelse. Prøv igjen senere.",
                        "Too many files are waiting for confirmation. Try again later."
                    )), status: .serviceUnavailable)
        }
        return request.redirect(to: Paths.programmeImportUpload(id: upload.id), redirectType: .normal)
    }

    /// An upload over `maximumUpload`: the form again with the limit at the file field.
    @Sendable func tooLarge(request: Request, declared: Int?) async throws -> Response {
        let limit = Self.maximumUpload.value
        let message = (
            UploadTooLargeText.message(declared: declared, limit: limit, language: .nb),
            UploadTooLargeText.message(declared: declared, limit: limit, language: .en)
        )
        return try await HTMLPage(
            ProgrammeImportPage(request: request, message: message).render(), status: .payloadTooLarge
        ).encodeResponse(for: request)
    }

    static func upload(_ request: Request) throws -> ProgrammeUpload {
        guard let id = request.parameters.get("upload"),
            let upload = request.application.programmeUploads.upload(id, session: request.sessionTokenHash)
        else {
            throw WebError(
                .notFound,
                nb: "Den opplastede filen er ikke lenger lagret (bekreftet eller utløpt). Last den opp igjen.",
                en: "The uploaded file is no longer kept (confirmed or expired). Upload it again.")
        }
        return upload
    }

    @Sendable func preview(request: Request) async throws -> HTMLPage {
        let upload = try Self.upload(request)
        let repository = try Self.repository(request)
        let stored = try await repository.count()
        return HTMLPage(
            ProgrammePreviewPage(request: request, upload: upload, stored: stored, register: repository.register)
                .render())
    }

    /// Stores the checked lines, appended or replacing the register (`mode` = `append`/`replace`).
    @Sendable func confirm(request: Request) async throws -> Response {
        let upload = try Self.upload(request)
        let replace = try request.formFields().first("mode") == "replace"
        try await Self.repository(request).importApplications(
            upload.lines, replace: replace, actor: request.principal?.userID, source: "web: \(upload.filename)")
        request.application.programmeUploads.remove(upload.id)
        return request.redirect(to: Paths.programme + "?importert=\(upload.lines.count)", redirectType: .normal)
    }

    @Sendable func edit(request: Request) async throws -> HTMLPage {
        let repository = try Self.repository(request)
        let line = try await Self.line(request, in: repository)
        return HTMLPage(
            ProgrammeLinePage(request: request, line: line, register: repository.register).render())
    }

    @Sendable func save(request: Request) async throws -> Response {
        let repository = try Self.repository(request)
        let line = try await Self.line(request, in: repository)
        let form = ProgrammeLineForm(try request.formFields(), editing: line.application)
        let problems = form.problems(register: repository.register)
        guard problems.isEmpty, let changed = form.application else {
            return try await HTMLPage(
                ProgrammeLinePage(
                    request: request, line: line, register: repository.register, form: form, problems: problems
                ).render(), status: .unprocessableEntity
            ).encodeResponse(for: request)
        }
        try await repository.update(id: line.id, with: changed, actor: request.principal?.userID)
        return request.redirect(to: Paths.programme + "?endret=1", redirectType: .normal)
    }

    @Sendable func deleteForm(request: Request) async throws -> HTMLPage {
        let repository = try Self.repository(request)
        let line = try await Self.line(request, in: repository)
        return HTMLPage(
            ProgrammeDeletePage(request: request, line: line, register: repository.register).render())
    }

    @Sendable func delete(request: Request) async throws -> Response {
        let repository = try Self.repository(request)
        let line = try await Self.line(request, in: repository)
        try await repository.delete(id: line.id, actor: request.principal?.userID)
        return request.redirect(to: Paths.programme + "?slettet=1", redirectType: .normal)
    }
}

/// Why an uploaded register file was not accepted.
enum ProgrammeImportRefusal: Error {
    case unreadable(FormatError)
    case problems(ProgrammeFileError)
}
