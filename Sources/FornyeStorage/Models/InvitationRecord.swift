public import FluentKit
import Foundation

/// A link to the questionnaire for one sample unit; the token itself is never stored.
public final class InvitationRecord: Model, @unchecked Sendable {
    public static let schema = "invitations"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "wave_id") public var wave: WaveRecord
    @Parent(key: "sample_unit_id") public var sampleUnit: SampleUnitRecord
    /// Lower-case hex SHA-256 of the token in the link.
    @Field(key: "token_hash") public var tokenHash: String
    @Field(key: "used") public var used: Bool
    /// The key of the form that used it, so a repeated submit is recognised as the same one.
    @OptionalField(key: "submission_key") public var submissionKey: String?
    /// Identified waves only.
    @OptionalParent(key: "response_id") public var response: ResponseRecord?
    /// When a new link replaced this one; the old one then only says so.
    @OptionalField(key: "retired_at") public var retiredAt: Date?
    /// Whether the token is derived from the id (`InvitationTokens`) and can be shown again.
    @Field(key: "derived_token") public var derivedToken: Bool

    public init() {}

    public init(id: UUID? = nil, waveID: UUID, sampleUnitID: UUID, tokenHash: String) {
        self.id = id
        self.$wave.id = waveID
        self.$sampleUnit.id = sampleUnitID
        self.tokenHash = tokenHash
        self.used = false
        self.derivedToken = false
    }
}
