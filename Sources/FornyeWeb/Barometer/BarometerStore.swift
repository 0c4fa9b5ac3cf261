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
    var wave: Wave

    var dataset: Dataset { wave.dataset }
    var design: SurveyDesign { wave.design }
    var synthetic: Bool { wave.synthetic }
    var responseCount: Int { wave.dataset.rowCount }
}

/// Computed results kept in memory: prepared waves and report documents, keyed by wave (with its
/// data version), filters and suppression. Safe under concurrency (one lock, never held while
/// computing). `invalidate(_:)` bumps a wave's version when its data change, so no stale result
/// is served again.
///
/// Language is not part of a document's key: the computed numbers and the report's bokmål text
/// are the same for every reader, only the page around them changes with the language.
final class BarometerStore: Sendable {
    struct DocumentKey: Hashable, Sendable {
        var slug: String
        var version: Int
        var filters: BarometerFilters
        var suppressed: Bool
    }

    private struct State {
        var versions: [String: Int] = [:]
        var waves: [String: (version: Int, wave: PreparedWave)] = [:]
        var documents: [DocumentKey: ReportDocument] = [:]
        var running: [DocumentKey: Task<ReportDocument, any Error>] = [:]
        var builds = 0
    }

    /// Documents kept at most; the cache is emptied when it is full (filters are few, so this is rare).
    let capacity: Int
    private let state = Mutex(State())

    init(capacity: Int = 512) {
        self.capacity = capacity
    }

    func version(of slug: String) -> Int {
        state.withLock { $0.versions[slug] ?? 0 }
    }

    /// Forgets everything computed from the wave; call after its responses or weights change.
    func invalidate(_ slug: String) {
        state.withLock { state in
            state.versions[slug, default: 0] += 1
            state.waves[slug] = nil
            state.documents = state.documents.filter { $0.key.slug != slug }
        }
    }

    var cachedDocumentCount: Int { state.withLock { $0.documents.count } }
    /// How many reports were computed (cache misses), for tests and metrics.
    var buildCount: Int { state.withLock { $0.builds } }

    /// The wave if the request may see it: published waves for everyone, closed ones for analysts too.
    func wave(_ slug: String, for request: Request) async throws -> PreparedWave {
        guard let record = try await WaveRepository(database: request.db).record(slug: slug),
            Self.visible(record.status, to: request)
        else { throw WebError.unknownWave(slug) }
        let version = version(of: slug)
        if let cached = state.withLock({ $0.waves[slug] }), cached.version == version { return cached.wave }
        let stored = try await WaveRepository(database: request.db).load(record)
        let prepared = try Self.prepare(stored, status: record.status)
        state.withLock { state in
            if (state.versions[slug] ?? 0) == version { state.waves[slug] = (version, prepared) }
        }
        return prepared
    }

    static func visible(_ status: WaveRecord.Status, to request: Request) -> Bool {
        status == .published || (status == .closed && request.principal?.isAnalyst == true)
    }

    /// Rakes the stored design to the wave's margins once, so every report and estimate uses
    /// the same calibrated weights.
    static func prepare(_ stored: StoredWave, status: WaveRecord.Status) throws -> PreparedWave {
        var design = try stored.design()
        var calibration: RakingReport?
        if !stored.margins.isEmpty {
            (design, calibration) = try Weighting.rake(design, data: stored.dataset, to: stored.margins)
        }
        let wave = Wave(
            title: stored.title, dataset: stored.dataset, design: design, populationMargins: stored.margins,
            weightSource: stored.weightSource, calibration: calibration, shortTitle: stored.shortTitle,
            structureDate: stored.structureDate)
        return PreparedWave(
            slug: stored.slug, title: stored.title, shortTitle: stored.shortTitle, status: status, wave: wave)
    }

    /// The report for a wave within the filters' domain, small cells suppressed unless `suppressed`
    /// is false. Concurrent requests for the same key share one computation.
    func document(for wave: PreparedWave, filters: BarometerFilters, suppressed: Bool) async throws
        -> ReportDocument
    {
        let key = DocumentKey(
            slug: wave.slug, version: version(of: wave.slug), filters: filters, suppressed: suppressed)
        enum Lookup {
            case done(ReportDocument)
            case running(Task<ReportDocument, any Error>)
        }
        let lookup = state.withLock { state -> Lookup in
            if let document = state.documents[key] { return .done(document) }
            if let task = state.running[key] { return .running(task) }
            let task = Task.detached { try Self.build(wave, filters: filters, suppressed: suppressed) }
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

    static func build(_ wave: PreparedWave, filters: BarometerFilters, suppressed: Bool) throws -> ReportDocument {
        let options = ReportOptions(
            disclosure: suppressed ? DisclosureRules() : nil,
            domain: filters.isEmpty ? nil : try filters.domain(in: wave.dataset))
        return try BarometerReport.build(wave.wave, options: options)
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
