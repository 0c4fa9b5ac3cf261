import FluentKit
import FluentSQL

/// The programme register (issue 14): one row per application (or non-application) to a call, and
/// one per interviewed case with its coded themes. Dates are `YYYY-MM-DD` text (calendar days
/// without a time zone, as the municipal register reads them); units, themes and quotes are JSON.
/// `position` keeps the order of the imported file.
struct M0063CreateProgrammeRegister: AsyncMigration {
    var name: String { "0063-create-programme-register" }

    func prepare(on database: any Database) async throws {
        try await database.schema("programme_applications")
            .id()
            .field("position", .int, .required)
            .field("municipality_number", .string)
            .field("county_number", .string)
            .field("units_json", .sql(.text), .required)
            .field("call", .string, .required)
            .field("application_date", .string, .required)
            .field("status", .string, .required)
            .field("project_start", .string)
            .field("project_end", .string)
            .field("amount_nok", .int64)
            .field("project_slug", .string)
            .field("synthetic", .bool, .required)
            .field("updated_at", .datetime, .required)
            .create()
        try await database.schema("programme_cases")
            .id()
            .field("position", .int, .required)
            .field("unit", .string, .required)
            .field("number", .string)
            .field("status", .string, .required)
            .field("region", .string, .required)
            .field("sector", .int)
            .field("themes_json", .sql(.text), .required)
            .field("quotes_json", .sql(.text), .required)
            .field("source", .string, .required)
            .field("synthetic", .bool, .required)
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        // Analysts list by municipality and by status group.
        try await sql.raw(
            "CREATE INDEX programme_applications_municipality ON programme_applications (municipality_number)"
        ).run()
        try await sql.raw("CREATE INDEX programme_applications_status ON programme_applications (status, position)")
            .run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("programme_cases").delete()
        try await database.schema("programme_applications").delete()
    }
}
