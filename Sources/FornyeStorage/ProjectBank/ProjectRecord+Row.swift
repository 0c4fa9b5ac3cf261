import FluentKit
import FluentSQL
import FornyeProjectBank
import Foundation

extension ProjectRecord {
    /// The columns ``init(row:)`` reads.
    static let rowColumns = [
        "id", "slug", "search_key", "title", "summary", "status", "stage", "sector", "unit_type", "owner_municipality",
        "owner_name", "county_number", "centrality", "country", "research_level", "evaluated", "type_service",
        "type_product", "type_process", "type_communication", "based_on", "source_name", "synthetic", "language",
        "completeness", "document_json", "version", "created_at", "updated_at",
    ]

    /// A record from a `SELECT *` row, field by field: the same values as
    /// `row.decode(fluentModel:)`, without FluentKit's per-row reflection over the model's
    /// properties (a search's 20 records spent about 2 ms in it; docs/PERFORMANCE.md).
    /// `ProjectRecordRowTests` checks every field against FluentKit's decoding.
    convenience init(row: any SQLRow) throws {
        self.init()
        func value<T: Decodable>(_ column: String, _ type: T.Type = T.self) throws -> T {
            try row.decode(column: column, as: T.self)
        }
        id = try value("id", UUID.self)
        $id.exists = true
        slug = try value("slug")
        searchKey = try value("search_key")
        title = try value("title")
        summary = try value("summary")
        let statusText: String = try value("status")
        let stageText: String = try value("stage")
        guard let status = ProjectStatus(rawValue: statusText), let stage = ProjectStage(rawValue: stageText) else {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: [],
                    debugDescription: "projects row \(slug): status «\(statusText)», stage «\(stageText)»"))
        }
        self.status = status
        self.stage = stage
        sector = try value("sector")
        unitType = try value("unit_type")
        ownerMunicipality = try value("owner_municipality")
        ownerName = try value("owner_name")
        countyNumber = try value("county_number")
        centrality = try value("centrality")
        country = try value("country")
        researchLevel = try value("research_level")
        evaluated = try value("evaluated")
        typeService = try value("type_service")
        typeProduct = try value("type_product")
        typeProcess = try value("type_process")
        typeCommunication = try value("type_communication")
        basedOn = try value("based_on")
        sourceName = try value("source_name")
        synthetic = try value("synthetic")
        language = try value("language")
        completeness = try value("completeness")
        documentJSON = try value("document_json")
        version = try value("version")
        createdAt = try value("created_at")
        updatedAt = try value("updated_at")
    }
}
