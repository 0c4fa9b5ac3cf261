import FornyeBarometer
import FornyeProjectBank
import FornyeStorage
import Foundation
import Vapor

/// The profile's Prosjektbanken section in the API (`projectBank` of `MunicipalityProfile` in
/// openapi.json): the same published projects, reuse both ways, research partners, programme
/// participation and consenting contacts as the page, with the month each contact was last
/// confirmed (`null`: never since confirmations were recorded).
struct ProfileProjectBankJSON: Content {
    struct ProjectLink: Content {
        var slug: String
        var title: String
        var synthetic: Bool

        init(slug: String, title: String, synthetic: Bool) {
            self.slug = slug
            self.title = title
            self.synthetic = synthetic
        }

        init(_ link: MunicipalityProjectActivity.ProjectLink) {
            self.init(slug: link.slug, title: link.title, synthetic: link.synthetic)
        }
    }

    struct Project: Content {
        var slug: String
        var title: String
        var stage: String
        /// Stopped without being carried on («STOPPET» on the page).
        var stopped: Bool
        var synthetic: Bool
    }

    struct Reuse: Content {
        var original: ProjectLink
        var originalOwner: String
        /// The reusing municipality's number, when known.
        var reuserMunicipality: String?
        var reuserName: String
        /// The reusing project, when the reuse is a project of its own.
        var reuserProject: ProjectLink?
        /// A reuse report's unit, month (YYYY-MM) and what changed.
        var unit: String?
        var month: String?
        var changes: String?
        var synthetic: Bool

        init(_ reuse: ProjectReuse) {
            original = ProjectLink(
                slug: reuse.original.slug, title: reuse.original.title, synthetic: reuse.original.synthetic)
            originalOwner = reuse.original.ownerName
            reuserMunicipality = reuse.reuser.ownerMunicipality
            reuserName = reuse.reuser.ownerName
            reuserProject = reuse.reuser.project.map {
                ProjectLink(slug: $0.slug, title: $0.title, synthetic: $0.synthetic)
            }
            unit = reuse.reuser.report.map(\.unit)
            month = reuse.reuser.report.map(\.reusedMonth)
            changes = reuse.reuser.report.map(\.changes)
            synthetic = reuse.reuser.synthetic
        }
    }

    struct ResearchPartner: Content {
        var name: String
        var projects: [ProjectLink]
    }

    struct ProgrammeLine: Content {
        var call: String
        /// YYYY-MM-DD.
        var applicationDate: String
        var units: [String]
        var projectStart: String?
        var projectEnd: String?
        var projectSlug: String?
        var synthetic: Bool
    }

    struct Contact: Content {
        var name: String
        var role: String
        var email: String
        var project: ProjectLink
        /// The month (YYYY-MM) an editor or admin last saved the project with this contact in it.
        var lastConfirmed: String?
    }

    var projectCount: Int
    var stoppedCount: Int
    /// The most recently updated, at most `ProjectActivityRules.projectListLimit`.
    var projects: [Project]
    var reusedFromHere: [Reuse]
    var reusedHere: [Reuse]
    var researchPartners: [ResearchPartner]
    var programme: [ProgrammeLine]
    var contacts: [Contact]

    init(activity: MunicipalityProjectActivity, programme lines: [ProgrammeApplication]) {
        projectCount = activity.projectCount
        stoppedCount = activity.stoppedCount
        projects = activity.projects.map {
            Project(
                slug: $0.slug, title: $0.title, stage: $0.stage.rawValue,
                stopped: ProjectActivityRules.outcome($0.stage) == .stopped, synthetic: $0.synthetic)
        }
        reusedFromHere = activity.reusedFromHere.map(Reuse.init)
        reusedHere = activity.reusedHere.map(Reuse.init)
        researchPartners = activity.researchPartners.map {
            ResearchPartner(name: $0.name, projects: $0.projects.map(ProjectLink.init))
        }
        programme = lines.map {
            ProgrammeLine(
                call: $0.call, applicationDate: $0.applicationDate.description, units: $0.units,
                projectStart: $0.projectStart?.description, projectEnd: $0.projectEnd?.description,
                projectSlug: $0.projectSlug, synthetic: $0.synthetic)
        }
        contacts = activity.contacts.map {
            Contact(
                name: $0.name, role: $0.role, email: $0.email,
                project: ProjectLink($0.project),
                lastConfirmed: $0.confirmedAt.map(Self.month))
        }
    }

    /// «2026-12»: the month of a confirmation, as the page shows it («sist bekreftet desember 2026»).
    static func month(_ date: Date) -> String {
        let day = CalendarDay(date)
        return String(format: "%04d-%02d", day.year, day.month)
    }
}
