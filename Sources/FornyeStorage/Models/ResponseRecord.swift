public import FluentKit
import Foundation

/// One response: its answers by variable name, and its design values.
public final class ResponseRecord: Model, @unchecked Sendable {
    public static let schema = "responses"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "wave_id") public var wave: WaveRecord
    /// `{"variable": value}`: a code or number for coded and numeric variables, a string for
    /// text; a variable left out is system missing.
    @Field(key: "answers_json") public var answersJSON: String
    @Field(key: "weight") public var weight: Double
    @OptionalField(key: "stratum") public var stratum: String?
    @OptionalField(key: "psu") public var psu: String?

    public init() {}

    public init(id: UUID? = nil, waveID: UUID, answersJSON: String, weight: Double, stratum: String?, psu: String?) {
        self.id = id
        self.$wave.id = waveID
        self.answersJSON = answersJSON
        self.weight = weight
        self.stratum = stratum
        self.psu = psu
    }
}
