public import FluentKit
import Foundation

/// One unit of a wave's sample frame.
public final class SampleUnitRecord: Model, @unchecked Sendable {
    public static let schema = "sample_units"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "wave_id") public var wave: WaveRecord
    /// The row of the imported sample frame file, to keep the file's order.
    @Field(key: "row_number") public var rowNumber: Int
    @Field(key: "name") public var name: String
    /// Four digits; nil for county-run units.
    @OptionalField(key: "kommunenummer") public var kommunenummer: String?
    /// A code of the instrument's `sector` list.
    @Field(key: "sector") public var sector: Int
    /// A code of the instrument's `unit_type` list.
    @Field(key: "unit_type") public var unitType: Int
    @Field(key: "contact_email") public var contactEmail: String
    @OptionalField(key: "contact_name") public var contactName: String?

    public init() {}

    public init(waveID: UUID, unit: SampleUnit) {
        self.$wave.id = waveID
        self.rowNumber = unit.row
        self.name = unit.name
        self.kommunenummer = unit.kommunenummer
        self.sector = unit.sector
        self.unitType = unit.unitType
        self.contactEmail = unit.contactEmail
        self.contactName = unit.contactName
    }
}
