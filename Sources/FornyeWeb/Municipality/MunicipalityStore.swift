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
    /// then computes and reports it.
    func warm(_ app: Application) {
        let barometer = app.barometerStore
        let database = app.db
        let logger = app.logger
        Task.detached(priority: .utility) {
            let start = ContinuousClock.now
            do {
                let computed = try await self.estimates(barometer: barometer, database: database, analyst: false)
                logger.info(
                    "municipality estimates ready",
                    metadata: ["waves": "\(computed.waves.count)", "duration": "\(start.duration(to: .now))"])
            } catch {
                logger.warning("municipality estimates not warmed", metadata: ["error": "\(error)"])
            }
        }
    }

    func estimates(barometer: BarometerStore, database: any Database, analyst: Bool) async throws -> Computed {
        let catalog = try await barometer.catalog(database)
        let key = Key(dataVersion: catalog.dataVersion, analyst: analyst)
        if let done = state.withLock({ $0.computed[key] }) { return done }
        if let running = state.withLock({ $0.running[key] }) { return try await running.value }
        var prepared: [PreparedWave] = []
        for record in catalog.visible(to: analyst) {
            prepared.append(try await barometer.wave(record.slug, database: database, analyst: analyst))
        }
        let register = register
        let suppressed = !analyst
        let waves = prepared
        let task = state.withLock { state -> Task<Computed, any Error> in
            if let running = state.running[key] { return running }
            let task = Task.detached { try Self.compute(waves, register: register, suppressed: suppressed) }
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

    static func compute(_ waves: [PreparedWave], register: MunicipalityRegister, suppressed: Bool) throws -> Computed {
        var built: [MunicipalityWaveEstimates] = []
        var skipped: [String: String] = [:]
        for wave in waves {
            do {
                built.append(
                    try MunicipalityWaveEstimates.build(
                        slug: wave.slug, wave: wave.wave, register: register, suppressed: suppressed))
            } catch let error as MunicipalityProfileError {
                skipped[wave.slug] = error.description
            }
        }
        built.sort { ($0.structureDate, $0.slug) < ($1.structureDate, $1.slug) }
        return Computed(waves: built, skipped: skipped)
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
