import FornyeStorage
import FornyeTestSupport
import Testing
import Vapor
import VaporTesting

/// Every registered route × every kind of caller (the public, municipality editor, analyst,
/// admin) against `AccessMatrix`: allowed callers are not turned away, the public is sent to
/// the login page (GET) or gets 401, a signed-in user without the role gets 403.
@Suite struct AuthorizationMatrixTests {
    static func key(_ route: Route) -> String {
        "\(route.method.rawValue) /\(route.path.map(\.description).joined(separator: "/"))"
    }

    @Test func everyRegisteredRouteHasAnExpectation() async throws {
        try await withTestApp(seedDemoContent: false) { app in
            let registered = Set(app.routes.all.map(Self.key))
            let expected = AccessMatrix.all.map(\.key)
            #expect(Set(expected).count == expected.count, "an expectation is listed twice")
            let missing = registered.subtracting(expected).sorted()
            let stale = Set(expected).subtracting(registered).sorted()
            #expect(
                missing.isEmpty,
                "routes without an expected access; add them to an AccessMatrix+Area.swift file: \(missing)")
            #expect(stale.isEmpty, "expectations for routes that are not registered: \(stale)")
        }
    }

    @Test(arguments: TestDatabase.all, [nil, Role.municipalityEditor, .analyst, .admin] as [Role?])
    func everyRouteAnswersEveryRoleAsExpected(database: TestDatabase, role: Role?) async throws {
        try await withTestApp(database: database, seedDemoContent: false) { app in
            var headers = try await publicHeaders(app)
            if let role { headers = try await signIn(app, as: role) }
            let caller = role?.rawValue ?? "public"
            // Sign-out last, as it ends the session the other requests use.
            let routes = AccessMatrix.all.filter { !$0.endsSession } + AccessMatrix.all.filter(\.endsSession)
            for route in routes {
                let (status, location) = try await Self.request(app, route, headers: headers)
                let toLogin = (300..<400).contains(status) && location.hasPrefix("/logg-inn")
                let context = "\(route.key) as \(caller) (access: \(route.access)) answered \(status) \(location)"
                if case .pendingSignIn = route.access {
                    #expect(toLogin, "\(context); expected a redirect to /logg-inn without a pending sign-in")
                } else if route.access.isMachine {
                    #expect([200, 401, 403].contains(status) && !toLogin, "\(context)")
                } else if route.access.allows(role) {
                    #expect(status != 403 && !toLogin && status < 500, "\(context)")
                    // Only a sign-in form may answer 401 to someone it lets in.
                    #expect(status != 401 || route.access.isEveryone, "\(context)")
                } else if role == nil {
                    if route.method == .GET {
                        #expect(toLogin, "\(context); expected a redirect to /logg-inn")
                    } else {
                        #expect(status == 401, "\(context); expected 401")
                    }
                } else {
                    #expect(status == 403, "\(context); expected 403")
                }
            }
        }
    }

    /// Sends `route` (POSTs with the CSRF token and an empty form); returns status and Location.
    static func request(_ app: Application, _ route: RouteAccess, headers: HTTPHeaders) async throws -> (UInt, String) {
        let isGET = route.method == .GET
        var status: UInt = 0
        var location = ""
        try await app.testing().test(
            route.method, route.sample ?? route.path, headers: headers,
            beforeRequest: { request in
                if !isGET { try request.form([:], headers: headers) }
            }
        ) { response in
            status = response.status.code
            location = response.headers.first(name: .location) ?? ""
        }
        return (status, location)
    }
}
