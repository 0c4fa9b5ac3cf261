import FornyeStorage
import Vapor

/// The second factor: `/logg-inn/kode` finishes a sign-in whose password was right;
/// `/konto/tofaktor` lets a signed-in user turn TOTP on and off and renew recovery codes.
struct SecondFactorController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("logg-inn", "kode", use: codeForm)
        routes.post("logg-inn", "kode", use: signIn)
        let account = routes.signedIn.grouped("konto", "tofaktor")
        account.get(use: status)
        account.post("start", use: start)
        account.post("bekreft", use: confirm)
        account.post("nye-koder", use: newCodes)
        account.post("av", use: turnOff)
    }

    @Sendable func codeForm(request: Request) async throws -> Response {
        guard pending(request) != nil else { return request.redirect(to: Paths.login, redirectType: .normal) }
        return try await HTMLPage(SignInCodePage(request: request, wrongCode: false).render()).encodeResponse(
            for: request)
    }

    @Sendable func signIn(request: Request) async throws -> Response {
        guard let pending = pending(request) else { return request.redirect(to: Paths.login, redirectType: .normal) }
        let code = try request.formFields().first("code") ?? ""
        let users = UserStore(database: request.db)
        let audit = AuditLog(database: request.db)
        guard let user = try await users.find(id: pending.userID), !user.disabled, !user.isLocked() else {
            return request.redirect(to: Paths.login, redirectType: .normal)
        }
        let verdict = try await LoginRateLimit.attempt(request)
        if case .limited = verdict {
            return try await HTMLPage(
                SignInCodePage(request: request, wrongCode: true).render(), status: .tooManyRequests
            )
            .encodeResponse(for: request)
        }
        guard try await SecondFactorStore(request).verify(userID: pending.userID, code: code) else {
            let locked = try await users.recordFailedLogin(user)
            try await audit.record(actor: nil, action: .secondFactorFailed, target: user.email)
            if locked {
                try await audit.record(
                    actor: nil, action: .accountLocked, target: user.email,
                    details: "\(LockoutPolicy.maximumFailures) failed sign-ins; locked for 15 minutes")
            }
            return try await HTMLPage(SignInCodePage(request: request, wrongCode: true).render(), status: .unauthorized)
                .encodeResponse(for: request)
        }
        if RecoveryCodes.looksLikeRecoveryCode(code) {
            try await audit.record(actor: pending.userID, action: .recoveryCodeUsed, target: user.email)
        }
        try await LoginRateLimit.succeeded(request, verdict)
        let response = try await LoginController.startSession(request, user: user, next: pending.next)
        response.cookies[PendingSignIn.cookieName] = PendingSignIn.expiredCookie(request)
        return response
    }

    @Sendable func status(request: Request) async throws -> HTMLPage {
        let principal = try request.requirePrincipal()
        let status = try await SecondFactorStore(request).status(userID: principal.userID)
        if status == .pending, let totp = try await SecondFactorStore(request).pending(userID: principal.userID) {
            return try await setUpPage(request, totp, wrongCode: false)
        }
        return HTMLPage(SecondFactorPage(request: request, shown: .status(status)).render())
    }

    @Sendable func start(request: Request) async throws -> Response {
        let principal = try request.requirePrincipal()
        do {
            _ = try await SecondFactorStore(request).begin(userID: principal.userID)
        } catch SecondFactorError.alreadyOn {}
        return request.redirect(to: Paths.secondFactor, redirectType: .normal)
    }

    @Sendable func confirm(request: Request) async throws -> Response {
        let principal = try request.requirePrincipal()
        let store = SecondFactorStore(request)
        let code = try request.formFields().first("code") ?? ""
        do {
            let codes = try await store.confirm(userID: principal.userID, code: code)
            try await AuditLog(database: request.db).record(actor: principal.userID, action: .secondFactorOn)
            return try await noStore(SecondFactorPage(request: request, shown: .recoveryCodes(codes)).render(), request)
        } catch SecondFactorError.wrongCode {
            guard let totp = try await store.pending(userID: principal.userID) else { throw Abort(.conflict) }
            var page = try await setUpPage(request, totp, wrongCode: true)
            page.status = HTTPResponseStatus.unprocessableEntity
            return try await page.encodeResponse(for: request)
        } catch SecondFactorError.notStarted {
            return request.redirect(to: Paths.secondFactor, redirectType: .normal)
        }
    }

    /// New recovery codes need a current code, so a session left open cannot take them.
    @Sendable func newCodes(request: Request) async throws -> Response {
        let principal = try request.requirePrincipal()
        let store = SecondFactorStore(request)
        guard try await checkCode(request, store, principal.userID) else {
            return try await refused(request, store, principal)
        }
        let codes = try await store.replaceRecoveryCodes(userID: principal.userID)
        try await AuditLog(database: request.db).record(actor: principal.userID, action: .recoveryCodesReplaced)
        return try await noStore(SecondFactorPage(request: request, shown: .recoveryCodes(codes)).render(), request)
    }

    @Sendable func turnOff(request: Request) async throws -> Response {
        let principal = try request.requirePrincipal()
        let store = SecondFactorStore(request)
        guard try await checkCode(request, store, principal.userID) else {
            return try await refused(request, store, principal)
        }
        try await store.remove(userID: principal.userID)
        try await AuditLog(database: request.db).record(actor: principal.userID, action: .secondFactorOff)
        return request.redirect(to: Paths.secondFactor, redirectType: .normal)
    }

    private func checkCode(_ request: Request, _ store: SecondFactorStore, _ userID: UUID) async throws -> Bool {
        let code = try request.formFields().first("code") ?? ""
        guard !RecoveryCodes.looksLikeRecoveryCode(code) else { return false }
        return try await store.verify(userID: userID, code: code)
    }

    private func refused(_ request: Request, _ store: SecondFactorStore, _ principal: Principal) async throws
        -> Response
    {
        let status = try await store.status(userID: principal.userID)
        return try await HTMLPage(
            SecondFactorPage(request: request, shown: .status(status), wrongCode: true).render(),
            status: .unprocessableEntity
        ).encodeResponse(for: request)
    }

    private func setUpPage(_ request: Request, _ totp: FornyeStorage.TOTP, wrongCode: Bool) async throws -> HTMLPage {
        let principal = try request.requirePrincipal()
        guard let user = try await UserStore(database: request.db).find(id: principal.userID) else {
            throw Abort(.unauthorized)
        }
        let link = totp.provisioningURI(account: user.email, issuer: "Fornye")
        return HTMLPage(
            SecondFactorPage(
                request: request, shown: .setUp(secret: Base32.encode(totp.secret), link: link, wrongCode: wrongCode)
            ).render())
    }

    /// Recovery codes are shown once: never kept by a cache or the browser's history.
    private func noStore(_ html: String, _ request: Request) async throws -> Response {
        let response = try await HTMLPage(html).encodeResponse(for: request)
        response.headers.cacheControl = .init(noStore: true)
        return response
    }

    private func pending(_ request: Request) -> PendingSignIn? {
        request.cookies[PendingSignIn.cookieName].flatMap {
            PendingSignIn.open($0.string, key: PendingSignIn.key(request))
        }
    }
}

extension SecondFactorStore {
    init(_ request: Request) {
        self.init(database: request.db, key: request.application.fornyeSettings.secret.key(for: Self.purpose))
    }
}
