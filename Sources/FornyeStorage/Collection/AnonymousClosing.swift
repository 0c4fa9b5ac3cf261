import FluentKit
import FluentSQL
public import FornyeBarometer
import FornyeFormats
import FornyeStatistics
import Foundation

/// What closing an anonymous wave does to what is stored, inside the closing transaction.
///
/// While the wave was open, each response carried its unit's background at a level that every
/// combination shares with at least k units of the frame. Who answered is known too (the
/// invitation's used flag, for reminders), so a combination shared by fewer than k *respondents*
/// would let the rows be matched to the units that answered. Closing therefore coarsens the
/// stored rows over the units that answered, and deletes the drafts that were never sent (each
/// is tied to an invitation, hence to a unit).
enum AnonymousClosing {
    static func run(wave: WaveRecord, on database: any Database) async throws {
        let waveID = try wave.requireID()
        guard let sql = database as? any SQLDatabase else { throw StorageError.unsupportedDatabase }
        let invitationIDs = try await InvitationRecord.query(on: database).filter(\.$wave.$id == waveID).all(\.$id)
        for start in stride(from: 0, to: invitationIDs.count, by: 500) {
            let slice = Array(invitationIDs[start..<min(start + 500, invitationIDs.count)])
            try await sql.raw("DELETE FROM \(ident: DraftRecord.schema) WHERE invitation_id IN (\(binds: slice))").run()
        }
        guard let current = wave.backgroundReleaseJSON.flatMap(WaveRecord.release(json:)),
            let day = wave.structureDate.flatMap(CalendarDay.init)
        else { return }
        let answered = try await CollectionRepository.answeredUnitIDs(waveID: waveID, on: database)
        let register = try MunicipalityRegister.bundled()
        let respondents = try await SampleUnitRecord.query(on: database).filter(\.$wave.$id == waveID).all()
            .filter { answered.contains(try $0.requireID()) }
            .map { unit in
                try FrameBackground(
                    kommunenummer: unit.kommunenummer, sector: unit.sector, unitType: unit.unitType,
                    register: register, on: day)
            }
        // With fewer respondents than k, no level protects them; nothing is kept.
        let closing =
            BackgroundRelease.choose(for: respondents, minimumGroup: current.minimumGroup, within: current)
            ?? BackgroundRelease(geography: .none, unit: .none, minimumGroup: current.minimumGroup)
        guard closing != current else { return }
        try await coarsen(waveID: waveID, to: closing, on: database)
        var codebook = try JSONDecoder().decode(Codebook.self, from: Data(wave.codebookJSON.utf8))
        let dropped = Set(current.variableNames).subtracting(closing.variableNames)
        codebook.variables.removeAll { dropped.contains($0.name) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        wave.codebookJSON = String(decoding: try encoder.encode(codebook), as: UTF8.self)
        wave.backgroundReleaseJSON = String(decoding: try encoder.encode(closing), as: UTF8.self)
    }

    /// Drops the variables `release` no longer holds from every stored response of the wave.
    static func coarsen(waveID: UUID, to release: BackgroundRelease, on database: any Database) async throws {
        let dropped = Set(BackgroundRelease.allVariables).subtracting(release.variableNames)
        for response in try await ResponseRecord.query(on: database).filter(\.$wave.$id == waveID).all() {
            var answers = try JSONDecoder().decode([String: AnswerValue].self, from: Data(response.answersJSON.utf8))
            guard answers.keys.contains(where: dropped.contains) else { continue }
            for name in dropped { answers[name] = nil }
            response.answersJSON = try ResponseAnswers.json(answers)
            try await response.update(on: database)
        }
    }
}

extension WaveRecord {
    /// A stored `BackgroundRelease`; nil for text this version cannot read.
    static func release(json: String) -> BackgroundRelease? {
        try? JSONDecoder().decode(BackgroundRelease.self, from: Data(json.utf8))
    }

    /// The background each response of this anonymous wave carries; nil for identified waves.
    public var backgroundRelease: BackgroundRelease? { backgroundReleaseJSON.flatMap(Self.release(json:)) }
}
