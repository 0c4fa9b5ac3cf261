import FluentKit
import FornyeBarometer
import FornyeFormats
import FornyeStatistics
import FornyeStorage
import Foundation
import Testing
import VaporTesting

@testable import FornyeWeb

/// An anonymous wave from the respondents' first page to closing: what is asked, what is
/// stored, and that no stored row leads back to its unit.
@Suite struct AnonymousWaveTests {
    /// Ten units: five in Oslo and five in Bergen, all schools, so county survives the frame's check.
    static let frameCSV =
        "enhet,kommunenummer,sektor,enhetstype,epost\n"
        + (0..<10).map { "Skole \($0),\($0 < 5 ? "0301" : "4601"),2,5,s\($0)@example.no" }.joined(separator: "\n")

    static let privacy = WavePrivacy(
        organizer: "KS", contactEmail: "barometer@ks.example", purpose: nil, retentionUntil: CalendarDay("2099-12-31")!)

    /// The stored answers of every response of the wave.
    func storedRows(_ app: Application, _ wave: WaveRecord) async throws -> [[String: AnswerValue]] {
        try await ResponseRecord.query(on: app.db).filter(\.$wave.$id == wave.requireID()).all().map {
            try JSONDecoder().decode([String: AnswerValue].self, from: Data($0.answersJSON.utf8))
        }
    }

    /// How many of `units` a stored row could have come from: those whose background, at every
    /// background variable the row holds, has the row's value.
    func candidates(_ row: [String: AnswerValue], among units: [FrameBackground]) -> Int {
        units.filter { unit in
            BackgroundRelease.allVariables.allSatisfy { name in
                guard case .number(let value) = row[name] else { return true }
                return unit.value(of: name) == Int(value)
            }
        }.count
    }

    func answer(_ app: Application, token: String, send: Bool) async throws {
        let base = "/svar/\(token)"
        for (index, page) in nonInnovatorPages.enumerated() {
            let response = try await postForm(app, "\(base)/side/\(index + 1)", page + [("action", "next")])
            #expect(response.status == .seeOther)
        }
        guard send else { return }
        let review = try await app.get("\(base)/oversikt")
        #expect(try await postForm(app, "\(base)/send", hiddenFields(review.body.string)).status == .ok)
    }

    @Test func noStoredRowLeadsBackToItsUnit() async throws {
        try await withTestApp(seedDemoContent: false) { app in
            let instrument = try Instrument.innovasjonsbarometer2018
            let day = CalendarDay("2026-03-01")!
            let register = try MunicipalityRegister.bundled()
            let frame = SampleFrame(
                csv: Data(Self.frameCSV.utf8), file: "utvalg.csv", instrument: instrument, register: register, on: day)
            #expect(frame.isValid, "\(frame.issues)")
            let repository = CollectionRepository(database: app.db)
            let wave = try await repository.createWave(
                slug: "anonym", title: "Anonym bølge", instrument: instrument, mode: .anonymous, structureDate: day,
                units: frame.units, privacy: Self.privacy)
            let release = try #require(wave.backgroundRelease)
            #expect(release.variableNames.contains("county"))
            #expect(release.minimumGroup == 5)
            let tokens = try await repository.makeLinksForTesting(
                waveID: wave.requireID(), tokens: app.invitationTokens)
            try await repository.setStatus(.open, waveID: wave.requireID())
            let units = try frame.units.map {
                try FrameBackground(
                    kommunenummer: $0.kommunenummer, sector: $0.sector, unitType: $0.unitType, register: register,
                    on: day)
            }

            // The first page says who collects, why, what is stored, how long, and whom to ask.
            let intro = try await app.get("/svar/\(tokens[0])").body.string
            for text in [
                "Om personvern", "<dd>KS</dd>", "mailto:barometer@ks.example", "Svarene er anonyme", "fylke",
                "31. desember 2099", "slettes når du sender",
            ] {
                #expect(intro.contains(text), "\(text)")
            }
            let english = try await app.get("/svar/\(tokens[0])?lang=en").body.string
            #expect(english.contains("About privacy") && english.contains("31 December 2099"))
            // The questions the frame answers are not asked.
            let first = try await app.get("/svar/\(tokens[0])/side/1").body.string
            #expect(!first.contains("name=\"kommunenummer\"") && !first.contains("name=\"sector\""))

            // Five schools in Oslo and two in Bergen send; a third in Bergen only saves.
            for index in [0, 1, 2, 3, 4, 5, 6] { try await answer(app, token: tokens[index], send: true) }
            try await answer(app, token: tokens[7], send: false)
            #expect(try await DraftRecord.query(on: app.db).count() == 1)

            var rows = try await storedRows(app, wave)
            #expect(rows.count == 7)
            for row in rows {
                #expect(row["kommunenummer"] == nil)
                #expect(Set(row.keys).isDisjoint(with: ["county", "centrality"]) == false)
                // Within the frame, every row could be any of at least five units.
                #expect(candidates(row, among: units) >= 5, "\(row)")
            }

            // Closing deletes the unsent draft and coarsens over who answered: two Bergen schools
            // answered, so the county would single them out among the respondents.
            try await repository.setStatus(.closed, waveID: wave.requireID())
            #expect(try await DraftRecord.query(on: app.db).count() == 0)
            let closed = try #require(try await WaveRepository(database: app.db).record(slug: "anonym"))
            let after = try #require(closed.backgroundRelease)
            #expect(!after.variableNames.contains("county"))
            #expect(after.isCoarser(orEqualTo: release))
            rows = try await storedRows(app, wave)
            let answered = try await InvitationRecord.query(on: app.db).filter(\.$used == true).all()
            let unitIDs = try await repository.units(waveID: wave.requireID()).map { try $0.requireID() }
            let respondents = answered.map { units[unitIDs.firstIndex(of: $0.$sampleUnit.id)!] }
            #expect(respondents.count == 7)
            for row in rows {
                #expect(row["county"] == nil && row["landsdel"] == nil)
                // Joined with the list of who answered, a row is still one of at least five.
                #expect(candidates(row, among: respondents) >= 5, "\(row)")
                #expect(candidates(row, among: units) >= 5, "\(row)")
            }
            let codebook = try JSONDecoder().decode(Codebook.self, from: Data(closed.codebookJSON.utf8))
            #expect(codebook.variable(named: "county") == nil)
            // The wave still loads for analysis with the coarser codebook.
            let stored = try await WaveRepository(database: app.db).load(slug: "anonym")
            #expect(stored.dataset.rowCount == 7)
        }
    }

    @Test func aReplacedLinkCannotSendAndNamesTheContact() async throws {
        try await withTestApp(seedDemoContent: false) { app in
            let fixture = try await CollectionFixture.make(app, privacy: Self.privacy)
            let repository = CollectionRepository(database: app.db)
            try await repository.replaceLinks(
                waveID: fixture.wave.requireID(), unitIDs: [fixture.unitIDs[0]], tokens: app.invitationTokens)
            for path in ["", "/side/1", "/oversikt"] {
                let response = try await app.get("/svar/\(fixture.tokens[0])\(path)")
                #expect(response.status == .gone)
                #expect(response.body.string.contains("mailto:barometer@ks.example"))
            }
            let send = try await postForm(app, "/svar/\(fixture.tokens[0])/send", [("submission_key", "k")])
            #expect(send.status == .gone)
            #expect(try await ResponseRecord.query(on: app.db).count() == 0)
        }
    }
}
