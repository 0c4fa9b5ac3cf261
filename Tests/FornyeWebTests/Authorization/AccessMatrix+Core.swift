/// The skeleton's routes: home, style sheet, health.
extension AccessMatrix {
    static let core: [RouteAccess] = [
        RouteAccess(.GET, "/", .everyone),
        RouteAccess(.GET, "/assets/fornye.css", .everyone),
        RouteAccess(.GET, "/health", .everyone),
    ]
}
