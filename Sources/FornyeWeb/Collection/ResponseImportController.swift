import FluentKit
import FornyeBarometer
import FornyeFormats
import FornyeStatistics
import FornyeStorage
import Foundation
import Vapor

/// Imports a response file into a collected wave: upload (with a saved, uploaded or automatic
/// mapping), preview with a column → question table to correct the mapping, confirm or cancel.
/// The whole file is checked before the preview is shown; any bad cell is listed with file, row,
/// column and question, and confirming is refused until there are none. Confirming queues the
/// import in the database (`ImportJobRunner`), which stores every row in one transaction, in
/// the background with a progress page that refreshes itself (no JavaScript) when the file is large.
struct ResponseImportController: RouteCollection {
    /// The largest response file accepted.
    static let maximumUpload: ByteCount = "50mb"
    /// Imports of up to this many rows are stored before the confirm request answers; larger ones
    /// run in the background (see docs/COLLECTION.md for the measurements behind the number).
    static let synchronousRows = 20_000

    func boot(routes: any RoutesBuilder) throws {
        let imports = routes.analysts.grouped("analyse", "innsamling", ":slug", "import")
        imports.get(use: form)
        imports.get("jobb", ":job", use: job)
        imports.get(":upload", use: preview)
        imports.get(":upload", "kobling.yaml", use: mappingYAML)
        imports.post(":upload", "kobling", use: remap)
        imports.post(":upload", "bekreft", use: confirm)
        imports.post(":upload", "avbryt", use: cancel)
    }

    /// The upload itself, on a route group whose CSRF check reads bodies up to `maximumUpload`.
    struct Upload: RouteCollection {
        func boot(routes: any RoutesBuilder) throws {
            routes.analysts.grouped("analyse", "innsamling", ":slug", "import")
                .on(.POST, body: .collect(maxSize: ResponseImportController.maximumUpload)) { request in
                    try await ResponseImportController().upload(request: request)
                }
        }
    }

    struct UploadForm: Content {
        var file: File?
        var format: String?
        /// A saved mapping's id, or empty for automatic.
        var mapping: String?
        var mappingFile: File?
    }

    static func collectedWave(_ request: Request) async throws -> (WaveRecord, Instrument) {
        guard let slug = request.parameters.get("slug"),
            let wave = try await WaveRepository(database: request.db).record(slug: slug),
            let key = wave.instrumentVersion, let instrument = try CollectionInstruments.instrument(key: key)
        else { throw WebError.unknownCollectedWave }
        return (wave, instrument)
    }

    private func views(_ request: Request) -> ResponseImportViews { ResponseImportViews(request: request) }

    @Sendable func form(request: Request) async throws -> HTMLPage {
        let (wave, _) = try await Self.collectedWave(request)
        let saved = try await ImportMappingStore(database: request.db).list()
        return HTMLPage(views(request).form(wave, saved: saved, problems: []))
    }

