import FornyeIdentity
import Foundation
import NIOCore
import Vapor

/// The configured OpenID Connect providers, each with its cached discovery document and JWKS.
/// Fetches go through Vapor's client, bounded in time (`fetchTimeout`) and size
/// (`DiscoveryDocument.maximumBytes`); the discovery document is kept for an hour, the JWKS until
/// a token names a key it does not hold.
final class OIDCProviders: Sendable {
    static let fetchTimeout: TimeAmount = .seconds(5)
    let providers: [OIDCProvider]

    init(settings: [OIDCProviderSettings], client: any Client) {
        providers = settings.map { OIDCProvider(settings: $0, client: client) }
    }

    func provider(id: String) -> OIDCProvider? {
        providers.first { $0.settings.id == id }
    }
}

final class OIDCProvider: Sendable {
    let settings: OIDCProviderSettings
    let keys: ProviderKeys
    private let discovery: DiscoveryCache
    private let client: any Client

    init(settings: OIDCProviderSettings, client: any Client) {
        self.settings = settings
        self.client = client
        let discovery = DiscoveryCache()
        self.discovery = discovery
        self.keys = ProviderKeys { [settings, client, discovery] in
            let document = try await discovery.document(settings: settings, client: client)
            return try await OIDCProvider.fetch(document.jwksURI, client: client, what: "JWKS")
        }
    }

    var validator: IDTokenValidator { IDTokenValidator(issuer: settings.issuer, clientID: settings.clientID) }

    func document() async throws -> DiscoveryDocument {
        try await discovery.document(settings: settings, client: client)
    }

    /// The token endpoint's answer to `code` (client_secret_basic, RFC 6749 §2.3.1): the ID token.
    func exchange(code: String, verifier: String, redirectURI: String) async throws -> String {
        let endpoint = try await document().tokenEndpoint
        var headers = HTTPHeaders()
        headers.basicAuthorization = BasicAuthorization(
            username: Self.formEncoded(settings.clientID), password: Self.formEncoded(settings.clientSecret))
        headers.add(name: .accept, value: "application/json")
        let response: ClientResponse
        do {
            response = try await client.post(URI(string: endpoint), headers: headers) { request in
                request.timeout = Self.fetchTimeoutAmount
                try request.content.encode(
                    [
                        "grant_type": "authorization_code", "code": code, "redirect_uri": redirectURI,
                        "code_verifier": verifier,
                    ], as: .urlEncodedForm)
            }
        } catch {
            throw OIDCError.fetchFailed("token endpoint: \(error)")
        }
        let body = Data(buffer: response.body ?? ByteBuffer())
        guard body.count <= DiscoveryDocument.maximumBytes else { throw OIDCError.documentTooLarge("token response") }
        struct Answer: Decodable {
            var id_token: String?
            var error: String?
        }
        let answer = try? JSONDecoder().decode(Answer.self, from: body)
        guard response.status == .ok else {
            throw OIDCError.tokenEndpointRefused("\(response.status.code) \(answer?.error ?? "")")
        }
        guard let token = answer?.id_token else { throw OIDCError.missingClaim("id_token") }
        return token
    }

    static let fetchTimeoutAmount = OIDCProviders.fetchTimeout

    /// RFC 6749 §2.3.1: the client id and secret are form-encoded before basic authentication.
    static func formEncoded(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~")))
            ?? text
    }

    static func fetch(_ url: String, client: any Client, what: String) async throws -> Data {
        let response: ClientResponse
        do {
            response = try await client.get(URI(string: url)) { $0.timeout = fetchTimeoutAmount }
        } catch {
            throw OIDCError.fetchFailed("\(what) from \(url): \(error)")
        }
        guard response.status == .ok else { throw OIDCError.fetchFailed("\(what): \(response.status.code)") }
        let body = Data(buffer: response.body ?? ByteBuffer())
        guard body.count <= DiscoveryDocument.maximumBytes else { throw OIDCError.documentTooLarge(what) }
        return body
    }
}

/// The discovery document, fetched on first use and again after an hour.
private actor DiscoveryCache {
    static let lifetime: TimeInterval = 3600
    private var cached: (document: DiscoveryDocument, fetched: Date)?

    func document(settings: OIDCProviderSettings, client: any Client) async throws -> DiscoveryDocument {
        if let cached, Date().timeIntervalSince(cached.fetched) < Self.lifetime { return cached.document }
        let data = try await OIDCProvider.fetch(
            DiscoveryDocument.url(issuer: settings.issuer), client: client, what: "discovery document")
        let document = try DiscoveryDocument.parse(data, expectedIssuer: settings.issuer)
        cached = (document, Date())
        return document
    }
}

struct OIDCProvidersKey: StorageKey {
    typealias Value = OIDCProviders
}

extension Application {
    var oidcProviders: OIDCProviders {
        guard let providers = storage[OIDCProvidersKey.self] else {
            fatalError("FornyeApp.configure was not called on this Application")
        }
        return providers
    }
}
