import FornyeBarometer
import FornyeProjectBank
import FornyeStorage
import Foundation
import Vapor

/// Innovasjonstesten at `/innovasjonstesten` (issue 16): no account, answers carried in the
/// forms, nothing stored unless the taker asks for a private link. The flow's rules are in
/// `SelfTestFlow`, the comparison in FornyeBarometer's `SelfTestAnalysis`, storage in
/// `SelfTestRepository`; this controller only routes.
struct SelfTestController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let test = routes.grouped("innovasjonstesten")
        test.get(use: start)
        test.post(use: step)
        let kept = test.grouped("resultat", ":token")
        kept.get(use: keptResult)
        kept.get("resultat.csv", use: keptCSV)
        kept.get("ny", use: retake)
        kept.post("slett", use: delete)
        // Municipality editors only: the draft belongs to the editor's own municipality.
        test.grouped(RequireRole([.municipalityEditor])).post("utkast", use: draft)
    }

    func context(_ request: Request, retake: String? = nil, team: String? = nil) async throws
        -> (SelfTestWave, SelfTestFlow, SelfTestQuestionPages)
    {
        let wave = try await SelfTestWave.latest(for: request)
        let flow = SelfTestFlow(rules: wave.rules)
        let views = QuestionnaireViews(
            language: Language.of(request), instrument: wave.analysis.instrument, token: "",
            csrfField: CSRF.field(request), waveTitle: wave.wave.title)
        let pages = SelfTestQuestionPages(
            views: views, flow: flow, layout: PageLayout(title: "", request: request, path: Paths.selfTest),
            retakeToken: retake, teamCode: team)
        return (wave, flow, pages)
    }

    /// Pages with answers or a token: never cached, never sent as referrer, never indexed.
    static func html(_ body: String, status: HTTPResponseStatus = .ok) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .html
        headers.cacheControl = .init(noStore: true)
        headers.replaceOrAdd(name: "Referrer-Policy", value: "no-referrer")
        headers.replaceOrAdd(name: "X-Robots-Tag", value: "noindex")
        return Response(status: status, headers: headers, body: .init(string: body))
    }

    private func csv(_ body: String) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        headers.contentDisposition = .init(.attachment, filename: "innovasjonstesten.csv")
        headers.cacheControl = .init(noStore: true)
        return Response(status: .ok, headers: headers, body: .init(string: body))
    }

    @Sendable func start(request: Request) async throws -> Response {
        let (_, _, pages) = try await context(request)
        return Self.html(pages.start(answers: AnswerSet(), problems: []))
    }

    @Sendable func step(request: Request) async throws -> Response {
        let fields = try request.formFields()
        let retakeToken = fields.first("retake").flatMap { InvitationToken.isWellFormed($0) ? $0 : nil }
        let teamCode = fields.first("team").flatMap(TeamCode.normalized)
        let (wave, flow, pages) = try await context(request, retake: retakeToken, team: teamCode)
        let (answers, readProblems) = flow.read(fields.all)
        func entered(_ problems: [AnswerProblem]) -> [String: String] {
            Dictionary(problems.map { ($0.question, fields.first($0.question) ?? "") }, uniquingKeysWith: { a, _ in a })
        }
        let background = Set(SelfTestFlow.backgroundNames)
        let backgroundProblems =
            readProblems.filter { background.contains($0.question) }
            + flow.rules.missing(flow.backgroundQuestions, answers)
        let stepText = fields.first("step") ?? "0"
        let action = fields.first("action") ?? "next"
        guard backgroundProblems.isEmpty, let profile = flow.profile(answers) else {
            return Self.html(
                pages.start(answers: answers, problems: backgroundProblems, entered: entered(backgroundProblems)),
                status: .unprocessableEntity)
        }
        var shown = flow.pages(answers)
        if stepText == "0" {
            return Self.html(pages.page(shown[0], number: 1, count: shown.count, answers: answers, problems: []))
        }
        if stepText != "result" {
            guard let number = Int(stepText), number >= 1, number <= shown.count else { throw Abort(.badRequest) }
            let questions = Set(flow.rules.shownQuestions(shown[number - 1], answers).map(\.name))
            var problems = readProblems.filter { questions.contains($0.question) }
            if action != "back" {
                problems += flow.rules.missing(
                    flow.rules.shownQuestions(shown[number - 1], answers), answers)
            }
            if !problems.isEmpty {
                return Self.html(
                    pages.page(
                        shown[number - 1], number: number, count: shown.count, answers: answers, problems: problems,
                        entered: entered(problems)),
                    status: .unprocessableEntity)
            }
            if action == "back" {
                return Self.html(
                    number == 1
                        ? pages.start(answers: answers, problems: [])
                        : pages.page(
                            shown[number - 2], number: number - 1, count: shown.count, answers: answers, problems: []))
            }
            let current = shown[number - 1].name
            shown = flow.pages(answers)
            let next = (shown.firstIndex { $0.name == current } ?? number - 1) + 2
            if next <= shown.count {
                return Self.html(
                    pages.page(shown[next - 1], number: next, count: shown.count, answers: answers, problems: []))
            }
        }
        if let teamCode {
            // A team member's finished answers go to the session; the team's page shows them together.
            guard stepText != "result" else { throw Abort(.badRequest) }
            return try await SelfTestTeamController.finish(request, code: teamCode, answers: flow.completed(answers))
        }
        let scope =
            PeerScope(rawValue: fields.first("gruppe") ?? "")
            ?? (profile.municipalityNumber == nil ? .unitType : .similar)
        let compared = flow.completed(answers)
        let result = try wave.analysis.result(
            compared, profile: profile, scope: scope, waveTitle: wave.wave.title, synthetic: wave.wave.synthetic)
        switch action {
        case "csv":
            return csv(SelfTestCSV.render(result))
        case "keep":
            // What is kept: the compared answers and the background, so a retake starts from them.
            var kept = compared
            for name in SelfTestFlow.backgroundNames { kept[name] = answers[name] }
            let repository = SelfTestRepository(database: request.db)
            var token = retakeToken
            if let retakeToken {
                let replaced = try await repository.retake(
                    token: retakeToken, profile: profile, answers: kept, waveSlug: wave.wave.slug,
                    scope: scope.rawValue)
                if !replaced { token = nil }
            }
            let shownToken = token == nil
            if token == nil {
                token = try await repository.keep(
                    profile: profile, answers: kept, waveSlug: wave.wave.slug, scope: scope.rawValue)
            }
            return try await keptPage(request, token: token!, shownToken: shownToken, scope: scope)
        default:
            var page = SelfTestResultPage(
                result: result, mode: .fresh(answers: answers, retake: retakeToken), views: pages.views,
                layout: pages.layout)
            if case .editor = request.projectActor { page.mayDraftProject = true }
            page.readings = try await readings(request, result)
            return Self.html(page.render())
        }
    }

    /// The kept result by token: the latest answers against the latest wave, with the earlier take beside it.
    private func keptPage(_ request: Request, token: String, shownToken: Bool, scope: PeerScope?) async throws
        -> Response
    {
        guard let kept = try await SelfTestRepository(database: request.db).find(token: token) else {
            return Self.html(SelfTestGonePage(language: Language.of(request)).render(), status: .notFound)
        }
        let (wave, flow, pages) = try await context(request)
        let chosen = scope ?? PeerScope(rawValue: kept.scope) ?? .unitType
        let result = try wave.analysis.result(
            flow.completed(kept.answers), profile: kept.profile, scope: chosen, waveTitle: wave.wave.title,
            synthetic: wave.wave.synthetic)
        let previous = try kept.previous.map { previous in
            (
                month: previous.month,
                result: try wave.analysis.result(
                    flow.completed(previous.answers), profile: kept.profile, scope: chosen,
                    waveTitle: wave.wave.title, synthetic: wave.wave.synthetic)
            )
        }
        var page = SelfTestResultPage(
            result: result, mode: .kept(token: token, shownToken: shownToken), views: pages.views,
            layout: PageLayout(title: "", request: request, path: Paths.selfTest))
        page.previous = previous
        if previous != nil, let earlierWave = try await SelfTestWave.previous(for: request) {
            page.peersBefore = try earlierWave.analysis.result(
                flow.completed(kept.answers), profile: kept.profile, scope: chosen, waveTitle: earlierWave.wave.title,
                synthetic: earlierWave.wave.synthetic)
        }
        page.readings = try await readings(request, result)
        return Self.html(page.render())
    }

    /// Projects and research partners to read about each gap (the project bank's own search).
    private func readings(_ request: Request, _ result: SelfTestResult) async throws
        -> [String: SelfTestReadNext.Reading]
    {
        var readings: [String: SelfTestReadNext.Reading] = [:]
        let reader = SelfTestReadNext(database: request.db)
        for gap in result.gaps {
            readings[gap.question] = try await reader.reading(theme: gap.label.nb, profile: result.profile)
        }
        return readings
    }

    private func scope(_ request: Request) -> PeerScope? {
        request.query[String.self, at: "gruppe"].flatMap(PeerScope.init(rawValue:))
    }

    @Sendable func keptResult(request: Request) async throws -> Response {
        try await keptPage(
            request, token: request.parameters.get("token") ?? "", shownToken: false, scope: scope(request))
    }

    @Sendable func keptCSV(request: Request) async throws -> Response {
        let token = request.parameters.get("token") ?? ""
        guard let kept = try await SelfTestRepository(database: request.db).find(token: token) else {
            return Self.html(SelfTestGonePage(language: Language.of(request)).render(), status: .notFound)
        }
        let (wave, flow, _) = try await context(request)
        let result = try wave.analysis.result(
            flow.completed(kept.answers), profile: kept.profile,
            scope: scope(request) ?? PeerScope(rawValue: kept.scope) ?? .unitType, waveTitle: wave.wave.title,
            synthetic: wave.wave.synthetic)
        return csv(SelfTestCSV.render(result))
    }

    @Sendable func retake(request: Request) async throws -> Response {
        let token = request.parameters.get("token") ?? ""
        guard let kept = try await SelfTestRepository(database: request.db).find(token: token) else {
            return Self.html(SelfTestGonePage(language: Language.of(request)).render(), status: .notFound)
        }
        let (_, _, pages) = try await context(request, retake: token)
        var background = AnswerSet()
        for name in SelfTestFlow.backgroundNames { background[name] = kept.answers[name] }
        return Self.html(pages.start(answers: background, problems: []))
    }

    @Sendable func delete(request: Request) async throws -> Response {
        let deleted = try await SelfTestRepository(database: request.db).delete(
            token: request.parameters.get("token") ?? "")
        return Self.html(
            SelfTestGonePage(language: Language.of(request), deleted: deleted).render(),
            status: deleted ? .ok : .notFound)
    }

    /// One click from a fresh result: the "newest innovation" answers become a Prosjektbanken
    /// draft of the editor's municipality (not published), and the editor lands on its form.
    @Sendable func draft(request: Request) async throws -> Response {
        let fields = try request.formFields()
        guard let author = request.projectAuthor, case .editor(let municipality) = author.actor else {
            throw WebError(.forbidden, nb: "Bare for kommuneredaktører.", en: "Municipality editors only.")
        }
        let (_, flow, _) = try await context(request)
        let (answers, problems) = flow.read(fields.all)
        let completed = flow.completed(answers)
        guard problems.isEmpty, let profile = flow.profile(answers), SelfTestProjectDraft.hasNewestInnovation(completed)
        else {
            throw WebError(
                .unprocessableEntity, nb: "Svarene beskriver ingen nyeste innovasjon å lage utkast av.",
                en: "The answers describe no newest innovation to draft."
            )
        }
        let document = SelfTestProjectDraft.document(
            completed, sector: profile.sector, unitType: profile.unitType, owner: municipality,
            month: SelfTestRepository.month(of: Date()))
        let record = try await ProjectRepository(database: request.db).create(document, by: author)
        return request.redirect(to: Paths.projectEdit(slug: record.slug), redirectType: .normal)
    }
}
