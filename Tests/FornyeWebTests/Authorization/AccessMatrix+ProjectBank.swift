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
        RouteAccess(.GET, "/prosjekter/eksport-excel.csv", .everyone),
        RouteAccess(.GET, "/prosjekter/eksport.json", .everyone),
        RouteAccess(.GET, "/prosjekter/:slug", .everyone, sample: unknownProject),
        RouteAccess(.GET, "/prosjekter/:slug/rediger", projectAuthors, sample: unknownProject + "/rediger"),
        RouteAccess(.POST, "/prosjekter/:slug", projectAuthors, sample: unknownProject),
        RouteAccess(.POST, "/prosjekter/:slug/status", projectAuthors, sample: unknownProject + "/status"),
        RouteAccess(.POST, "/prosjekter/ny/lignende", projectAuthors),
        RouteAccess(.POST, "/prosjekter/:slug/lignende", projectAuthors, sample: unknownProject + "/lignende"),
        RouteAccess(.GET, "/prosjekter/:slug/historikk", .everyone, sample: unknownProject + "/historikk"),
        RouteAccess(.GET, "/prosjekter/:slug/gjenbruk", .everyone, sample: unknownProject + "/gjenbruk"),
        RouteAccess(
            .GET, "/prosjekter/:slug/vi-har-gjenbrukt", projectAuthors, sample: unknownProject + "/vi-har-gjenbrukt"),
        RouteAccess(
            .POST, "/prosjekter/:slug/vi-har-gjenbrukt", projectAuthors, sample: unknownProject + "/vi-har-gjenbrukt"),
        RouteAccess(
            .POST, "/prosjekter/:slug/bekreft-kontakter", projectAuthors, sample: unknownProject + "/bekreft-kontakter"),
        RouteAccess(.POST, "/prosjekter/:slug/vedlegg", projectAuthors, sample: unknownProject + "/vedlegg"),
        RouteAccess(
            .GET, "/prosjekter/:slug/vedlegg/:attachment", .everyone,
            sample: unknownProject + "/vedlegg/00000000-0000-0000-0000-000000000000"),
        RouteAccess(
            .POST, "/prosjekter/:slug/vedlegg/:attachment/slett", projectAuthors,
            sample: unknownProject + "/vedlegg/00000000-0000-0000-0000-000000000000/slett"),
        RouteAccess(.GET, "/forskningspartnere", .everyone),
        RouteAccess(.GET, "/admin/institusjoner", .admins),
        RouteAccess(.GET, "/admin/institusjoner/ny", .admins),
        RouteAccess(.POST, "/admin/institusjoner", .admins),
        RouteAccess(.GET, "/admin/institusjoner/:slug", .admins, sample: "/admin/institusjoner/finnes-ikke"),
        RouteAccess(.POST, "/admin/institusjoner/:slug", .admins, sample: "/admin/institusjoner/finnes-ikke"),
        RouteAccess(.GET, "/admin/synonymer", .admins),
        RouteAccess(.POST, "/admin/synonymer", .admins),
        RouteAccess(
            .POST, "/admin/synonymer/:id/slett", .admins,
            sample: "/admin/synonymer/6f9619ff-8b86-d011-b42d-00cf4fc964ff/slett"),
        RouteAccess(.GET, "/api/v1/projects", .everyone),
        RouteAccess(.GET, "/api/v1/projects/:slug", .everyone, sample: "/api/v1/projects/finnes-ikke"),
    ]
}
