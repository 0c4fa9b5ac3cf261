import FluentKit
import FluentSQL
import FornyeFormats
import FornyeStatistics
import FornyeStorage
import Foundation
import Synchronization
import Vapor

/// Runs confirmed response imports from the shared queue (`ImportJobRepository`): the job a
/// confirm request just queued, at once and in this instance, and every second any job that is
/// waiting or whose instance died (another instance's, on PostgreSQL), read and checked again
/// from its stored file. The rows and the job's "finished" mark are one transaction, so a job
/// whose instance is killed mid-import stored nothing and is stored once by the next attempt.
final class ImportJobRunner: LifecycleHandler, Sendable {
    /// This process's name in `import_jobs.claimed_by`.
    let instance = "\(ProcessInfo.processInfo.hostName)-\(getpid())-\(UUID().uuidString.prefix(8))"
    let pollInterval: Duration
    /// Seconds between heartbeats of a running job (the lease is `ImportJobRepository.lease`).
    let heartbeatInterval: Duration
    /// The queue's own logger: polling is no request's work, so its lines (the pool's too) must
    /// not land in the application's log as if they were.
    let logger = Logger(label: "fornye.import-queue")
    private let progress = Mutex<[String: Int]>([:])
    private let poller = Mutex<Task<Void, Never>?>(nil)

    init(pollInterval: Duration = .seconds(1), heartbeatInterval: Duration = .seconds(5)) {
        self.pollInterval = pollInterval
        self.heartbeatInterval = heartbeatInterval
    }

    /// Rows stored so far by a job running in this process (the job page shows the larger of
    /// this and the stored heartbeat).
    func localProgress(_ id: String) -> Int? { progress.withLock { $0[id] } }

    /// Takes waiting jobs every `pollInterval` until the application shuts down, or (`polling`
    /// false) once, a `pollInterval` after start, and tidies the queue.
    func start(_ app: Application, polling: Bool) {
        let task = Task { [self] in
            var rounds = 0
            while !Task.isCancelled {
                try? await Task.sleep(for: pollInterval)
                if Task.isCancelled { break }
                await runWaiting(app)
                if rounds % 60 == 0 {
                    let jobs = ImportJobRepository(database: queueDatabase(app))
                    try? await jobs.failExhausted()
                    try? await jobs.deleteEnded(before: Date().addingTimeInterval(-86_400))
                }
                rounds += 1
                if !polling { break }
            }
        }
        poller.withLock { $0 = task }
    }

    func shutdownAsync(_ application: Application) async {
        let task = poller.withLock { task -> Task<Void, Never>? in
            defer { task = nil }
            return task
        }
        task?.cancel()
        await task?.value
    }

    /// Takes and runs waiting jobs until there is none. A queued job gets a second to be taken
    /// by the instance whose request queued it.
    func runWaiting(_ app: Application) async {
        while !Task.isCancelled {
            let claimed: ClaimedImportJob?
            do {
                claimed = try await ImportJobRepository(database: queueDatabase(app)).claim(
                    instance: instance, queuedBefore: Date().addingTimeInterval(-1))
            } catch {
                logger.warning("import queue not read", metadata: ["error": "\(error)"])
                return
            }
            guard let claimed else { return }
            await run(claimed, dataset: nil, app: app)
        }
    }

    /// The database under the queue's logger.
    private func queueDatabase(_ app: Application) -> any Database {
        app.databases.database(.fornye, logger: logger, on: app.eventLoopGroup.any()) ?? app.db
    }

    /// Runs the job `id` in this process if no other instance took it first; `dataset` is the
    /// file as the confirm request checked it (so it is not read again).
    func runNow(_ id: String, dataset: Dataset, app: Application) async {
        do {
            guard let claimed = try await ImportJobRepository(database: app.db).claim(instance: instance, id: id) else {
                return
            }
            await run(claimed, dataset: dataset, app: app)
        } catch {
            app.logger.error("import job not claimed", metadata: ["job": "\(id)", "error": "\(error)"])
        }
    }

