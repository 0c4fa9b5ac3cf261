import FornyeBarometer
import FornyeFormats
import FornyeStorage
import Vapor

/// `/evaluering`: the programme evaluation page and its CSV; the JSON is `/api/v1/evaluations`
/// (`APIController`). Public, since the numbers follow the disclosure rules. The evaluation is
/// computed once per choice, wave data and register (`EvaluationCache`); the page is rendered each time.
struct EvaluationController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let evaluation = routes.grouped("evaluering")
        evaluation.get(use: page)
        evaluation.get("evaluering.csv", use: csv)
    }

    @Sendable func page(request: Request) async throws -> Response {
        let language = Language.of(request)
        let query: EvaluationQuery
        let evaluation: ProgrammeEvaluation
        do {
            query = try await EvaluationQuery.parse(request)
            evaluation = try await query.evaluate(on: request)
        } catch let error as WebError where error.status == .badRequest {
            if FornyeErrorMiddleware.wantsProblemDetails(request) { throw error }
            let candidates = try await EvaluationQuery.candidates(request)
            let page = EvaluationErrorPage(
                language: language, candidates: candidates, message: error.message(language),
                parameter: error.parameter ?? "bolge", viewer: PageViewer(request))
            return try await HTMLPage(page.render(), status: .badRequest).encodeResponse(for: request)
        }
        let themes = try await ProgrammeRepository(database: request.db, register: try MunicipalityRegister.bundled())
            .themeCounts()
        let page = EvaluationPage(
            language: language, query: query, evaluation: evaluation, themes: themes, viewer: PageViewer(request))
        return try await HTMLPage(page.render()).encodeResponse(for: request)
    }

    @Sendable func csv(request: Request) async throws -> Response {
        let query = try await EvaluationQuery.parse(request)
        let evaluation = try await query.evaluate(on: request)
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        let name =
            "evaluering-\(query.slugs.first ?? "")-\(query.slugs.last ?? "")-\(query.comparison.rawValue)"
            + (evaluation.synthetic ? "-SYNTETISK" : "")
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(name).csv\"")
        return Response(status: .ok, headers: headers, body: .init(string: CSVTable.write(evaluation.csvRows())))
    }
}
