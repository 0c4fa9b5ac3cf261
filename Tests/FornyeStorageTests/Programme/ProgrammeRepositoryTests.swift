import FluentKit
import FornyeBarometer
import FornyeTestSupport
import Foundation
import Testing

@testable import FornyeStorage

@Suite struct ProgrammeRepositoryTests {
    static let register = try! MunicipalityRegister.bundled()

    static func line(_ number: String, _ status: ProgrammeStatus, amount: Int? = nil) -> ProgrammeApplication {
        ProgrammeApplication(
            municipalityNumber: number, units: ["Oppvekst"], call: "FORKOMMUNE 2018",
            applicationDate: CalendarDay("2018-04-10")!, status: status, amountNOK: amount)
    }

    static let three = [line("0806", .granted, amount: 300_000), line("1103", .rejected), line("0301", .notApplied)]

    func repository(_ runtime: StorageRuntime) -> ProgrammeRepository {
        ProgrammeRepository(database: runtime.database, register: Self.register)
    }

    @Test(arguments: TestDatabase.all)
    func importsAppendOrReplaceAllOrNothing(database: TestDatabase) async throws {
        try await database.withRuntime { runtime in
            let repository = repository(runtime)
            try await repository.importApplications(Self.three, replace: false, actor: nil, source: "a.csv")
            try await repository.importApplications([Self.three[0]], replace: false, actor: nil, source: "b.csv")
            #expect(try await repository.list().map(\.application) == Self.three + [Self.three[0]])

            // One bad line (Bergen's 2024 number in 2018) and nothing changes.
            let bad = [Self.line("5034", .granted), Self.line("4601", .rejected)]
            await #expect(throws: ProgrammeStorageError.self) {
                try await repository.importApplications(bad, replace: true, actor: nil, source: "c.csv")
            }
            #expect(try await repository.count() == 4)

            try await repository.importApplications([bad[0]], replace: true, actor: nil, source: "d.csv")
            #expect(try await repository.list().map(\.application) == [bad[0]])
            let log = try await AuditLog(database: runtime.database).entries(AuditFilter(action: .programmeImported))
            #expect(Set(log.entries.compactMap(\.target)) == ["a.csv", "b.csv", "d.csv"])
            #expect(log.entries.first { $0.target == "d.csv" }?.details == "1 line(s), replaced 4 line(s)")
            #expect(log.entries.first { $0.target == "b.csv" }?.details == "1 line(s), appended")
        }
    }

    @Test(arguments: TestDatabase.all)
    func listsFilterEditsDeletesAndExportsAudited(database: TestDatabase) async throws {
        try await database.withRuntime { runtime in
            let repository = repository(runtime)
            try await repository.importApplications(Self.three, replace: true, actor: nil, source: "a.csv")
            #expect(try await repository.list(ProgrammeFilter(status: .rejected)).map(\.application) == [Self.three[1]])
            #expect(try await repository.list(ProgrammeFilter(municipalityNumber: "0301")).count == 1)
            #expect(try await repository.list(ProgrammeFilter(call: "other")).isEmpty)

            let analyst = UUID()
            let stored = try await repository.list()
            var edited = stored[1].application
            edited.status = .granted
            edited.projectStart = CalendarDay("2018-09-01")
            try await repository.update(id: stored[1].id, with: edited, actor: analyst)
            #expect(try await repository.list()[1].application == edited)

            var invalid = edited
            invalid.projectEnd = CalendarDay("2018-01-01")
            await #expect(throws: ProgrammeStorageError.self) {
                try await repository.update(id: stored[1].id, with: invalid, actor: analyst)
            }
            await #expect(throws: ProgrammeStorageError.unknownApplication(stored[0].id)) {
                try await repository.delete(id: stored[0].id, actor: analyst)
                try await repository.delete(id: stored[0].id, actor: analyst)
            }
            let exported = try await repository.export(format: "csv", actor: analyst)
            #expect(exported == [edited, Self.three[2]])

            let log = AuditLog(database: runtime.database)
            let mine = try await log.entries(AuditFilter(actorID: analyst)).entries
            #expect(Set(mine.map(\.action)) == ["programme.exported", "programme.deleted", "programme.edited"])
            #expect(mine.count == 3)
            #expect(mine.first { $0.action == "programme.edited" }?.details == "status, prosjektstart")
            #expect(mine.first { $0.action == "programme.exported" }?.details == "csv, 2 line(s)")
        }
    }

    @Test(arguments: TestDatabase.all)
    func casesAreStoredCodedAndCounted(database: TestDatabase) async throws {
        try await database.withRuntime { runtime in
            let repository = repository(runtime)
            try await repository.replaceCases(ReportInterviewCases.all, actor: nil, source: "tab V-5")
            let stored = try await repository.cases()
            #expect(stored.map(\.record) == ReportInterviewCases.all)

            var skien = stored[0].record
            skien.themes = [
                .init(list: InterviewThemes.successFactor.id, code: 1),
                .init(list: InterviewThemes.barrier.id, code: 1),
            ]
            skien.sector = 1
            try await repository.updateCase(id: stored[0].id, with: skien, actor: nil)
            let back = try await repository.cases()[0].record
            #expect(back.themes == skien.themes.sorted() && back.sector == 1)

            let counts = try await repository.themeCounts()
            #expect(counts.groupSizes == [.granted: 9, .rejected: 4, .notApplied: 5])
            #expect(counts.rows.filter { $0.total > 0 }.map(\.label) == ["Driftsfokus", "Forankring"])

            skien.themes = [.init(list: "nope", code: 9)]
            await #expect(throws: ProgrammeStorageError.self) {
                try await repository.updateCase(id: stored[0].id, with: skien, actor: nil)
            }
        }
    }

    @Test(arguments: TestDatabase.all)
    func theDemoSeedsTheSyntheticRegisterAndTheReportsCasesOnce(database: TestDatabase) async throws {
        try await database.withRuntime { runtime in
            let seeded = try await ProgrammeDemoContent.seedIfEmpty(runtime.database)
            #expect(seeded.lines == 54 && seeded.cases == 18)
            let lines = try await repository(runtime).list().map(\.application)
            #expect(lines.allSatisfy { $0.synthetic })
            let again = try await ProgrammeDemoContent.seedIfEmpty(runtime.database)
            #expect(again.lines == 0 && again.cases == 0)
        }
    }
}
