import FornyeBarometer
import FornyeProjectBank
import FornyeReport
import FornyeStorage
import Foundation

/// The profile's «Prosjektbanken» section (issue 17): the municipality's published projects,
/// stopped ones marked; reuse in and out; research partners; programme participation; contacts
/// with when each was last confirmed. Everything is text in `Node`s, so escaped.
struct ProfileProjectSection {
    var language: Language
    var municipality: Municipality
    var activity: MunicipalityProjectActivity
    var programme: [ProgrammeApplication]

    func render() -> Node {
        let language = language
        return el("section", ["aria-labelledby": "prosjektbanken"]) {
            el("h2", ["id": "prosjektbanken"]) {
                language.pick("Prosjektbanken og programmet", "Project bank and programme")
            }
            el("p") {
                language.pick(
                    "Bare publiserte prosjekter. Prosjekter som ble stoppet, vises også: det andre kan lære av dem, er like mye verdt.",
                    "Published projects only. Projects that were stopped are shown too: what others can learn from them is worth as much."
                )
            }
            projects()
            reuse()
            partners()
            programmeList()
            contacts()
        }
    }

    func projects() -> Node {
        let activity = activity
        return .fragment([
            el("h3", ["id": "prosjekter"]) { language.pick("Kommunens prosjekter", "The municipality's projects") },
            activity.projects.isEmpty
                ? el("p") { language.pick("Ingen publiserte prosjekter.", "No published projects.") }
                : el("p") {
                    language.pick(
                        "\(NorwegianFormat.count(activity.projectCount)) publiserte prosjekter, av dem \(NorwegianFormat.count(activity.stoppedCount)) stoppet.",
                        "\(NorwegianFormat.count(activity.projectCount)) published projects, \(NorwegianFormat.count(activity.stoppedCount)) of them stopped."
                    )
                    if activity.projectCount > activity.projects.count {
                        language.pick(
                            " De \(activity.projects.count) sist oppdaterte vises.",
                            " The \(activity.projects.count) most recently updated are shown.")
                    }
                },
            activity.projects.isEmpty
                ? .empty
                : el("ul", ["class": "profile-projects"]) {
                    for record in activity.projects {
                        el("li") {
                            el("a", ["href": Paths.project(slug: record.slug)]) { record.title }
                            " – " + record.stage.label(language)
                            if ProjectActivityRules.outcome(record.stage) == .stopped {
                                " "
                                el("strong", ["class": "tag"]) { language.pick("STOPPET", "STOPPED") }
                            }
                            if record.synthetic { " " + SyntheticLabel.marker }
                        }
                    }
                },
        ])
    }

    func reuse() -> Node {
        let activity = activity
        func item(_ reuse: ProjectReuse, showOriginal: Bool) -> Node {
            el("li") {
                if showOriginal {
                    el("a", ["href": Paths.project(slug: reuse.original.slug)]) { reuse.original.title }
                    language.pick(" fra ", " from ") + reuse.original.ownerName
                    if let project = reuse.reuser.project {
                        language.pick(", som vårt prosjekt ", ", as our project ")
                        el("a", ["href": Paths.project(slug: project.slug)]) { project.title }
                    }
                } else {
                    if let number = reuse.reuser.ownerMunicipality {
                        el("a", ["href": Paths.municipality(number: number)]) { reuse.reuser.ownerName }
                    } else {
                        reuse.reuser.ownerName
                    }
                    language.pick(" gjenbrukte ", " reused ")
                    el("a", ["href": Paths.project(slug: reuse.original.slug)]) { reuse.original.title }
                    if let project = reuse.reuser.project {
                        language.pick(" i ", " in ")
                        el("a", ["href": Paths.project(slug: project.slug)]) { project.title }
                    }
                }
                if let report = reuse.reuser.report {
                    ReuseReportText.summary(report, language: language)
                }
            }
        }
        return .fragment([
            el("h3", ["id": "gjenbruk"]) { language.pick("Gjenbruk inn og ut", "Reuse in and out") },
            el("h4") { language.pick("Andre har gjenbrukt fra oss", "Others reused from us") },
            activity.reusedFromHere.isEmpty
                ? el("p") { language.pick("Ingen registrert.", "None recorded.") }
                : el("ul") { for reuse in activity.reusedFromHere { item(reuse, showOriginal: false) } },
            el("h4") { language.pick("Vi har gjenbrukt fra andre", "We reused from others") },
            activity.reusedHere.isEmpty
                ? el("p") { language.pick("Ingen registrert.", "None recorded.") }
                : el("ul") { for reuse in activity.reusedHere { item(reuse, showOriginal: true) } },
        ])
    }