    @Sendable func upload(request: Request) async throws -> Response {
        let (wave, instrument) = try await Self.collectedWave(request)
        guard let session = request.sessionTokenHash else { throw Abort(.unauthorized) }
        let form = try request.content.decode(UploadForm.self)
        let saved = try await ImportMappingStore(database: request.db).list()
        let views = views(request)
        func refuse(_ field: String, _ nb: String, _ en: String) async throws -> Response {
            try await HTMLPage(
                views.form(wave, saved: saved, problems: [.init(field: field, nb: nb, en: en)]),
                status: .unprocessableEntity
            ).encodeResponse(for: request)
        }
        guard let file = form.file, file.data.readableBytes > 0 else {
            return try await refuse("file", "Velg en fil med svar.", "Choose a file with responses.")
        }
        let filename = String(file.filename.prefix(200))
        // The mapping: uploaded YAML, a saved one, or automatic (columns named like questions).
        var mapping = ImportMapping(name: "automatisk")
        if let upload = form.mappingFile, upload.data.readableBytes > 0 {
            do {
                mapping = try ImportMapping.parse(
                    yaml: String(decoding: Data(buffer: upload.data), as: UTF8.self), file: upload.filename)
            } catch {
                return try await refuse("mappingFile", error.description(in: .nb), error.description(in: .en))
            }
        } else if let id = form.mapping.flatMap(UUID.init(uuidString:)) {
            guard let record = saved.first(where: { $0.id == id }) else {
                return try await refuse("mapping", "Koblingen finnes ikke.", "No such mapping.")
            }
            do {
                mapping = try ImportMapping.parse(yaml: record.yaml, file: record.name)
            } catch {
                return try await refuse("mapping", error.description(in: .nb), error.description(in: .en))
            }
        }
        let format: SourceFormat
        if let chosen = form.format, !chosen.isEmpty {
            guard let known = SourceFormat(rawValue: chosen) else {
                return try await refuse("format", "Ukjent filtype.", "Unknown kind of file.")
            }
            format = known
        } else {
            format = mapping.format ?? .guess(for: URL(fileURLWithPath: filename))
        }
        let data = Data(buffer: file.data)
        let table: SourceTable
        switch await Self.read(data, file: filename, format: format, sheet: mapping.sheet) {
        case .success(let read): table = read
        case .failure(let error):
            return try await refuse("file", error.description(in: .nb), error.description(in: .en))
        }
        let (preview, checked) = await Self.check(table, mapping: mapping, instrument: instrument)
        let upload = ImportUpload(
            id: ImportUploadStore.newID(), sessionHash: session, waveSlug: wave.slug, filename: filename,
            format: format, data: data, table: table, mapping: mapping, checked: checked, preview: preview,
            size: data.count, created: Date())
        do {
            try request.application.importUploads.put(upload, data: data)
        } catch .full {
            return try await refuse(
                "file", "Det ligger for mange opplastede filer og venter. Prøv igjen senere.",
                "Too many uploaded files are waiting. Try again later.")
        } catch {
            request.logger.error("import upload not spooled", metadata: ["wave": "\(wave.slug)"])
            return try await refuse(
                "file", "Filen kunne ikke lagres midlertidig. Prøv igjen senere.",
                "The file could not be kept for the preview. Try again later.")
        }
        return request.redirect(to: Paths.waveImportUpload(slug: wave.slug, upload: upload.id), redirectType: .normal)
    }

    /// An upload over `maximumUpload` (refused before any handler read it): the upload form again,
    /// with the limit and the upload's size at the file field.
    @Sendable func tooLarge(request: Request, declared: Int?) async throws -> Response {
        let (wave, _) = try await Self.collectedWave(request)
        let saved = try await ImportMappingStore(database: request.db).list()
        let nb = UploadTooLargeText.message(declared: declared, limit: Self.maximumUpload.value, language: .nb)
        let en = UploadTooLargeText.message(declared: declared, limit: Self.maximumUpload.value, language: .en)
        return try await HTMLPage(
            views(request).form(wave, saved: saved, problems: [.init(field: "file", nb: nb, en: en)]),
            status: .payloadTooLarge
        ).encodeResponse(for: request)
    }

    /// The file read into a table within `SourceReader.Limits` (off the event loop: a large file
    /// takes seconds).
    static func read(
        _ data: Data, file: String, format: SourceFormat, sheet: String?
    ) async -> Result<SourceTable, FormatError> {
        await Task.detached(priority: .userInitiated) { () -> Result<SourceTable, FormatError> in
            do throws(FormatError) {
                return .success(try SourceReader.read(data, file: file, format: format, sheet: sheet))
            } catch {
                return .failure(error)
            }
        }.value
    }

    /// The preview of the first rows, and the whole file checked (off the event loop: a large file
    /// takes seconds).
    static func check(
        _ table: SourceTable, mapping: ImportMapping, instrument: Instrument
    ) async -> (ImportPreview, Result<Dataset, ImportFailure>) {
        await Task.detached(priority: .userInitiated) {
            let head = SourceTable(
                file: table.file, sheet: table.sheet, columns: table.columns, rows: Array(table.rows.prefix(10)),
                rowNumbers: Array(table.rowNumbers.prefix(10)), valueLabels: table.valueLabels)
            var preview = ResponseImporter.preview(head, mapping: mapping, instrument: instrument, rows: 10)
            preview.rowCount = table.rows.count
            let checked: Result<Dataset, ImportFailure>
            do throws(ImportFailure) {
                checked = .success(try ResponseImporter.run(table, mapping: mapping, instrument: instrument).dataset)
                preview.problems = []
                preview.problemsTruncated = false
            } catch {
                checked = .failure(error)
                preview.problems = error.problems
                preview.problemsTruncated = error.truncated
            }
            return (preview, checked)
        }.value
    }

