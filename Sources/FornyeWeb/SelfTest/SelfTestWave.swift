import FornyeBarometer
import FornyeStatistics
import FornyeStorage
import Synchronization
import Vapor

/// The wave a self-test compares with: the latest published one (by structure date, then slug),
/// prepared through the results pages' store so the weights and calibration are the same, with
/// its `SelfTestAnalysis` (national tables) made once per wave version.
struct SelfTestWave: Sendable {
    let wave: PreparedWave
    let analysis: SelfTestAnalysis
    let register: MunicipalityRegister?
    /// The day municipality answers are looked up on: the wave's structure date, else today.
    let date: CalendarDay

    var rules: QuestionnaireRules {
        QuestionnaireRules(instrument: analysis.instrument, register: register, date: date)
    }

    static func latest(for request: Request) async throws -> SelfTestWave {
        guard let record = try await published(request).last else {
            // Not a fault of the server: the installation has nothing published to compare with yet.
            throw WebError(
                .notFound, nb: "Ingen publisert bølge å sammenligne med ennå.",
                en: "No published wave to compare with yet.")
        }
        return try await load(record, for: request)
    }

    /// The published wave before the latest, for the peers' change on a retake; nil when only one is published.
    static func previous(for request: Request) async throws -> SelfTestWave? {
        let waves = try await published(request)
        guard waves.count >= 2 else { return nil }
        return try await load(waves[waves.count - 2], for: request)
    }

    /// Published waves, oldest first (by structure date, then slug).
    private static func published(_ request: Request) async throws -> [WaveRecord] {
        try await request.application.barometerStore.catalog(request.db).visible(to: false).sorted {
            ($0.structureDate ?? "", $0.slug) < ($1.structureDate ?? "", $1.slug)
        }
    }

    private static func load(_ record: WaveRecord, for request: Request) async throws -> SelfTestWave {
        let store = request.application.barometerStore
        let wave = try await store.wave(record.slug, for: request)
        let version = store.version(of: record.slug)
        let analyses = request.application.selfTestAnalyses
        let analysis: SelfTestAnalysis
        if let cached = analyses.cached(record.slug, version: version) {
            analysis = cached
        } else {
            let instrument =
                try record.instrumentVersion.flatMap(CollectionInstruments.instrument(key:))
                ?? Instrument.innovasjonsbarometer2018
            analysis = try SelfTestAnalysis(instrument: instrument, dataset: wave.dataset, design: wave.design)
            analyses.keep(analysis, slug: record.slug, version: version)
        }
        return SelfTestWave(
            wave: wave, analysis: analysis, register: try? MunicipalityRegister.bundled(),
            date: wave.wave.structureDate.flatMap(CalendarDay.init) ?? CalendarDay(Date()))
    }
}

/// Self-test analyses by wave slug and version (one national computation per wave).
final class SelfTestAnalyses: Sendable {
    private let state = Mutex([String: (version: Int, analysis: SelfTestAnalysis)]())

    func cached(_ slug: String, version: Int) -> SelfTestAnalysis? {
        state.withLock { $0[slug].flatMap { $0.version == version ? $0.analysis : nil } }
    }

    func keep(_ analysis: SelfTestAnalysis, slug: String, version: Int) {
        state.withLock { $0[slug] = (version, analysis) }
    }
}

struct SelfTestAnalysesKey: StorageKey {
    typealias Value = SelfTestAnalyses
}

extension Application {
    var selfTestAnalyses: SelfTestAnalyses {
        guard let analyses = storage[SelfTestAnalysesKey.self] else {
            fatalError("FornyeApp.configure was not called on this Application")
        }
        return analyses
    }
}
