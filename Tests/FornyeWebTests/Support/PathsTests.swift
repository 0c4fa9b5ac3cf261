import FornyeStorage
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import FornyeWeb

/// `Paths` and route registration agree: every path `Paths` makes is a registered route (for
/// the method it is used with), and every registered route is made by some `Paths` function.
@Suite struct PathsTests {
    static let id = UUID(uuidString: "6F9619FF-8B86-D011-B42D-00CF4FC964FF")!

    /// Every path with the method pages, forms and redirects use it with.
    static let all: [(HTTPMethod, String)] = {
        let slug = "en-slug"
        let get: [String] = [
            Paths.home, Paths.method, Paths.accessibility, Paths.privacy, Paths.styleSheet,
            Paths.similarProjectsScript, Paths.health, Paths.metrics, Paths.login, Paths.password, Paths.signInCode,
            Paths.secondFactor, Paths.adminUsers, Paths.oidcCallback(provider: "p"), Paths.adminIdentities,
            Paths.adminUser(id: id), Paths.auditLog, Paths.barometer, Paths.barometerWave(slug: slug),
            Paths.barometerFigure(wave: slug, file: "fig-4-1.csv"), Paths.projects, Paths.newProject, Paths.reuseMap,
            Paths.projectsCSV, Paths.projectsExcelCSV, Paths.projectsJSON, Paths.researchPartners,
            Paths.project(slug: slug),
            Paths.projectEdit(slug: slug), Paths.projectHistory(slug: slug), Paths.projectReuse(slug: slug),
            Paths.projectReused(slug: slug),
            Paths.projectAttachment(slug: slug, id: "a"), Paths.institutions, Paths.newInstitution,
            Paths.institution(slug: slug), Paths.searchSynonyms, Paths.waves, Paths.newWave, Paths.wave(slug: slug),
            Paths.waveLinks(slug: slug), Paths.waveLinksCSV(slug: slug), Paths.waveReplaceLinks(slug: slug),
            Paths.waveNonRespondents(slug: slug), Paths.waveExport(slug: slug, format: "csv"),
            Paths.waveImport(slug: slug), Paths.waveImportJob(slug: slug, job: "j"),
            Paths.waveImportUpload(slug: slug, upload: "u"), Paths.waveImportMappingYAML(slug: slug, upload: "u"),
            Paths.answer(token: "t"), Paths.answerPage(token: "t", page: 2), Paths.answerReview(token: "t"),
            Paths.openAPI, Paths.apiWaves, Paths.apiWave(slug: slug), Paths.apiFigures(wave: slug),
            Paths.apiFigure(wave: slug, figure: "fig-4-1"), Paths.apiEstimates(wave: slug), Paths.apiProjects,
            Paths.apiProject(slug: slug), Paths.evaluation, Paths.evaluationCSV, Paths.apiEvaluations,
            Paths.municipalities, Paths.municipalitiesCountiesCSV, Paths.municipalitiesMap,
            Paths.municipality(number: "0301"), Paths.municipalityCSV(number: "0301"),
            Paths.municipalityFigure(number: "0301", indicator: "H1"),
            Paths.apiMunicipality(number: "0301"), Paths.selfTest, Paths.selfTestResult(token: "t"),
            Paths.selfTestCSV(token: "t"), Paths.selfTestRetake(token: "t"), Paths.selfTestTeams,
            Paths.selfTestTeam(code: "ACDEFH"), Paths.selfTestFacilitator(token: "t"),
            Paths.programme, Paths.programmeExport(format: "csv"), Paths.programmeImport,
            Paths.programmeImportUpload(id: "u"), Paths.programmeLine(id: id), Paths.programmeLineDelete(id: id),
            Paths.programmeCases,
        ]
        let post: [String] = [
            Paths.login, Paths.logout, Paths.password, Paths.signInCode, Paths.secondFactorStart,
            Paths.oidcStart(provider: "p"), Paths.adminIdentityApprove(id: id), Paths.adminIdentityReject(id: id),
            Paths.secondFactorConfirm, Paths.secondFactorNewCodes, Paths.secondFactorOff, Paths.adminUsers,
            Paths.adminUserRole(id: id),
            Paths.adminUserPassword(id: id), Paths.adminUserStatus(id: id), Paths.projects, Paths.project(slug: slug),
            Paths.projectStatus(slug: slug), Paths.projectSimilar(slug: slug), Paths.newProjectSimilar,
            Paths.projectReused(slug: slug), Paths.projectConfirmContacts(slug: slug),
            Paths.projectAttachments(slug: slug),
            Paths.projectAttachmentRemove(slug: slug, id: "a"),
            Paths.institutions, Paths.institution(slug: slug), Paths.searchSynonyms,
            Paths.searchSynonymRemove(id: id), Paths.newWave, Paths.waveStatus(slug: slug),
            Paths.waveInvitations(slug: slug), Paths.waveReplaceLinks(slug: slug), Paths.waveImport(slug: slug),
            Paths.waveImportMapping(slug: slug, upload: "u"), Paths.waveImportConfirm(slug: slug, upload: "u"),
            Paths.waveImportCancel(slug: slug, upload: "u"), Paths.answerPage(token: "t", page: 2),
            Paths.answerSend(token: "t"), Paths.apiEstimates(wave: slug), Paths.selfTest,
            Paths.selfTestDelete(token: "t"), Paths.selfTestDraft, Paths.selfTestTeams, Paths.selfTestTeamJoin,
            Paths.selfTestFacilitatorDelete(token: "t"),
            Paths.answerSend(token: "t"), Paths.apiEstimates(wave: slug), Paths.programmeImport,
            Paths.programmeImportConfirm(id: "u"), Paths.programmeLine(id: id), Paths.programmeLineDelete(id: id),
        ]
        return get.map { (.GET, $0) } + post.map { (.POST, $0) }
    }()

