import Foundation

/// Every internal URL of the site, in one place: pages, forms, redirects and the API's links
/// call these instead of spelling paths. Route registration (`boot` in each controller) uses the
/// same segments; `PathsTests` checks that every path here is routed.
///
/// Variable segments (slugs, ids, tokens) are percent-encoded: anything outside RFC 3986's
/// unreserved characters becomes `%XX`, so a value can never add a segment or a query.
enum Paths {
    /// One path segment, percent-encoded.
    static func segment(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }

    private static let unreserved = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    // MARK: Site

    static let home = "/"
    static let method = "/metode"
    static let accessibility = "/tilgjengelighet"
    static let privacy = "/personvern"
    static let styleSheet = "/assets/fornye.css"
    static let similarProjectsScript = "/assets/lignende.js"
    static let health = "/health"
    static let metrics = "/metrics"

    // MARK: Accounts

    static let login = "/logg-inn"
    static let logout = "/logg-ut"
    static let password = "/konto/passord"
    static let signInCode = "/logg-inn/kode"
    static let oidcSignIn = "/logg-inn/oidc"
    static func oidcStart(provider: String) -> String { oidcSignIn + "/" + segment(provider) }
    static func oidcCallback(provider: String) -> String { oidcStart(provider: provider) + "/svar" }
    static let secondFactor = "/konto/tofaktor"
    static let secondFactorStart = "/konto/tofaktor/start"
    static let secondFactorConfirm = "/konto/tofaktor/bekreft"
    static let secondFactorNewCodes = "/konto/tofaktor/nye-koder"
    static let secondFactorOff = "/konto/tofaktor/av"
    static let adminUsers = "/admin/brukere"
    static func adminUser(id: UUID) -> String { adminUsers + "/" + id.uuidString }
    static func adminUserRole(id: UUID) -> String { adminUser(id: id) + "/rolle" }
    static func adminUserPassword(id: UUID) -> String { adminUser(id: id) + "/passord" }
    static func adminUserStatus(id: UUID) -> String { adminUser(id: id) + "/status" }
    static let auditLog = "/admin/logg"
    static let adminIdentities = "/admin/identiteter"
    static func adminIdentityApprove(id: UUID) -> String { adminIdentities + "/" + id.uuidString + "/godkjenn" }
    static func adminIdentityReject(id: UUID) -> String { adminIdentities + "/" + id.uuidString + "/avvis" }

    // MARK: Barometer

    static let barometer = "/barometer"
    static func barometerWave(slug: String) -> String { barometer + "/" + segment(slug) }
    /// A figure's download, `file` being `<figure id>.csv` or `<figure id>.svg`.
    static func barometerFigure(wave: String, file: String) -> String {
        barometerWave(slug: wave) + "/figurer/" + segment(file)
    }

    // MARK: Programme evaluation

    /// The page «Effekter av programmet»; waves and comparison group in the query (`bolge`, `sammenligning`).
    static let evaluation = "/evaluering"
    static let evaluationCSV = "/evaluering/evaluering.csv"

    // MARK: Programme register

    /// The register of applications (issue 14) for analysts: table, import, edit, export, cases.
    static let programme = "/analyse/programmet"
    /// `format` is `csv` or `xlsx`.
    static func programmeExport(format: String) -> String { programme + "/eksport/" + segment(format) }
    static let programmeImport = "/analyse/programmet/import"
    static func programmeImportUpload(id: String) -> String { programmeImport + "/" + segment(id) }
    static func programmeImportConfirm(id: String) -> String { programmeImportUpload(id: id) + "/bekreft" }
    static func programmeLine(id: UUID) -> String { programme + "/linjer/" + id.uuidString }
    static func programmeLineDelete(id: UUID) -> String { programmeLine(id: id) + "/slett" }
    static let programmeCases = "/analyse/programmet/caser"

    // MARK: Project bank

    static let municipalities = "/kommuner"
    static let municipalitiesCountiesCSV = "/kommuner/fylker.csv"
    static func municipality(number: String) -> String { municipalities + "/" + segment(number) }
    static func municipalityCSV(number: String) -> String { municipality(number: number) + "/tall.csv" }
    /// A profile chart as SVG: `id` is the indicator's (`H1`).
    static func municipalityFigure(number: String, indicator id: String) -> String {
        municipality(number: number) + "/figur/" + segment(id + ".svg")
    }
    static let municipalitiesMap = "/kommuner/kart.svg"

