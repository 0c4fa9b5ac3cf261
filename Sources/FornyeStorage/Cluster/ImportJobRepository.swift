public import FluentKit
import FluentSQL
import Foundation

/// A confirmed response import in the queue (`import_jobs`, migration 0069).
public struct ImportJobRecord: Sendable, Equatable {
    public enum State: String, Sendable {
        case queued, running, finished, failed
    }

    public var id: String
    public var waveID: UUID
    public var sessionHash: String
    public var actorID: UUID?
    public var filename: String
    public var format: String
    public var mappingYAML: String
    public var total: Int
    public var state: State
    public var done: Int
    public var stored: Int?
    public var error: String?
    public var attempts: Int
    public var claimedBy: String?
    public var created: Date

    public init(
        id: String, waveID: UUID, sessionHash: String, actorID: UUID?, filename: String, format: String,
        mappingYAML: String, total: Int, created: Date = Date()
    ) {
        self.id = id
        self.waveID = waveID
        self.sessionHash = sessionHash
        self.actorID = actorID
        self.filename = filename
        self.format = format
        self.mappingYAML = mappingYAML
        self.total = total
        self.state = .queued
        self.done = 0
        self.stored = nil
        self.error = nil
        self.attempts = 0
        self.claimedBy = nil
        self.created = created
    }
}

/// A job taken by one instance: the record, its file and the token of this attempt.
public struct ClaimedImportJob: Sendable {
    public var job: ImportJobRecord
    public var payload: Data
    public var token: String
}

public enum ImportJobError: Error, Equatable, CustomStringConvertible {
    /// The job was taken over by another attempt (this one was presumed dead): nothing was stored.
    case claimLost(String)

    public var description: String {
        switch self {
        case .claimLost(let id):
            return "import job \(id) was taken over by another instance; this attempt stored nothing"
        }
    }
}

/// The queue of response imports that every app instance on the database works from.
///
/// An instance claims the oldest waiting job (`FOR UPDATE SKIP LOCKED` on PostgreSQL, so two
/// instances never take the same one) with a new claim token; a running job whose instance stopped
/// sending heartbeats for `lease` seconds is waiting again. On SQLite (one instance only) a
/// running job claimed by another instance id is from a process that ended, and is taken at once.
/// A job is tried at most `maximumAttempts` times. Its rows are stored in one transaction that
/// also marks it finished (`markFinished`), only while the claim token is still its own.
public struct ImportJobRepository: Sendable {
    public let database: any Database
    /// Seconds without a heartbeat after which a running job is presumed dead.
    public let lease: Double
    public static let maximumAttempts = 3

    public init(database: any Database, lease: Double = 30) {
        self.database = database
        self.lease = lease
    }

    private var sql: any SQLDatabase {
        get throws { try LoginAttemptRepository.sql(database) }
    }

    /// Puts a job in the queue with its file.
    public func enqueue(_ job: ImportJobRecord, payload: Data) async throws {
        try await sql.raw(
            """
            INSERT INTO import_jobs (id, wave_id, session_hash, actor_id, filename, format, mapping_yaml, payload,
              total, state, done, attempts, created_at)
            VALUES (\(bind: job.id), \(bind: job.waveID), \(bind: job.sessionHash), \(bind: job.actorID),
              \(bind: job.filename), \(bind: job.format), \(bind: job.mappingYAML), \(bind: payload),
              \(bind: job.total), 'queued', 0, 0, \(bind: job.created.timeIntervalSince1970))
            """
        ).run()
    }

    /// Takes the oldest job that is waiting (queued before `queuedBefore`, when given) or whose
    /// instance is presumed dead, or `id` only when given, for `instance`; nil when there is none.
    public func claim(
        instance: String, id: String? = nil, queuedBefore: Date? = nil, now: Date = Date()
    ) async throws -> ClaimedImportJob? {
        let sql = try sql
        let postgres = sql.dialect.name == "postgresql"
        let at = now.timeIntervalSince1970
        let token = UUID().uuidString
        // PostgreSQL: other instances may be alive, so only a silent one's job is taken.
        // SQLite: there is one instance; a job claimed by another id was left by a process that ended.
        let abandoned: SQLQueryString =
            postgres
            ? "heartbeat_at < \(bind: at - lease)"
            : "claimed_by <> \(bind: instance)"
        let only: SQLQueryString = id.map { "AND id = \(bind: $0)" } ?? ""
        let waited = (queuedBefore ?? now).timeIntervalSince1970
        let lock: SQLQueryString = postgres ? "FOR UPDATE SKIP LOCKED" : ""
        let row = try await sql.raw(
            """
            UPDATE import_jobs SET state = 'running', claimed_by = \(bind: instance), claim_token = \(bind: token),
              heartbeat_at = \(bind: at), attempts = attempts + 1
            WHERE id = (SELECT id FROM import_jobs
              WHERE ((state = 'queued' AND created_at <= \(bind: waited)) OR (state = 'running' AND \(abandoned)))
                AND attempts < \(bind: Self.maximumAttempts) \(only)
              ORDER BY created_at LIMIT 1 \(lock))
            RETURNING id
            """
        ).first()
        guard let claimed = try row?.decode(column: "id", as: String.self),
            let job = try await self.job(claimed), let payload = try await self.payload(claimed)
        else { return nil }
        return ClaimedImportJob(job: job, payload: payload, token: token)
    }

