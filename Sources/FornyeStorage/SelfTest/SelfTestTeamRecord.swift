import FluentKit
import Foundation

/// One team self-test session: see `M0078CreateSelfTestTeams`. `month` is `YYYY-MM`, nothing finer.
final class SelfTestTeamRecord: Model, @unchecked Sendable {
    static let schema = "self_test_teams"

    @ID(key: .id) var id: UUID?
    @Field(key: "code") var code: String
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "month") var month: String
    @Field(key: "scope") var scope: String
    @Field(key: "profile_json") var profileJSON: String
    @Field(key: "background_json") var backgroundJSON: String

    init() {}
}

/// One member's answers in a team session: a random id, the session, the answers; nothing else.
final class SelfTestTeamAnswerRecord: Model, @unchecked Sendable {
    static let schema = "self_test_team_answers"

    @ID(key: .id) var id: UUID?
    @Field(key: "team_id") var teamID: UUID
    @Field(key: "answers_json") var answersJSON: String

    init() {}
}
