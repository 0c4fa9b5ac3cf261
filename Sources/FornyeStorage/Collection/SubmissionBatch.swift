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
    /// - Throws: `StatisticsError.invalidValue` when an answer does not fit the instrument.
    public init(invitationID: UUID, submissionKey: String, answers: AnswerSet, instrument: Instrument) throws {
        let dataset = try instrument.dataset(responses: [answers])
        self.invitationID = invitationID
        self.submissionKey = submissionKey
        self.answersJSON = try AnswerRows(dataset).json(row: 0)
    }
}

/// Stores several submissions in one transaction: the statements of `CollectionRepository.submit`
/// for a whole group commit, one fsync for all of them.
///
/// Per submission the conditional claim stays its own statement ("unused → used" with its
/// submission key, only while the wave is open), so idempotency is decided per submission even
/// when the same invitation comes twice in one batch. The rest is one statement per batch: the
/// accepted responses in one INSERT, in a shuffled order with random ids (nothing in the table
/// follows the order they arrived in), the identified waves' links in one UPDATE, the drafts in
/// one DELETE. Statements for a batch of n: n claims + at most 4, plus BEGIN and COMMIT.
enum SubmissionBatch {
    /// Applies the batch on `transaction` (which must be one); outcomes in the batch's order.
    static func apply(_ batch: [PreparedSubmission], on transaction: any Database) async throws
        -> [SubmissionOutcome]
    {
        guard let sql = transaction as? any SQLDatabase else { throw StorageError.unsupportedDatabase }
        var outcomes: [SubmissionOutcome] = []
        outcomes.reserveCapacity(batch.count)
        var accepted: [(submission: PreparedSubmission, waveID: UUID)] = []
        for submission in batch {
            let claimed = try await sql.raw(
                """
                UPDATE \(ident: InvitationRecord.schema) SET used = \(bind: true), submission_key = \(bind: submission.submissionKey) \
                WHERE id = \(bind: submission.invitationID) AND used = \(bind: false) AND EXISTS (SELECT 1 FROM \(ident: WaveRecord.schema) \
                WHERE \(ident: WaveRecord.schema).id = \(ident: InvitationRecord.schema).wave_id AND status = \(bind: WaveRecord.Status.open.rawValue)) \
                RETURNING wave_id
                """
            ).first()
            if let claimed {
                accepted.append((submission, try claimed.decode(column: "wave_id", as: UUID.self)))
                outcomes.append(.accepted)
            } else {
                // Rare path: a repeat of a stored form, or a used invitation / closed wave.
                let row = try await sql.raw(
                    "SELECT used, submission_key FROM \(ident: InvitationRecord.schema) WHERE id = \(bind: submission.invitationID)"
                ).first()
                let used = try row?.decode(column: "used", as: Bool.self) ?? false
                let key = try row?.decode(column: "submission_key", as: String?.self)
                outcomes.append(used && key == submission.submissionKey ? .alreadyReceived : .refused)
            }
        }
        guard !accepted.isEmpty else { return outcomes }

        let waveIDs = Array(Set(accepted.map(\.waveID)))
        let identifiedWaves = Set(
            try await WaveRecord.query(on: transaction).filter(\.$id ~~ waveIDs).all()
                .filter { $0.collectionMode == .identified }.map { try $0.requireID() })
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
            try await DraftRecord.query(on: transaction)
                .filter(\.$invitation.$id ~~ Array(claimedIDs[start..<min(start + 500, claimedIDs.count)])).delete()
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
/// next transaction (up to `maximumBatch`), so under load the database sees one transaction —
/// with `synchronous=FULL`, one fsync — for many submissions, and a quiet server adds no delay. Each caller is answered only after the
/// transaction holding its submission has committed.
///
/// ```swift
/// let writer = SubmissionWriter(database: app.db)
/// let outcome = try await writer.submit(try PreparedSubmission(invitationID: id, submissionKey: key,
///     answers: answers, instrument: instrument))
/// ```
public actor SubmissionWriter {
    private let database: any Database
    private let maximumBatch: Int
    private let window: Duration
    private var pending: [(PreparedSubmission, CheckedContinuation<SubmissionOutcome, any Error>)] = []
    private var committing = false
    /// Transactions committed and submissions in them, for metrics and tests.
    public private(set) var statistics = Statistics()

    public struct Statistics: Sendable, Equatable {
        public var batches = 0
        public var submissions = 0
        public var largestBatch = 0
    }

    public init(database: any Database, maximumBatch: Int = 256, window: Duration = .zero) {
        self.database = database
        self.maximumBatch = max(1, maximumBatch)
        self.window = window
    }

    /// Stores the submission in the next group commit; returns once that has committed.
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
            for ((_, continuation), result) in zip(batch, results) { continuation.resume(with: result) }
        }
        committing = false
    }
}