    func partners() -> Node {
        let activity = activity
        return .fragment([
            el("h3", ["id": "forskningspartnere"]) { language.pick("Forskningspartnere", "Research partners") },
            activity.researchPartners.isEmpty
                ? el("p") {
                    language.pick(
                        "Ingen publiserte prosjekter nevner en forsknings- eller utdanningsinstitusjon som partner.",
                        "No published project names a research or education institution as a partner.")
                }
                : el("ul") {
                    for partner in activity.researchPartners {
                        el("li") {
                            partner.name + " – "
                            for (index, project) in partner.projects.enumerated() {
                                if index > 0 { ", " }
                                el("a", ["href": Paths.project(slug: project.slug)]) { project.title }
                            }
                        }
                    }
                },
        ])
    }

    func programmeList() -> Node {
        let programme = programme
        return .fragment([
            el("h3", ["id": "programmet"]) { language.pick("Deltakelse i programmet", "Programme participation") },
            el("p") {
                language.pick(
                    "Innvilgede søknader i programregisteret, også fra kommuner som nå er en del av \(municipality.name).",
                    "Granted applications in the programme register, also from municipalities now part of \(municipality.name)."
                )
            },
            programme.isEmpty
                ? el("p") { language.pick("Ingen innvilgede søknader.", "No granted applications.") }
                : el("ul") {
                    for line in programme {
                        el("li") {
                            line.call + " (" + language.pick("søkt ", "applied ")
                                + MonthNames.date(line.applicationDate, language) + ")"
                            if !line.units.isEmpty { ": " + line.units.joined(separator: ", ") }
                            if let start = line.projectStart {
                                language.pick(", prosjekt fra ", ", project from ")
                                    + MonthNames.monthYear(year: start.year, month: start.month, language)
                            }
                            if let end = line.projectEnd {
                                language.pick(" til ", " to ")
                                    + MonthNames.monthYear(year: end.year, month: end.month, language)
                            }
                            if let slug = line.projectSlug {
                                " · "
                                el("a", ["href": Paths.project(slug: slug)]) {
                                    language.pick("prosjektet", "the project")
                                }
                            }
                            if line.synthetic { " " + SyntheticLabel.marker }
                        }
                    }
                },
        ])
    }

    func contacts() -> Node {
        let activity = activity
        return .fragment([
            el("h3", ["id": "kontakter"]) { language.pick("Kontaktpersoner", "Contact people") },
            activity.contacts.isEmpty
                ? el("p") {
                    language.pick(
                        "Ingen kontaktpersoner har samtykket til publisering.",
                        "No contact person has consented to publication.")
                }
                : el("ul") {
                    for contact in activity.contacts {
                        el("li") {
                            contact.name
                            if !contact.role.isEmpty { ", " + contact.role }
                            if !contact.email.isEmpty {
                                " · "
                                el("a", ["href": "mailto:" + contact.email]) { contact.email }
                            }
                            " · "
                            el("a", ["href": Paths.project(slug: contact.project.slug)]) { contact.project.title }
                            " · "
                            el("span", ["class": "confirmed"]) { confirmed(contact.confirmedAt) }
                        }
                    }
                },
        ])
    }

    /// «sist bekreftet mars 2025», or that it never was.
    func confirmed(_ date: Date?) -> String { ContactConfirmationText.confirmed(date, language) }
}
