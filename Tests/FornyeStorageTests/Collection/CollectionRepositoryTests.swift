import FluentKit
import FluentSQL
import FornyeBarometer
import FornyeFormats
import Foundation
import Logging
import Testing

@testable import FornyeStorage

@Suite struct CollectionRepositoryTests {
    func withFileStorage(_ body: (StorageRuntime) async throws -> Void) async throws {
        try await withSQLiteFile { storage, _, _ in try await body(storage) }
    }

    func frame() throws -> [SampleUnit] {
        let csv = "enhet,kommunenummer,sektor,enhetstype,epost\nA,0301,1,1,a@example.test\nB,,2,6,b@example.test\n"
        let frame = SampleFrame(
            csv: Data(csv.utf8), file: "utvalg.csv", instrument: try Instrument.innovasjonsbarometer2018,
            register: try MunicipalityRegister.bundled(),
            on: CalendarDay("2026-03-01")!)
        #expect(frame.issues.isEmpty)
        return frame.units
    }

    let answers: AnswerSet = [
        "sector": .code(1), "unit_type": .code(1), "role": .code(1), "innovated_service": .code(2),
        "innovated_product": .code(2), "innovated_organisation": .code(2), "innovated_communication": .code(2),
    ]

    @Test func sqliteFilesRunInWALWithTheChosenSynchronousLevel() async throws {
        try await withFileStorage { storage in
            let normal = try await StorageSetup.prepare(
                storage.configuration, databases: storage.databases, logger: storage.logger, environment: [:])
            #expect(normal?.journalMode == "wal")
            #expect(normal?.synchronous == 1)
            let full = try await StorageSetup.prepare(
                storage.configuration, databases: storage.databases, logger: storage.logger,
                environment: ["FORNYE_SQLITE_SYNCHRONOUS": "full"])
            #expect(full?.synchronous == 2)
        }
    }

