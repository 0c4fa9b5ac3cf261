import FluentKit
import Foundation

/// One kept self-test: see `M0065CreateSelfTests`. `month` is `YYYY-MM`, nothing finer.
final class SelfTestRecord: Model, @unchecked Sendable {
    static let schema = "self_tests"

    @ID(key: .id) var id: UUID?
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "month") var month: String
    @Field(key: "wave_slug") var waveSlug: String
    @Field(key: "scope") var scope: String
    @Field(key: "profile_json") var profileJSON: String
    @Field(key: "answers_json") var answersJSON: String
    @OptionalField(key: "previous_month") var previousMonth: String?
    @OptionalField(key: "previous_answers_json") var previousAnswersJSON: String?

    init() {}
}
