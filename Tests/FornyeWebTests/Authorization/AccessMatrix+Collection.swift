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
        // Innovasjonstesten (issue 16): no account; a kept result's token is its key.
        RouteAccess(.GET, "/innovasjonstesten", .everyone),
        RouteAccess(.POST, "/innovasjonstesten", .everyone),
        RouteAccess(.GET, "/innovasjonstesten/resultat/:token", .everyone, sample: "/innovasjonstesten/resultat/x"),
        RouteAccess(
            .GET, "/innovasjonstesten/resultat/:token/resultat.csv", .everyone,
            sample: "/innovasjonstesten/resultat/x/resultat.csv"),
        RouteAccess(
            .GET, "/innovasjonstesten/resultat/:token/ny", .everyone, sample: "/innovasjonstesten/resultat/x/ny"),
        RouteAccess(
            .POST, "/innovasjonstesten/resultat/:token/slett", .everyone, sample: "/innovasjonstesten/resultat/x/slett"),
        RouteAccess(.POST, "/innovasjonstesten/utkast", .roles([.municipalityEditor])),
        // Team sessions: the code opens the group page, the facilitator's token deletes it.
        RouteAccess(.GET, "/innovasjonstesten/gruppe", .everyone),
        RouteAccess(.POST, "/innovasjonstesten/gruppe", .everyone),
        RouteAccess(.POST, "/innovasjonstesten/gruppe/bli-med", .everyone),
        RouteAccess(.GET, "/innovasjonstesten/gruppe/:code", .everyone, sample: "/innovasjonstesten/gruppe/AAAAAA"),
        RouteAccess(
            .GET, "/innovasjonstesten/gruppeleder/:token", .everyone, sample: "/innovasjonstesten/gruppeleder/x"),
        RouteAccess(
            .POST, "/innovasjonstesten/gruppeleder/:token/slett", .everyone,
            sample: "/innovasjonstesten/gruppeleder/x/slett"),
        RouteAccess(.GET, "/analyse/innsamling", .analysts),
        RouteAccess(.GET, "/analyse/innsamling/ny", .analysts),
        RouteAccess(.POST, "/analyse/innsamling/ny", .analysts),
        RouteAccess(.GET, "/analyse/innsamling/:slug", .analysts, sample: unknownCollectionWave),
        RouteAccess(.POST, "/analyse/innsamling/:slug/status", .analysts, sample: unknownCollectionWave + "/status"),
        RouteAccess(
            .POST, "/analyse/innsamling/:slug/invitasjoner", .analysts, sample: unknownCollectionWave + "/invitasjoner"),
        RouteAccess(.GET, "/analyse/innsamling/:slug/lenker", .analysts, sample: unknownCollectionWave + "/lenker"),
        RouteAccess(
            .GET, "/analyse/innsamling/:slug/lenker.csv", .analysts, sample: unknownCollectionWave + "/lenker.csv"),
        RouteAccess(
            .GET, "/analyse/innsamling/:slug/lenker/ny", .analysts, sample: unknownCollectionWave + "/lenker/ny"),
        RouteAccess(
            .POST, "/analyse/innsamling/:slug/lenker/ny", .analysts, sample: unknownCollectionWave + "/lenker/ny"),
        RouteAccess(
            .GET, "/analyse/innsamling/:slug/ikke-svart.csv", .analysts,
            sample: unknownCollectionWave + "/ikke-svart.csv"),
        RouteAccess(.GET, "/analyse/innsamling/:slug/import", .analysts, sample: unknownCollectionWave + "/import"),
        RouteAccess(.POST, "/analyse/innsamling/:slug/import", .analysts, sample: unknownCollectionWave + "/import"),
        RouteAccess(
            .GET, "/analyse/innsamling/:slug/import/jobb/:job", .analysts,
            sample: unknownCollectionWave + "/import/jobb/x"),
        RouteAccess(
            .GET, "/analyse/innsamling/:slug/import/:upload", .analysts, sample: unknownCollectionWave + "/import/x"),
        RouteAccess(
            .GET, "/analyse/innsamling/:slug/import/:upload/kobling.yaml", .analysts,
            sample: unknownCollectionWave + "/import/x/kobling.yaml"),
        RouteAccess(
            .POST, "/analyse/innsamling/:slug/import/:upload/kobling", .analysts,
            sample: unknownCollectionWave + "/import/x/kobling"),
        RouteAccess(
            .POST, "/analyse/innsamling/:slug/import/:upload/bekreft", .analysts,
            sample: unknownCollectionWave + "/import/x/bekreft"),
        RouteAccess(
            .POST, "/analyse/innsamling/:slug/import/:upload/avbryt", .analysts,
            sample: unknownCollectionWave + "/import/x/avbryt"),
        RouteAccess(
            .GET, "/analyse/innsamling/:slug/eksport/:format", .analysts,
            sample: unknownCollectionWave + "/eksport/csv"),
    ]
}
