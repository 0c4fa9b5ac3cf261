public import FornyeStorage
public import Foundation

extension CollectionRepository {
    /// Makes the links of every unit and returns their tokens in frame order.
    public func makeLinksForTesting(waveID: UUID, tokens: InvitationTokens) async throws -> [String] {
        try await makeMissingLinks(waveID: waveID, tokens: tokens)
        return try await links(waveID: waveID, tokens: tokens).map { link in
            guard case .link(let token) = link.state else { throw LinkMissing(unit: link.unit.name) }
            return token
        }
    }
}

/// A unit that should have had a showable link after `makeMissingLinks`.
public struct LinkMissing: Error, CustomStringConvertible {
    public var unit: String
    public var description: String { "no showable link for «\(unit)»" }
}