    /// The request's upload: from memory, or read and checked again from the spool (after a
    /// restart). Only the session that uploaded it finds it.
    private func upload(_ request: Request, wave: WaveRecord, instrument: Instrument) async throws -> ImportUpload {
        let store = request.application.importUploads
        let session = request.sessionTokenHash
        guard let id = request.parameters.get("upload") else { throw Self.gone }
        if let upload = store.upload(id, session: session) {
            guard upload.waveSlug == wave.slug else { throw Self.gone }
            return upload
        }
        guard let (entry, data) = store.spooled(id, session: session), entry.waveSlug == wave.slug,
            let mapping = try? ImportMapping.parse(yaml: entry.mappingYAML, file: entry.filename),
            case .success(let table) = await Self.read(
                data, file: entry.filename, format: entry.format, sheet: mapping.sheet)
        else { throw Self.gone }
        let (preview, checked) = await Self.check(table, mapping: mapping, instrument: instrument)
        let upload = ImportUpload(
            id: entry.id, sessionHash: entry.sessionHash, waveSlug: entry.waveSlug, filename: entry.filename,
            format: entry.format, data: data, table: table, mapping: mapping, checked: checked, preview: preview,
            size: entry.size, created: entry.created)
        try? store.put(upload)
        return upload
    }

    static let gone = WebError(
        .notFound,
        nb: "Den opplastede filen er ikke lenger lagret (bekreftet, avbrutt eller utløpt). Last den opp igjen.",
        en: "The uploaded file is no longer kept (confirmed, cancelled or expired). Upload it again.")

    @Sendable func preview(request: Request) async throws -> HTMLPage {
        let (wave, instrument) = try await Self.collectedWave(request)
        let upload = try await upload(request, wave: wave, instrument: instrument)
        let notice = request.query[String.self, at: "lagret"].map { name in
            let name = ResponseImportViews.short(name, 100)
            return views(request).pick("Koblingen er lagret som «\(name)».", "The mapping was saved as «\(name)».")
        }
        // The page of the mapping table, 1-based in the address.
        let page = (request.query[Int.self, at: "side"] ?? 1) - 1
        return HTMLPage(
            views(request).preview(wave, upload: upload, instrument: instrument, notice: notice, page: page))
    }

