import FornyeStorage
import Foundation
import Vapor

/// RP-initiated logout (OpenID Connect RP-Initiated Logout 1.0): where sign-out sends a browser
/// whose session came from a provider that has an end_session_endpoint.
enum OIDCLogout {
    static func target(_ request: Request, session: UserSessionRecord) async -> String? {
        guard let providerID = session.providerID,
            let provider = request.application.oidcProviders.provider(id: providerID),
            let endpoint = try? await provider.document().endSessionEndpoint,
            var url = URLComponents(string: endpoint)
        else { return nil }
        url.queryItems =
            (url.queryItems ?? [])
            + (session.idToken.map { [URLQueryItem(name: "id_token_hint", value: $0)] } ?? []) + [
                URLQueryItem(name: "client_id", value: provider.settings.clientID),
                URLQueryItem(
                    name: "post_logout_redirect_uri", value: request.application.fornyeSettings.publicBaseURL + "/"),
            ]
        return url.string
    }
}
