import FluentKit
import FluentSQL
import FornyeProjectBank
import FornyeStorage
import FornyeTestSupport
import Foundation

/// A migrated in-memory SQLite database (or PostgreSQL when FORNYE_TEST_POSTGRES_URL is set and
/// `postgres` is asked for), shut down after `body`.
func withProjectStorage(_ body: (any Database) async throws -> Void) async throws {
    let storage = try StorageRuntime(configuration: .init(backend: .sqlite(path: ":memory:")))
    do {
        try await storage.migrate()
        try await body(storage.database)
    } catch {
        await storage.shutdown()
        throw error
    }
    await storage.shutdown()
}

/// PostgreSQL when FORNYE_TEST_POSTGRES_URL is set (a schema of its own, dropped afterwards, so
/// tests running side by side do not meet); nothing otherwise.
func withPostgresProjectStorage(_ body: (any Database) async throws -> Void) async throws {
    guard TestDatabase.postgresConfigured else { return }
    try await TestDatabase.postgres.withRuntime { runtime in try await body(runtime.database) }
}

/// A migrated database of the given backend, shut down after `body`.
func withProjectStorage(_ backend: TestDatabase, _ body: (any Database) async throws -> Void) async throws {
    try await backend.withRuntime { runtime in try await body(runtime.database) }
}

func document(
    _ title: String, _ summary: String, owner: String? = "0301", types: [Int] = [1], stage: ProjectStage = .pilot,
    sector: Int? = nil, language: String = "nb", body: String = ""
) -> ProjectDocument {
    var document = ProjectDocument()
    document.title = title
    document.summary = summary
    document.ownerMunicipality = owner
    document.innovationTypes = types
    document.stage = stage
    document.sector = sector
    document.language = language
    document.solution = body
    return document
}

let editorOslo = ProjectAuthor(actor: .editor(municipality: "0301"), name: "Redaktør Oslo")
let editorBergen = ProjectAuthor(actor: .editor(municipality: "4601"), name: "Redaktør Bergen")
let admin = ProjectAuthor(actor: .admin, name: "Admin")

/// A small bank with known projects for relevance tests.
let relevanceCorpus: [ProjectDocument] = [
    document(
        "Velferdsteknologi i hjemmetjenesten", "Digitale tilsyn og medisindispensere gir tryggere hjemmetjenester.",
        sector: 1, body: "Innføring av velferdsteknologiske løsninger for eldre som bor hjemme."),
    document(
        "Innovasjoner i skolen", "Lærere utvikler nye undervisningsmetoder for å øke elevenes motivasjon.",
        owner: "4601", types: [3], sector: 2, body: "Skolen prøver ut innovasjon i klasserommet."),
    document(
        "Chatbot for citizens' questions", "An AI chatbot answers residents' questions about municipal services.",
        owner: "1103", types: [4], language: "en", body: "Artificial intelligence helps the front desk."),
    document(
        "Barnehagens språkløft", "Språkstimulering for flerspråklige barn i barnehagen.", owner: "4601", sector: 2,
        body: "Pedagoger bruker nye verktøy for språkutvikling."),
    document(
        "Predicting insolvency with machine learning", "Machine learning models predict company insolvencies.",
        owner: "5001", types: [2], language: "en", body: "The municipality uses data to predict bankruptcies."),
    document(
        "Digital innbyggerdialog", "Innbyggere får medvirke i planprosesser gjennom en digital plattform.",
        types: [4], body: "Økt innsikt og innflytelse for innbyggerne."),
]
