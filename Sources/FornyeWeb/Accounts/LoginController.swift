import FornyeStorage
import Vapor

/// `/logg-inn` and `/logg-ut`: password sign-in with rate limiting and lockout, server-side
/// sessions, sign-out.
struct LoginController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("logg-inn", use: form)
        routes.post("logg-inn", use: login)
        routes.post("logg-ut", use: logout)
    }

    @Sendable func form(request: Request) async throws -> HTMLPage {
        let expired = request.sessionExpired || request.query[String.self, at: "utlopt"] == "1"
        let page = LoginPage(
            request: request, email: "", next: LocalRedirect.target(request.query[String.self, at: "neste"]),
            notice: expired ? .expired : nil)
        return HTMLPage(page.render())
    }

    @Sendable func login(request: Request) async throws -> Response {
        let form = try request.formFields()
        let email = (form.first("email") ?? "").trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        let password = form.first("password") ?? ""
        let next = LocalRedirect.target(form.first("neste"))
        let audit = AuditLog(database: request.db)

        let verdict = try await LoginRateLimit.attempt(request)
        if case .limited(let retryAfter) = verdict {
            return try await LoginRateLimit.refusal(request, retryAfter: retryAfter, email: email, next: next)
        }

        let users = UserStore(database: request.db)
        guard !email.isEmpty, !password.isEmpty, let user = try await users.find(email: email) else {
            // Spend the time a real check takes, so a wrong address is not told apart by speed.
            if !password.isEmpty { _ = try await request.hashPassword(password) }
            try await audit.record(actor: nil, action: .loginFailed, target: email, details: "unknown e-mail")
            return try await failed(request, email: email, next: next)
        }
        let userID = try user.requireID()
        // Checked before the account's state, so a disabled or locked account answers as slowly as
        // any other and its state is not told apart by timing.
        let passwordMatches = try await request.verifyPassword(password, hash: user.passwordHash)
        if user.disabled {
            try await audit.record(actor: nil, action: .loginFailed, target: email, details: "account disabled")
            return try await failed(request, email: email, next: next)
        }
        if user.isLocked() {
            try await audit.record(actor: nil, action: .loginFailed, target: email, details: "account locked")
            return try await failed(request, email: email, next: next)
        }
        guard passwordMatches else {
            let locked = try await users.recordFailedLogin(user)
            try await audit.record(actor: nil, action: .loginFailed, target: email, details: "wrong password")
            if locked {
                try await audit.record(
                    actor: nil, action: .accountLocked, target: email,
                    details: "\(LockoutPolicy.maximumFailures) failed sign-ins; locked for 15 minutes")
            }
            return try await failed(request, email: email, next: next)
        }

        let secondFactor = SecondFactorStore(request)
        if try await secondFactor.isOn(userID: userID) {
            // No session and no reset of the account's failure count until the code is right too;
            // the address's count drops the attempt (only failures count there), the code step counts its own.
            try await LoginRateLimit.succeeded(request, verdict)
            try await audit.record(actor: userID, action: .passwordAccepted, target: email)
            let pending = PendingSignIn(
                userID: userID, next: next, expires: Date().addingTimeInterval(PendingSignIn.lifetime))
            let response = request.redirect(to: Paths.signInCode, redirectType: .normal)
            response.cookies[PendingSignIn.cookieName] = PendingSignIn.cookie(
                pending.sealed(key: PendingSignIn.key(request)), request)
            return response
        }
        try await LoginRateLimit.succeeded(request, verdict)
        return try await Self.startSession(request, user: user, next: next)
    }

    /// The end of every successful sign-in: a fresh session (no fixation), the audit line, a new CSRF value.
    /// An OpenID Connect sign-in passes its provider and ID token, kept for sign-out.
    static func startSession(
        _ request: Request, user: UserRecord, next: String, providerID: String? = nil, idToken: String? = nil
    ) async throws -> Response {
        let userID = try user.requireID()
        try await UserStore(database: request.db).recordSuccessfulLogin(user)
        let sessions = SessionStore(database: request.db)
        if let old = request.sessionTokenHash { try await sessions.delete(tokenHash: old) }
        let token = SessionToken.make()
        try await sessions.create(
            userID: userID, tokenHash: SessionToken.hash(token), providerID: providerID, idToken: idToken)
        // Sign-in is a good moment to drop sessions that timed out without being used again.
        try await sessions.purgeExpired()
        try await AuditLog(database: request.db).record(
            actor: userID, action: .loginSucceeded, target: user.email,
            details: providerID.map { "OpenID Connect: \($0)" })
        CSRF.rotate(request)
        let response = request.redirect(to: next, redirectType: .normal)
        response.cookies[SessionAuthenticator.cookieName] = SessionAuthenticator.cookie(token, request)
        return response
    }

    private func failed(_ request: Request, email: String, next: String) async throws -> Response {
        try await HTMLPage(
            LoginPage(request: request, email: email, next: next, notice: .failed).render(), status: .unauthorized
        ).encodeResponse(for: request)
    }

    /// Ends the local session; a session from an OpenID Connect provider with RP-initiated logout
    /// then goes on to the provider's end_session_endpoint, which sends the browser back home.
    @Sendable func logout(request: Request) async throws -> Response {
        var target = Paths.home
        if let hash = request.sessionTokenHash {
            let session = try await SessionStore(database: request.db).end(tokenHash: hash)
            try await AuditLog(database: request.db).record(actor: request.principal?.userID, action: .logout)
            if let session { target = await OIDCLogout.target(request, session: session) ?? Paths.home }
        }
        CSRF.rotate(request)
        let response = request.redirect(to: target, redirectType: .normal)
        response.cookies[SessionAuthenticator.cookieName] = SessionAuthenticator.expiredCookie(request)
        return response
    }
}
