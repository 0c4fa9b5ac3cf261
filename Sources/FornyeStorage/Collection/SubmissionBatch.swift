public import FluentKit
import FluentSQL
public import FornyeBarometer
import FornyeStatistics
import Foundation

/// A completed questionnaire checked and encoded outside any transaction, so that a batch can
/// only fail for reasons of the database itself (validate before the batch).
public struct PreparedSubmission: Sendable, Equatable {
    public var invitationID: UUID
    public var submissionKey: String
    /// The response row's `answers_json`: the wave's codebook variables.
    public var answersJSON: String

    /// Turns completed answers into the wave's codebook variables.
    ///
    /// - Parameter background: for anonymous waves, the released background
    ///   (`BackgroundRelease.values(of:)`): it is stored instead of the answers the sample frame
    ///   gave (``SampleFrameQuestions``), which are dropped.
    /// - Throws: `StatisticsError.invalidValue` when an answer does not fit the instrument.
    public init(
        invitationID: UUID, submissionKey: String, answers: AnswerSet, instrument: Instrument,
        background: [String: Int]? = nil
    ) throws {
        self.invitationID = invitationID
        self.submissionKey = submissionKey
        guard let background else {
            self.answersJSON = try AnswerRows(instrument.dataset(responses: [answers])).json(row: 0)
            return
        }
        var kept = answers
        for name in SampleFrameQuestions.names { kept[name] = nil }
        let values = try ResponseAnswers.answers(of: instrument.dataset(responses: [kept]), row: 0)
        self.answersJSON = try ResponseAnswers.json(ResponseAnswers.anonymised(values, background: background))
    }
}

/// Stores several submissions in one transaction: the statements of `CollectionRepository.submit`
/// for a whole group commit, one fsync for all of them.
///
/// The conditional claim ("unused → used" with its submission key, only while the wave is open)
/// is one UPDATE for the whole batch; idempotency is still decided per submission: a second
/// submission for the same invitation in one batch is judged after the first, as if it came
/// later. Then one statement each: the accepted responses in one INSERT, in a shuffled order
/// with random ids (nothing in the table follows the order they arrived in), the identified
/// waves' links in one UPDATE, the drafts in one DELETE. Statements for a batch of up to 200:
/// at most 6 (one more SELECT when something was not claimed), plus BEGIN and COMMIT; each
/// statement is a hop to SQLite's thread and back, which made n claims the larger part of a batch.
enum SubmissionBatch {
    /// Submissions per claim statement: 3 bound values each, far below both databases' limits.
    static let claimChunk = 200

