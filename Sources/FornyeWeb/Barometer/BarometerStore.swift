import FluentKit
import FornyeReport
import FornyeStatistics
import FornyeStorage
import Synchronization
import Vapor

/// A wave ready for analysis: its stored content, calibrated once to its margins.
struct PreparedWave: Sendable {
    var slug: String
    var title: String
    var shortTitle: String
    var status: WaveRecord.Status
    /// The report's view of the wave: the calibrated design, with its raking report.
    let wave: Wave
    /// The wave's derived variables and weighting summary, made once with the wave and shared
    /// by every report of it (each filter combination), so a filtered page pays only for its
    /// domain. Forgotten with the wave when its data change. A failure is kept, not thrown, so
    /// what needs no report (the estimates API) still works; the report throws it.
    let report: Result<PreparedReportWave, StatisticsError>
    /// The design before raking, kept for replicate weights (each replicate is raked again) though
    /// `wave.weighting` drops it for the reports.
    var designBeforeRaking: SurveyDesign? = nil

    var dataset: Dataset { wave.dataset }
    var design: SurveyDesign { wave.design }
    var synthetic: Bool { wave.synthetic }
    var responseCount: Int { wave.dataset.rowCount }
    /// The wave's weighting with its design before raking, as replicate weights need it.
    var replicateWeighting: CalibratedDesign {
        var weighting = wave.weighting
        weighting.beforeRaking = designBeforeRaking
        return weighting
    }
}

/// Computed results kept in memory: the wave catalogue, prepared waves and report documents,
/// keyed by wave (with its data version), filters and suppression. Safe under concurrency (one
/// lock, never held while computing or querying).
///
/// The catalogue (every wave's record, with a fingerprint of its status, labels, response
/// count and shared data counter) is what tells whether a cached result is still fresh, so a cached read needs no
/// database round trip but one: the shared counter `cache_versions.barometer` (`CacheVersions`),
/// which every instance on the database raises after a write. It is reloaded when a writer in
/// this process says so (`invalidateCatalog()`, called after every state-changing request by
/// `CacheInvalidationMiddleware`, or `invalidate(_:)`), when the shared counter moved (a write on
/// another instance), and otherwise at most every `catalogLifetime`, which bounds how long a
/// change made by a process that does not raise the counter (`fornye` commands) stays unseen. A reload that finds a wave changed bumps its version,
/// so nothing computed from the old data is served again, and bumps `dataVersion`, which keys
/// the response cache.
///
/// Language is not part of a document's key: the computed numbers and the report's bokmål text
/// are the same for every reader, only the page around them changes with the language.
final class BarometerStore: Sendable {
    struct DocumentKey: Hashable, Sendable {
        var slug: String
        var version: Int
        var filters: BarometerFilters
        var suppressed: Bool
        var language: ReportLanguage
    }

    /// What identifies a wave's stored content for caching: a change to any part means its
    /// cached results are stale.
    struct Fingerprint: Hashable, Sendable {
        var status: WaveRecord.Status
        var title: String
        var shortTitle: String
        var synthetic: Bool
        var structureDate: String?
        var responses: Int
        /// The wave's shared counter (`CacheVersions.wave`): raised by every write to its data,
        /// on any instance, including changes the fields above do not show (weights).
        var dataVersion: Int
    }

    /// Every wave as last read from the database, in slug order.
    struct Catalog: Sendable {
        var records: [WaveRecord]
        var fingerprints: [String: Fingerprint]
        /// The `dataVersion` this catalogue belongs to.
        var dataVersion: Int
        /// The shared counter (`CacheVersions.barometer`) read before the catalogue was.
        var sharedVersion: Int
        var loadedAt: ContinuousClock.Instant

        func record(_ slug: String) -> WaveRecord? { records.first { $0.slug == slug } }
        func visible(to analyst: Bool) -> [WaveRecord] {
            records.filter { $0.status == .published || (analyst && $0.status == .closed) }
        }
    }

    private struct State {
        var versions: [String: Int] = [:]
        var waves: [String: (version: Int, wave: PreparedWave)] = [:]
        var documents: [DocumentKey: ReportDocument] = [:]
        var running: [DocumentKey: Task<ReportDocument, any Error>] = [:]
        var builds = 0
        var catalog: Catalog?
        /// Bumped by writers; a catalogue loaded under an older request is reloaded.
        var catalogRequest = 0
        var catalogLoadedFor = -1
        var loadingCatalog: Task<Catalog, any Error>?
        var catalogLoads = 0
        var dataVersion = 0
    }

    /// Documents kept at most; the cache is emptied when it is full (filters are few, so this is rare).
    let capacity: Int
    /// How long a catalogue is trusted without a writer in this process saying it changed.
    let catalogLifetime: Duration
    /// Encoded responses (JSON, public HTML pages) keyed by URL, language, role class and `dataVersion`.
    let responses: ResponseCache
    /// Programme evaluations keyed by their choice, `dataVersion` and the register's lines.
    let evaluations = EvaluationCache()
    private let state = Mutex(State())

