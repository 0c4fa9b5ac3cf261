import FluentKit

/// Project attachments: metadata in one table, bytes in another, so listing a project's files
/// never reads the files. Both live in the database so backups and both backends carry them.
struct M0034CreateProjectAttachments: AsyncMigration {
    var name: String { "0034-create-project-attachments" }

    func prepare(on database: any Database) async throws {
        try await database.schema(ProjectAttachmentRecord.schema)
            .id()
            .field("project_id", .uuid, .required, .references(ProjectRecord.schema, "id", onDelete: .cascade))
            .field("file_name", .string, .required)
            .field("kind", .string, .required)
            .field("content_type", .string, .required)
            .field("size", .int64, .required)
            .field("author", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema(ProjectAttachmentBlobRecord.schema)
            .id()
            .field(
                "attachment_id", .uuid, .required,
                .references(ProjectAttachmentRecord.schema, "id", onDelete: .cascade)
            )
            .field("data", .data, .required)
            .unique(on: "attachment_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ProjectAttachmentBlobRecord.schema).delete()
        try await database.schema(ProjectAttachmentRecord.schema).delete()
    }
}
