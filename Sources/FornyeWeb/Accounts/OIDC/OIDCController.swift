import FornyeIdentity
import FornyeStorage
import Vapor

/// `/logg-inn/oidc/<provider>`: OpenID Connect sign-in (authorization code flow with PKCE).
/// The start (a form button on the sign-in page) sets the signed state cookie and sends the
/// browser to the provider; the callback checks state, exchanges the code, validates the ID
/// token and hands the claims to `ExternalIdentityStore`, which decides who signs in.
struct OIDCController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.post("logg-inn", "oidc", ":provider", use: start)
        routes.get("logg-inn", "oidc", ":provider", "svar", use: callback)
    }

    private func provider(_ request: Request) throws -> OIDCProvider {
        guard let id = request.parameters.get("provider"),
            let provider = request.application.oidcProviders.provider(id: id)
        else { throw Abort(.notFound, reason: "no such sign-in provider") }
        return provider
    }

    static func redirectURI(_ request: Request, providerID: String) -> String {
        request.application.fornyeSettings.publicBaseURL + Paths.oidcCallback(provider: providerID)
    }

    @Sendable func start(request: Request) async throws -> Response {
        let provider = try provider(request)
        let next = LocalRedirect.target(try request.formFields().first("neste"))
        let verdict = try await LoginRateLimit.identityAttempt(request)
        guard case .allowed(let attempt) = verdict else {
            if case .limited(let retryAfter) = verdict {
                return try await LoginRateLimit.refusal(request, retryAfter: retryAfter, next: next)
            }
            throw Abort(.internalServerError)
        }
        let document: DiscoveryDocument
        do { document = try await provider.document() } catch {
            request.logger.error(
                "OpenID Connect discovery failed",
                metadata: ["provider": "\(provider.settings.id)", "error": "\(error)"])
            return try await LoginPage.response(request, notice: .providerUnavailable, status: .badGateway)
        }
        let state = OIDCSignInState(providerID: provider.settings.id, next: next, attempt: attempt)
        guard var url = URLComponents(string: document.authorizationEndpoint) else {
            return try await LoginPage.response(request, notice: .providerUnavailable, status: .badGateway)
        }
        url.queryItems =
            (url.queryItems ?? []) + [
                URLQueryItem(name: "response_type", value: "code"),
                URLQueryItem(name: "client_id", value: provider.settings.clientID),
                URLQueryItem(name: "redirect_uri", value: Self.redirectURI(request, providerID: provider.settings.id)),
                URLQueryItem(name: "scope", value: provider.settings.scopes.joined(separator: " ")),
                URLQueryItem(name: "state", value: state.state),
                URLQueryItem(name: "nonce", value: state.nonce),
                URLQueryItem(name: "code_challenge", value: PKCE.challenge(verifier: state.verifier)),
                URLQueryItem(name: "code_challenge_method", value: "S256"),
            ]
        let response = request.redirect(to: url.string ?? Paths.login, redirectType: .normal)
        response.cookies[OIDCStateCookie.name] = OIDCStateCookie.value(state, request)
        return response
    }

    /// Rate-limited before anything is read or written, so a flood of forged callbacks gets 429
    /// and leaves no rows (no audit entry, no used state) beyond the limit's own count.
    @Sendable func callback(request: Request) async throws -> Response {
        let provider = try provider(request)
        let verdict = try await LoginRateLimit.identityAttempt(request)
        if case .limited(let retryAfter) = verdict {
            return try await LoginRateLimit.refusal(request, retryAfter: retryAfter)
        }
        let cookie = OIDCStateCookie.open(request)
        let response: Response
        var through = false
        do {
            response = try await finish(request, provider: provider, cookie: cookie)
            through = true
        } catch let error as OIDCError {
            try await AuditLog(database: request.db).record(
                actor: nil, action: .identitySignInFailed, target: provider.settings.id, details: error.description)
            request.logger.warning(
                "OpenID Connect sign-in refused",
                metadata: ["provider": "\(provider.settings.id)", "reason": "\(error)"])
            response = try await LoginPage.response(request, notice: .identityFailed, status: .unauthorized)
        }
        if through {
            // Signed in, or waiting for approval: neither the start nor the callback counts.
            try await LoginRateLimit.succeeded(request, verdict)
            if let attempt = cookie?.attempt { try await LoginRateLimit.succeeded(request, attempt: attempt) }
        }
        response.cookies[OIDCStateCookie.name] = OIDCStateCookie.expired(request)
        return response
    }

    private func finish(_ request: Request, provider: OIDCProvider, cookie: OIDCSignInState?) async throws -> Response {
        guard let cookie, cookie.providerID == provider.settings.id else { throw OIDCError.stateMissingOrExpired }
        if let error = request.query[String.self, at: "error"] {
            throw OIDCError.providerError(String(error.prefix(100)))
        }
        guard let state = request.query[String.self, at: "state"], state == cookie.state else {
            throw OIDCError.stateMismatch
        }
        guard try await OIDCUsedStates(database: request.db).use(state, until: cookie.expires) else {
            throw OIDCError.stateReplayed
        }
        guard let code = request.query[String.self, at: "code"], !code.isEmpty, code.utf8.count <= 2048 else {
            throw OIDCError.missingClaim("code")
        }
        let idToken = try await provider.exchange(
            code: code, verifier: cookie.verifier,
            redirectURI: Self.redirectURI(request, providerID: provider.settings.id))
        let identity = try await provider.validator.validate(idToken, nonce: cookie.nonce, keys: provider.keys)
        let claims = ExternalClaims(
            providerID: provider.settings.id, issuer: identity.issuer, subject: identity.subject, email: identity.email,
            emailVerified: identity.emailVerified, name: identity.name)
        switch try await ExternalIdentityStore(database: request.db).signIn(claims) {
        case .signedIn(let user):
            return try await LoginController.startSession(
                request, user: user, next: cookie.next, providerID: provider.settings.id, idToken: idToken)
        case .pending:
            return try await LoginPage.response(request, notice: .identityPending, status: .forbidden)
        case .rejected:
            throw OIDCError.identityRejected
        case .disabled:
            throw OIDCError.accountDisabled
        }
    }
}
