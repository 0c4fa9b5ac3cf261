import FornyeBarometer
import FornyeReport
import FornyeStatistics
import FornyeStorage
import Vapor

/// `/api/v1`: the published waves, their figures and tables, and estimates of any variable, as
/// JSON. Read-only; the public gets the same suppressed numbers as the pages, analysts the
/// unsuppressed ones. Errors are problem details (`FornyeErrorMiddleware`).
struct APIController: RouteCollection {
    static let maxEstimateBody: ByteCount = "16kb"

    func boot(routes: any RoutesBuilder) throws {
        routes.get("api", "openapi.json", use: openAPI)
        let v1 = routes.grouped("api", "v1")
        // Reads are served from the response cache (`CachedResponse`) after the first.
        v1.get("waves") { try await cached($0, waves) }
        v1.get("waves", ":wave") { try await cached($0, wave) }
        v1.get("waves", ":wave", "figures") { try await cached($0, figures) }
        v1.get("waves", ":wave", "figures", ":figure") { try await cached($0, figure) }
        v1.get("waves", ":wave", "estimates") { try await cached($0, estimates) }
        // Not a cached response: a register import changes an evaluation without changing any wave
        // (the evaluation itself is cached with the register in its key, `EvaluationCache`).
        v1.get("evaluations", use: evaluations)
        v1.on(.POST, "waves", ":wave", "estimates", body: .collect(maxSize: Self.maxEstimateBody), use: postEstimates)
    }

    private func cached<Body: AsyncResponseEncodable>(
        _ request: Request, _ handler: (Request) async throws -> Body
    ) async throws -> Response {
        try await CachedResponse.respond(request, .json) { try await handler(request).encodeResponse(for: request) }
    }

