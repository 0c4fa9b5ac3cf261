public import FluentKit
import FluentSQL
public import FornyeBarometer
public import FornyeStatistics
import Foundation

/// What became of a submission.
public enum SubmissionOutcome: Sendable, Equatable {
    /// Stored now, in the transaction that also used the invitation and deleted the draft.
    case accepted
    /// The same form (same submission key) was stored before: nothing new is stored.
    case alreadyReceived
    /// The invitation was used by another submission, or the wave is not open: nothing stored.
    case refused
}

/// An invitation link as the questionnaire sees it (`CollectionRepository.link(tokenHash:)`).
public struct InvitationLink: Sendable, Equatable {
    public var invitationID: UUID
    public var used: Bool
    /// A newer link replaced this one.
    public var retired: Bool
    /// Nil for a status this version does not know.
    public var waveStatus: WaveRecord.Status?
    public var instrumentVersion: String?
    public var structureDate: String?
    public var waveTitle: String
    public var mode: CollectionMode?
    /// Nil for waves created before the privacy notice was asked for.
    public var privacy: WavePrivacy?
    /// Anonymous waves: the background stored with each response.
    public var release: BackgroundRelease?
    /// The unit's own frame values (they answer ``SampleFrameQuestions``).
    public var kommunenummer: String?
    public var sector: Int
    public var unitType: Int
    /// Whom to ask when the link is no longer valid; nil when the wave names nobody.
    public var contactEmail: String? { privacy?.contactEmail }
}

/// A sample unit and whether its invitation has been used, for fieldwork monitoring.
public struct UnitProgress: Sendable {
    public var unit: SampleUnitRecord
    public var answered: Bool
    public var invited: Bool
}

/// Running a wave: its sample frame, invitations, drafts and submissions.
///
/// Anonymity: a response row holds the answers and design values only. The invitation is marked
/// used in the same transaction, so monitoring can tell WHO answered (the unit of a used
/// invitation) but never WHAT, in anonymous waves; identified waves also store the response id
/// on the invitation.
public struct CollectionRepository: Sendable {
    public let database: any Database

    public init(database: any Database) {
        self.database = database
    }

