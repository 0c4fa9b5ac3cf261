import FornyeBarometer
import FornyeStorage
import Foundation
import Vapor

/// The web questionnaire at `/svar/:token`: intro, one page per section, review, submit.
///
/// Nothing here stores a time, address or token with a response; submissions go through the
/// app's `SubmissionWriter` (group commit) and are acknowledged only after their transaction commits.
struct QuestionnaireController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let answer = routes.grouped("svar", ":token")
        answer.get(use: intro)
        answer.get("side", ":page", use: showPage)
        answer.post("side", ":page", use: postPage)
        answer.get("oversikt", use: review)
        answer.post("send", use: send)
    }

    /// An invitation that may be answered now, with what the pages need.
    struct Context {
        var link: InvitationLink
        var invitationID: UUID
        var instrument: Instrument
        var rules: QuestionnaireRules
        var views: QuestionnaireViews
        var answers: AnswerSet
        /// The page the draft was saved on (a section's name or `DraftAnswers.reviewPage`).
        var savedPage: String?
    }

    enum Resolution {
        case ready(Context)
        case problem(LinkProblemPage, HTTPResponseStatus)
    }

    private func resolve(_ request: Request, allowUsed: Bool = false, loadDraft: Bool = true) async throws
        -> Resolution
    {
        let token = request.parameters.get("token") ?? ""
        let repository = CollectionRepository(database: request.db)
        guard InvitationToken.isWellFormed(token),
            let link = try await repository.link(tokenHash: InvitationToken.hash(token)),
            let key = link.instrumentVersion, let instrument = try CollectionInstruments.instrument(key: key)
        else { return .problem(LinkProblemPage(kind: .unknown, language: Language.of(request)), .notFound) }
        func problem(_ kind: LinkProblemPage.Kind) -> Resolution {
            .problem(
                LinkProblemPage(
                    kind: kind, language: Language.of(request), contact: link.contactEmail,
                    path: Paths.answer(token: token)),
                .gone)
        }
        if link.retired { return problem(.replaced) }
        if link.used && !allowUsed { return problem(.used) }
        guard link.waveStatus == .open else { return problem(.closed) }
        let invitationID = link.invitationID
        let date = link.structureDate.flatMap(CalendarDay.init) ?? CalendarDay(Date())
        let rules = QuestionnaireRules(
            instrument: instrument, register: try? MunicipalityRegister.bundled(), date: date,
            given: link.frameAnswers(in: instrument))
        let views = QuestionnaireViews(
            language: Language.of(request), instrument: instrument, token: token, csrfField: CSRF.field(request),
            waveTitle: link.waveTitle)
        // Sending reads every answer from the form; the draft is not needed then.
        let draft = loadDraft ? try await repository.savedDraft(invitationID: invitationID) : nil
        return .ready(
            Context(
                link: link, invitationID: invitationID, instrument: instrument, rules: rules, views: views,
                answers: rules.withGiven(draft?.answers ?? AnswerSet()), savedPage: draft?.page))
    }

    private func problemPage(_ page: LinkProblemPage, _ status: HTTPResponseStatus) -> Response {
        htmlResponse(page.render(), status: status)
    }

    private func htmlResponse(_ html: String, status: HTTPResponseStatus = .ok) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .html
        // Personal pages: never cached, never sent as referrer (the token is in the address).
        headers.cacheControl = .init(noStore: true)
        headers.replaceOrAdd(name: "Referrer-Policy", value: "no-referrer")
        return Response(status: status, headers: headers, body: .init(string: html))
    }

    @Sendable func intro(request: Request) async throws -> Response {
        switch try await resolve(request) {
        case .problem(let page, let status): return problemPage(page, status)
        case .ready(let context):
            return htmlResponse(
                context.views.intro(
                    resume: resumePage(context),
                    privacy: PrivacyNotice(link: context.link, instrument: context.instrument)))
        }
    }

    /// The page number "Continue where you left off" opens: the page the draft was saved on (past
    /// the last one for the review, which `showPage` redirects to); the last page reached for a
    /// draft saved without one; nil when nothing was answered yet.
    private func resumePage(_ context: Context) -> Int? {
        let pages = context.rules.pages(context.answers)
        guard let saved = context.savedPage else {
            return context.answers == context.rules.given ? nil : max(1, pages.count)
        }
        if saved == DraftAnswers.reviewPage { return pages.count + 1 }
        // A page that routing has since left out: the last one still asked.
        return pages.firstIndex { $0.name == saved }.map { $0 + 1 } ?? max(1, pages.count)
    }

    @Sendable func showPage(request: Request) async throws -> Response {
        switch try await resolve(request) {
        case .problem(let page, let status): return problemPage(page, status)
        case .ready(let context):
            let pages = context.rules.pages(context.answers)
            guard let number = request.parameters.get("page", as: Int.self), number >= 1 else {
                throw Abort(.notFound)
            }
            if number > pages.count {
                return request.redirect(to: "\(context.views.base)/oversikt\(context.views.langQuery)")
            }
            return htmlResponse(
                render(context, pages: pages, number: number, answers: context.answers, problems: []))
        }
    }

    private func render(
        _ context: Context, pages: [Section], number: Int, answers: AnswerSet, problems: [AnswerProblem],
        fields: FormFields? = nil
    ) -> String {
        let section = pages[number - 1]
        // Refused typed answers are shown again so the respondent can correct them.
        var entered: [String: String] = [:]
        for problem in problems { entered[problem.question] = fields?.first(problem.question) }
        return context.views.page(
            section: section, questions: context.rules.shownQuestions(section, answers), answers: answers,
            problems: problems, number: number, isLast: number == pages.count,
            progress: context.rules.progress(of: section), entered: entered)
    }

    @Sendable func postPage(request: Request) async throws -> Response {
        switch try await resolve(request) {
        case .problem(let page, let status): return problemPage(page, status)
        case .ready(let context):
            var pages = context.rules.pages(context.answers)
            guard let number = request.parameters.get("page", as: Int.self), number >= 1, number <= pages.count else {
                throw Abort(.notFound)
            }
            let fields = try request.formFields()
            let action = fields.first("action") ?? "next"
            let questions = context.rules.shownQuestions(pages[number - 1], context.answers)
            var answers = context.answers
            var problems = context.rules.read(fields.all, questions: questions, into: &answers)
            answers = context.rules.noneChosenWhereEmpty(questions, answers)
            if action == "next" { problems += context.rules.missing(questions, answers) }
            // The page this post leads to, kept with the draft for "Continue where you left off".
            let current = pages[number - 1].name
            var next = number
            var leadsTo = current
            if problems.isEmpty && action == "back" && number > 1 {
                leadsTo = pages[number - 2].name
            } else if problems.isEmpty && action != "save" && action != "back" {
                pages = context.rules.pages(answers)
                next = (pages.firstIndex { $0.name == current } ?? number - 1) + 2
                leadsTo = next <= pages.count ? pages[next - 1].name : DraftAnswers.reviewPage
            }
            let repository = CollectionRepository(database: request.db)
            guard
                try await repository.saveDraft(invitationID: context.invitationID, answers: answers, page: leadsTo)
            else {
                return problemPage(
                    LinkProblemPage(
                        kind: .used, language: Language.of(request), contact: context.link.contactEmail,
                        path: context.views.base),
                    .gone)
            }
            if !problems.isEmpty {
                // Answers that fit are kept; the page is shown again with every problem at its question.
                return htmlResponse(
                    render(
                        context, pages: pages, number: number, answers: answers, problems: problems, fields: fields),
                    status: .unprocessableEntity)
            }
            let base = context.views.base
            let lang = context.views.langQuery
            switch action {
            case "save":
                return htmlResponse(context.views.saved())
            case "back":
                return request.redirect(to: number > 1 ? "\(base)/side/\(number - 1)\(lang)" : "\(base)\(lang)")
            default:
                return request.redirect(
                    to: next <= pages.count ? "\(base)/side/\(next)\(lang)" : "\(base)/oversikt\(lang)")
            }
        }
    }

    @Sendable func review(request: Request) async throws -> Response {
        switch try await resolve(request) {
        case .problem(let page, let status): return problemPage(page, status)
        case .ready(let context):
            let answers = context.rules.completedForReview(context.answers)
            let pages = context.rules.pages(answers).map { ($0, context.rules.shownQuestions($0, answers)) }
            return htmlResponse(
                context.views.review(
                    pages: pages, answers: answers, problems: context.rules.problems(answers),
                    submissionKey: UUID().uuidString))
        }
    }

    @Sendable func send(request: Request) async throws -> Response {
        switch try await resolve(request, allowUsed: true, loadDraft: false) {
        case .problem(let page, let status): return problemPage(page, status)
        case .ready(let context):
            let fields = try request.formFields()
            guard let key = fields.first("submission_key"), !key.isEmpty, key.count <= 64 else {
                throw WebError(
                    .badRequest, nb: "Skjemaet mangler innsendingsnøkkel. Gå tilbake til oversikten og send på nytt.",
                    en: "The form has no submission key. Go back to the summary and send again.")
            }
            let (answers, readProblems) = context.rules.readAll(fields.all)
            let problems = readProblems + context.rules.missing(context.instrument.questions, answers)
            if !problems.isEmpty {
                let pages = context.rules.pages(answers).map { ($0, context.rules.shownQuestions($0, answers)) }
                return htmlResponse(
                    context.views.review(pages: pages, answers: answers, problems: problems, submissionKey: key),
                    status: .unprocessableEntity)
            }
            let submission = try PreparedSubmission(
                invitationID: context.invitationID, submissionKey: key, answers: answers,
                instrument: context.instrument, background: try context.link.storedBackground())
            // Group commit: answered only after the transaction holding this submission commits.
            let outcome = try await request.application.submissionWriter.submit(submission)
            switch outcome {
            case .accepted: return htmlResponse(context.views.thanks(again: false))
            case .alreadyReceived: return htmlResponse(context.views.thanks(again: true))
            case .refused:
                // Used by another submission, or the wave closed meanwhile.
                let now = try await CollectionRepository(database: request.db)
                    .link(tokenHash: InvitationToken.hash(context.views.token))
                let kind: LinkProblemPage.Kind =
                    now?.used == true ? .used : now?.retired == true ? .replaced : .closed
                return problemPage(
                    LinkProblemPage(
                        kind: kind, language: Language.of(request), contact: context.link.contactEmail,
                        path: context.views.base),
                    .gone)
            }
        }
    }
}
