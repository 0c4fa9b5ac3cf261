/// The results pages, the programme evaluation, the methodology page and the read-only API: open to everyone (analysts
/// see unsuppressed numbers on the same routes; closed waves are 404 to everyone else).
extension AccessMatrix {
    static let barometer: [RouteAccess] = [
        RouteAccess(.GET, "/barometer", .everyone),
        RouteAccess(.GET, "/barometer/:wave", .everyone, sample: "/barometer/finnes-ikke"),
        RouteAccess(
            .GET, "/barometer/:wave/figurer/:file", .everyone, sample: "/barometer/finnes-ikke/figurer/fig-4-1.csv"),
        RouteAccess(.GET, "/evaluering", .everyone),
        RouteAccess(.GET, "/evaluering/evaluering.csv", .everyone),
        RouteAccess(.GET, "/api/v1/evaluations", .everyone),
        // The municipality profiles: samples answer before anything is computed (bad indicator, unknown number).
        RouteAccess(.GET, "/kommuner", .everyone, sample: "/kommuner?indikator=H9"),
        RouteAccess(.GET, "/kommuner/fylker.csv", .everyone, sample: "/kommuner/fylker.csv?indikator=H9"),
        RouteAccess(.GET, "/kommuner/:nummer", .everyone, sample: "/kommuner/9999"),
        RouteAccess(.GET, "/kommuner/:nummer/tall.csv", .everyone, sample: "/kommuner/9999/tall.csv"),
        RouteAccess(.GET, "/kommuner/:nummer/figur/:file", .everyone, sample: "/kommuner/9999/figur/H1.svg"),
        RouteAccess(.GET, "/kommuner/kart.svg", .everyone, sample: "/kommuner/kart.svg?indikator=H9"),
        RouteAccess(.GET, "/api/v1/municipalities/:nummer", .everyone, sample: "/api/v1/municipalities/9999"),
        RouteAccess(.GET, "/metode", .everyone),
        RouteAccess(.GET, "/api/openapi.json", .everyone),
        RouteAccess(.GET, "/api/v1/waves", .everyone),
        RouteAccess(.GET, "/api/v1/waves/:wave", .everyone, sample: "/api/v1/waves/finnes-ikke"),
        RouteAccess(.GET, "/api/v1/waves/:wave/figures", .everyone, sample: "/api/v1/waves/finnes-ikke/figures"),
        RouteAccess(
            .GET, "/api/v1/waves/:wave/figures/:figure", .everyone,
            sample: "/api/v1/waves/finnes-ikke/figures/fig-4-1"),
        RouteAccess(
            .GET, "/api/v1/waves/:wave/estimates", .everyone, sample: "/api/v1/waves/finnes-ikke/estimates"),
        RouteAccess(
            .POST, "/api/v1/waves/:wave/estimates", .everyone, sample: "/api/v1/waves/finnes-ikke/estimates"),
    ]
}
