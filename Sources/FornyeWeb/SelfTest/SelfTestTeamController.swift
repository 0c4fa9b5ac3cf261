import FornyeBarometer
import FornyeStorage
import Foundation
import Vapor

/// Innovasjonstesten's team mode (issue 16): a facilitator opens a session and gets a code;
/// members join with the code and answer the same questionnaire (`SelfTestController.step`
/// carries the code and hands the finished answers to `finish`); the team's page shows results
/// from five members on. Lookups of a code that finds nothing are rate-limited per client address
/// (in memory only, like sign-in), so codes cannot be guessed. Storage is `SelfTestTeamRepository`,
/// the comparison `SelfTestAnalysis.teamResult`; this controller only routes.
struct SelfTestTeamController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let teams = routes.grouped("innovasjonstesten", "gruppe")
        teams.get(use: entry)
        teams.post(use: open)
        teams.post("bli-med", use: join)
        teams.get(":code", use: team)
        let facilitator = routes.grouped("innovasjonstesten", "gruppeleder", ":token")
        facilitator.get(use: facilitatorPage)
        facilitator.post("slett", use: delete)
    }

    private static func pages(_ request: Request) async throws -> (SelfTestWave, SelfTestTeamPages) {
        let (wave, _, questions) = try await SelfTestController().context(request)
        return (wave, SelfTestTeamPages(questions: questions))
    }

    /// Counts a lookup that found nothing against the client's address (in the database, so every
    /// instance counts against one limit): generous for typos, far too few to guess 148 million
    /// codes. The seconds to wait when the limit is reached.
    private static func limited(_ request: Request) async throws -> Int? {
        let verdict = try await LoginAttemptRepository(database: request.db).attempt(
            from: "team-code " + request.clientAddress, limit: 20, window: LoginRateLimit.window)
        if case .limited(let retryAfter) = verdict { return retryAfter }
        return nil
    }

    private static func tooMany(_ pages: SelfTestTeamPages, retryAfter: Int) -> Response {
        let minutes = (retryAfter + 59) / 60
        let response = SelfTestController.html(
            pages.entry(
                joinProblem: pages.pick(
                    "For mange ukjente koder fra denne adressen. Prøv igjen om \(minutes) minutter.",
                    "Too many unknown codes from this address. Try again in \(minutes) minutes.")),
            status: .tooManyRequests)
        response.headers.replaceOrAdd(name: .retryAfter, value: String(retryAfter))
        return response
    }

    @Sendable func entry(request: Request) async throws -> Response {
        let (_, pages) = try await Self.pages(request)
        return SelfTestController.html(pages.entry())
    }

    @Sendable func open(request: Request) async throws -> Response {
        let fields = try request.formFields()
        let (_, pages) = try await Self.pages(request)
        let flow = pages.questions.flow
        let (answers, readProblems) = flow.read(fields.all)
        let background = Set(SelfTestFlow.backgroundNames)
        let problems =
            readProblems.filter { background.contains($0.question) }
            + flow.rules.missing(flow.backgroundQuestions, answers)
        guard problems.isEmpty, let profile = flow.profile(answers) else {
            let entered = Dictionary(
                problems.map { ($0.question, fields.first($0.question) ?? "") }, uniquingKeysWith: { a, _ in a })
            return SelfTestController.html(
                pages.entry(answers: answers, problems: problems, entered: entered), status: .unprocessableEntity)
        }
        var kept = AnswerSet()
        for name in SelfTestFlow.backgroundNames { kept[name] = answers[name] }
        let scope: PeerScope = profile.municipalityNumber == nil ? .unitType : .similar
        let (code, token) = try await SelfTestTeamRepository(database: request.db).open(
            profile: profile, background: kept, scope: scope.rawValue)
        return SelfTestController.html(pages.facilitator(code: code, token: token, members: 0, shownToken: true))
    }

    /// A member joins: the first question page, with the team's background and code carried.
    @Sendable func join(request: Request) async throws -> Response {
        let fields = try request.formFields()
        let typed = fields.first("kode") ?? ""
        let (wave, pages) = try await Self.pages(request)
        let repository = SelfTestTeamRepository(database: request.db)
        guard let code = TeamCode.normalized(typed), let team = try await repository.find(code: code) else {
            if let retryAfter = try await Self.limited(request) { return Self.tooMany(pages, retryAfter: retryAfter) }
            let problem =
                typed.trimmingCharacters(in: .whitespaces).isEmpty
                ? pages.pick("Skriv inn koden fra gruppelederen.", "Type the code from the facilitator.")
                : pages.pick(
                    "Ingen gruppeøkt har denne koden. Sjekk koden med gruppelederen: seks tegn, uten O, I, L, B, S eller Z.",
                    "No team session has this code. Check the code with the facilitator: six characters, without O, I, L, B, S or Z."
                )
            return SelfTestController.html(
                pages.entry(joinProblem: problem, typedCode: String(typed.prefix(32))), status: .unprocessableEntity)
        }
        var questions = pages.questions
        questions.teamCode = team.code
        let shown = questions.flow.pages(team.background)
        guard let first = shown.first else { throw Abort(.internalServerError, reason: "the self-test has no pages") }
        _ = wave
        return SelfTestController.html(
            questions.page(first, number: 1, count: shown.count, answers: team.background, problems: []))
    }

    /// Stores a member's finished answers in the session and sends them to the team's page.
    static func finish(_ request: Request, code: String, answers: AnswerSet) async throws -> Response {
        switch try await SelfTestTeamRepository(database: request.db).join(code: code, answers: answers) {
        case .added:
            return request.redirect(
                to: Paths.selfTestTeam(code: code) + Language.of(request).pick("", "?lang=en"), redirectType: .normal)
        case .unknownCode, .full:
            let (_, pages) = try await Self.pages(request)
            return SelfTestController.html(pages.gone(), status: .notFound)
        }
    }

    @Sendable func team(request: Request) async throws -> Response {
        let (wave, pages) = try await Self.pages(request)
        guard let code = TeamCode.normalized(request.parameters.get("code") ?? ""),
            let team = try await SelfTestTeamRepository(database: request.db).find(code: code)
        else {
            if let retryAfter = try await Self.limited(request) { return Self.tooMany(pages, retryAfter: retryAfter) }
            return SelfTestController.html(pages.gone(), status: .notFound)
        }
        let result = try wave.analysis.teamResult(
            team.members.map(pages.questions.flow.completed), profile: team.profile,
            scope: PeerScope(rawValue: team.scope) ?? .unitType, waveTitle: wave.wave.title,
            synthetic: wave.wave.synthetic)
        return SelfTestController.html(
            SelfTestTeamResultPage(
                code: team.code, memberCount: team.members.count, result: result, synthetic: wave.wave.synthetic,
                pages: pages
            ).render())
    }

    @Sendable func facilitatorPage(request: Request) async throws -> Response {
        let (_, pages) = try await Self.pages(request)
        let token = request.parameters.get("token") ?? ""
        let repository = SelfTestTeamRepository(database: request.db)
        guard let code = try await repository.code(token: token), let team = try await repository.find(code: code)
        else {
            return SelfTestController.html(pages.gone(), status: .notFound)
        }
        return SelfTestController.html(
            pages.facilitator(code: code, token: token, members: team.members.count, shownToken: false))
    }

    @Sendable func delete(request: Request) async throws -> Response {
        let (_, pages) = try await Self.pages(request)
        let deleted = try await SelfTestTeamRepository(database: request.db).delete(
            token: request.parameters.get("token") ?? "")
        return SelfTestController.html(pages.gone(deleted: deleted), status: deleted ? .ok : .notFound)
    }
}
