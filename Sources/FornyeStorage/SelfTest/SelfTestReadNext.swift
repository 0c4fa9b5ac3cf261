public import FluentKit
public import FornyeBarometer
import FornyeProjectBank
import Foundation

/// What a self-test taker should read next about a gap (issue 16): published Prosjektbanken
/// projects on the gap's theme from units like the taker's, found through the project bank's own
/// search (`ProjectSearch`, its text ranking and facet filters), and the research partners those
/// projects worked with.
public struct SelfTestReadNext: Sendable {
    public let database: any Database

    public init(database: any Database) {
        self.database = database
    }

    public struct Reading: Sendable {
        public var projects: [ProjectRecord]
        /// Research and education institutions named as partners of `projects`, in order.
        public var researchPartners: [String]
    }

    /// Projects on `theme` from the same sector, first those with a centrality class within one
    /// of the taker's, then those in the same county; without a municipality, the sector alone.
    public func reading(theme: String, profile: SelfTestProfile, limit: Int = 3) async throws -> Reading {
        var base = ProjectQuery()
        base.text = String(theme.prefix(200))
        base.sectors = [profile.sector]
        base.perPage = limit
        base.facets = false
        var queries: [ProjectQuery] = []
        if let centrality = profile.centrality {
            var near = base
            near.centralities = Array(max(1, centrality - 1)...min(6, centrality + 1))
            queries.append(near)
        }
        // Projects carry today's county number (from their owner, as `ProjectRepository` derives
        // it); the profile's is the wave's, so the municipality is looked up today when it can be.
        let today = profile.municipalityNumber.flatMap {
            try? MunicipalityRegister.bundled().municipality(number: $0, on: ProjectValidation.today)
        }
        if let county = today?.countyNumber ?? profile.county.map({ String(format: "%02d", $0) }) {
            var sameCounty = base
            sameCounty.counties = [county]
            queries.append(sameCounty)
        }
        if queries.isEmpty { queries = [base] }
        let search = ProjectSearch(database: database)
        var projects: [ProjectRecord] = []
        for query in queries where projects.count < limit {
            for record in try await search.search(query).projects
            where projects.count < limit && !projects.contains(where: { $0.slug == record.slug }) {
                projects.append(record)
            }
        }
        var partners: [String] = []
        for record in projects {
            for partner in try record.document().partners where partner.role == .research {
                if !partners.contains(partner.name) { partners.append(partner.name) }
            }
        }
        return Reading(projects: projects, researchPartners: partners)
    }
}
