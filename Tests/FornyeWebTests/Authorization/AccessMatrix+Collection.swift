/// Collecting a wave: respondents answer through their invitation link (no sign-in; the token
/// is the key), analysts and admins run waves.
extension AccessMatrix {
    static let unknownToken = "/svar/finnes-ikke"
    static let unknownCollectionWave = "/analyse/innsamling/finnes-ikke"

    static let collection: [RouteAccess] = [
        RouteAccess(.GET, "/svar/:token", .everyone, sample: unknownToken),
        RouteAccess(.GET, "/svar/:token/side/:page", .everyone, sample: unknownToken + "/side/1"),
        RouteAccess(.POST, "/svar/:token/side/:page", .everyone, sample: unknownToken + "/side/1"),
        RouteAccess(.GET, "/svar/:token/oversikt", .everyone, sample: unknownToken + "/oversikt"),
        RouteAccess(.POST, "/svar/:token/send", .everyone, sample: unknownToken + "/send"),
        RouteAccess(.GET, "/analyse/innsamling", .analysts),
        RouteAccess(.GET, "/analyse/innsamling/ny", .analysts),
        RouteAccess(.POST, "/analyse/innsamling/ny", .analysts),
        RouteAccess(.GET, "/analyse/innsamling/:slug", .analysts, sample: unknownCollectionWave),
        RouteAccess(.POST, "/analyse/innsamling/:slug/status", .analysts, sample: unknownCollectionWave + "/status"),
        RouteAccess(
            .POST, "/analyse/innsamling/:slug/invitasjoner", .analysts, sample: unknownCollectionWave + "/invitasjoner"),
        RouteAccess(
            .GET, "/analyse/innsamling/:slug/ikke-svart.csv", .analysts,
            sample: unknownCollectionWave + "/ikke-svart.csv"),
    ]
}