    /// The registered route `path` matches (constants before parameters, as Vapor's router
    /// picks), as `METHOD /a/:/b` with every parameter written `:`.
    static func route(_ method: HTTPMethod, _ path: String, in routes: [Route]) -> String? {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true)
            .map { String($0).removingPercentEncoding ?? String($0) }
        let candidates = routes.filter { $0.method == method && $0.path.count == segments.count }
            .filter { route in
                zip(route.path, segments).allSatisfy { component, segment in
                    switch component {
                    case .constant(let constant): constant == segment
                    case .parameter: true
                    default: false
                    }
                }
            }
        // The most constant segments wins (`/prosjekter/ny` over `/prosjekter/:slug`).
        let best = candidates.max { a, b in
            a.path.filter(\.isConstant).count < b.path.filter(\.isConstant).count
        }
        return best.map(key)
    }

    static func key(_ route: Route) -> String {
        "\(route.method.rawValue) /"
            + route.path.map { component in
                if case .constant(let constant) = component { return constant }
                return ":"
            }.joined(separator: "/")
    }

    @Test func everyPathIsARegisteredRouteAndEveryRouteHasAPath() async throws {
        try await withTestApp(seedDemoContent: false) { app in
            let routes = app.routes.all
            var made = Set<String>()
            for (method, path) in Self.all {
                let route = Self.route(method, path, in: routes)
                #expect(route != nil, "\(method.rawValue) \(path) is not routed")
                if let route { made.insert(route) }
            }
            let registered = Set(routes.map(Self.key))
            #expect(registered.subtracting(made).sorted() == [], "routes no Paths function makes")
        }
    }

    /// A GET of every public path is answered by its handler: the router knows it, so a 404 can
    /// only be the handler's "no such …" (which says so), never the router's.
    @Test func everyPublicPagePathIsAnswered() async throws {
        try await withTestApp(seedDemoContent: true) { app in
            let fixed = [
                Paths.home, Paths.method, Paths.accessibility, Paths.privacy, Paths.styleSheet,
                Paths.similarProjectsScript, Paths.login, Paths.barometer, Paths.projects, Paths.reuseMap,
                Paths.projectsCSV, Paths.projectsExcelCSV, Paths.projectsJSON, Paths.researchPartners, Paths.openAPI,
                Paths.apiWaves, Paths.apiProjects, Paths.evaluation, Paths.evaluationCSV, Paths.apiEvaluations,
                Paths.municipalities, Paths.municipalitiesCountiesCSV, Paths.municipalitiesMap,
                Paths.municipality(number: "0301"), Paths.municipalityCSV(number: "0301"),
                Paths.municipalityFigure(number: "0301", indicator: "H1"), Paths.apiMunicipality(number: "0301"),
                Paths.selfTest, Paths.selfTestTeams,
            ]
            for path in fixed {
                let response = try await app.get(path)
                #expect(response.status == .ok, "GET \(path) answered \(response.status)")
            }
            let wave = DemoContent.baselineSlug
            for path in [
                Paths.barometerWave(slug: wave), Paths.barometerFigure(wave: wave, file: "fig-4-1.csv"),
                Paths.apiWave(slug: wave), Paths.apiFigures(wave: wave), Paths.apiFigure(wave: wave, figure: "fig-4-1"),
            ] {
                let response = try await app.get(path)
                #expect(response.status == .ok, "GET \(path) answered \(response.status)")
            }
        }
    }

    @Test func segmentsArePercentEncoded() {
        #expect(Paths.project(slug: "vann-og-avløp") == "/prosjekter/vann-og-avl%C3%B8p")
        #expect(Paths.project(slug: "a/b?c#d e") == "/prosjekter/a%2Fb%3Fc%23d%20e")
        #expect(Paths.wave(slug: "2018-syntetisk") == "/analyse/innsamling/2018-syntetisk")
        #expect(Paths.answerPage(token: "Ab_9-x.~", page: 3) == "/svar/Ab_9-x.~/side/3")
        #expect(Paths.adminUser(id: Self.id) == "/admin/brukere/6F9619FF-8B86-D011-B42D-00CF4FC964FF")
    }

    /// A form over the parser's field limit is refused with 413 before any handler reads it.
    @Test func aFormWithTooManyFieldsIsRefused() async throws {
        try await withTestApp(seedDemoContent: false) { app in
            var headers = try await publicHeaders(app)
            headers.contentType = .urlEncodedForm
            let body =
                "_csrf=\(headers.csrfToken)&"
                + (0..<FormFields.maxFields).map { "f\($0)=x" }.joined(separator: "&")
            let response = try await app.testing().sendRequest(
                .POST, Paths.login, headers: headers, body: ByteBuffer(string: body))
            #expect(response.status == .payloadTooLarge)
            #expect(response.body.string.contains("for mange felt"))
        }
    }
}

extension PathComponent {
    fileprivate var isConstant: Bool {
        if case .constant = self { return true }
        return false
    }
}