    /// Creates a wave in `draft` status with its sample frame, all or nothing.
    ///
    /// An anonymous wave with a frame gets the least coarse background release that protects it
    /// (``anonymousRelease(for:structureDate:minimumGroup:)``) and the codebook that goes with it.
    /// - Throws: `StorageError.tooFewForAnonymity` when the frame is too small to be anonymous.
    @discardableResult
    public func createWave(
        slug: String, title: String, instrument: Instrument, mode: CollectionMode, structureDate: CalendarDay,
        units: [SampleUnit], synthetic: Bool = false, privacy: WavePrivacy? = nil, subtitle: String? = nil,
        minimumGroup: Int = BackgroundRelease.defaultMinimumGroup
    ) async throws -> WaveRecord {
        if try await WaveRepository(database: database).record(slug: slug) != nil {
            throw StorageError.duplicateWave(slug)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var codebook = instrument.codebook()
        var release: BackgroundRelease?
        // Without a frame there are no links, so nothing to link a response back to (imports only).
        if mode == .anonymous && !units.isEmpty {
            guard
                let chosen = try Self.anonymousRelease(
                    for: units, structureDate: structureDate, minimumGroup: minimumGroup)
            else { throw StorageError.tooFewForAnonymity(units: units.count, minimumGroup: minimumGroup) }
            release = chosen
            codebook = chosen.codebook(
                from: codebook,
                counties: try BackgroundRelease.counties(in: try MunicipalityRegister.bundled(), on: structureDate))
        }
        codebook.synthetic = synthetic
        let wave = WaveRecord(
            slug: slug, title: title, shortTitle: title, structureDate: structureDate.description,
            synthetic: synthetic, status: .draft,
            codebookJSON: String(decoding: try encoder.encode(codebook), as: UTF8.self), marginsJSON: "[]",
            weightSource: nil)
        let waveID = UUID()
        wave.id = waveID
        wave.instrumentVersion = CollectionInstruments.key(instrument)
        wave.collectionMode = mode
        wave.subtitle = subtitle
        if let release { wave.backgroundReleaseJSON = String(decoding: try encoder.encode(release), as: UTF8.self) }
        if let privacy {
            wave.organizer = privacy.organizer
            wave.contactEmail = privacy.contactEmail
            wave.purpose = privacy.purpose
            wave.retentionUntil = privacy.retentionUntil.description
        }
        let records = units.map { SampleUnitRecord(waveID: waveID, unit: $0) }
        let batches = stride(from: 0, to: records.count, by: 200).map {
            Array(records[$0..<min($0 + 200, records.count)])
        }
        try await database.transaction { transaction in
            try await wave.create(on: transaction)
            for batch in batches { try await batch.create(on: transaction) }
        }
        return wave
    }

    /// Waves collected in Fornye (those with an instrument), newest slug last.
    public func collectedWaves() async throws -> [WaveRecord] {
        try await WaveRecord.query(on: database).filter(\.$instrumentVersion != nil).sort(\.$slug).all()
    }

    /// Moves the wave to `status`. Closing an anonymous wave also deletes every unsent draft
    /// (they are tied to an invitation, so to a unit) and coarsens the stored background over
    /// the units that answered (``AnonymousClosing``), in the same transaction.
    public func setStatus(_ status: WaveRecord.Status, waveID: UUID) async throws {
        try await database.transaction { transaction in
            guard let wave = try await WaveRecord.find(waveID, on: transaction) else { return }
            if status == .closed, wave.status == .open, wave.collectionMode == .anonymous {
                try await AnonymousClosing.run(wave: wave, on: transaction)
            }
            wave.status = status
            try await wave.update(on: transaction)
            try await CacheVersions.waveChanged(waveID, on: transaction)
        }
    }

    /// The background release for an anonymous wave over `units`, nil when they are too few.
    public static func anonymousRelease(for units: [SampleUnit], structureDate: CalendarDay, minimumGroup: Int)
        throws -> BackgroundRelease?
    {
        let register = try MunicipalityRegister.bundled()
        let backgrounds = try units.map { unit in
            try FrameBackground(
                kommunenummer: unit.kommunenummer, sector: unit.sector, unitType: unit.unitType, register: register,
                on: structureDate)
        }
        return BackgroundRelease.choose(for: backgrounds, minimumGroup: minimumGroup)
    }

    /// Stores responses imported from a file (`ResponseImporter.run`) in one transaction: all
    /// rows or none. The dataset must have the wave's variables (the same instrument). Each row
    /// gets a random id and weight 1, like a response submitted through the questionnaire.
    /// `progress` is told the rows stored so far after each batch; `alsoInTransaction` runs in the
    /// same transaction after the rows (the import queue marks its job finished there).
    ///
    /// - Returns: the number of responses stored.
    @discardableResult
    public func importResponses(
        waveID: UUID, dataset: Dataset, progress: (@Sendable (Int) -> Void)? = nil,
        alsoInTransaction: (@Sendable (any Database) async throws -> Void)? = nil
    ) async throws -> Int {
        guard let wave = try await WaveRecord.find(waveID, on: database) else {
            throw StorageError.unknownWave(waveID.uuidString)
        }
        let codebook: Codebook
        do {
            codebook = try JSONDecoder().decode(Codebook.self, from: Data(wave.codebookJSON.utf8))
        } catch {
            throw StorageError.corruptWave(slug: wave.slug, "\(error)")
        }
        let release = wave.backgroundRelease
        let expected = Set(codebook.variables.map(\.name)).union(release == nil ? [] : SampleFrameQuestions.names)
        if let stranger = dataset.codebook.variables.first(where: { !expected.contains($0.name) }) {
            throw StorageError.corruptResponse(
                row: 1, variable: stranger.name, "the wave «\(wave.slug)» has no such variable")
        }
        let rows = try AnswerRows(dataset)
        let anonymousRows = try release.map { release in
            try AnonymousImport.jsonRows(
                dataset, release: release, day: wave.structureDate.flatMap(CalendarDay.init) ?? CalendarDay(Date()))
        }
        let ids = (0..<dataset.rowCount).map { _ in UUID() }
        try await database.transaction { transaction in
            // Answers are written while earlier rows are stored (see `ResponseRecord.insert`); a
            // row that cannot be written rolls the whole import back.
            try await ResponseRecord.insert(ids: ids, on: transaction, progress: progress) { index in
                ResponseRecord.Row(
                    id: ids[index], waveID: waveID, answersJSON: try anonymousRows?[index] ?? rows.json(row: index),
                    weight: 1, stratum: nil, psu: nil)
            }
            try await CacheVersions.waveChanged(waveID, on: transaction)
            try await alsoInTransaction?(transaction)
        }
        return ids.count
    }

    /// Whether a wave may go from `from` to `to`: draft → open ⇄ closed ⇄ published. Publishing
    /// (and unpublishing) only from and to closed, so a published wave never collects answers.
    public static func mayChangeStatus(from: WaveRecord.Status, to: WaveRecord.Status) -> Bool {
        switch (from, to) {
        case (.draft, .open), (.open, .closed), (.closed, .open), (.closed, .published), (.published, .closed):
            true
        default: false
        }
    }

    /// The sample unit `id` if it belongs to the wave `waveID`, else nil.
    public func unit(_ id: UUID, waveID: UUID) async throws -> SampleUnitRecord? {
        guard let unit = try await SampleUnitRecord.find(id, on: database), unit.$wave.id == waveID else { return nil }
        return unit
    }

    public func units(waveID: UUID) async throws -> [SampleUnitRecord] {
        try await SampleUnitRecord.query(on: database).filter(\.$wave.$id == waveID).sort(\.$rowNumber).all()
    }

    /// What answering through the link with this token hash needs, or nil for no such link.
    ///
    /// One narrow statement through SQLKit: every questionnaire request starts here, and the
    /// models' reflection and the wave's codebook JSON (`invitation(tokenHash:)`) cost more than
    /// storing a submission.
    public func link(tokenHash: String) async throws -> InvitationLink? {
        guard let sql = database as? any SQLDatabase else { throw StorageError.unsupportedDatabase }
        guard
            let row = try await sql.raw(
                """
                SELECT i.id, i.used, i.retired_at, w.status, w.instrument_version, w.structure_date, w.title, \
                w.collection_mode, w.organizer, w.contact_email, w.purpose, w.retention_until, w.background_release, \
                u.kommunenummer, u.sector, u.unit_type \
                FROM \(ident: InvitationRecord.schema) i JOIN \(ident: WaveRecord.schema) w ON w.id = i.wave_id \
                JOIN \(ident: SampleUnitRecord.schema) u ON u.id = i.sample_unit_id \
                WHERE i.token_hash = \(bind: tokenHash)
                """
            ).first()
        else { return nil }
        let organizer = try row.decode(column: "organizer", as: String?.self)
        let contact = try row.decode(column: "contact_email", as: String?.self)
        let retention = try row.decode(column: "retention_until", as: String?.self).flatMap(CalendarDay.init)
        let privacy = organizer.flatMap { organizer in
            contact.flatMap { contact in
                retention.map {
                    WavePrivacy(
                        organizer: organizer, contactEmail: contact,
                        purpose: try? row.decode(column: "purpose", as: String?.self), retentionUntil: $0)
                }
            }
        }
        return InvitationLink(
            invitationID: try row.decode(column: "id", as: UUID.self),
            used: try row.decode(column: "used", as: Bool.self),
            retired: try row.decode(column: "retired_at", as: Date?.self) != nil,
            waveStatus: WaveRecord.Status(rawValue: try row.decode(column: "status", as: String.self)),
            instrumentVersion: try row.decode(column: "instrument_version", as: String?.self),
            structureDate: try row.decode(column: "structure_date", as: String?.self),
            waveTitle: try row.decode(column: "title", as: String.self),
            mode: try row.decode(column: "collection_mode", as: String?.self).flatMap(CollectionMode.init),
            privacy: privacy,
            release: try row.decode(column: "background_release", as: String?.self).flatMap(WaveRecord.release(json:)),
            kommunenummer: try row.decode(column: "kommunenummer", as: String?.self),
            sector: try row.decode(column: "sector", as: Int.self),
            unitType: try row.decode(column: "unit_type", as: Int.self))
    }

    /// The invitation with this token hash and its wave.
    public func invitation(tokenHash: String) async throws -> (InvitationRecord, WaveRecord)? {
        // One statement: the invitation joined to its wave.
        guard
            let invitation = try await InvitationRecord.query(on: database)
                .join(WaveRecord.self, on: \InvitationRecord.$wave.$id == \WaveRecord.$id)
                .filter(\.$tokenHash == tokenHash).first()
        else { return nil }
        return (invitation, try invitation.joined(WaveRecord.self))
    }

    public func draft(invitationID: UUID) async throws -> AnswerSet? {
        try await savedDraft(invitationID: invitationID)?.answers
    }

    /// The draft with the page the respondent was on.
    public func savedDraft(invitationID: UUID) async throws -> DraftAnswers.Saved? {
        try await DraftRecord.query(on: database).filter(\.$invitation.$id == invitationID).first()
            .map { DraftAnswers.decodeSaved($0.answersJSON) }
    }

    /// Stores the answers so far and the page to resume on; refused (false) once the invitation is used.
    @discardableResult
    public func saveDraft(invitationID: UUID, answers: AnswerSet, page: String? = nil) async throws -> Bool {
        let json = DraftAnswers.encode(answers, page: page)
        do {
            return try await writeDraft(invitationID: invitationID, json: json)
        } catch is DraftRefused {
            return false
        }
    }

    private func writeDraft(invitationID: UUID, json: String) async throws -> Bool {
        try await database.transaction { transaction in
            guard let sql = transaction as? any SQLDatabase else { throw StorageError.unsupportedDatabase }
            // Write first, so SQLite takes the write lock at the first statement.
            let updated = try await sql.raw(
                "UPDATE \(ident: DraftRecord.schema) SET answers_json = \(bind: json) WHERE invitation_id = \(bind: invitationID) RETURNING id"
            ).all()
            if updated.isEmpty {
                try await DraftRecord(invitationID: invitationID, answersJSON: json).create(on: transaction)
            }
            guard let invitation = try await InvitationRecord.find(invitationID, on: transaction), !invitation.used,
                invitation.retiredAt == nil
            else {
                throw DraftRefused()
            }
            return true
        }
    }

    private struct DraftRefused: Error {}

    /// Stores a completed response in one transaction: marks the invitation used (only if it was
    /// unused and its wave open), inserts the response, links it in identified waves, deletes the
    /// draft. Repeating the same `submissionKey` stores nothing and answers `.alreadyReceived`.
    /// The web server sends submissions through a `SubmissionWriter` (group commit) instead; both
    /// run `SubmissionBatch`.
    ///
    /// - Parameter answers: completed answers; they are turned into the wave's codebook variables.
    public func submit(
        invitationID: UUID, submissionKey: String, answers: AnswerSet, instrument: Instrument
    ) async throws -> SubmissionOutcome {
        let submission = try PreparedSubmission(
            invitationID: invitationID, submissionKey: submissionKey, answers: answers, instrument: instrument)
        return try await database.transaction { try await SubmissionBatch.apply([submission], on: $0)[0] }
    }

    /// Every unit of the frame with whether it was invited and whether it answered.
    public func progress(waveID: UUID) async throws -> [UnitProgress] {
        let units = try await self.units(waveID: waveID)
        let answered = try await Self.answeredUnitIDs(waveID: waveID, on: database)
        let invited = Set(
            try await InvitationRecord.query(on: database).filter(\.$wave.$id == waveID).all().map(\.$sampleUnit.id))
        return try units.map { unit in
            let id = try unit.requireID()
            return UnitProgress(unit: unit, answered: answered.contains(id), invited: invited.contains(id))
        }
    }

    public func responseCount(waveID: UUID) async throws -> Int {
        try await ResponseRecord.query(on: database).filter(\.$wave.$id == waveID).count()
    }

    static func answeredUnitIDs(waveID: UUID, on database: any Database) async throws -> Set<UUID> {
        Set(
            try await InvitationRecord.query(on: database).filter(\.$wave.$id == waveID).filter(\.$used == true)
                .all().map(\.$sampleUnit.id))
    }
}