    /// Applies the batch on `transaction` (which must be one); outcomes in the batch's order.
    static func apply(_ batch: [PreparedSubmission], on transaction: any Database) async throws
        -> [SubmissionOutcome]
    {
        guard let sql = transaction as? any SQLDatabase else { throw StorageError.unsupportedDatabase }
        // The first submission for each invitation goes into the claim; a repeat within the batch
        // is decided after it, as if it had come in the next transaction.
        var first: [UUID: Int] = [:]
        for (index, submission) in batch.enumerated() where first[submission.invitationID] == nil {
            first[submission.invitationID] = index
        }
        let claimants = first.values.sorted()
        var claimed: [UUID: UUID] = [:]  // invitation → its wave
        for start in stride(from: 0, to: claimants.count, by: claimChunk) {
            let chunk = claimants[start..<min(start + claimChunk, claimants.count)].map { batch[$0] }
            var keys: SQLQueryString = ""
            for submission in chunk {
                keys += " WHEN \(bind: submission.invitationID) THEN \(bind: submission.submissionKey)"
            }
            // "unused → used" with its submission key, only while the wave is open.
            let rows = try await sql.raw(
                """
                UPDATE \(ident: InvitationRecord.schema) SET used = \(bind: true), submission_key = CASE id\(keys) END \
                WHERE id IN (\(binds: chunk.map(\.invitationID))) AND used = \(bind: false) AND retired_at IS NULL AND EXISTS (SELECT 1 FROM \(ident: WaveRecord.schema) \
                WHERE \(ident: WaveRecord.schema).id = \(ident: InvitationRecord.schema).wave_id AND status = \(bind: WaveRecord.Status.open.rawValue)) \
                RETURNING id, wave_id
                """
            ).all()
            for row in rows {
                claimed[try row.decode(column: "id", as: UUID.self)] = try row.decode(column: "wave_id", as: UUID.self)
            }
        }
        // Rare path: a repeat of a stored form, or a used invitation / closed wave.
        let unclaimed = batch.enumerated().filter {
            first[$0.element.invitationID] != $0.offset || claimed[$0.element.invitationID] == nil
        }
        var stored: [UUID: (used: Bool, key: String?)] = [:]
        let unclaimedIDs = Array(Set(unclaimed.map(\.element.invitationID)))
        for start in stride(from: 0, to: unclaimedIDs.count, by: claimChunk) {
            let rows = try await sql.raw(
                "SELECT id, used, submission_key FROM \(ident: InvitationRecord.schema) WHERE id IN (\(binds: Array(unclaimedIDs[start..<min(start + claimChunk, unclaimedIDs.count)])))"
            ).all()
            for row in rows {
                stored[try row.decode(column: "id", as: UUID.self)] = (
                    try row.decode(column: "used", as: Bool.self),
                    try row.decode(column: "submission_key", as: String?.self)
                )
            }
        }
        var outcomes: [SubmissionOutcome] = []
        outcomes.reserveCapacity(batch.count)
        var accepted: [(submission: PreparedSubmission, waveID: UUID)] = []
        for (index, submission) in batch.enumerated() {
            if first[submission.invitationID] == index, let waveID = claimed[submission.invitationID] {
                accepted.append((submission, waveID))
                outcomes.append(.accepted)
            } else {
                let row = stored[submission.invitationID]
                outcomes.append(row?.used == true && row?.key == submission.submissionKey ? .alreadyReceived : .refused)
            }
        }
        guard !accepted.isEmpty else { return outcomes }

        let waveIDs = Array(Set(accepted.map(\.waveID)))
        // SQLKit rather than FluentKit queries: their model reflection cost more than the statements.
        let identifiedWaves = Set(
            try await sql.raw(
                """
                SELECT id FROM \(ident: WaveRecord.schema) WHERE id IN (\(binds: waveIDs)) \
                AND collection_mode = \(bind: CollectionMode.identified.rawValue)
                """
            ).all().map { try $0.decode(column: "id", as: UUID.self) })
        var records: [ResponseRecord] = []
        var links: [(invitationID: UUID, responseID: UUID)] = []
        for (submission, waveID) in accepted.shuffled() {
            let responseID = UUID()
            records.append(
                ResponseRecord(
                    id: responseID, waveID: waveID, answersJSON: submission.answersJSON, weight: 1, stratum: nil,
                    psu: nil))
            if identifiedWaves.contains(waveID) { links.append((submission.invitationID, responseID)) }
        }
        try await ResponseRecord.insertAll(records, on: transaction)
        for start in stride(from: 0, to: links.count, by: 100) {
            let slice = links[start..<min(start + 100, links.count)]
            var cases: SQLQueryString = ""
            for link in slice { cases += " WHEN \(bind: link.invitationID) THEN \(bind: link.responseID)" }
            try await sql.raw(
                "UPDATE \(ident: InvitationRecord.schema) SET response_id = CASE id\(cases) END WHERE id IN (\(binds: slice.map(\.invitationID)))"
            ).run()
        }
        let claimedIDs = accepted.map(\.submission.invitationID)
        for start in stride(from: 0, to: claimedIDs.count, by: 500) {
            let slice = Array(claimedIDs[start..<min(start + 500, claimedIDs.count)])
            try await sql.raw("DELETE FROM \(ident: DraftRecord.schema) WHERE invitation_id IN (\(binds: slice))").run()
        }
        return outcomes
    }

    /// One transaction for the whole batch; if it fails, each submission again in its own
    /// transaction, so a submission the database refuses fails alone. Nothing is reported before
    /// its transaction has committed.
    static func commit(_ batch: [PreparedSubmission], on database: any Database) async
        -> [Result<SubmissionOutcome, any Error>]
    {
        do {
            let outcomes = try await database.transaction { try await apply(batch, on: $0) }
            return outcomes.map { .success($0) }
        } catch {
            guard batch.count > 1 else { return [.failure(error)] }
            var results: [Result<SubmissionOutcome, any Error>] = []
            for submission in batch {
                do {
                    let outcome = try await database.transaction { try await apply([submission], on: $0) }
                    results.append(.success(outcome[0]))
                } catch {
                    results.append(.failure(error))
                }
            }
            return results
        }
    }
}

