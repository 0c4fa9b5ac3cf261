import FornyeReport
import FornyeStatistics
import FornyeStorage
import Vapor

/// The JSON shapes of `/api/v1`, one struct per schema of the OpenAPI document
/// (`OpenAPIDocument`); a test decodes every response against that document.
enum APIModels {
    struct WaveSummary: Content {
        var slug: String
        var title: String
        var shortTitle: String
        var synthetic: Bool
        var status: String
        var links: [String: String]

        init(_ record: WaveRecord) {
            slug = record.slug
            title = record.title
            shortTitle = record.shortTitle
            synthetic = record.synthetic
            status = record.status.rawValue
            links = ["self": Paths.apiWave(slug: record.slug), "page": Paths.barometerWave(slug: record.slug)]
        }
    }

    struct WavePage: Content {
        var items: [WaveSummary]
        var page: Int
        var perPage: Int
        var total: Int
    }

    struct CodeLabel: Content {
        var code: Int
        var label: String
        var labelEnglish: String?
    }

    struct Filter: Content {
        var name: String
        var label: String
        var codes: [CodeLabel]
    }

    struct Variable: Content {
        var name: String
        var label: String
        var kind: String
    }

    struct WaveDetail: Content {
        var slug: String
        var title: String
        var shortTitle: String
        var synthetic: Bool
        var status: String
        var responses: Int
        var structureDate: String?
        var filters: [Filter]
        /// Variables and multiple-response sets the estimate endpoint takes.
        var variables: [Variable]
        var links: [String: String]
    }

    struct FigureSummary: Content {
        var id: String
        var number: String
        var title: String
        var section: String
        var base: String
        var hasChart: Bool
        var links: [String: String]
    }

    struct FigureList: Content {
        var wave: String
        var synthetic: Bool
        var suppressed: Bool
        var filters: [String: Int]
        var figures: [FigureSummary]
    }

    struct TableRow: Content {
        var header: String
        var cells: [String]
        var emphasised: Bool
    }

    struct FigureTable: Content {
        var wave: String
        var id: String
        var number: String
        var title: String
        var caption: String
        var base: String
        var synthetic: Bool
        var suppressed: Bool
        var filters: [String: Int]
        var rowHeader: String
        var columns: [String]
        var rows: [TableRow]
        var notes: [String]
        /// The same numbers for machines: plain values, decimal point, empty for nothing.
        var data: CSVData
    }

    struct CSVData: Content {
        var header: [String]
        var rows: [[String]]
    }

    struct DomainValue: Content {
        var variable: String
        var code: Int
        var label: String
    }

    struct CategoryValue: Content {
        var code: Int?
        var item: String?
        var label: String
    }

    /// One estimate; numbers withheld by disclosure control (or not estimable) are null.
    struct Cell: Content {
        var domain: [DomainValue]
        var category: CategoryValue?
        var n: Int?
        var count: Int?
        var weightedBase: Double?
        var estimate: Double?
        var standardError: Double?
        var lower: Double?
        var upper: Double?
        var designEffect: Double?
        var degreesOfFreedom: Int?
        var flags: [String]

        init(_ cell: EstimateCell) {
            func finite(_ value: Double?) -> Double? { value.flatMap { $0.isFinite ? $0 : nil } }
            domain = cell.domain.map { DomainValue(variable: $0.variable, code: $0.code, label: $0.label) }
            category = cell.category.map { CategoryValue(code: $0.code, item: $0.item, label: $0.label) }
            n = cell.baseCount < 0 ? nil : cell.baseCount
            count = cell.cellCount < 0 ? nil : cell.cellCount
            weightedBase = finite(cell.weightedBase)
            estimate = finite(cell.estimate)
            standardError = finite(cell.standardError)
            lower = finite(cell.lower)
            upper = finite(cell.upper)
            designEffect = finite(cell.designEffect)
            degreesOfFreedom = cell.degreesOfFreedom < 0 ? nil : cell.degreesOfFreedom
            flags = cell.flags.map(\.rawValue).sorted()
        }
    }

    struct Estimates: Content {
        var wave: String
        var variable: String
        var label: String
        var kind: String
        var by: [String]
        var filters: [String: Int]
        var confidenceLevel: Double
        var intervalMethod: String
        var designEffectReference: String
        /// `taylor`, or the replicate method (R's `type`) with `replicates` replicates.
        var varianceMethod: String
        var replicates: Int?
        var synthetic: Bool
        var suppressed: Bool
        var cells: [Cell]
    }

    /// The body of `POST …/estimates`: the same question as the query string.
    struct EstimateQuery: Content {
        var variable: String
        var by: [String]?
        var filters: [String: Int]?
        var ci: String?
        var deff: String?
        var replicates: String?
        var replicateCount: Int?
        var seed: Int?
        var fayRho: Double?
    }
}
