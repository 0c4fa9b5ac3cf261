import FornyeStatistics
import Foundation

/// The machine-readable form of estimate tables: numbers that do not exist are null, and
/// suppressed cells carry no number at all.
enum TableJSON {
    struct Document: Encodable {
        var synthetic: Bool
        var tables: [Table]
    }

    struct Table: Encodable {
        var kind: String
        var variable: String
        var label: String
        var breakdowns: [String]
        var confidenceLevel: Double
        var intervalMethod: String
        var designEffectReference: String?
        /// `taylor` or the replicate method (R's `type`), with the number of replicates.
        var varianceMethod: String?
        var replicates: Int?
        var synthetic: Bool
        var cells: [Cell]
    }

    struct Cell: Encodable {
        var domain: [String: Int]
        var domainLabels: [String: String]
        var category: String?
        var categoryCode: Int?
        var item: String?
        var n: Int?
        var cellCount: Int?
        var weightedBase: Double?
        var estimate: Double?
        var se: Double?
        var low: Double?
        var high: Double?
        var deff: Double?
        var df: Int?
        var flags: [String]
    }

    static func encode(_ tables: [EstimateTable]) throws -> String {
        let document = Document(
            synthetic: tables.contains { $0.synthetic },
            tables: tables.map { table in
                Table(
                    kind: table.kind.rawValue, variable: table.variable, label: table.label,
                    breakdowns: table.breakdowns, confidenceLevel: table.confidenceLevel,
                    intervalMethod: table.intervalMethod.rawValue,
                    designEffectReference: table.designEffectReference?.rawValue,
                    varianceMethod: table.varianceMethod?.name, replicates: table.varianceMethod?.replicateCount,
                    synthetic: table.synthetic,
                    cells: table.cells.map(cell))
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(document), as: UTF8.self)
    }

    private static func cell(_ cell: EstimateCell) -> Cell {
        let hidden = cell.isSuppressed
        func value(_ number: Double) -> Double? { hidden || !number.isFinite ? nil : number }
        return Cell(
            domain: Dictionary(uniqueKeysWithValues: cell.domain.map { ($0.variable, $0.code) }),
            domainLabels: Dictionary(uniqueKeysWithValues: cell.domain.map { ($0.variable, $0.label) }),
            category: cell.category?.label, categoryCode: cell.category?.code, item: cell.category?.item,
            n: hidden ? nil : cell.baseCount, cellCount: hidden ? nil : cell.cellCount,
            weightedBase: value(cell.weightedBase), estimate: value(cell.estimate), se: value(cell.standardError),
            low: value(cell.lower), high: value(cell.upper), deff: cell.designEffect.flatMap(value),
            df: hidden ? nil : cell.degreesOfFreedom, flags: PublishedFlags.names(of: cell))
    }
}
