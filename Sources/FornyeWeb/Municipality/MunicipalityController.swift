import FornyeBarometer
import FornyeReport
import FornyeStorage
import Vapor

/// The municipality profiles (`/kommuner/:nummer`), the county map and list (`/kommuner`),
/// their numbers as CSV, and the profile as JSON (`/api/v1/municipalities/:nummer`).
struct MunicipalityController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let municipalities = routes.grouped("kommuner")
        municipalities.get(use: list)
        municipalities.get("fylker.csv", use: countiesCSV)
        municipalities.get("kart.svg", use: countyMapSVG)
        municipalities.get(":nummer", use: profile)
        municipalities.get(":nummer", "tall.csv", use: profileCSV)
        municipalities.get(":nummer", "figur", ":file", use: profileFigure)
    }

    /// The county map as a standalone SVG file, for the same indicator and wave as the page.
    @Sendable func countyMapSVG(request: Request) async throws -> Response {
        let view = try await MunicipalityQueries.countyView(request)
        let language = Language.of(request)
        var names: [String: String] = [:]
        for municipality in view.municipalities { names[municipality.countyNumber] = municipality.countyName }
        let title =
            language.pick(view.indicator.indicator.name, view.indicator.nameEnglish)
            + language.pick(" etter fylke", " by county") + (view.wave.map { " (\($0.shortTitle))" } ?? "")
        let synthetic = view.wave?.synthetic == true
        let svg = CountyTileMap.standaloneSVG(
            estimates: view.wave?.indicators[view.indicator.id]?.counties ?? [:], names: names, title: title,
            synthetic: synthetic, language: language)
        let name =
            "fylker-\(view.indicator.id)" + (view.wave.map { "-\($0.slug)" } ?? "") + (synthetic ? "-SYNTETISK" : "")
        return Self.svgResponse(svg, name: name)
    }

    /// One chart of a profile (`H1.svg`) as a standalone SVG file; its numbers are in `tall.csv`.
    @Sendable func profileFigure(request: Request) async throws -> Response {
        let number = try request.parameters.require("nummer")
        let file = try request.parameters.require("file")
        guard file.hasSuffix(".svg"), let indicator = ProfileIndicator.named(String(file.dropLast(4))) else {
            throw WebError(
                .notFound,
                nb:
                    "Figurene heter \(ProfileIndicator.all.map { $0.id + ".svg" }.joined(separator: ", ")), ikke «\(file)».",
                en:
                    "The charts are \(ProfileIndicator.all.map { $0.id + ".svg" }.joined(separator: ", ")), not “\(file)”.",
                parameter: "file")
        }
        if let moved = try MunicipalityQueries.current(number, request: request) {
            return request.redirect(
                to: Paths.municipalityFigure(number: moved, indicator: indicator.id)
                    + (request.url.query.map { "?" + $0 } ?? ""),
                redirectType: .permanent)
        }
        let profile = try await MunicipalityQueries.profile(number, request: request).profile
        guard let series = profile.series.first(where: { $0.indicator.id == indicator.id }) else {
            throw WebError(
                .notFound, nb: "Ingen bølge har tall for \(indicator.id).",
                en: "No wave has numbers for \(indicator.id).",
                parameter: "file")
        }
        let synthetic = profile.waves.contains(where: \.synthetic)
        let svg = ProfileChart.svg(
            series: series, waves: profile.waves, municipality: profile.municipality.name,
            id: "ind-\(indicator.id)", language: Language.of(request), standalone: true)
        return Self.svgResponse(svg, name: "kommune-\(number)-\(indicator.id)" + (synthetic ? "-SYNTETISK" : ""))
    }

    static func svgResponse(_ svg: String, name: String) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "image", subType: "svg+xml", parameters: ["charset": "utf-8"])
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(name).svg\"")
        return Response(status: .ok, headers: headers, body: .init(string: svg))
    }

    @Sendable func list(request: Request) async throws -> Response {
        try await CachedResponse.respond(request, .html) {
            let view = try await MunicipalityQueries.countyView(request)
            return try await HTMLPage(
                MunicipalityListPage(language: Language.of(request), view: view, viewer: PageViewer(request)).render()
            )
            .encodeResponse(for: request)
        }
    }

    @Sendable func countiesCSV(request: Request) async throws -> Response {
        let view = try await MunicipalityQueries.countyView(request)
        return MunicipalityCSV.response(MunicipalityCSV.counties(view), name: "fylker-\(view.indicator.id)")
    }

    @Sendable func profile(request: Request) async throws -> Response {
        let number = try request.parameters.require("nummer")
        if let moved = try MunicipalityQueries.current(number, request: request) {
            return request.redirect(
                to: Paths.municipality(number: moved) + (request.url.query.map { "?" + $0 } ?? ""),
                redirectType: .permanent)
        }
        // Not a cached response: the project bank part changes with every save and reuse report;
        // the survey numbers come from `MunicipalityStore`, computed once per data version.
        let profile = try await MunicipalityQueries.profile(number, request: request)
        let bank = try await MunicipalityQueries.projectBank(number, request: request)
        let section = ProfileProjectSection(
            language: Language.of(request), municipality: profile.profile.municipality, activity: bank.activity,
            programme: bank.programme)
        let page = MunicipalityProfilePage(
            language: Language.of(request), profile: profile, viewer: PageViewer(request), projects: section)
        return try await HTMLPage(page.render()).encodeResponse(for: request)
    }

    @Sendable func profileCSV(request: Request) async throws -> Response {
        let number = try request.parameters.require("nummer")
        let profile = try await MunicipalityQueries.profile(number, request: request)
        let bank = try await MunicipalityQueries.projectBank(number, request: request)
        return MunicipalityCSV.response(
            MunicipalityCSV.profile(
                profile,
                projectBank: ProfileProjectBankJSON(
                    activity: bank.activity, programme: bank.programme)),
            name: "kommune-\(number)")
    }
}