    init(capacity: Int = 512, catalogLifetime: Duration = .seconds(5), responseBudget: Int = 64 << 20) {
        self.capacity = capacity
        self.catalogLifetime = catalogLifetime
        self.responses = ResponseCache(budget: responseBudget)
    }

    func version(of slug: String) -> Int {
        state.withLock { $0.versions[slug] ?? 0 }
    }

    /// Forgets everything computed from the wave; call after its responses or weights change.
    func invalidate(_ slug: String) {
        state.withLock { state in
            Self.forget(slug, in: &state)
            state.catalogRequest += 1
        }
        responses.removeAll()
        evaluations.removeAll()
    }

    /// Marks the catalogue stale: the next read reloads it (two small queries) and forgets what
    /// was computed from any wave that changed. Cheap; call after anything that may have written.
    func invalidateCatalog() {
        state.withLock { $0.catalogRequest += 1 }
    }

    private static func forget(_ slug: String, in state: inout State) {
        state.versions[slug, default: 0] += 1
        state.waves[slug] = nil
        state.documents = state.documents.filter { $0.key.slug != slug }
        state.dataVersion += 1
    }

    var cachedDocumentCount: Int { state.withLock { $0.documents.count } }
    /// How many reports were computed (cache misses), for tests and metrics.
    var buildCount: Int { state.withLock { $0.builds } }
    /// How many times the catalogue was read from the database, for tests.
    var catalogLoadCount: Int { state.withLock { $0.catalogLoads } }

    /// The current catalogue: from memory unless a writer invalidated it or it is older than
    /// `catalogLifetime`. Concurrent callers share one reload.
    func catalog(_ database: any Database) async throws -> Catalog {
        enum Lookup {
            case fresh(Catalog)
            case loading(Task<Catalog, any Error>)
        }
        // Read before the catalogue, so a catalogue kept under this value is never older than it.
        let shared = try await CacheVersions(database: database).current(CacheVersions.barometer)
        let now = ContinuousClock.now
        let lifetime = catalogLifetime
        let lookup = state.withLock { state -> Lookup in
            if let catalog = state.catalog, state.catalogLoadedFor == state.catalogRequest,
                catalog.sharedVersion >= shared, now - catalog.loadedAt < lifetime
            {
                return .fresh(catalog)
            }
            if let task = state.loadingCatalog { return .loading(task) }
            let request = state.catalogRequest
            let task = Task { try await self.reloadCatalog(database, request: request, shared: shared) }
            state.loadingCatalog = task
            return .loading(task)
        }
        switch lookup {
        case .fresh(let catalog): return catalog
        case .loading(let task): return try await task.value
        }
    }

    private func reloadCatalog(_ database: any Database, request: Int, shared: Int) async throws -> Catalog {
        let records: [WaveRecord]
        let counts: [UUID: Int]
        let versions: [UUID: Int]
        do {
            records = try await WaveRepository(database: database).list()
            counts = try await Self.responseCounts(of: records, on: database)
            versions = try await CacheVersions(database: database).waves()
        } catch {
            state.withLock { $0.loadingCatalog = nil }
            throw error
        }
        var fingerprints: [String: Fingerprint] = [:]
        for record in records {
            fingerprints[record.slug] = Fingerprint(
                status: record.status, title: record.title, shortTitle: record.shortTitle,
                synthetic: record.synthetic, structureDate: record.structureDate,
                responses: record.id.flatMap { counts[$0] } ?? 0, dataVersion: record.id.flatMap { versions[$0] } ?? 0)
        }
        var changed = false
        let catalog = state.withLock { state -> Catalog in
            let previous = state.catalog?.fingerprints ?? [:]
            for slug in Set(previous.keys).union(fingerprints.keys) where previous[slug] != fingerprints[slug] {
                // The first load changes nothing that was cached: nothing was.
                if state.catalog != nil {
                    Self.forget(slug, in: &state)
                    changed = true
                }
            }
            let catalog = Catalog(
                records: records, fingerprints: fingerprints, dataVersion: state.dataVersion,
                sharedVersion: shared, loadedAt: .now)
            state.catalog = catalog
            state.catalogLoadedFor = request
            state.loadingCatalog = nil
            state.catalogLoads += 1
            return catalog
        }
        if changed {
            responses.removeAll()
            evaluations.removeAll()
        }
        return catalog
    }

    /// Responses per shown wave (published or closed); waves nobody sees are left out, their
    /// status change alone makes them stale. One small count each: waves are few.
    private static func responseCounts(of records: [WaveRecord], on database: any Database) async throws
        -> [UUID: Int]
    {
        var counts: [UUID: Int] = [:]
        for record in records where record.status == .published || record.status == .closed {
            let id = try record.requireID()
            counts[id] = try await ResponseRecord.query(on: database).filter(\.$wave.$id == id).count()
        }
        return counts
    }

