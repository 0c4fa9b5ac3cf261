import FornyeFormats
import FornyeStorage
import Foundation
import Vapor

/// Microdata downloads of a collected wave for analysts: CSV + codebook (zip), XLSX, SPSS .sav,
/// JSON, with the weight, stratum and PSU columns the analysis needs (`StoredWave.downloadDataset`).
/// Every download is written to the audit log (who, wave, format, rows); synthetic waves say so
/// inside every file.
struct WaveExportController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.analysts.grouped("analyse", "innsamling").get(":slug", "eksport", ":format", use: export)
    }

    @Sendable func export(request: Request) async throws -> Response {
        let (wave, _) = try await ResponseImportController.collectedWave(request)
        guard let format = request.parameters.get("format").flatMap(DatasetFileFormat.init(rawValue:)) else {
            throw WebError(
                .notFound, nb: "Eksport finnes som csv, xlsx, sav eller json.",
                en: "Exports are csv, xlsx, sav or json.")
        }
        let stored = try await WaveRepository(database: request.db).load(wave)
        let dataset = try stored.downloadDataset()
        let name = "fornye-\(wave.slug)"
        let download = try await Task.detached(priority: .userInitiated) {
            try DatasetDownload.make(dataset, format: format, name: name)
        }.value
        try await request.audit(
            .waveExported, target: wave.slug, details: "\(format.rawValue), \(dataset.rowCount) rows")
        request.logger.notice(
            "wave exported", metadata: ["wave": "\(wave.slug)", "format": "\(format)", "rows": "\(dataset.rowCount)"])
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: download.contentType.type, subType: download.contentType.subType)
        headers.contentDisposition = .init(.attachment, filename: download.filename)
        headers.cacheControl = .init(noStore: true)
        return Response(status: .ok, headers: headers, body: .init(data: download.data))
    }
}
