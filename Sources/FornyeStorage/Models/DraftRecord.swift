public import FluentKit
import Foundation

/// Answers given so far through one invitation (see `DraftAnswers` for the JSON).
public final class DraftRecord: Model, @unchecked Sendable {
    public static let schema = "drafts"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "invitation_id") public var invitation: InvitationRecord
    @Field(key: "answers_json") public var answersJSON: String

    public init() {}

    public init(invitationID: UUID, answersJSON: String) {
        self.$invitation.id = invitationID
        self.answersJSON = answersJSON
    }
}