    /// The wave if the request may see it: published waves for everyone, closed ones for analysts too.
    func wave(_ slug: String, for request: Request) async throws -> PreparedWave {
        try await wave(slug, database: request.db, analyst: request.principal?.isAnalyst == true)
    }

    /// The wave if an analyst (or, with `analyst` false, the public) may see it; for work that
    /// has no request (warming the municipality estimates at start).
    func wave(_ slug: String, database: any Database, analyst: Bool) async throws -> PreparedWave {
        let catalog = try await catalog(database)
        guard let record = catalog.record(slug), Self.visible(record.status, analyst: analyst) else {
            throw WebError.unknownWave(slug)
        }
        let version = version(of: slug)
        if let cached = state.withLock({ $0.waves[slug] }), cached.version == version { return cached.wave }
        let stored = try await WaveRepository(database: database).load(record)
        let prepared = try Self.prepare(stored, status: record.status)
        state.withLock { state in
            if (state.versions[slug] ?? 0) == version { state.waves[slug] = (version, prepared) }
        }
        return prepared
    }

    static func visible(_ status: WaveRecord.Status, to request: Request) -> Bool {
        visible(status, analyst: request.principal?.isAnalyst == true)
    }

    static func visible(_ status: WaveRecord.Status, analyst: Bool) -> Bool {
        status == .published || (status == .closed && analyst)
    }

    /// Calibrates the stored wave once (`StoredWave.calibrated`), so every report and estimate
    /// uses the same weights, and derives what every report of the wave shares.
    static func prepare(_ stored: StoredWave, status: WaveRecord.Status) throws -> PreparedWave {
        var weighting = try stored.calibrated()
        let designBeforeRaking = weighting.beforeRaking
        // The results pages document the stored weights through the raking report's Kish figures
        // alone, not weight by weight as `fornye report` does (the demo waves store weights that
        // are calibrated already).
        weighting.beforeRaking = nil
        let wave = Wave(
            title: stored.title, dataset: stored.dataset, weighting: weighting, weightSource: stored.weightSource,
            shortTitle: stored.shortTitle, structureDate: stored.structureDate, subtitle: stored.subtitle)
        return PreparedWave(
            slug: stored.slug, title: stored.title, shortTitle: stored.shortTitle, status: status, wave: wave,
            report: Result { () throws(StatisticsError) in try BarometerReport.prepare(wave) },
            designBeforeRaking: designBeforeRaking)
    }

    /// The report for a wave within the filters' domain, small cells suppressed unless `suppressed`
    /// is false, its figures in `language`. Concurrent requests for the same key share one computation.
    func document(
        for wave: PreparedWave, filters: BarometerFilters, suppressed: Bool, language: ReportLanguage = .nb
    ) async throws -> ReportDocument {
        let key = DocumentKey(
            slug: wave.slug, version: version(of: wave.slug), filters: filters, suppressed: suppressed,
            language: language)
        enum Lookup {
            case done(ReportDocument)
            case running(Task<ReportDocument, any Error>)
        }
        let lookup = state.withLock { state -> Lookup in
            if let document = state.documents[key] { return .done(document) }
            if let task = state.running[key] { return .running(task) }
            let task = Task.detached {
                try Self.build(wave, filters: filters, suppressed: suppressed, language: language)
            }
            state.running[key] = task
            state.builds += 1
            return .running(task)
        }
        switch lookup {
        case .done(let document):
            return document
        case .running(let task):
            let result = await task.result
            state.withLock { state in
                state.running[key] = nil
                guard case .success(let document) = result, (state.versions[key.slug] ?? 0) == key.version else {
                    return
                }
                if state.documents.count >= capacity { state.documents.removeAll(keepingCapacity: true) }
                state.documents[key] = document
            }
            return try result.get()
        }
    }

    static func build(
        _ wave: PreparedWave, filters: BarometerFilters, suppressed: Bool, language: ReportLanguage = .nb
    ) throws -> ReportDocument {
        let options = ReportOptions(
            disclosure: suppressed ? DisclosureRules() : nil,
            domain: filters.isEmpty ? nil : try filters.domain(in: wave.dataset), language: language)
        return try BarometerReport.build(try wave.report.get(), options: options)
    }
}

struct BarometerStoreKey: StorageKey {
    typealias Value = BarometerStore
}

extension Application {
    /// The results cache of this application.
    var barometerStore: BarometerStore {
        guard let store = storage[BarometerStoreKey.self] else {
            fatalError("FornyeApp.configure was not called on this Application")
        }
        return store
    }
}

extension Request {
    /// Whether this request sees suppressed (public) numbers: everyone but analysts and admins.
    var seesSuppressedResults: Bool { principal?.isAnalyst != true }
}
