import FornyeBarometer
import FornyeReport
import FornyeStorage
import Vapor

/// The public results pages: the waves, a wave's figures within a domain, and each figure's
/// numbers (CSV) and chart (SVG) for download.
struct BarometerController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let barometer = routes.grouped("barometer")
        barometer.get(use: list)
        barometer.get(":wave", use: results)
        barometer.get(":wave", "figurer", ":file", use: download)
    }

    @Sendable func list(request: Request) async throws -> Response {
        try await CachedResponse.respond(request, .html) {
            let waves = try await BarometerQueries.visibleWaves(request)
            return try await HTMLPage(
                WaveListPage(language: Language.of(request), waves: waves, viewer: PageViewer(request)).render()
            )
            .encodeResponse(for: request)
        }
    }

    /// The rendered page is cached for the public (`CachedResponse`): rendering every figure of a
    /// report costs far more than computing it once did.
    @Sendable func results(request: Request) async throws -> Response {
        try await CachedResponse.respond(request, .html) { try await renderResults(request: request) }
    }

    func renderResults(request: Request) async throws -> Response {
        let slug = try request.parameters.require("wave")
        // The form's wave choice: without JavaScript the form posts to the current wave, so move on.
        if let chosen = request.query[String.self, at: "bolge"], !chosen.isEmpty, chosen != slug {
            var kept: [String] = []
            for name in BarometerFilters.variables.map(\.name) + ["lang"] {
                if let value = request.query[String.self, at: name], !value.isEmpty {
                    kept.append("\(name)=\(value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")")
                }
            }
            let target = Paths.barometerWave(slug: chosen)
            return request.redirect(
                to: target + (kept.isEmpty ? "" : "?" + kept.joined(separator: "&")), redirectType: .normal)
        }
        let store = request.application.barometerStore
        let wave = try await store.wave(slug, for: request)
        let filters: BarometerFilters
        do {
            filters = try BarometerFilters.parse(request, codebook: wave.dataset.codebook)
        } catch let error as WebError where error.status == .badRequest && error.parameter != nil {
            // People get the form back with the message at the field; machines get problem details.
            if FornyeErrorMiddleware.wantsProblemDetails(request) { throw error }
            let page = FilterErrorPage(
                language: Language.of(request), wave: wave, waves: try await BarometerQueries.visibleWaves(request),
                parameter: error.parameter ?? "", message: error.message(Language.of(request)),
                viewer: PageViewer(request))
            return try await HTMLPage(page.render(), status: .badRequest).encodeResponse(for: request)
        }
        let suppressed = request.seesSuppressedResults
        let document = try await store.document(
            for: wave, filters: filters, suppressed: suppressed, language: Language.of(request).report)
        let page = WaveResultsPage(
            language: Language.of(request), wave: wave, waves: try await BarometerQueries.visibleWaves(request),
            filters: filters, document: document, suppressed: suppressed, viewer: PageViewer(request))
        return try await HTMLPage(page.render()).encodeResponse(for: request)
    }

    @Sendable func download(request: Request) async throws -> Response {
        let slug = try request.parameters.require("wave")
        let file = try request.parameters.require("file")
        let store = request.application.barometerStore
        let wave = try await store.wave(slug, for: request)
        let filters = try BarometerFilters.parse(request, codebook: wave.dataset.codebook)
        let document = try await store.document(
            for: wave, filters: filters, suppressed: request.seesSuppressedResults,
            language: Language.of(request).report)
        let (id, format) = try Self.split(file)
        guard let figure = document.figures.first(where: { $0.id == id }) else { throw WebError.unknownFigure(id) }
        let name =
            "\(wave.slug)-\(figure.id)\(filters.isEmpty ? "" : "-avgrenset")\(wave.synthetic ? "-SYNTETISK" : "")"
        var headers = HTTPHeaders()
        let body: String
        switch format {
        case "csv":
            headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
            body = FigureDownload.csv(figure, synthetic: wave.synthetic, language: Language.of(request))
        default:
            guard let chart = figure.chart else {
                throw WebError(
                    .notFound, nb: "\(figure.number) har ingen figur, bare en tabell.",
                    en: "\(figure.number) has no chart, only a table.", parameter: "figure")
            }
            headers.contentType = HTTPMediaType(type: "image", subType: "svg+xml", parameters: ["charset": "utf-8"])
            body = chart.svg()
        }
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(name).\(format)\"")
        return Response(status: .ok, headers: headers, body: .init(string: body))
    }

    /// `fig-4-1.csv` → ("fig-4-1", "csv"); other endings are not found.
    static func split(_ file: String) throws -> (id: String, format: String) {
        for format in ["csv", "svg"] where file.hasSuffix("." + format) {
            return (String(file.dropLast(format.count + 1)), format)
        }
        throw WebError(
            .notFound, nb: "Filer finnes som .csv og .svg, ikke «\(file)».",
            en: "Files exist as .csv and .svg, not “\(file)”.", parameter: "figure")
    }
}

enum BarometerQueries {
    /// The waves the request may see, in slug order, from the store's catalogue (no query
    /// unless it is stale).
    static func visibleWaves(_ request: Request) async throws -> [WaveRecord] {
        try await request.application.barometerStore.catalog(request.db)
            .visible(to: request.principal?.isAnalyst == true)
    }
}

/// What a download holds beyond the report's own CSV: synthetic numbers say so in every row.
enum FigureDownload {
    static func csv(_ figure: ReportFigure, synthetic: Bool, language: Language = .nb) -> String {
        var table = figure.csv
        // The report names the column in its language ("data_source" in English).
        let column = language.pick("datakilde", "data_source")
        if synthetic && !table.header.contains(column) {
            table.header.append(column)
            table.rows = table.rows.map { $0 + [SyntheticLabel.marker] }
        }
        return table.text
    }
}
