import Foundation

/// One configured OpenID Connect provider (Entra ID, Feide, ID-porten, …), read from
/// `FORNYE_OIDC_<ID>_ISSUER`, `_CLIENT_ID`, `_CLIENT_SECRET`, `_DISPLAY_NAME` and `_SCOPES`
/// (docs/ACCOUNTS.md). The id is lower-cased and names the provider in URLs (`/logg-inn/oidc/<id>`).
public struct OIDCProviderSettings: Sendable, Equatable {
    public var id: String
    /// The issuer exactly as the provider's discovery document and ID tokens give it.
    public var issuer: String
    public var clientID: String
    public var clientSecret: String
    /// What the sign-in button says: «Logg inn med <displayName>».
    public var displayName: String
    /// Always contains `openid`.
    public var scopes: [String]

    public init(
        id: String, issuer: String, clientID: String, clientSecret: String, displayName: String,
        scopes: [String] = ["openid", "email", "profile"]
    ) {
        self.id = id
        self.issuer = issuer
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.displayName = displayName
        self.scopes = scopes.contains("openid") ? scopes : ["openid"] + scopes
    }

    public static let maximumProviders = 20
    static let prefix = "FORNYE_OIDC_"

    /// Every provider configured in `environment`, by id. A provider is configured when its
    /// `_ISSUER` is set; a missing client id or secret, a malformed issuer or an over-long value
    /// is an error naming the variable, so a typo stops `fornye serve` instead of hiding a button.
    public static func fromEnvironment(_ environment: [String: String]) throws(OIDCSettingsError)
        -> [OIDCProviderSettings]
    {
        let ids = environment.keys.compactMap { key -> String? in
            guard key.hasPrefix(prefix), key.hasSuffix("_ISSUER") else { return nil }
            return String(key.dropFirst(prefix.count).dropLast("_ISSUER".count))
        }
        .sorted()
        guard ids.count <= maximumProviders else { throw .tooManyProviders(maximum: maximumProviders) }
        var providers: [OIDCProviderSettings] = []
        for id in ids {
            guard !id.isEmpty, id.count <= 32, id.allSatisfy({ $0.isASCII && ($0.isUppercase || $0.isNumber) })
            else { throw .invalidID(prefix + id + "_ISSUER") }
            func value(_ name: String, required: Bool = true) throws(OIDCSettingsError) -> String? {
                let key = prefix + id + "_" + name
                let text = environment[key]?.trimmingCharacters(in: .whitespaces) ?? ""
                if text.isEmpty {
                    if required { throw .missing(key) }
                    return nil
                }
                guard text.utf8.count <= 2000, !text.unicodeScalars.contains(where: { $0.value < 0x20 }) else {
                    throw .invalidValue(key)
                }
                return text
            }
            let issuer = try value("ISSUER")!
            guard OIDCEndpoint.isAllowed(issuer) else { throw .invalidIssuer(prefix + id + "_ISSUER", issuer) }
            let scopes =
                try value("SCOPES", required: false)?.split(separator: " ").map(String.init) ?? [
                    "openid", "email", "profile",
                ]
            providers.append(
                OIDCProviderSettings(
                    id: id.lowercased(), issuer: issuer, clientID: try value("CLIENT_ID")!,
                    clientSecret: try value("CLIENT_SECRET")!,
                    displayName: try value("DISPLAY_NAME", required: false) ?? id.capitalized, scopes: scopes))
        }
        return providers
    }
}

/// A provider setting that cannot be used, naming the environment variable.
public enum OIDCSettingsError: Error, Equatable, CustomStringConvertible {
    case missing(String)
    case invalidValue(String)
    case invalidID(String)
    case invalidIssuer(String, String)
    case tooManyProviders(maximum: Int)

    public var description: String {
        switch self {
        case .missing(let key): "\(key) is not set"
        case .invalidValue(let key): "\(key) is longer than 2000 bytes or has control characters"
        case .invalidID(let key):
            "\(key): a provider id is 1 to 32 capital letters A-Z or digits (FORNYE_OIDC_ENTRA_ISSUER)"
        case .invalidIssuer(let key, let value):
            "\(key) must be an https address (http only for 127.0.0.1 or localhost), not «\(value)»"
        case .tooManyProviders(let maximum): "more than \(maximum) OpenID Connect providers are configured"
        }
    }
}

/// Which provider addresses Fornye talks to: https, or http on the loopback only (the tests' local provider).
public enum OIDCEndpoint {
    public static func isAllowed(_ text: String) -> Bool {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), let host = url.host?.lowercased(),
            !host.isEmpty, url.fragment == nil, url.user == nil
        else { return false }
        if scheme == "https" { return true }
        return scheme == "http" && (host == "127.0.0.1" || host == "localhost" || host == "::1")
    }
}