/// The JSON twin of the profile.
struct MunicipalityAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.grouped("api", "v1", "municipalities").get(":nummer", use: profile)
    }

    /// Not a cached response, like the page: the project bank part changes with every save.
    @Sendable func profile(request: Request) async throws -> Response {
        let number = try request.parameters.require("nummer")
        let profile = try await MunicipalityQueries.profile(number, request: request)
        let bank = try await MunicipalityQueries.projectBank(number, request: request)
        return try await MunicipalityJSON(
            profile.profile, skipped: profile.skipped,
            projectBank: ProfileProjectBankJSON(activity: bank.activity, programme: bank.programme)
        ).encodeResponse(for: request)
    }
}

/// What the handlers share: reading the query and assembling a profile from the store.
enum MunicipalityQueries {
    struct Profile: Sendable {
        var profile: MunicipalityProfile
        var skipped: [String: String]
        /// The query string that reproduces the peer choice (for links and forms).
        var peerQuery: String
    }

    struct CountyView: Sendable {
        var indicator: ProfileIndicator
        var wave: MunicipalityWaveEstimates?
        var waves: [MunicipalityWaveEstimates]
        var municipalities: [Municipality]
    }

    /// A number that is no longer valid but has one successor: where its profile now lives.
    static func current(_ number: String, request: Request) throws -> String? {
        let register = request.application.municipalityStore.register
        let structure = MunicipalityWaveEstimates.structure
        if (try? register.municipality(number: number, on: structure)) != nil { return nil }
        for year in [2018, 2020] {
            if let successors = try? register.successors(number: number, from: .newYear(year), to: structure),
                successors.count == 1
            {
                return successors[0]
            }
        }
        throw unknown(number)
    }

    static func unknown(_ number: String) -> WebError {
        WebError(
            .notFound, nb: "Kommunenummeret «\(number)» finnes ikke i kommuneregisteret.",
            en: "The municipality number “\(number)” is not in the municipality register.", parameter: "nummer")
    }

    static func profile(_ number: String, request: Request) async throws -> Profile {
        let store = request.application.municipalityStore
        guard (try? store.register.municipality(number: number, on: MunicipalityWaveEstimates.structure)) != nil
        else { throw unknown(number) }
        let fields = try FormFields(body: request.url.query ?? "")
        let features = fields.all("trekk")
        guard let group = PeerGroup.parse(group: fields.first("gruppe"), features: features) else {
            throw WebError(
                .badRequest,
                nb: "Sammenligningsgruppen må være fylke, sentralitet, storrelse eller naermeste, "
                    + "og trekkene folketall, sentralitet eller innovasjon.",
                en: "The comparison group must be fylke, sentralitet, storrelse or naermeste, "
                    + "and the features folketall, sentralitet or innovasjon.", parameter: "gruppe")
        }
        let computed = try await store.estimates(for: request)
        let profile = try MunicipalityProfile.build(
            number: number, waves: computed.waves, register: store.register, group: group)
        var query = ["gruppe=\(group.key)"]
        if case .nearest = group { query += features.filter { PeerFeature(rawValue: $0) != nil }.map { "trekk=\($0)" } }
        return Profile(profile: profile, skipped: computed.skipped, peerQuery: query.joined(separator: "&"))
    }

    /// The profile's project bank part, from the database at each request: published projects,
    /// reuse, research partners and contacts, and the granted programme lines.
    static func projectBank(
        _ number: String, request: Request
    ) async throws -> (activity: MunicipalityProjectActivity, programme: [ProgrammeApplication]) {
        let register = request.application.municipalityStore.register
        let activity = try await ProjectRepository(database: request.db).activity(ofMunicipality: number)
        let programme = try await ProgrammeRepository(database: request.db, register: register).participation(
            of: number, structure: MunicipalityWaveEstimates.structure)
        return (activity, programme)
    }

    static func countyView(_ request: Request) async throws -> CountyView {
        let store = request.application.municipalityStore
        let fields = try FormFields(body: request.url.query ?? "")
        let id = fields.first("indikator") ?? ProfileIndicator.all[0].id
        guard let indicator = ProfileIndicator.named(id) else {
            throw WebError(
                .badRequest,
                nb: "Ukjent indikator «\(id)»: velg en av \(ProfileIndicator.all.map(\.id).joined(separator: ", ")).",
                en:
                    "Unknown indicator “\(id)”: choose one of \(ProfileIndicator.all.map(\.id).joined(separator: ", ")).",
                parameter: "indikator")
        }
        let computed = try await store.estimates(for: request)
        var wave = computed.waves.last
        if let slug = fields.first("bolge"), !slug.isEmpty {
            guard let chosen = computed.waves.first(where: { $0.slug == slug }) else {
                throw WebError.unknownWave(slug)
            }
            wave = chosen
        }
        return CountyView(
            indicator: indicator, wave: wave, waves: computed.waves,
            municipalities: try store.register.municipalities(on: MunicipalityWaveEstimates.structure))
    }
}
