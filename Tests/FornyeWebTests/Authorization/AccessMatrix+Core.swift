/// The skeleton's and operations' routes: home, style sheet, health, the statements, metrics.
extension AccessMatrix {
    static let core: [RouteAccess] = [
        RouteAccess(.GET, "/", .everyone),
        RouteAccess(.GET, "/assets/fornye.css", .everyone),
        RouteAccess(.GET, "/assets/lignende.js", .everyone),
        RouteAccess(.GET, "/health", .everyone),
        RouteAccess(.GET, "/tilgjengelighet", .everyone),
        RouteAccess(.GET, "/personvern", .everyone),
        // FORNYE_METRICS_TOKEN or loopback; tests have no peer address, so 403 for every caller.
        RouteAccess(.GET, "/metrics", .machine),
    ]
}