    static let projects = "/prosjekter"
    static let newProject = "/prosjekter/ny"
    static let newProjectSimilar = "/prosjekter/ny/lignende"
    static let reuseMap = "/prosjekter/gjenbruk"
    static let projectsCSV = "/prosjekter/eksport.csv"
    static let projectsExcelCSV = "/prosjekter/eksport-excel.csv"
    static let projectsJSON = "/prosjekter/eksport.json"
    static let researchPartners = "/forskningspartnere"
    static func project(slug: String) -> String { projects + "/" + segment(slug) }
    static func projectEdit(slug: String) -> String { project(slug: slug) + "/rediger" }
    static func projectStatus(slug: String) -> String { project(slug: slug) + "/status" }
    static func projectSimilar(slug: String) -> String { project(slug: slug) + "/lignende" }
    static func projectHistory(slug: String) -> String { project(slug: slug) + "/historikk" }
    /// The owner's one-step «the contact people are still right».
    static func projectConfirmContacts(slug: String) -> String { project(slug: slug) + "/bekreft-kontakter" }
    static func projectReuse(slug: String) -> String { project(slug: slug) + "/gjenbruk" }
    /// «Vi har gjenbrukt dette»: the form that records a reuse without a project of its own.
    static func projectReused(slug: String) -> String { project(slug: slug) + "/vi-har-gjenbrukt" }
    static func projectAttachments(slug: String) -> String { project(slug: slug) + "/vedlegg" }
    /// `id` as the project page writes it (a lower-case UUID).
    static func projectAttachment(slug: String, id: String) -> String {
        projectAttachments(slug: slug) + "/" + segment(id)
    }
    static func projectAttachmentRemove(slug: String, id: String) -> String {
        projectAttachment(slug: slug, id: id) + "/slett"
    }
    static let institutions = "/admin/institusjoner"
    static let newInstitution = "/admin/institusjoner/ny"
    static func institution(slug: String) -> String { institutions + "/" + segment(slug) }
    static let searchSynonyms = "/admin/synonymer"
    static func searchSynonymRemove(id: UUID) -> String {
        searchSynonyms + "/" + segment(id.uuidString.lowercased()) + "/slett"
    }

    // MARK: Collection

    static let waves = "/analyse/innsamling"
    static let newWave = "/analyse/innsamling/ny"
    static func wave(slug: String) -> String { waves + "/" + segment(slug) }
    static func waveStatus(slug: String) -> String { wave(slug: slug) + "/status" }
    static func waveInvitations(slug: String) -> String { wave(slug: slug) + "/invitasjoner" }
    static func waveLinks(slug: String) -> String { wave(slug: slug) + "/lenker" }
    static func waveLinksCSV(slug: String) -> String { wave(slug: slug) + "/lenker.csv" }
    static func waveReplaceLinks(slug: String) -> String { wave(slug: slug) + "/lenker/ny" }
    static func waveNonRespondents(slug: String) -> String { wave(slug: slug) + "/ikke-svart.csv" }
    static func waveExport(slug: String, format: String) -> String {
        wave(slug: slug) + "/eksport/" + segment(format)
    }
    static func waveImport(slug: String) -> String { wave(slug: slug) + "/import" }
    static func waveImportJob(slug: String, job: String) -> String { waveImport(slug: slug) + "/jobb/" + segment(job) }
    static func waveImportUpload(slug: String, upload: String) -> String {
        waveImport(slug: slug) + "/" + segment(upload)
    }
    static func waveImportMapping(slug: String, upload: String) -> String {
        waveImportUpload(slug: slug, upload: upload) + "/kobling"
    }
    static func waveImportMappingYAML(slug: String, upload: String) -> String {
        waveImportUpload(slug: slug, upload: upload) + "/kobling.yaml"
    }
    static func waveImportConfirm(slug: String, upload: String) -> String {
        waveImportUpload(slug: slug, upload: upload) + "/bekreft"
    }
    static func waveImportCancel(slug: String, upload: String) -> String {
        waveImportUpload(slug: slug, upload: upload) + "/avbryt"
    }

    // MARK: Questionnaire

    static func answer(token: String) -> String { "/svar/" + segment(token) }
    static func answerPage(token: String, page: Int) -> String { answer(token: token) + "/side/\(page)" }
    static func answerReview(token: String) -> String { answer(token: token) + "/oversikt" }
    static func answerSend(token: String) -> String { answer(token: token) + "/send" }

    // MARK: Self-test (issue 16)

    static let selfTest = "/innovasjonstesten"
    static func selfTestResult(token: String) -> String { selfTest + "/resultat/" + segment(token) }
    static func selfTestCSV(token: String) -> String { selfTestResult(token: token) + "/resultat.csv" }
    static func selfTestRetake(token: String) -> String { selfTestResult(token: token) + "/ny" }
    static func selfTestDelete(token: String) -> String { selfTestResult(token: token) + "/slett" }
    static let selfTestDraft = selfTest + "/utkast"
    static let selfTestTeams = selfTest + "/gruppe"
    static let selfTestTeamJoin = selfTestTeams + "/bli-med"
    static func selfTestTeam(code: String) -> String { selfTestTeams + "/" + segment(code) }
    static func selfTestFacilitator(token: String) -> String { selfTest + "/gruppeleder/" + segment(token) }
    static func selfTestFacilitatorDelete(token: String) -> String { selfTestFacilitator(token: token) + "/slett" }

    // MARK: API

    static let api = "/api"
    static let openAPI = "/api/openapi.json"
    static let apiWaves = "/api/v1/waves"
    static func apiWave(slug: String) -> String { apiWaves + "/" + segment(slug) }
    static func apiFigures(wave: String) -> String { apiWave(slug: wave) + "/figures" }
    static func apiFigure(wave: String, figure: String) -> String { apiFigures(wave: wave) + "/" + segment(figure) }
    static func apiEstimates(wave: String) -> String { apiWave(slug: wave) + "/estimates" }
    static let apiProjects = "/api/v1/projects"
    static let apiEvaluations = "/api/v1/evaluations"
    static func apiMunicipality(number: String) -> String { "/api/v1/municipalities/" + segment(number) }
    static func apiProject(slug: String) -> String { apiProjects + "/" + segment(slug) }
}