    @Sendable func openAPI(request: Request) async throws -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .json
        headers.cacheControl = .init(isPublic: true, maxAge: 300)
        return Response(status: .ok, headers: headers, body: .init(string: OpenAPIDocument.json))
    }

    /// `/api/v1/evaluations?bolge=…&bolge=…&sammenligning=…`: the numbers of the page «Effekter av
    /// programmet» (`EvaluationQuery`), in the JSON `fornye evaluate --format json` writes.
    @Sendable func evaluations(request: Request) async throws -> Response {
        let evaluation = try await EvaluationQuery.parse(request).evaluate(on: request)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(
            status: .ok, headers: headers, body: .init(data: try encoder.encode(ProgrammeEvaluationJSON(evaluation))))
    }

    @Sendable func waves(request: Request) async throws -> APIModels.WavePage {
        let page = try Self.integer(request, "page", default: 1, range: 1...100_000)
        // The same names as the project API's: `per_page` in, `perPage` out.
        let per = try Self.integer(request, "per_page", default: 20, range: 1...100)
        let all = try await BarometerQueries.visibleWaves(request)
        let start = min((page - 1) * per, all.count)
        let items = all[start..<min(start + per, all.count)].map(APIModels.WaveSummary.init)
        return APIModels.WavePage(items: items, page: page, perPage: per, total: all.count)
    }

    @Sendable func wave(request: Request) async throws -> APIModels.WaveDetail {
        let wave = try await request.application.barometerStore.wave(
            try request.parameters.require("wave"), for: request)
        let codebook = wave.dataset.codebook
        let filters = BarometerFilters.variables.compactMap { filter -> APIModels.Filter? in
            guard let variable = codebook.variable(named: filter.name) else { return nil }
            return APIModels.Filter(
                name: filter.name, label: variable.label,
                codes: variable.valueLabels.map { .init(code: $0.code, label: $0.label, labelEnglish: $0.labelEnglish) }
            )
        }
        let items = Set(codebook.multipleResponseSets.flatMap(\.items))
        let variables =
            codebook.variables.filter { !items.contains($0.name) && $0.kind != .text }.map {
                APIModels.Variable(name: $0.name, label: $0.label, kind: $0.kind.rawValue)
            }
            + codebook.multipleResponseSets.map {
                APIModels.Variable(name: $0.name, label: $0.label, kind: "multipleResponse")
            }
        return APIModels.WaveDetail(
            slug: wave.slug, title: wave.title, shortTitle: wave.shortTitle, synthetic: wave.synthetic,
            status: wave.status.rawValue, responses: wave.responseCount, structureDate: wave.wave.structureDate,
            filters: filters, variables: variables,
            links: [
                "self": Paths.apiWave(slug: wave.slug), "figures": Paths.apiFigures(wave: wave.slug),
                "estimates": Paths.apiEstimates(wave: wave.slug), "page": Paths.barometerWave(slug: wave.slug),
            ])
    }

    @Sendable func figures(request: Request) async throws -> APIModels.FigureList {
        let (wave, filters, document) = try await Self.document(request)
        let query = filters.query()
        let figures = document.sections.flatMap { section in
            section.figures.map { figure in
                var links = [
                    "self": Paths.apiFigure(wave: wave.slug, figure: figure.id) + query,
                    "csv": Paths.barometerFigure(wave: wave.slug, file: figure.id + ".csv") + query,
                ]
                if figure.chart != nil {
                    links["svg"] = Paths.barometerFigure(wave: wave.slug, file: figure.id + ".svg") + query
                }
                return APIModels.FigureSummary(
                    id: figure.id, number: figure.number, title: figure.title, section: section.heading,
                    base: figure.base, hasChart: figure.chart != nil, links: links)
            }
        }
        return APIModels.FigureList(
            wave: wave.slug, synthetic: wave.synthetic, suppressed: request.seesSuppressedResults,
            filters: filters.codes, figures: figures)
    }

    @Sendable func figure(request: Request) async throws -> APIModels.FigureTable {
        let (wave, filters, document) = try await Self.document(request)
        let id = try request.parameters.require("figure")
        guard let figure = document.figures.first(where: { $0.id == id }) else { throw WebError.unknownFigure(id) }
        var csv = figure.csv
        if wave.synthetic && !csv.header.contains("datakilde") {
            csv.header.append("datakilde")
            csv.rows = csv.rows.map { $0 + [SyntheticLabel.marker] }
        }
        return APIModels.FigureTable(
            wave: wave.slug, id: figure.id, number: figure.number, title: figure.title, caption: figure.caption,
            base: figure.base, synthetic: wave.synthetic, suppressed: request.seesSuppressedResults,
            filters: filters.codes, rowHeader: figure.table.rowHeader, columns: figure.table.columns.map(\.header),
            rows: figure.table.rows.map { .init(header: $0.header, cells: $0.cells, emphasised: $0.emphasised) },
            notes: figure.notes + figure.table.notes, data: .init(header: csv.header, rows: csv.rows))
    }

    @Sendable func estimates(request: Request) async throws -> APIModels.Estimates {
        let wave = try await request.application.barometerStore.wave(
            try request.parameters.require("wave"), for: request)
        guard let variable = request.query[String.self, at: "variable"], !variable.isEmpty else {
            throw WebError.invalidParameter(
                "variable", nb: "mangler; oppgi variabelen som skal anslås.",
                en: "is missing; name the variable to estimate.")
        }
        let by = (request.query[String.self, at: "by"] ?? "").split(separator: ",").map {
            $0.trimmingCharacters(in: .whitespaces)
        }.filter { !$0.isEmpty }
        let filters = try BarometerFilters.parse(request, codebook: wave.dataset.codebook)
        let options = try EstimateService.options(
            ci: request.query[String.self, at: "ci"], deff: request.query[String.self, at: "deff"])
        let recipe = try EstimateService.recipe(
            replicates: request.query[String.self, at: "replicates"],
            count: try APIController.integer(
                request, "replicate_count", default: ReplicateRecipe.defaultCount,
                range: EstimateService.replicateCounts),
            seed: try APIController.integer(request, "seed", default: 1, range: 0...Int(Int32.max)),
            fayRho: request.query[String.self, at: "fay_rho"])
        return try EstimateService.estimate(
            wave, variable: variable, by: by, filters: filters, options: options, replicates: recipe,
            suppressed: request.seesSuppressedResults)
    }

    @Sendable func postEstimates(request: Request) async throws -> APIModels.Estimates {
        guard let contentType = request.headers.contentType, contentType.type == "application",
            contentType.subType == "json"
        else {
            throw WebError(
                .unsupportedMediaType, nb: "Send spørringen som application/json.",
                en: "Send the query as application/json.", parameter: "Content-Type")
        }
        // Vapor refuses a larger streamed body while collecting it; this covers a body that came whole.
        if let body = request.body.data, body.readableBytes > Self.maxEstimateBody.value {
            throw WebError(
                .payloadTooLarge, nb: "Kroppen er større enn 16 kB.", en: "The body is larger than 16 kB.",
                parameter: "body")
        }
        let wave = try await request.application.barometerStore.wave(
            try request.parameters.require("wave"), for: request)
        let query: APIModels.EstimateQuery
        do {
            query = try request.content.decode(APIModels.EstimateQuery.self)
        } catch {
            throw WebError(
                .badRequest,
                nb: "Kroppen er ikke gyldig JSON med feltet «variable» (og ev. «by», «filters», «ci», «deff»).",
                en:
                    "The body is not valid JSON with the field “variable” (and optionally “by”, “filters”, “ci”, “deff”).",
                parameter: "body")
        }
        let filters = try BarometerFilters.parse(
            (query.filters ?? [:]).mapValues(String.init), codebook: wave.dataset.codebook)
        return try EstimateService.estimate(
            wave, variable: query.variable, by: query.by ?? [], filters: filters,
            options: try EstimateService.options(ci: query.ci, deff: query.deff),
            replicates: try EstimateService.recipe(query),
            suppressed: request.seesSuppressedResults)
    }

    static func document(_ request: Request) async throws -> (PreparedWave, BarometerFilters, ReportDocument) {
        let store = request.application.barometerStore
        let wave = try await store.wave(try request.parameters.require("wave"), for: request)
        let filters = try BarometerFilters.parse(request, codebook: wave.dataset.codebook)
        let document = try await store.document(for: wave, filters: filters, suppressed: request.seesSuppressedResults)
        return (wave, filters, document)
    }

    /// A whole-number query parameter within `range`, or 400 naming it.
    static func integer(_ request: Request, _ name: String, default value: Int, range: ClosedRange<Int>) throws -> Int {
        guard let raw = request.query[String.self, at: name] else { return value }
        guard let number = Int(raw), range.contains(number) else {
            throw WebError.invalidParameter(
                name, nb: "må være et heltall fra \(range.lowerBound) til \(range.upperBound), ikke «\(raw)».",
                en: "must be a whole number from \(range.lowerBound) to \(range.upperBound), not “\(raw)”.")
        }
        return number
    }
}