    @Test func racingSubmissionsOfOneInvitationStoreOneResponse() async throws {
        try await withFileStorage { storage in
            let repository = CollectionRepository(database: storage.database)
            let instrument = try Instrument.innovasjonsbarometer2018
            let wave = try await repository.createWave(
                slug: "race", title: "Race", instrument: instrument, mode: .anonymous,
                structureDate: CalendarDay("2026-03-01")!, units: try frame(), minimumGroup: 1)
            let waveID = try wave.requireID()
            let tokens = try await repository.makeLinksForTesting(
                waveID: waveID, tokens: InvitationTokens(secret: .random()))
            try await repository.setStatus(.open, waveID: waveID)
            let hash = InvitationToken.hash(tokens[0])
            let (invitation, linkedWave) = try #require(try await repository.invitation(tokenHash: hash))
            let invitationID = try invitation.requireID()
            // The narrow lookup the questionnaire uses says what the models say.
            #expect(
                try await repository.link(tokenHash: hash)
                    == InvitationLink(
                        invitationID: invitationID, used: false, retired: false, waveStatus: .open,
                        instrumentVersion: linkedWave.instrumentVersion, structureDate: "2026-03-01", waveTitle: "Race",
                        mode: .anonymous, privacy: nil, release: linkedWave.backgroundRelease, kommunenummer: "0301",
                        sector: 1, unitType: 1))
            #expect(linkedWave.instrumentVersion != nil)
            #expect(try await repository.link(tokenHash: InvitationToken.hash(InvitationToken.generate())) == nil)
            #expect(try await repository.saveDraft(invitationID: invitationID, answers: answers))
            let answers = answers
            // Two at a time, each through its own connection (another event loop's), so the two
            // transactions really race on SQLite's write lock. Never more than one per connection:
            // a queued request would wait on the pool's 10 s clock, which a full parallel test run
            // can starve of the cooperative threads that hand the connection on.
            let one = storage.database
            let other = try #require(storage.database(beside: one))
            var outcomes: [SubmissionOutcome] = []
            for wave in 0..<4 {
                outcomes += try await withThrowingTaskGroup(of: SubmissionOutcome.self) { group in
                    for (index, database) in [one, other].enumerated() {
                        let attempt = 2 * wave + index
                        group.addTask {
                            try await CollectionRepository(database: database).submit(
                                invitationID: invitationID, submissionKey: attempt < 4 ? "key-1" : "key-\(attempt)",
                                answers: answers, instrument: instrument)
                        }
                    }
                    return try await group.reduce(into: []) { $0.append($1) }
                }
            }
            #expect(outcomes.filter { $0 == .accepted }.count == 1)
            #expect(try await ResponseRecord.query(on: storage.database).count() == 1)
            #expect(try await DraftRecord.query(on: storage.database).count() == 0)
            // Once used, a draft can no longer be written.
            #expect(try await repository.saveDraft(invitationID: invitationID, answers: answers) == false)
            #expect(try await DraftRecord.query(on: storage.database).count() == 0)
            let stored = try await WaveRepository(database: storage.database).load(slug: "race")
            #expect(stored.dataset.rowCount == 1)
        }
    }

    @Test func sampleFrameProblemsAreLocatedAndRefuseTheWholeFile() throws {
        let csv = """
            enhet;kommunenummer;sektor;enhetstype;epost
            "Skole; nord";0301;Utdanning og oppvekst;Grunnskole;a@example.test
            ;12;9;1;a@example.test
            """
        let frame = SampleFrame(
            csv: Data(csv.utf8), file: "utvalg.csv", instrument: try Instrument.innovasjonsbarometer2018,
            register: try MunicipalityRegister.bundled(),
            on: CalendarDay("2026-03-01")!)
        #expect(!frame.isValid)
        #expect(frame.units.map(\.name) == ["Skole; nord"])
        #expect(frame.units.first?.sector == 2 && frame.units.first?.unitType == 5)
        let messages = frame.issues.map(\.description)
        #expect(messages.contains("row 3, column «enhet»: the unit has no name"))
        #expect(
            messages.contains("row 3, column «kommunenummer»: «12» is not a kommunenummer (four digits, e.g. 0301)"))
        #expect(messages.contains { $0.hasPrefix("row 3, column «sektor»: «9» is not one of 1 = Helse og omsorg") })
        #expect(
            messages.contains(
                "row 3, column «epost»: «a@example.test» is also on row 2; each unit needs its own invitation"))
        let missingColumn = SampleFrame(
            rows: [["enhet", "epost"]], instrument: try Instrument.innovasjonsbarometer2018, register: nil,
            on: CalendarDay("2026-03-01")!)
        #expect(missingColumn.issues.contains { $0.description.contains("no column «sektor»") })
        #expect(missingColumn.issues.allSatisfy { $0.row == 1 })
    }

    @Test func draftsRoundTripEveryKindOfAnswer() {
        let answers: AnswerSet = [
            "a": .code(2), "b": .codes([3, 1]), "c": .codes([]), "d": .number(2.5), "e": .text("«hei» & \"du\""),
        ]
        #expect(DraftAnswers.decode(DraftAnswers.encode(answers)) == answers)
    }

    @Test func draftsKeepThePageAndOldDraftsStayReadable() {
        let answers: AnswerSet = ["a": .code(2), "e": .text("x")]
        let saved = DraftAnswers.encode(answers, page: "innovation")
        #expect(DraftAnswers.decodeSaved(saved) == DraftAnswers.Saved(answers: answers, page: "innovation"))
        // The page is not an answer.
        #expect(DraftAnswers.decode(saved) == answers)
        // A draft from before the page was kept.
        let old = #"{"a":{"c":2},"e":{"t":"x"}}"#
        #expect(DraftAnswers.decodeSaved(old) == DraftAnswers.Saved(answers: answers, page: nil))
    }

    @Test func csvWritingQuotesAndDefusesFormulas() throws {
        let text = CSVTable.write([["a,b", "=SUM(A1)", "x\"y"]])
        #expect(text == "\"a,b\",'=SUM(A1),\"x\"\"y\"\r\n")
        #expect(try CSVTable.parse(text, file: "t.csv").header == ["a,b", "'=SUM(A1)", "x\"y"])
    }

    @Test func aBrokenFrameFileIsOneIssueAtItsLineAndColumn() throws {
        let csv = "enhet,kommunenummer,sektor,enhetstype,epost\nA,0301,1,1,a@example.test\n\"B,,2,6,b@example.test\n"
        let frame = SampleFrame(
            csv: Data(csv.utf8), file: "utvalg.csv", instrument: try Instrument.innovasjonsbarometer2018,
            register: nil, on: CalendarDay("2026-03-01")!)
        #expect(!frame.isValid)
        #expect(frame.issues.count == 1)
        #expect(frame.issues.first?.row == 3)
        #expect(frame.issues.first?.column == "enhet")
        #expect(frame.issues.first?.message.contains("never closed") == true)
        let latin1 = SampleFrame(
            csv: Data([0x65, 0x6E, 0x68, 0x65, 0x74, 0x0A, 0xE6, 0x0A]), file: "utvalg.csv",
            instrument: try Instrument.innovasjonsbarometer2018, register: nil, on: CalendarDay("2026-03-01")!)
        #expect(latin1.issues.first?.row == 2)
        #expect(latin1.issues.first?.message.contains("not UTF-8") == true)
    }
}
