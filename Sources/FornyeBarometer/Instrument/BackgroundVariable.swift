/// A background variable that results are broken down and filtered by, with the short name pages and
/// captions use: the instrument labels these variables with the whole question
/// («Hvilken sektor tilhører enheten?»), which reads badly as a filter or table heading.
public struct BackgroundVariable: Sendable, Hashable {
    /// The variable's name in the barometer instrument and codebook.
    public let name: String
    public let bokmål: String
    public let english: String

    /// Every background variable, in the order forms and tables show them.
    public static let all: [BackgroundVariable] = [
        BackgroundVariable(name: "sector", bokmål: "Sektor", english: "Sector"),
        BackgroundVariable(name: "unit_type", bokmål: "Enhetstype", english: "Unit type"),
        BackgroundVariable(name: "county", bokmål: "Fylke", english: "County"),
        BackgroundVariable(name: "landsdel", bokmål: "Landsdel", english: "Region"),
        BackgroundVariable(name: "centrality", bokmål: "Sentralitet", english: "Centrality"),
        BackgroundVariable(name: "population_size", bokmål: "Innbyggertall", english: "Population size"),
    ]

    /// The one with this instrument name, if it is a background variable.
    public static func named(_ name: String) -> BackgroundVariable? {
        all.first { $0.name == name }
    }
}
