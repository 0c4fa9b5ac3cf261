import FluentKit
import FluentSQL
import FornyeBarometer
import FornyeTestSupport
import Foundation
import Testing

@testable import FornyeStorage

@Suite struct SubmissionWriterTests {
    static let answers: AnswerSet = [
        "kommunenummer": .text("0301"), "sector": .code(1), "unit_type": .code(1), "role": .code(1),
        "innovated_service": .code(2), "innovated_product": .code(2), "innovated_organisation": .code(2),
        "innovated_communication": .code(2), "development_underway": .code(1),
    ]

    /// An open wave of `count` units, each invited; returns the wave and the invitation ids.
    static func openWave(
        _ database: any Database, mode: CollectionMode, count: Int
    ) async throws -> (WaveRecord, [UUID]) {
        let instrument = try Instrument.innovasjonsbarometer2018
        let csv =
            "enhet,kommunenummer,sektor,enhetstype,epost\n"
            + (0..<count).map { "Enhet \($0),0301,1,1,e\($0)@example.test" }.joined(separator: "\n")
        let frame = SampleFrame(
            csv: Data(csv.utf8), file: "utvalg.csv", instrument: instrument,
            register: try MunicipalityRegister.bundled(), on: CalendarDay("2026-03-01")!)
        let repository = CollectionRepository(database: database)
        let wave = try await repository.createWave(
            slug: "gruppe-\(mode.rawValue)", title: "Gruppe (syntetisk)", instrument: instrument, mode: mode,
            structureDate: CalendarDay("2026-03-01")!, units: frame.units, synthetic: true, minimumGroup: 1)
        let waveID = try wave.requireID()
        try await repository.makeMissingLinks(waveID: waveID, tokens: InvitationTokens(secret: .random()))
        try await repository.setStatus(.open, waveID: waveID)
        let invitations = try await InvitationRecord.query(on: database).filter(\.$wave.$id == waveID).all()
        return (wave, try invitations.map { try $0.requireID() })
    }