/// The general estimate, by up to two breakdowns, within the filters' domain, with the public's
/// disclosure control unless the caller is an analyst. `VariableEstimator` chooses the estimate
/// with its defaults: shares of a single-choice or ordinal variable, shares of respondents for a
/// multiple-response set, the mean of a numeric variable.
enum EstimateService {
    /// The interval method (`ci`) and design-effect reference (`deff`) asked for, or 400 naming
    /// the parameter.
    static func options(ci: String?, deff: String?) throws -> EstimationOptions {
        var options = EstimationOptions()
        if let ci {
            guard let method = IntervalMethod(rawValue: ci) else {
                let names = IntervalMethod.allCases.map(\.rawValue).joined(separator: ", ")
                throw WebError.invalidParameter(
                    "ci", nb: "må være en av \(names), ikke «\(ci)».", en: "must be one of \(names), not “\(ci)”.")
            }
            options.intervalMethod = method
        }
        if let deff {
            guard let reference = DesignEffectReference(rawValue: deff) else {
                throw WebError.invalidParameter(
                    "deff", nb: "må være replace eller srswor, ikke «\(deff)».",
                    en: "must be replace or srswor, not “\(deff)”.")
            }
            options.designEffectReference = reference
        }
        return options
    }

    /// Bootstrap replicates the API makes at most: a request stays well under a second on a wave.
    static let replicateCounts = 2...200

    /// The replicate weights asked for (`replicates`, `replicate_count`, `seed`, `fay_rho`), nil for
    /// Taylor linearisation, or 400 naming the parameter.
    static func recipe(replicates: String?, count: Int, seed: Int, fayRho: String?) throws -> ReplicateRecipe? {
        guard let replicates else { return nil }
        guard let kind = ReplicateRecipe.Kind(rawValue: replicates) else {
            let names = ReplicateRecipe.Kind.allCases.map(\.rawValue).joined(separator: ", ")
            throw WebError.invalidParameter(
                "replicates", nb: "må være en av \(names), ikke «\(replicates)».",
                en: "must be one of \(names), not “\(replicates)”.")
        }
        var rho = 0.5
        if let fayRho {
            guard let value = Double(fayRho), value > 0, value < 1 else {
                throw WebError.invalidParameter(
                    "fay_rho", nb: "må være et tall mellom 0 og 1, ikke «\(fayRho)».",
                    en: "must be a number between 0 and 1, not “\(fayRho)”.")
            }
            rho = value
        }
        guard replicateCounts.contains(count) else {
            throw WebError.invalidParameter(
                "replicate_count", nb: "må være fra \(replicateCounts.lowerBound) til \(replicateCounts.upperBound).",
                en: "must be from \(replicateCounts.lowerBound) to \(replicateCounts.upperBound).")
        }
        return try ReplicateRecipe(kind: kind, count: count, seed: UInt64(max(seed, 0)), fayRho: rho)
    }

