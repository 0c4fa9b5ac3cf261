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