    @Sendable func mappingYAML(request: Request) async throws -> Response {
        let (wave, instrument) = try await Self.collectedWave(request)
        let upload = try await upload(request, wave: wave, instrument: instrument)
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "application", subType: "yaml", parameters: ["charset": "utf-8"])
        headers.contentDisposition = .init(
            .attachment, filename: DatasetDownload.safeFileName(upload.mapping.name) + ".mapping.yaml")
        headers.cacheControl = .init(noStore: true)
        return Response(status: .ok, headers: headers, body: .init(string: try upload.mapping.yaml()))
    }

    /// The column → question table posted: `c<index>` = question, `question[code]` for an option
    /// column, or empty to ignore the column; a column without a field (on another page of the
    /// table) keeps what it had. `save` names the mapping to save; `side` is the page to go back to.
    @Sendable func remap(request: Request) async throws -> Response {
        let (wave, instrument) = try await Self.collectedWave(request)
        var upload = try await upload(request, wave: wave, instrument: instrument)
        let fields = try request.formFields()
        let previous = Dictionary(
            upload.mapping.columns.compactMap { rule in rule.column.map { ($0, rule) } },
            uniquingKeysWith: { first, _ in first })
        var rules: [ImportMapping.ColumnRule] = []
        var items: [String: [String: Int]] = [:]
        var itemOrder: [String] = []
        var ignore: [String] = []
        // What each column maps to now, as the table's selects show it.
        let current = Dictionary(
            upload.preview.bindings.map { ($0.column, $0.variable) }, uniquingKeysWith: { first, _ in first })
        for (index, column) in upload.table.columns.enumerated() {
            let target = (fields.first("c\(index)") ?? current[column] ?? "").trimmingCharacters(in: .whitespaces)
            if target.isEmpty {
                ignore.append(column)
            } else if target.hasSuffix("]"), let open = target.firstIndex(of: "["),
                let code = Int(target[target.index(after: open)..<target.index(before: target.endIndex)])
            {
                let question = String(target[..<open])
                if items[question] == nil { itemOrder.append(question) }
                items[question, default: [:]][column] = code
            } else if let kept = previous[column], kept.variable == target {
                rules.append(kept)
            } else {
                rules.append(.init(column: column, variable: target))
            }
        }
        for question in itemOrder { rules.append(.init(variable: question, items: items[question])) }
        let saveName = (fields.first("save") ?? "").trimmingCharacters(in: .whitespaces)
        var mapping = upload.mapping
        mapping.automatic = false
        mapping.columns = rules
        mapping.ignore = ignore
        if !saveName.isEmpty { mapping.name = String(saveName.prefix(100)) }
        let (preview, checked) = await Self.check(upload.table, mapping: mapping, instrument: instrument)
        upload.mapping = mapping
        upload.preview = preview
        upload.checked = checked
        try? request.application.importUploads.put(upload)
        var target = Paths.waveImportUpload(slug: wave.slug, upload: upload.id)
        let page = fields.first("side").flatMap { Int($0) }.map { side in
            ResponseImportViews.columnPages(columns: upload.table.columns.count, requested: side - 1).page + 1
        }
        var query = page.map { ["side=\($0)"] } ?? []
        if !saveName.isEmpty {
            try await ImportMappingStore(database: request.db).save(
                name: mapping.name, yaml: try mapping.yaml(), by: request.principal?.userID)
            try await request.audit(.importMappingSaved, target: mapping.name, details: "from \(upload.filename)")
            query.append(
                "lagret=" + (mapping.name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""))
        }
        if !query.isEmpty { target += "?" + query.joined(separator: "&") }
        return request.redirect(to: target, redirectType: .normal)
    }

    @Sendable func cancel(request: Request) async throws -> Response {
        let (wave, instrument) = try await Self.collectedWave(request)
        let upload = try await upload(request, wave: wave, instrument: instrument)
        request.application.importUploads.remove(upload.id)
        return request.redirect(to: Paths.wave(slug: wave.slug), redirectType: .normal)
    }

    @Sendable func confirm(request: Request) async throws -> Response {
        let (wave, instrument) = try await Self.collectedWave(request)
        let upload = try await upload(request, wave: wave, instrument: instrument)
        guard case .success(let dataset) = upload.checked else {
            return try await HTMLPage(
                views(request).preview(wave, upload: upload, instrument: instrument, notice: nil),
                status: .unprocessableEntity
            ).encodeResponse(for: request)
        }
        guard wave.status != .published else {
            throw WebError(
                .conflict, nb: "Bølgen er publisert: avpubliser den før du importerer.",
                en: "The wave is published: unpublish it before importing."
            )
        }
        // Queued in the database with its file, so any instance can run it and a job whose
        // instance dies is retried; this instance takes it at once.
        let job = ImportJobRecord(
            id: ImportUploadStore.newID(), waveID: try wave.requireID(), sessionHash: upload.sessionHash,
            actorID: request.principal?.userID, filename: upload.filename, format: upload.format.rawValue,
            mappingYAML: try upload.mapping.yaml(), total: dataset.rowCount)
        try await ImportJobRepository(database: request.db).enqueue(job, payload: upload.data)
        request.application.importUploads.remove(upload.id)
        let app = request.application
        let task = Task { await app.importJobs.runNow(job.id, dataset: dataset, app: app) }
        if dataset.rowCount <= Self.synchronousRows { await task.value }
        request.logger.notice("import confirmed", metadata: ["wave": "\(wave.slug)", "rows": "\(dataset.rowCount)"])
        return request.redirect(to: Paths.waveImportJob(slug: wave.slug, job: job.id), redirectType: .normal)
    }

    @Sendable func job(request: Request) async throws -> HTMLPage {
        let (wave, _) = try await Self.collectedWave(request)
        guard let id = request.parameters.get("job"), ImportSpool.isValidID(id),
            let record = try await ImportJobRepository(database: request.db).job(id),
            let session = request.sessionTokenHash, record.sessionHash == session, record.waveID == wave.id
        else { throw WebError(.notFound, nb: "Importen finnes ikke.", en: "There is no such import.") }
        let job = ImportJob(record, localProgress: request.application.importJobs.localProgress(id))
        return HTMLPage(views(request).job(wave, job: job))
    }
}