    /// The same choice from a JSON body.
    static func recipe(_ query: APIModels.EstimateQuery) throws -> ReplicateRecipe? {
        if let seed = query.seed, seed < 0 {
            throw WebError.invalidParameter("seed", nb: "kan ikke være negativ.", en: "cannot be negative.")
        }
        return try recipe(
            replicates: query.replicates, count: query.replicateCount ?? ReplicateRecipe.defaultCount,
            seed: query.seed ?? 1, fayRho: query.fayRho.map { String($0) })
    }

    static func estimate(
        _ wave: PreparedWave, variable: String, by: [String], filters: BarometerFilters,
        options: EstimationOptions = EstimationOptions(), replicates recipe: ReplicateRecipe? = nil, suppressed: Bool
    ) throws -> APIModels.Estimates {
        let codebook = wave.dataset.codebook
        guard by.count <= 2 else {
            throw WebError.invalidParameter("by", nb: "høyst to variabler.", en: "at most two variables.")
        }
        for name in by {
            guard let breakdown = codebook.variable(named: name),
                breakdown.kind == .singleChoice || breakdown.kind == .ordinal
            else {
                throw WebError.invalidParameter(
                    "by", nb: "«\(name)» er ikke en kodet variabel i bølgen.",
                    en: "“\(name)” is not a coded variable of the wave.")
            }
        }
        guard Set(by).count == by.count, !by.contains(variable) else {
            throw WebError.invalidParameter("by", nb: "nevner en variabel to ganger.", en: "names a variable twice.")
        }
        var dataset = wave.dataset
        if !filters.isEmpty { dataset = try dataset.restricted(to: filters.domain(in: dataset).rows(in: dataset)) }
        var design = wave.design
        var replicates: ReplicateWeights?
        if let recipe {
            // The jackknife makes one replicate per PSU, each raked again: bounded like the bootstrap.
            if recipe.kind == .jackknife, wave.design.psuCount > replicateCounts.upperBound {
                throw WebError.invalidParameter(
                    "replicates",
                    nb:
                        "jackknife ville gi \(wave.design.psuCount) replikater, flere enn \(replicateCounts.upperBound); bruk bootstrap.",
                    en:
                        "the jackknife would make \(wave.design.psuCount) replicates, more than \(replicateCounts.upperBound); use bootstrap."
                )
            }
            do {
                (design, replicates) = try recipe.make(for: wave.replicateWeighting, data: wave.dataset)
            } catch {
                throw WebError.invalidParameter(
                    "replicates", nb: "kan ikke lages for denne bølgens utvalgsdesign: \(error.description)",
                    en: "cannot be made for this wave's design: \(error.description)")
            }
        }
        let estimator = VariableEstimator(dataset: dataset, design: design, options: options, replicates: replicates)
        do {
            _ = try estimator.kind(of: variable)
        } catch .unknownVariable {
            throw WebError.invalidParameter(
                "variable", nb: "bølgen har ingen variabel «\(variable)».",
                en: "the wave has no variable “\(variable)”.")
        } catch .wrongKind {
            throw WebError.invalidParameter(
                "variable", nb: "«\(variable)» kan ikke anslås alene; bruk settet den hører til.",
                en: "“\(variable)” cannot be estimated alone; use the set it belongs to.")
        } catch {
            throw error
        }
        var table = try estimator.table(of: variable, by: by)
        if suppressed { table = DisclosureControl.apply(DisclosureRules(), to: table) }
        return APIModels.Estimates(
            wave: wave.slug, variable: table.variable, label: table.label, kind: table.kind.rawValue, by: by,
            filters: filters.codes, confidenceLevel: table.confidenceLevel,
            intervalMethod: table.intervalMethod.rawValue,
            designEffectReference: (table.designEffectReference ?? .automatic(for: wave.design)).rawValue,
            varianceMethod: estimator.estimator.varianceMethod.name,
            replicates: estimator.estimator.varianceMethod.replicateCount,
            synthetic: table.synthetic, suppressed: suppressed,
            cells: table.cells.map(APIModels.Cell.init))
    }
}