/// The one writer of questionnaire submissions in a server process: group commit.
///
/// A submission that finds the writer idle is committed after `window` (zero by default: at
/// once). Those that arrive meanwhile or while a commit runs wait and then go together in the
/// next transaction (up to `maximumBatch`), so under load the database sees one transaction for
/// many submissions, and a quiet server adds no delay. Each caller is answered only after the
/// transaction holding its submission has committed and, with `durability: .syncWAL(path)`,
/// after the write-ahead log has been fsynced since that commit.
///
/// ```swift
/// let writer = SubmissionWriter(database: app.db)
/// let outcome = try await writer.submit(try PreparedSubmission(invitationID: id, submissionKey: key,
///     answers: answers, instrument: instrument))
/// ```
public actor SubmissionWriter {
    /// When a committed batch counts as durable.
    public enum Durability: Sendable, Equatable {
        /// As soon as COMMIT returns: the database's own setting decides (PostgreSQL, SQLite in
        /// memory, or SQLite whose commits fsync themselves).
        case commit
        /// SQLite in WAL mode with `synchronous=NORMAL` on the writer's connection: after COMMIT
        /// the writer fsyncs the WAL file at `path` itself, which is what `synchronous=FULL` adds
        /// to NORMAL in WAL mode, but on its own thread: the next batch is written meanwhile,
        /// and one fsync covers every batch committed before it started.
        case syncWAL(path: String)
    }

    private let database: any Database
    private let maximumBatch: Int
    private let window: Duration
    private let durability: Durability
    /// SQLite files: how often at most the WAL is checkpointed and truncated after a batch, so
    /// the earlier versions of deleted drafts (answers beside an invitation id) do not linger.
    private let walCheckpointInterval: Duration?
    private var lastCheckpoint: ContinuousClock.Instant?
    private typealias Waiter = CheckedContinuation<SubmissionOutcome, any Error>
    private var pending: [(PreparedSubmission, Waiter)] = []
    private var committing = false
    /// Committed, waiting for the WAL fsync before they are answered.
    private var unsynced: [(Waiter, Result<SubmissionOutcome, any Error>)] = []
    private var syncing = false
    private var directorySynced = false
    private let syncQueue = DispatchQueue(label: "fornye.submissions.wal-sync")
    /// Transactions committed and submissions in them, for metrics and tests.
    public private(set) var statistics = Statistics()

    public struct Statistics: Sendable, Equatable {
        public var batches = 0
        public var submissions = 0
        public var largestBatch = 0
        /// fsyncs of the WAL file (`.syncWAL` only); fewer than batches when one covered several.
        public var walSyncs = 0
        /// `wal_checkpoint(TRUNCATE)` runs that completed (SQLite files only).
        public var walCheckpoints = 0
    }

    public init(
        database: any Database, maximumBatch: Int = 256, window: Duration = .zero, durability: Durability = .commit,
        walCheckpointInterval: Duration? = nil
    ) {
        self.walCheckpointInterval = walCheckpointInterval
        self.database = database
        self.maximumBatch = max(1, maximumBatch)
        self.window = window
        self.durability = durability
    }

    /// Stores the submission in the next group commit; returns once that has committed (and,
    /// with `.syncWAL`, been fsynced).
    public func submit(_ submission: PreparedSubmission) async throws -> SubmissionOutcome {
        try await withCheckedThrowingContinuation { continuation in
            pending.append((submission, continuation))
            if !committing {
                committing = true
                Task { await self.drain() }
            }
        }
    }

    private func drain() async {
        if window > .zero { try? await Task.sleep(for: window) }
        while !pending.isEmpty {
            let count = min(pending.count, maximumBatch)
            let batch = Array(pending.prefix(count))
            pending.removeFirst(count)
            // The actor is free while the transaction runs, so new submissions gather meanwhile.
            let results = await SubmissionBatch.commit(batch.map(\.0), on: database)
            statistics.batches += 1
            statistics.submissions += batch.count
            statistics.largestBatch = max(statistics.largestBatch, batch.count)
            switch durability {
            case .commit:
                for ((_, continuation), result) in zip(batch, results) { continuation.resume(with: result) }
            case .syncWAL(let path):
                unsynced.append(contentsOf: zip(batch.map(\.1), results))
                if !syncing {
                    syncing = true
                    Task { await self.syncWAL(path: path) }
                }
            }
            await checkpointIfDue()
        }
        committing = false
    }

    /// A TRUNCATE checkpoint when the last one is `walCheckpointInterval` ago. Best effort: with
    /// readers in the way SQLite answers busy, and the next batch tries again.
    private func checkpointIfDue() async {
        guard let interval = walCheckpointInterval, let sql = database as? any SQLDatabase else { return }
        let now = ContinuousClock.now
        if let last = lastCheckpoint, now - last < interval { return }
        lastCheckpoint = now
        guard let row = try? await sql.raw("PRAGMA wal_checkpoint(TRUNCATE)").first(),
            (try? row.decode(column: "busy", as: Int.self)) == 0
        else { return }
        statistics.walCheckpoints += 1
    }

    /// Answers committed batches after an fsync of the WAL that began after their commit.
    private func syncWAL(path: String) async {
        while !unsynced.isEmpty {
            let waiting = unsynced
            unsynced = []
            let syncDirectory = !directorySynced
            let failure = await withCheckedContinuation { continuation in
                syncQueue.async { continuation.resume(returning: Self.syncToDisk(path, directory: syncDirectory)) }
            }
            statistics.walSyncs += 1
            if failure == nil { directorySynced = true }
            for (continuation, result) in waiting {
                // Not acknowledged unless durable; a retry of a committed form is "already received".
                if let failure { continuation.resume(throwing: failure) } else { continuation.resume(with: result) }
            }
        }
        syncing = false
    }

    /// fsync of the file at `path` (and once of its directory, so that the WAL file's own entry
    /// is durable too); on Linux fsync flushes the file whichever descriptor it is called on.
    private static func syncToDisk(_ path: String, directory: Bool) -> StorageError? {
        var paths = [path]
        if directory { paths.append((path as NSString).deletingLastPathComponent) }
        for target in paths {
            let descriptor = open(target.isEmpty ? "." : target, O_RDONLY)
            guard descriptor >= 0 else { return .walSyncFailed(target, errno: errno) }
            defer { close(descriptor) }
            guard fsync(descriptor) == 0 else { return .walSyncFailed(target, errno: errno) }
        }
        return nil
    }
}
