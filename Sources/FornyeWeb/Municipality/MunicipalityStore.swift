import Dispatch
import FluentKit
import FornyeBarometer
import FornyeReport
import Synchronization
import Vapor

/// Every visible wave's municipality estimates, computed once per data version and audience
/// (the public sees suppressed numbers, analysts the true ones and closed waves too). A profile
/// then only reads and assembles them. Concurrent first requests share one computation.
final class MunicipalityStore: Sendable {
    struct Key: Hashable, Sendable {
        var dataVersion: Int
        var analyst: Bool
    }

    struct Computed: Sendable {
        /// Oldest wave first.
        var waves: [MunicipalityWaveEstimates]
        /// Waves left out, with why (no kommunenummer, no structure date).
        var skipped: [String: String]
    }

    private struct State {
        var computed: [Key: Computed] = [:]
        var running: [Key: Task<Computed, any Error>] = [:]
        var builds = 0
        /// Whether writes warm the estimates again (`warmAfterWrites`); off in tests unless asked.
        var warmsAfterWrites = false
        /// The warming under way, and whether another was asked for while it ran.
        var warming: Task<Void, Never>?
        var warmAgain = false
    }

    private let state = Mutex(State())
    let register: MunicipalityRegister

    init(register: MunicipalityRegister) {
        self.register = register
    }

    var buildCount: Int { state.withLock { $0.builds } }

    func estimates(for request: Request) async throws -> Computed {
        try await estimates(
            barometer: request.application.barometerStore, database: request.db,
            analyst: request.principal?.isAnalyst == true)
    }

    /// Computes the public's estimates in the background, so the first profile after the server
    /// starts finds them made (issue 17: < 300 ms cold). A failure is logged; the first request
    /// then computes and reports it. Calls while a warming runs are merged into one more run
    /// after it, so a burst of writes costs at most two.
    func warm(_ app: Application) {
        let barometer = app.barometerStore
        let database = app.db
        let logger = app.logger
        state.withLock { state in
            guard state.warming == nil else {
                state.warmAgain = true
                return
            }
            // Made under the lock, so the task is recorded before it can finish and clear it.
            state.warming = Task.detached(priority: .utility) {
                repeat {
                    let start = ContinuousClock.now
                    do {
                        let computed = try await self.estimates(
                            barometer: barometer, database: database, analyst: false)
                        logger.info(
                            "municipality estimates ready",
                            metadata: ["waves": "\(computed.waves.count)", "duration": "\(start.duration(to: .now))"])
                    } catch {
                        logger.warning("municipality estimates not warmed", metadata: ["error": "\(error)"])
                    }
                } while self.state.withLock { state in
                    guard state.warmAgain else {
                        state.warming = nil
                        return false
                    }
                    state.warmAgain = false
                    return true
                }
            }
        }
    }

    /// Warms now and, from then on, after every write that may change a wave
    /// (`warmAfterWrite`), so the first visitor after a new or changed wave meets a warm page.
    func warmAtStartAndAfterWrites(_ app: Application) {
        state.withLock { $0.warmsAfterWrites = true }
        warm(app)
    }

    /// Called after a write that may have changed a wave (a status change, an import, a new
    /// wave): computes the estimates for the new data version in the background, not in the
    /// request that wrote. Nothing is computed when the write left every wave as it was (the
    /// catalogue's data version is unchanged, so the estimates are found made).
    func warmAfterWrite(_ app: Application) {
        guard state.withLock({ $0.warmsAfterWrites }) else { return }
        warm(app)
    }

    /// Stops warming after writes and waits for a warming under way (before the database closes).
    func stopWarming() async {
        let running = state.withLock { state in
            state.warmsAfterWrites = false
            state.warmAgain = false
            return state.warming
        }
        await running?.value
    }

    /// Waits until no warming runs (tests).
    func warmed() async {
        while let running = state.withLock({ $0.warming }) { await running.value }
    }

    /// Whether the public's estimates for `dataVersion` are made (tests).
    func isComputed(dataVersion: Int) -> Bool {
        state.withLock { $0.computed[Key(dataVersion: dataVersion, analyst: false)] != nil }
    }

    func estimates(barometer: BarometerStore, database: any Database, analyst: Bool) async throws -> Computed {
        let catalog = try await barometer.catalog(database)
        let key = Key(dataVersion: catalog.dataVersion, analyst: analyst)
        if let done = state.withLock({ $0.computed[key] }) { return done }
        let slugs = catalog.visible(to: analyst).map(\.slug)
        let register = register
        // Loading the waves is part of the shared computation, so concurrent first requests load
        // each wave once.
        let task = state.withLock { state -> Task<Computed, any Error> in
            if let running = state.running[key] { return running }
            let task = Task.detached {
                try await Self.compute(
                    slugs, barometer: barometer, database: database, analyst: analyst, register: register)
            }
            state.running[key] = task
            state.builds += 1
            return task
        }
        let result = await task.result
        state.withLock { state in
            state.running[key] = nil
            if case .success(let computed) = result {
                // Older data versions are never asked for again.
                state.computed = state.computed.filter { $0.key.dataVersion >= key.dataVersion }
                state.computed[key] = computed
            }
        }
        return try result.get()
    }

    /// Every wave loaded and estimated at once: loading a wave (reading and calibrating it) runs
    /// on one core, so the waves load side by side and each is estimated as soon as it is loaded.
    static func compute(
        _ slugs: [String], barometer: BarometerStore, database: any Database, analyst: Bool,
        register: MunicipalityRegister
    ) async throws -> Computed {
        let suppressed = !analyst
        let outcomes = try await withThrowingTaskGroup(
            of: (String, Result<MunicipalityWaveEstimates, MunicipalityProfileError>).self
        ) { group in
            for slug in slugs {
                group.addTask {
                    let wave = try await barometer.wave(slug, database: database, analyst: analyst)
                    // The estimates use every core (`DispatchQueue.concurrentPerform`): off the
                    // concurrency pool, whose few threads serve the requests.
                    let outcome = try await Self.onDispatchQueue {
                        () throws -> Result<MunicipalityWaveEstimates, MunicipalityProfileError> in
                        do {
                            return .success(
                                try MunicipalityWaveEstimates.build(
                                    slug: wave.slug, wave: wave.wave, register: register, suppressed: suppressed))
                        } catch let error as MunicipalityProfileError {
                            return .failure(error)
                        }
                    }
                    return (slug, outcome)
                }
            }
            var outcomes: [(String, Result<MunicipalityWaveEstimates, MunicipalityProfileError>)] = []
            for try await outcome in group { outcomes.append(outcome) }
            return outcomes
        }
        var built: [MunicipalityWaveEstimates] = []
        var skipped: [String: String] = [:]
        for (slug, outcome) in outcomes {
            switch outcome {
            case .success(let estimates): built.append(estimates)
            case .failure(let error): skipped[slug] = error.description
            }
        }
        built.sort { ($0.structureDate, $0.slug) < ($1.structureDate, $1.slug) }
        return Computed(waves: built, skipped: skipped)
    }

    private static func onDispatchQueue<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async { continuation.resume(with: Result { try work() }) }
        }
    }
}

struct MunicipalityStoreKey: StorageKey {
    typealias Value = MunicipalityStore
}

extension Application {
    var municipalityStore: MunicipalityStore {
        guard let store = storage[MunicipalityStoreKey.self] else {
            fatalError("FornyeApp.configure was not called on this Application")
        }
        return store
    }
}
