import FornyeBarometer
import FornyeStorage
import Vapor

/// The evaluation a request asks for, shared by the page, its CSV and the API: the waves
/// (`bolge`, repeated, in any order; by default every visible wave with a structure date) put in
/// time order, and the comparison group (`sammenligning`: `rejected`, `not_applied`, `others`).
struct EvaluationQuery: Sendable {
    /// The waves that can be chosen: visible to the request, with a structure date, in time order.
    var candidates: [Candidate]
    var slugs: [String]
    var comparison: ProgrammeComparison

    struct Candidate: Sendable {
        var slug: String
        var title: String
        var structureDate: String
        var synthetic: Bool
    }

    static let maximumWaves = 12

    static func candidates(_ request: Request) async throws -> [Candidate] {
        try await BarometerQueries.visibleWaves(request).compactMap { record -> Candidate? in
            guard let date = record.structureDate, !date.isEmpty else { return nil }
            return Candidate(slug: record.slug, title: record.title, structureDate: date, synthetic: record.synthetic)
        }.sorted { ($0.structureDate, $0.slug) < ($1.structureDate, $1.slug) }
    }

    /// Parses the query; a bad value is a 400 `WebError` naming its parameter.
    static func parse(_ request: Request) async throws -> EvaluationQuery {
        let candidates = try await candidates(request)
        let fields = try FormFields(body: request.url.query ?? "")
        var comparison = ProgrammeComparison.rejected
        if let text = fields.first("sammenligning"), !text.isEmpty {
            guard let chosen = ProgrammeComparison(rawValue: text) else {
                throw WebError.invalidParameter(
                    "sammenligning", nb: "velg rejected, not_applied eller others, ikke «\(text.prefix(40))».",
                    en: "choose rejected, not_applied or others, not “\(text.prefix(40))”.")
            }
            comparison = chosen
        }
        let asked = fields.all("bolge").filter { !$0.isEmpty }
        guard asked.count <= maximumWaves else {
            throw WebError.invalidParameter(
                "bolge", nb: "velg høyst \(maximumWaves) bølger.", en: "choose at most \(maximumWaves) waves.")
        }
        let known = Set(candidates.map(\.slug))
        if let unknown = asked.first(where: { !known.contains($0) }) {
            throw WebError.invalidParameter(
                "bolge",
                nb: "fant ingen publisert bølge med strukturdato som heter «\(unknown.prefix(100))».",
                en: "there is no published wave with a structure date called “\(unknown.prefix(100))”.")
        }
        let chosen = asked.isEmpty ? candidates : candidates.filter { Set(asked).contains($0.slug) }
        guard chosen.count >= 2 else {
            throw WebError.invalidParameter(
                "bolge", nb: "en evaluering trenger minst to bølger; velg to eller flere.",
                en: "an evaluation needs two or more waves; choose two or more.")
        }
        return EvaluationQuery(candidates: candidates, slugs: chosen.map(\.slug), comparison: comparison)
    }

    /// The query string of this choice (for the CSV link), with `lang=en` when asked.
    func query(language: Language) -> String {
        var parts = slugs.map { "bolge=" + Paths.segment($0) }
        parts.append("sammenligning=" + comparison.rawValue)
        if language == .en { parts.append("lang=en") }
        return "?" + parts.joined(separator: "&")
    }

    /// The evaluation of the chosen waves against the stored register; a wave that cannot be
    /// evaluated (no kommunenummer, no structure date) is a 400 naming `bolge`. Computed once per
    /// choice, wave data and register (`EvaluationCache`).
    func evaluate(on request: Request) async throws -> ProgrammeEvaluation {
        let register = try MunicipalityRegister.bundled()
        let store = request.application.barometerStore
        let catalog = try await store.catalog(request.db)
        let applications = try await ProgrammeRepository(database: request.db, register: register).list()
            .map(\.application)
        let key = EvaluationCache.Key(
            slugs: slugs, comparison: comparison, dataVersion: catalog.dataVersion, applications: applications)
        do {
            return try await store.evaluations.evaluation(for: key) {
                var waves: [StoredWave] = []
                for slug in slugs { waves.append(try await WaveRepository(database: request.db).load(slug: slug)) }
                return try ProgrammeEvaluation.evaluate(
                    waves: waves, applications: applications, comparison: comparison, register: register)
            }
        } catch let error as ProgrammeEvaluationError {
            throw WebError(
                .badRequest, nb: "Evalueringen kan ikke lages: \(error.description)",
                en: "The evaluation cannot be made: \(error.description)", parameter: "bolge")
        }
    }
}
