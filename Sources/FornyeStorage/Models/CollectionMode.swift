/// Whether a collected wave's responses can be traced to the unit that gave them.
public enum CollectionMode: String, Codable, Sendable, CaseIterable {
    /// The response row has no link to invitation, unit or time; only the invitation's used flag
    /// records that a unit answered (who answered, never what).
    case anonymous
    /// The invitation points to the response, so answers can be joined to the sample frame.
    case identified
}
