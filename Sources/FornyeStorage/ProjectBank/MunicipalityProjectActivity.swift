public import FluentKit
import FornyeProjectBank
import Foundation

/// A municipality's activity in Prosjektbanken as its profile shows it (issue 17): its published
/// projects (stopped ones included), reuse both ways, research partners and public contacts with
/// when each was last confirmed. Published projects only; the rules are ``ProjectActivityRules``.
public struct MunicipalityProjectActivity: Sendable {
    /// Published projects owned by the municipality, newest first, at most
    /// ``ProjectActivityRules/projectListLimit``.
    public var projects: [ProjectRecord]
    /// All its published projects, also those not listed.
    public var projectCount: Int
    public var stoppedCount: Int
    /// Projects of others that the municipality built on (its projects naming them, or its reports).
    public var reusedHere: [ProjectReuse]
    /// Its projects that others built on.
    public var reusedFromHere: [ProjectReuse]
    public var researchPartners: [ResearchPartner]
    public var contacts: [Contact]

    public struct ResearchPartner: Sendable, Hashable {
        public var name: String
        /// The projects naming it, as (slug, title).
        public var projects: [ProjectLink]
    }

    public struct ProjectLink: Sendable, Hashable {
        public var slug: String
        public var title: String
        /// The project is synthetic (test or demonstration content), so is what is read from it.
        public var synthetic: Bool
    }

    public struct Contact: Sendable, Hashable {
        public var name: String
        public var role: String
        public var email: String
        public var project: ProjectLink
        /// When an editor last saved the project with this contact in it; nil when never
        /// confirmed since confirmations were recorded (migration 0075).
        public var confirmedAt: Date?
    }
}

extension ProjectRepository {
    /// `number`'s activity in the project bank (see ``MunicipalityProjectActivity``).
    public func activity(ofMunicipality number: String) async throws -> MunicipalityProjectActivity {
        let all = try await ProjectRecord.query(on: database).filter(\.$ownerMunicipality == number)
            .filter(\.$status == .published).sort(\.$updatedAt, .descending).sort(\.$slug).all()
        let (reusedHere, reusedFromHere) = try await publishedReuses(municipality: number)
        let confirmations = try await contactConfirmations(of: all)
        var partners: [String: MunicipalityProjectActivity.ResearchPartner] = [:]
        var contacts: [MunicipalityProjectActivity.Contact] = []
        for record in all {
            let document = try record.document()
            let link = MunicipalityProjectActivity.ProjectLink(
                slug: record.slug, title: record.title, synthetic: record.synthetic)
            for name in ProjectActivityRules.researchPartners(document) {
                partners[name.lowercased(), default: .init(name: name, projects: [])].projects.append(link)
            }
            for contact in ProjectActivityRules.publicContacts(document) {
                contacts.append(
                    .init(
                        name: contact.name, role: contact.role, email: contact.email, project: link,
                        confirmedAt: record.id.flatMap { confirmations[$0]?[ContactConfirmations.key(contact)] }))
            }
        }
        return MunicipalityProjectActivity(
            projects: Array(all.prefix(ProjectActivityRules.projectListLimit)), projectCount: all.count,
            stoppedCount: all.filter { ProjectActivityRules.outcome($0.stage) == .stopped }.count,
            reusedHere: reusedHere, reusedFromHere: reusedFromHere,
            researchPartners: partners.values.sorted { $0.name.lowercased() < $1.name.lowercased() },
            contacts: contacts.sorted { ($0.name, $0.project.title) < ($1.name, $1.project.title) })
    }
}