    private func run(_ claimed: ClaimedImportJob, dataset known: Dataset?, app: Application) async {
        let jobs = ImportJobRepository(database: app.db)
        let job = claimed.job
        let dataset: Dataset
        let wave: WaveRecord
        do {
            guard let record = try await WaveRecord.find(job.waveID, on: app.db) else {
                try await jobs.fail(claimed, reason: "The wave no longer exists.")
                return
            }
            wave = record
            if let known {
                dataset = known
            } else {
                dataset = try await Self.check(claimed, wave: wave)
            }
        } catch {
            try? await jobs.fail(claimed, reason: "\(error)")
            return
        }
        progress.withLock { $0[job.id] = 0 }
        // SQLite serves one instance, which needs no heartbeat (and its one writer is busy importing).
        let postgres = (app.db as? any SQLDatabase)?.dialect.name == "postgresql"
        let heartbeat = Task { [self] in
            while postgres && !Task.isCancelled {
                try? await Task.sleep(for: heartbeatInterval)
                if Task.isCancelled { break }
                let done = localProgress(job.id) ?? 0
                _ = try? await jobs.heartbeat(job.id, token: claimed.token, done: done)
            }
        }
        defer {
            heartbeat.cancel()
            progress.withLock { $0[job.id] = nil }
        }
        do {
            let stored = try await CollectionRepository(database: app.db).importResponses(
                waveID: job.waveID, dataset: dataset,
                progress: { [self] done in progress.withLock { $0[job.id] = done } },
                alsoInTransaction: { transaction in
                    try await ImportJobRepository.markFinished(claimed, stored: dataset.rowCount, on: transaction)
                })
            try await AuditLog(database: app.db).record(
                actor: job.actorID, action: .waveImported, target: wave.slug,
                details: "\(job.filename): \(stored) rows (\(job.format))")
            app.barometerStore.invalidate(wave.slug)
            try? await CacheVersions(database: app.db).bump(CacheVersions.barometer)
            app.municipalityStore.warmAfterWrite(app)
            app.logger.notice(
                "import stored",
                metadata: ["wave": "\(wave.slug)", "rows": "\(stored)", "attempt": "\(job.attempts)"])
        } catch ImportJobError.claimLost {
            app.logger.warning("import job taken over by another instance", metadata: ["job": "\(job.id)"])
        } catch {
            app.logger.error("import failed", metadata: ["wave": "\(wave.slug)", "error": "\(error)"])
            try? await jobs.fail(claimed, reason: "\(error)")
        }
    }

    /// The stored file read and checked again, as the confirm request did.
    static func check(_ claimed: ClaimedImportJob, wave: WaveRecord) async throws -> Dataset {
        let job = claimed.job
        guard let key = wave.instrumentVersion, let instrument = try CollectionInstruments.instrument(key: key),
            let format = SourceFormat(rawValue: job.format)
        else { throw Abort(.internalServerError, reason: "The wave's questionnaire or the file format is unknown.") }
        let mapping = try ImportMapping.parse(yaml: job.mappingYAML, file: job.filename)
        let table = try await ResponseImportController.read(
            claimed.payload, file: job.filename, format: format, sheet: mapping.sheet
        ).get()
        let checked = await Task.detached(priority: .userInitiated) { () -> Result<Dataset, ImportFailure> in
            do throws(ImportFailure) {
                return .success(try ResponseImporter.run(table, mapping: mapping, instrument: instrument).dataset)
            } catch {
                return .failure(error)
            }
        }.value
        return try checked.get()
    }
}

struct ImportJobRunnerKey: StorageKey {
    typealias Value = ImportJobRunner
}

extension Application {
    /// The import queue's runner of this instance.
    var importJobs: ImportJobRunner {
        guard let runner = storage[ImportJobRunnerKey.self] else {
            fatalError("FornyeApp.configure was not called on this Application")
        }
        return runner
    }
}
