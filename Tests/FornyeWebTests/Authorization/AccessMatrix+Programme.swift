/// The programme register's pages (issue 14): analysts and admins only.
extension AccessMatrix {
    static let unknownProgrammeLine = "/analyse/programmet/linjer/6F9619FF-8B86-D011-B42D-00CF4FC964FF"

    static let programme: [RouteAccess] = [
        RouteAccess(.GET, "/analyse/programmet", .analysts),
        RouteAccess(.GET, "/analyse/programmet/eksport/:format", .analysts, sample: "/analyse/programmet/eksport/csv"),
        RouteAccess(.GET, "/analyse/programmet/caser", .analysts),
        RouteAccess(.GET, "/analyse/programmet/import", .analysts),
        RouteAccess(.POST, "/analyse/programmet/import", .analysts),
        RouteAccess(.GET, "/analyse/programmet/import/:upload", .analysts, sample: "/analyse/programmet/import/x"),
        RouteAccess(
            .POST, "/analyse/programmet/import/:upload/bekreft", .analysts,
            sample: "/analyse/programmet/import/x/bekreft"),
        RouteAccess(.GET, "/analyse/programmet/linjer/:id", .analysts, sample: unknownProgrammeLine),
        RouteAccess(.POST, "/analyse/programmet/linjer/:id", .analysts, sample: unknownProgrammeLine),
        RouteAccess(.GET, "/analyse/programmet/linjer/:id/slett", .analysts, sample: unknownProgrammeLine + "/slett"),
        RouteAccess(.POST, "/analyse/programmet/linjer/:id/slett", .analysts, sample: unknownProgrammeLine + "/slett"),
    ]
}
