/// Sign-in, own password, user administration and the audit log.
extension AccessMatrix {
    static let unknownUser = "/admin/brukere/00000000-0000-0000-0000-000000000000"
    static let unknownIdentity = "/admin/identiteter/00000000-0000-0000-0000-000000000000"

    static let accounts: [RouteAccess] = [
        RouteAccess(.GET, "/logg-inn", .everyone),
        RouteAccess(.POST, "/logg-inn", .everyone),
        RouteAccess(.POST, "/logg-ut", .everyone, endsSession: true),
        RouteAccess(.GET, "/konto/passord", .signedIn),
        RouteAccess(.POST, "/konto/passord", .signedIn),
        RouteAccess(.GET, "/logg-inn/kode", .pendingSignIn),
        RouteAccess(.POST, "/logg-inn/kode", .pendingSignIn),
        RouteAccess(.GET, "/konto/tofaktor", .signedIn),
        RouteAccess(.POST, "/konto/tofaktor/start", .signedIn),
        RouteAccess(.POST, "/konto/tofaktor/bekreft", .signedIn),
        RouteAccess(.POST, "/konto/tofaktor/nye-koder", .signedIn),
        RouteAccess(.POST, "/konto/tofaktor/av", .signedIn),
        RouteAccess(.GET, "/admin/brukere", .admins),
        RouteAccess(.POST, "/admin/brukere", .admins),
        RouteAccess(.GET, "/admin/brukere/:id", .admins, sample: unknownUser),
        RouteAccess(.POST, "/admin/brukere/:id/rolle", .admins, sample: unknownUser + "/rolle"),
        RouteAccess(.POST, "/admin/brukere/:id/passord", .admins, sample: unknownUser + "/passord"),
        RouteAccess(.POST, "/admin/brukere/:id/status", .admins, sample: unknownUser + "/status"),
        RouteAccess(.GET, "/admin/logg", .admins),
        RouteAccess(.POST, "/logg-inn/oidc/:provider", .everyone, sample: "/logg-inn/oidc/ukjent"),
        RouteAccess(.GET, "/logg-inn/oidc/:provider/svar", .everyone, sample: "/logg-inn/oidc/ukjent/svar"),
        RouteAccess(.GET, "/admin/identiteter", .admins),
        RouteAccess(.POST, "/admin/identiteter/:id/godkjenn", .admins, sample: unknownIdentity + "/godkjenn"),
        RouteAccess(.POST, "/admin/identiteter/:id/avvis", .admins, sample: unknownIdentity + "/avvis"),
    ]
}
