public import FluentKit
import Foundation

/// One line of the audit log: who did what to what, when.
public final class AuditEntryRecord: Model, @unchecked Sendable {
    public static let schema = "audit_log"

    @ID(key: .id) public var id: UUID?
    @Field(key: "occurred_at") public var occurredAt: Date
    /// The signed-in user who acted, nil for the public or the system (e.g. a failed sign-in).
    /// No foreign key: the log outlives whatever it mentions.
    @OptionalField(key: "actor_id") public var actorID: UUID?
    @Field(key: "action") public var action: String
    @OptionalField(key: "target") public var target: String?
    @OptionalField(key: "details") public var details: String?

    public init() {}

    public init(occurredAt: Date, actorID: UUID?, action: String, target: String?, details: String?) {
        self.occurredAt = occurredAt
        self.actorID = actorID
        self.action = action
        self.target = target
        self.details = details
    }
}
