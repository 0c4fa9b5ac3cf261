public import FluentKit
public import FornyeProjectBank
import Foundation

/// Creates and edits research institutions (admins only; the web layer checks the role).
public struct ResearchInstitutionStore: Sendable {
    public let database: any Database

    public init(database: any Database) {
        self.database = database
    }

    public func find(slug: String) async throws -> ResearchInstitutionRecord? {
        try await ResearchInstitutionRecord.query(on: database).filter(\.$slug == slug).first()
    }

    /// Saves `input` as a new institution, or over `slug`'s; throws ``ProjectError/invalid(_:)``.
    @discardableResult
    public func save(_ input: ResearchInstitutionInput, slug: String? = nil) async throws -> ResearchInstitutionRecord {
        let errors = input.errors()
        if !errors.isEmpty { throw ProjectError.invalid(errors) }
        let record: ResearchInstitutionRecord
        if let slug {
            guard let existing = try await find(slug: slug) else { throw ProjectError.notFound(slug) }
            record = existing
        } else {
            record = ResearchInstitutionRecord()
            record.slug = ProjectRepository.slug(for: input.name)
            record.synthetic = false
            record.municipality = nil
        }
        record.name = input.name.trimmingCharacters(in: .whitespacesAndNewlines)
        record.kind = input.kind
        record.competence = input.competence.joined(separator: "\n")
        record.contact = input.contact.isEmpty ? nil : input.contact
        record.url = input.url.isEmpty ? nil : input.url
        try await record.save(on: database)
        return record
    }
}
