/// The project bank: the public reads published projects; municipality editors and admins write.
extension AccessMatrix {
    static let unknownProject = "/prosjekter/finnes-ikke"
    static let projectAuthors = Access.roles([.municipalityEditor, .admin])

    static let projectBank: [RouteAccess] = [
        RouteAccess(.GET, "/prosjekter", .everyone),
        RouteAccess(.GET, "/prosjekter/ny", projectAuthors),
        RouteAccess(.POST, "/prosjekter", projectAuthors),
        RouteAccess(.GET, "/prosjekter/gjenbruk", .everyone),
        RouteAccess(.GET, "/prosjekter/eksport.csv", .everyone),
        RouteAccess(.GET, "/prosjekter/eksport.json", .everyone),
        RouteAccess(.GET, "/prosjekter/:slug", .everyone, sample: unknownProject),
        RouteAccess(.GET, "/prosjekter/:slug/rediger", projectAuthors, sample: unknownProject + "/rediger"),
        RouteAccess(.POST, "/prosjekter/:slug", projectAuthors, sample: unknownProject),
        RouteAccess(.POST, "/prosjekter/:slug/status", projectAuthors, sample: unknownProject + "/status"),
        RouteAccess(.GET, "/prosjekter/:slug/historikk", .everyone, sample: unknownProject + "/historikk"),
        RouteAccess(.GET, "/forskningspartnere", .everyone),
        RouteAccess(.GET, "/api/v1/projects", .everyone),
        RouteAccess(.GET, "/api/v1/projects/:slug", .everyone, sample: "/api/v1/projects/finnes-ikke"),
    ]
}