    /// Jobs that were tried `maximumAttempts` times and whose last attempt died: failed for good.
    public func failExhausted(now: Date = Date()) async throws {
        let at = now.timeIntervalSince1970
        try await sql.raw(
            """
            UPDATE import_jobs SET state = 'failed', payload = NULL, finished_at = \(bind: at),
              error = 'interrupted \(unsafeRaw: String(Self.maximumAttempts)) times'
            WHERE state = 'running' AND attempts >= \(bind: Self.maximumAttempts) AND heartbeat_at < \(bind: at - lease)
            """
        ).run()
    }

    /// Says the attempt `token` is alive and has stored `done` rows so far. False when the job
    /// was taken over (the attempt should stop).
    @discardableResult
    public func heartbeat(_ id: String, token: String, done: Int, now: Date = Date()) async throws -> Bool {
        let row = try await sql.raw(
            """
            UPDATE import_jobs SET heartbeat_at = \(bind: now.timeIntervalSince1970), done = \(bind: done)
            WHERE id = \(bind: id) AND claim_token = \(bind: token) AND state = 'running' RETURNING id
            """
        ).first()
        return row != nil
    }

    /// Marks the job finished with `stored` rows, on `transaction`: the import's own transaction,
    /// so the rows and the mark commit together. Throws `ImportJobError.claimLost` (rolling the
    /// import back) when `claimed`'s token no longer holds the claim.
    public static func markFinished(
        _ claimed: ClaimedImportJob, stored: Int, on transaction: any Database, now: Date = Date()
    ) async throws {
        let row = try await LoginAttemptRepository.sql(transaction).raw(
            """
            UPDATE import_jobs SET state = 'finished', stored = \(bind: stored), done = \(bind: stored),
              payload = NULL, finished_at = \(bind: now.timeIntervalSince1970)
            WHERE id = \(bind: claimed.job.id) AND claim_token = \(bind: claimed.token) AND state = 'running'
            RETURNING id
            """
        ).first()
        if row == nil { throw ImportJobError.claimLost(claimed.job.id) }
    }

    /// Marks the attempt's job failed for good (the file cannot be imported as it is).
    public func fail(_ claimed: ClaimedImportJob, reason: String, now: Date = Date()) async throws {
        try await sql.raw(
            """
            UPDATE import_jobs SET state = 'failed', error = \(bind: String(reason.prefix(2000))), payload = NULL,
              finished_at = \(bind: now.timeIntervalSince1970)
            WHERE id = \(bind: claimed.job.id) AND claim_token = \(bind: claimed.token)
            """
        ).run()
    }

    /// Deletes jobs that ended before `cutoff`.
    public func deleteEnded(before cutoff: Date) async throws {
        try await sql.raw(
            "DELETE FROM import_jobs WHERE state IN ('finished', 'failed') AND finished_at < \(bind: cutoff.timeIntervalSince1970)"
        ).run()
    }

    public func job(_ id: String) async throws -> ImportJobRecord? {
        guard
            let row = try await sql.raw(
                """
                SELECT id, wave_id, session_hash, actor_id, filename, format, mapping_yaml, total, state, done, stored,
                  error, attempts, claimed_by, created_at FROM import_jobs WHERE id = \(bind: id)
                """
            ).first()
        else { return nil }
        var job = ImportJobRecord(
            id: try row.decode(column: "id", as: String.self), waveID: try row.decode(column: "wave_id", as: UUID.self),
            sessionHash: try row.decode(column: "session_hash", as: String.self),
            actorID: try row.decode(column: "actor_id", as: UUID?.self),
            filename: try row.decode(column: "filename", as: String.self),
            format: try row.decode(column: "format", as: String.self),
            mappingYAML: try row.decode(column: "mapping_yaml", as: String.self),
            total: try row.decode(column: "total", as: Int.self),
            created: Date(timeIntervalSince1970: try row.decode(column: "created_at", as: Double.self)))
        job.state = ImportJobRecord.State(rawValue: try row.decode(column: "state", as: String.self)) ?? .failed
        job.done = try row.decode(column: "done", as: Int.self)
        job.stored = try row.decode(column: "stored", as: Int?.self)
        job.error = try row.decode(column: "error", as: String?.self)
        job.attempts = try row.decode(column: "attempts", as: Int.self)
        job.claimedBy = try row.decode(column: "claimed_by", as: String?.self)
        return job
    }

    func payload(_ id: String) async throws -> Data? {
        try await sql.raw("SELECT payload FROM import_jobs WHERE id = \(bind: id)").first()?
            .decode(column: "payload", as: Data?.self)
    }
}
