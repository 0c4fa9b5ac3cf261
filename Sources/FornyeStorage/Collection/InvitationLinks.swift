public import FluentKit
import FluentSQL
public import FornyeBarometer
import Foundation

/// A unit of the frame with its link as it stands.
public struct UnitLink: Sendable {
    public enum State: Sendable, Equatable {
        /// The unit has answered; it needs no link.
        case answered
        /// The unit's live link, the same every time it is shown.
        case link(token: String)
        /// A live link made before links could be shown again: it works, but only replacing it
        /// gives a link to show.
        case notShowable
        /// No link yet.
        case none
    }

    public var unit: SampleUnitRecord
    public var state: State
}

extension CollectionRepository {
    /// Gives every unit that has not answered and has no live link a new one, in one
    /// transaction. Links already made are never changed. Returns how many were made.
    @discardableResult
    public func makeMissingLinks(waveID: UUID, tokens: InvitationTokens) async throws -> Int {
        try await database.transaction { transaction in
            let state = try await Self.linkState(waveID: waveID, on: transaction)
            let records = try state.units.compactMap { unit -> InvitationRecord? in
                let unitID = try unit.requireID()
                guard !state.answered.contains(unitID), state.live[unitID] == nil else { return nil }
                return Self.derivedInvitation(waveID: waveID, unitID: unitID, tokens: tokens)
            }
            try await Self.create(records, on: transaction)
            return records.count
        }
    }

    /// Every unit of the frame with its link, in frame order; nothing is made or changed, so
    /// showing or downloading the links any number of times gives the same links.
    public func links(waveID: UUID, tokens: InvitationTokens) async throws -> [UnitLink] {
        let state = try await Self.linkState(waveID: waveID, on: database)
        return try state.units.map { unit in
            let unitID = try unit.requireID()
            if state.answered.contains(unitID) { return UnitLink(unit: unit, state: .answered) }
            guard let live = state.live[unitID] else { return UnitLink(unit: unit, state: .none) }
            return UnitLink(
                unit: unit,
                state: live.derivedToken ? .link(token: tokens.token(for: try live.requireID())) : .notShowable)
        }
    }

    /// Replaces the live links of `unitIDs` (every unit when nil) that have not answered, in one
    /// transaction: each old link is retired (it then says it was replaced and whom to ask), a
    /// new one is made, and answers saved so far move to the new link. Returns how many.
    @discardableResult
    public func replaceLinks(waveID: UUID, unitIDs: Set<UUID>?, tokens: InvitationTokens, now: Date = Date())
        async throws -> Int
    {
        try await database.transaction { transaction in
            let state = try await Self.linkState(waveID: waveID, on: transaction)
            var replaced = 0
            for unit in state.units {
                let unitID = try unit.requireID()
                guard unitIDs?.contains(unitID) ?? true, !state.answered.contains(unitID) else { continue }
                let new = Self.derivedInvitation(waveID: waveID, unitID: unitID, tokens: tokens)
                try await new.create(on: transaction)
                if let old = state.live[unitID] {
                    old.retiredAt = now
                    try await old.update(on: transaction)
                    try await DraftRecord.query(on: transaction).filter(\.$invitation.$id == old.requireID())
                        .set(\.$invitation.$id, to: new.requireID()).update()
                }
                replaced += 1
            }
            return replaced
        }
    }

    private static func derivedInvitation(waveID: UUID, unitID: UUID, tokens: InvitationTokens) -> InvitationRecord {
        let id = UUID()
        let record = InvitationRecord(
            id: id, waveID: waveID, sampleUnitID: unitID, tokenHash: InvitationToken.hash(tokens.token(for: id)))
        record.derivedToken = true
        return record
    }

    private static func create(_ records: [InvitationRecord], on database: any Database) async throws {
        for start in stride(from: 0, to: records.count, by: 200) {
            try await Array(records[start..<min(start + 200, records.count)]).create(on: database)
        }
    }

    /// The frame, the units that answered, and each unit's live (not retired, not used) link.
    private static func linkState(waveID: UUID, on database: any Database) async throws
        -> (units: [SampleUnitRecord], answered: Set<UUID>, live: [UUID: InvitationRecord])
    {
        let units = try await SampleUnitRecord.query(on: database).filter(\.$wave.$id == waveID)
            .sort(\.$rowNumber).all()
        let invitations = try await InvitationRecord.query(on: database).filter(\.$wave.$id == waveID).all()
        var answered: Set<UUID> = []
        var live: [UUID: InvitationRecord] = [:]
        for invitation in invitations {
            let unitID = invitation.$sampleUnit.id
            if invitation.used {
                answered.insert(unitID)
            } else if invitation.retiredAt == nil {
                live[unitID] = invitation
            }
        }
        return (units, answered, live)
    }
}

extension InvitationLink {
    /// The frame's answers for this link's unit: asked of nobody, given to the routing.
    public func frameAnswers(in instrument: Instrument) -> AnswerSet {
        SampleFrameQuestions.answers(kommunenummer: kommunenummer, sector: sector, unitType: unitType, in: instrument)
    }

    /// What a response through this link stores instead of the frame's answers: nil for
    /// identified waves (they store the answers), the released background for anonymous ones
    /// (nothing for anonymous waves made before releases existed).
    public func storedBackground() throws -> [String: Int]? {
        guard mode == .anonymous else { return nil }
        guard let release, let day = structureDate.flatMap(CalendarDay.init) else { return [:] }
        let unit = try FrameBackground(
            kommunenummer: kommunenummer, sector: sector, unitType: unitType, register: .bundled(), on: day)
        return release.values(of: unit)
    }
}
