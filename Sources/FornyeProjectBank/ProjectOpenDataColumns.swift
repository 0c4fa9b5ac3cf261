/// The columns of the project bank's open-data CSV (docs/PROJECTBANK.md), in order: a project
/// field's cell (``ProjectField/cell``), or a value of the stored record that FornyeStorage's
/// export fills in. Fornye's CSV import (``ProjectImportMapping/fornyeCSV``) reads the fields back.
public enum ProjectOpenDataColumn: Sendable {
    case field(ProjectField)
    case record(RecordValue)

    /// What the stored record adds: its address, status, the owner as derived from the register,
    /// its Los themes, the time of the last save and the attachments.
    public enum RecordValue: String, Sendable {
        case slug, url, status
        /// The municipality's name for a municipal owner, else the document's `ownerName`.
        case ownerName = "owner_name"
        case countyNumber = "county_number"
        case centrality
        /// Los top themes derived from the classification (``LosThemes``), slugs joined by «;».
        case losThemes = "los_themes"
        case updatedAt = "updated_at"
        case attachments
    }

    public var name: String {
        switch self {
        case .field(let field): field.column ?? field.name
        case .record(let value): value.rawValue
        }
    }

    public static let all: [ProjectOpenDataColumn] = {
        var columns: [ProjectOpenDataColumn] = [.record(.slug), .record(.url)]
        columns += fields("title", "summary")
        columns.append(.record(.status))
        columns += fields("stage", "innovationTypes", "sector", "unitType", "ownerMunicipality")
        columns += [.record(.ownerName), .record(.countyNumber), .record(.centrality), .record(.losThemes)]
        columns += fields(
            "country", "researchDegree", "researchQuality", "researchContribution", "evaluated", "evidenceLevel",
            "startDate", "endDate", "problem", "solution", "novelty", "challenges", "lessons", "reuseConditions",
            "basedOn", "licence", "sourceName", "sourceIdentifier", "sourceURL", "synthetic", "language")
        columns += [.record(.updatedAt), .record(.attachments)]
        return columns
    }()

    private static func fields(_ names: String...) -> [ProjectOpenDataColumn] {
        names.map { name in
            guard let field = ProjectField.named(name), field.column != nil else {
                preconditionFailure("no project field with a column is named \(name)")
            }
            return .field(field)
        }
    }
}