    @Test(arguments: TestDatabase.all, CollectionMode.allCases)
    func groupCommitStoresEachSubmissionOnceAndAnswersAfterCommit(database: TestDatabase, mode: CollectionMode)
        async throws
    {
        try await database.withRuntime { storage in
            let (_, invitations) = try await Self.openWave(storage.database, mode: mode, count: 30)
            let instrument = try Instrument.innovasjonsbarometer2018
            // A window so that the concurrent submissions surely meet in one transaction.
            let writer = SubmissionWriter(database: storage.database, window: .milliseconds(200))
            // Each invitation once, 10 sent twice with the same key (a retry), 5 with another key.
            var submissions: [PreparedSubmission] = []
            for (index, id) in invitations.enumerated() {
                let submission = try PreparedSubmission(
                    invitationID: id, submissionKey: "key-\(index)", answers: Self.answers, instrument: instrument)
                submissions.append(submission)
                if index < 10 { submissions.append(submission) }
                if (10..<15).contains(index) {
                    var other = submission
                    other.submissionKey = "other-\(index)"
                    submissions.append(other)
                }
            }
            let outcomes = try await withThrowingTaskGroup(of: SubmissionOutcome.self) { group in
                for submission in submissions { group.addTask { try await writer.submit(submission) } }
                return try await group.reduce(into: [SubmissionOutcome]()) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 == .accepted }.count == 30)
            #expect(outcomes.filter { $0 == .alreadyReceived }.count == 10)
            #expect(outcomes.filter { $0 == .refused }.count == 5)
            let statistics = await writer.statistics
            #expect(statistics.submissions == 45)
            #expect(statistics.batches < 45 && statistics.largestBatch > 1)
            let responses = try await ResponseRecord.query(on: storage.database).all()
            #expect(responses.count == 30)
            let used = try await InvitationRecord.query(on: storage.database).filter(\.$used == true).all()
            #expect(used.count == 30)
            // Tasks of a group start in no set order: for 10–14 either key may have come first
            // (the other is refused); every invitation is claimed by one of its own keys.
            let keys = used.compactMap(\.submissionKey)
            #expect(keys.count == 30)
            for index in 0..<30 {
                let own = keys.filter { $0 == "key-\(index)" || $0 == "other-\(index)" }
                #expect(own.count == 1 && (index >= 10 && index < 15 || own.first == "key-\(index)"), "\(index)")
            }
            let links = used.compactMap { $0.$response.id }
            switch mode {
            case .identified: #expect(Set(links) == Set(responses.compactMap(\.id)))
            case .anonymous: #expect(links.isEmpty)
            }
            let stored = try await WaveRepository(database: storage.database).load(slug: "gruppe-\(mode.rawValue)")
            #expect(stored.dataset.rowCount == 30)
        }
    }

    /// One batch with repeats: the first for an invitation is claimed, later ones are judged
    /// after it (same key: already received; another key: refused), as if they came later.
    @Test(arguments: TestDatabase.all)
    func repeatsInOneBatchAreJudgedAfterTheFirst(database: TestDatabase) async throws {
        try await database.withRuntime { storage in
            let (_, invitations) = try await Self.openWave(storage.database, mode: .identified, count: 3)
            let instrument = try Instrument.innovasjonsbarometer2018
            func submission(_ invitation: Int, _ key: String) throws -> PreparedSubmission {
                try PreparedSubmission(
                    invitationID: invitations[invitation], submissionKey: key, answers: Self.answers,
                    instrument: instrument)
            }
            let first = [try submission(2, "kept")]
            let earlier = try await storage.database.transaction { try await SubmissionBatch.apply(first, on: $0) }
            #expect(earlier == [.accepted])
            let batch = [
                try submission(0, "a"), try submission(0, "a"), try submission(0, "other"), try submission(2, "kept"),
                try submission(2, "new"), try submission(1, "b"),
            ]
            let outcomes = try await storage.database.transaction { try await SubmissionBatch.apply(batch, on: $0) }
            #expect(outcomes == [.accepted, .alreadyReceived, .refused, .alreadyReceived, .refused, .accepted])
            #expect(try await ResponseRecord.query(on: storage.database).count() == 3)
            let keys = try await InvitationRecord.query(on: storage.database).all().map(\.submissionKey)
            #expect(Set(keys.compactMap { $0 }) == ["a", "b", "kept"])
        }
    }

    /// `FORNYE_SQLITE_SYNCHRONOUS=FULL` on an SQLite file: the writer gets a connection of its own
    /// at NORMAL and fsyncs the WAL itself; every submission is stored once and answered after a sync.
    @Test func fullOnAFileSyncsTheWALBeforeAnswering() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fornye-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("db.sqlite").path
        let configuration = StorageConfiguration(backend: .sqlite(path: path))
        let storage = try StorageRuntime(configuration: configuration)
        do {
            try await storage.migrate()
            let writing = try await StorageSetup.submissionWriting(
                configuration, databases: storage.databases, logger: storage.logger,
                environment: ["FORNYE_SQLITE_SYNCHRONOUS": "full"])
            #expect(writing.durability == .syncWAL(path: path + "-wal"))
            let sql = try #require(writing.database as? any SQLDatabase)
            #expect(try await sql.raw("PRAGMA synchronous").first()?.decode(column: "synchronous", as: Int.self) == 1)
            let (_, invitations) = try await Self.openWave(storage.database, mode: .identified, count: 20)
            let instrument = try Instrument.innovasjonsbarometer2018
            let writer = SubmissionWriter(database: writing.database, durability: writing.durability)
            let submissions = try invitations.enumerated().map {
                try PreparedSubmission(
                    invitationID: $0.element, submissionKey: "k\($0.offset)", answers: Self.answers,
                    instrument: instrument)
            }
            let outcomes = try await withThrowingTaskGroup(of: SubmissionOutcome.self) { group in
                for submission in submissions + submissions.prefix(5) {
                    group.addTask { try await writer.submit(submission) }
                }
                return try await group.reduce(into: [SubmissionOutcome]()) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 == .accepted }.count == 20)
            #expect(outcomes.filter { $0 == .alreadyReceived }.count == 5)
            let statistics = await writer.statistics
            #expect(statistics.walSyncs >= 1 && statistics.walSyncs <= statistics.batches)
            // Read through the server's other connections: committed, not only in the writer's.
            #expect(try await ResponseRecord.query(on: storage.database).count() == 20)
            let normal = try await StorageSetup.submissionWriting(
                configuration, databases: storage.databases, logger: storage.logger, environment: [:])
            #expect(normal.durability == .commit)
        } catch {
            await storage.shutdown()
            throw error
        }
        await storage.shutdown()
    }

    /// A submission is not acknowledged when the fsync after its commit fails; it was committed,
    /// so sending the same form again is answered "already received", not stored twice.
    /// Item 26 of issue 20: a sent draft of an anonymous wave leaves no copy in the SQLite files.
    @Test func aSentDraftLeavesNoTraceInTheFileOrItsLog() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fornye-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("db.sqlite").path
        let configuration = StorageConfiguration(backend: .sqlite(path: path))
        let storage = try StorageRuntime(configuration: configuration)
        do {
            try await storage.migrate()
            let writing = try await StorageSetup.submissionWriting(
                configuration, databases: storage.databases, logger: storage.logger, environment: [:])
            #expect(writing.walCheckpointInterval == .seconds(1))
            let (_, invitations) = try await Self.openWave(storage.database, mode: .anonymous, count: 3)
            let marker = "utkast-\(UUID().uuidString)"
            let repository = CollectionRepository(database: storage.database)
            for round in 0..<3 {
                try await repository.saveDraft(
                    invitationID: invitations[0], answers: ["kommunenummer": .text("\(marker)-\(round)")])
            }
            func traces() throws -> Int {
                [path, path + "-wal"].filter { FileManager.default.fileExists(atPath: $0) }.reduce(0) { count, file in
                    let data = try? Data(contentsOf: URL(filePath: file))
                    return count + (data?.range(of: Data(marker.utf8)) == nil ? 0 : 1)
                }
            }
            #expect(try traces() > 0, "the draft is on disk before it is sent")
            let writer = SubmissionWriter(
                database: writing.database, durability: writing.durability, walCheckpointInterval: .zero)
            let outcome = try await writer.submit(
                try PreparedSubmission(
                    invitationID: invitations[0], submissionKey: "k", answers: Self.answers,
                    instrument: try Instrument.innovasjonsbarometer2018))
            #expect(outcome == .accepted)
            // The checkpoint follows the answer (it is not on the respondent's path).
            for _ in 0..<100 where await writer.statistics.walCheckpoints == 0 {
                try await Task.sleep(for: .milliseconds(20))
            }
            #expect(await writer.statistics.walCheckpoints == 1)
            #expect(try traces() == 0, "neither the database file nor its write-ahead log keeps the draft")
            #expect((try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0 == 0)
        } catch {
            await storage.shutdown()
            throw error
        }
        await storage.shutdown()
    }

    @Test func aFailedSyncAnswersNoSubmission() async throws {
        try await TestDatabase.sqlite.withRuntime { storage in
            let (_, invitations) = try await Self.openWave(storage.database, mode: .anonymous, count: 1)
            let submission = try PreparedSubmission(
                invitationID: invitations[0], submissionKey: "once", answers: Self.answers,
                instrument: try Instrument.innovasjonsbarometer2018)
            let missing = "/nonexistent-\(UUID().uuidString)/db.sqlite-wal"
            let writer = SubmissionWriter(database: storage.database, durability: .syncWAL(path: missing))
            await #expect(throws: StorageError.self) { try await writer.submit(submission) }
            let again = SubmissionWriter(database: storage.database)
            #expect(try await again.submit(submission) == .alreadyReceived)
            #expect(try await ResponseRecord.query(on: storage.database).count() == 1)
        }
    }

    /// On SQLite the responses' rowids are random: batches take their ids' first bytes, and a row
    /// inserted any other way (here FluentKit's `create`, one at a time) is moved off the next rowid.
    @Test func sqliteResponsesHaveRandomRowids() async throws {
        try await TestDatabase.sqlite.withRuntime { storage in
            let sql = try #require(storage.database as? any SQLDatabase)
            let definition = try #require(
                try await sql.raw("SELECT sql FROM sqlite_master WHERE name = 'responses'").first()?
                    .decode(column: "sql", as: String.self))
            #expect(!definition.uppercased().contains("WITHOUT ROWID"))
            let (wave, invitations) = try await Self.openWave(storage.database, mode: .anonymous, count: 20)
            let instrument = try Instrument.innovasjonsbarometer2018
            let batch = try invitations.enumerated().map {
                try PreparedSubmission(
                    invitationID: $0.element, submissionKey: "k\($0.offset)", answers: Self.answers,
                    instrument: instrument)
            }
            _ = await SubmissionBatch.commit(batch, on: storage.database)
            let stored = try await sql.raw("SELECT rowid AS r, id FROM responses").all()
            #expect(stored.count == 20)
            for row in stored {
                let id = try row.decode(column: "id", as: UUID.self)
                #expect(try row.decode(column: "r", as: Int64.self) == ResponseRecord.storageKey(id))
            }

            let json = try #require(try await ResponseRecord.query(on: storage.database).first()).answersJSON
            var created: [UUID] = []
            for _ in 0..<30 {
                let record = ResponseRecord(
                    waveID: try wave.requireID(), answersJSON: json, weight: 1, stratum: nil, psu: nil)
                try await record.create(on: storage.database)
                created.append(try record.requireID())
            }
            var rowids: [Int64] = []
            for id in created {
                rowids.append(
                    try #require(
                        try await sql.raw("SELECT rowid AS r FROM responses WHERE id = \(bind: id)").first()?
                            .decode(column: "r", as: Int64.self)))
            }
            #expect(rowids != rowids.sorted())
            #expect(zip(rowids, rowids.dropFirst()).allSatisfy { $1 != $0 + 1 })
            #expect(Set(rowids).count == 30)
        }
    }

    /// Validate before the batch, and if the database still refuses one submission, only that one fails.
    @Test func aSubmissionTheDatabaseRefusesFailsAlone() async throws {
        try await TestDatabase.sqlite.withRuntime { storage in
            let (_, invitations) = try await Self.openWave(storage.database, mode: .identified, count: 3)
            let sql = try #require(storage.database as? any SQLDatabase)
            try await sql.raw(
                """
                CREATE TRIGGER poison BEFORE UPDATE ON invitations WHEN NEW.submission_key = 'poison' \
                BEGIN SELECT RAISE(ABORT, 'poisoned'); END
                """
            ).run()
            let instrument = try Instrument.innovasjonsbarometer2018
            let batch = try zip(invitations, ["a", "poison", "c"]).map {
                try PreparedSubmission(
                    invitationID: $0.0, submissionKey: $0.1, answers: Self.answers, instrument: instrument)
            }
            let results = await SubmissionBatch.commit(batch, on: storage.database)
            #expect(results.count == 3)
            #expect((try? results[0].get()) == .accepted)
            #expect((try? results[1].get()) == nil)
            #expect((try? results[2].get()) == .accepted)
            #expect(try await ResponseRecord.query(on: storage.database).count() == 2)
            #expect(try await InvitationRecord.query(on: storage.database).filter(\.$used == true).count() == 2)
        }
    }

    /// A fresh SQLite file migrated up to, but without, the `left` migrations: a database as an
    /// earlier Fornye left it, for a test of the migration that comes next.
    static func withDatabaseBefore(
        _ left: @escaping (any Migration) -> Bool, _ body: (StorageRuntime) async throws -> Void
    ) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fornye-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let storage = try StorageRuntime(
            configuration: .init(backend: .sqlite(path: directory.appendingPathComponent("db.sqlite").path)))
        do {
            let earlier = Migrations()
            earlier.add(StorageMigrations.all.filter { !left($0) }, to: .fornye)
            let migrator = Migrator(
                databases: storage.databases, migrations: earlier, logger: storage.logger,
                on: storage.databases.eventLoopGroup.any())
            try await migrator.setupIfNeeded().get()
            try await migrator.prepareBatch().get()
            try await body(storage)
        } catch {
            await storage.shutdown()
            throw error
        }
        await storage.shutdown()
    }

    /// After a rebuild of `responses`: the same invitations link to responses, no foreign key
    /// dangles, and deleting the wave still cascades to its responses.
    static func expectLinksKeptAndCascade(_ storage: StorageRuntime, linksBefore: [UUID]) async throws {
        let sql = try #require(storage.database as? any SQLDatabase)
        let linksAfter = try await InvitationRecord.query(on: storage.database).all().compactMap { $0.$response.id }
        #expect(Set(linksAfter) == Set(linksBefore))
        #expect(try await sql.raw("PRAGMA foreign_key_check").all().isEmpty)
        try await WaveRecord.query(on: storage.database).delete()
        #expect(try await ResponseRecord.query(on: storage.database).count() == 0)
    }

    /// Migration 0024 rebuilds an existing rowid table: rows and identified links are kept.
    @Test func theMigrationKeepsResponsesAndLinks() async throws {
        try await Self.withDatabaseBefore({ $0 is M0024ResponsesWithoutOrder || $0 is M0027ResponsesRandomRowid }) {
            storage in
            let (_, invitations) = try await Self.openWave(storage.database, mode: .identified, count: 4)
            let repository = CollectionRepository(database: storage.database)
            let instrument = try Instrument.innovasjonsbarometer2018
            for (index, id) in invitations.prefix(3).enumerated() {
                #expect(
                    try await repository.submit(
                        invitationID: id, submissionKey: "k\(index)", answers: Self.answers, instrument: instrument)
                        == .accepted)
            }
            let sql = try #require(storage.database as? any SQLDatabase)
            // Before: an ordinary table, whose rowids count up in submission order.
            #expect(try await sql.raw("SELECT rowid FROM responses").all().count == 3)
            let linksBefore = try await InvitationRecord.query(on: storage.database).all()
                .compactMap { $0.$response.id }
            #expect(linksBefore.count == 3)

            try await M0024ResponsesWithoutOrder().prepare(on: storage.database)

            await #expect(throws: (any Error).self) { try await sql.raw("SELECT rowid FROM responses").run() }
            let ids = try await ResponseRecord.query(on: storage.database).all().compactMap(\.id)
            #expect(Set(ids) == Set(linksBefore))
            try await Self.expectLinksKeptAndCascade(storage, linksBefore: linksBefore)
        }
    }

    /// Migration 0027 rebuilds the `WITHOUT ROWID` table of 0024 as an ordinary one: rows,
    /// identified links and the cascade are kept; rowids are random.
    @Test func theRandomRowidMigrationKeepsResponsesAndLinks() async throws {
        try await Self.withDatabaseBefore({ $0 is M0027ResponsesRandomRowid }) { storage in
            let (wave, invitations) = try await Self.openWave(storage.database, mode: .identified, count: 40)
            let json = try PreparedSubmission(
                invitationID: invitations[0], submissionKey: "k", answers: Self.answers,
                instrument: try Instrument.innovasjonsbarometer2018
            ).answersJSON
            // As the code of 0024's time stored them (today's batches write rowids, which a
            // table without rowid refuses): one by one, each linked to its invitation.
            for id in invitations.prefix(30) {
                let response = ResponseRecord(
                    waveID: try wave.requireID(), answersJSON: json, weight: 1, stratum: nil, psu: nil)
                try await response.create(on: storage.database)
                let invitation = try #require(try await InvitationRecord.find(id, on: storage.database))
                invitation.$response.id = try response.requireID()
                try await invitation.save(on: storage.database)
            }
            let sql = try #require(storage.database as? any SQLDatabase)
            await #expect(throws: (any Error).self) { try await sql.raw("SELECT rowid FROM responses").run() }
            let before = try await ResponseRecord.query(on: storage.database).all()
            let linksBefore = try await InvitationRecord.query(on: storage.database).all()
                .compactMap { $0.$response.id }
            #expect(linksBefore.count == 30)

            try await M0027ResponsesRandomRowid().prepare(on: storage.database)

            let after = try await ResponseRecord.query(on: storage.database).all()
            #expect(
                Dictionary(uniqueKeysWithValues: after.map { ($0.id!, $0.answersJSON) })
                    == Dictionary(uniqueKeysWithValues: before.map { ($0.id!, $0.answersJSON) }))
            // Copied in key order, but to random rowids: that order is not the rowid order.
            let byRowid = try await sql.raw("SELECT id FROM responses ORDER BY rowid").all()
                .map { try $0.decode(column: "id", as: UUID.self) }
            #expect(byRowid.count == 30)
            #expect(byRowid.map(\.uuidString) != byRowid.map(\.uuidString).sorted())
            #expect(
                try await sql.raw("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'responses'")
                    .all().count == 1)
            #expect(
                try await sql.raw("SELECT name FROM sqlite_master WHERE name = 'responses_wave_id'").all().count == 1)
            try await Self.expectLinksKeptAndCascade(storage, linksBefore: linksBefore)
        }
    }
}
