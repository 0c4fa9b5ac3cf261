import Vapor

/// The origin check of `CSRFMiddleware`: a state-changing request sent by a page of another site
/// is refused even before its token is looked at.
///
/// Browsers name the sending page's origin in `Origin` (and often the page in `Referer`). Allowed
/// are the configured public address (`WebSettings.publicBaseURL`, which a proxy may reach under
/// another Host) and the request's own Host (behind TLS only over https). `Origin: null` says
/// nothing: browsers send it for every form posted from a page with `Referrer-Policy: no-referrer`,
/// as the questionnaire is, so then `Referer` decides, and without either the request passes on
/// its token alone (clients that send neither, older browsers).
enum CSRFOrigin {
    /// The origin a request names when it is not an allowed one; nil when it is allowed.
    static func foreignOrigin(of request: Request) -> String? {
        let named: String
        if let origin = request.headers.first(name: .origin), origin != "null" {
            named = origin
        } else if let referer = request.headers.first(name: .referer), !referer.isEmpty {
            named = referer
        } else {
            return nil
        }
        guard let origin = WebOrigin(url: named) else { return named }
        let settings = request.application.fornyeSettings
        if let configured = WebOrigin(url: settings.publicBaseURL), origin == configured { return nil }
        if let host = request.headers.first(name: .host), let own = WebOrigin(scheme: origin.scheme, authority: host),
            origin == own, origin.scheme == "https" || !settings.behindTLS
        {
            return nil
        }
        return named
    }
}

/// A web origin: scheme, host and port (the scheme's default when none is written), compared
/// without regard to case.
struct WebOrigin: Equatable {
    var scheme: String
    var host: String
    var port: Int

    /// The origin of an absolute http(s) URL (an `Origin` value, a `Referer`, the public address).
    init?(url: String) {
        guard let separator = url.range(of: "://") else { return nil }
        let scheme = url[..<separator.lowerBound].lowercased()
        let rest = url[separator.upperBound...]
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        // Userinfo is not part of the origin.
        let hostAndPort = authority.split(separator: "@", omittingEmptySubsequences: false).last ?? authority
        self.init(scheme: scheme, authority: String(hostAndPort))
    }

    /// An origin from a scheme and a `host[:port]` (a Host header; IPv6 hosts in brackets).
    init?(scheme: String, authority: String) {
        let scheme = scheme.lowercased()
        let defaultPort: Int
        switch scheme {
        case "http": defaultPort = 80
        case "https": defaultPort = 443
        default: return nil
        }
        let host: Substring
        let portText: Substring?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { return nil }
            host = authority[...close]
            let after = authority[authority.index(after: close)...]
            guard after.isEmpty || after.hasPrefix(":") else { return nil }
            portText = after.isEmpty ? nil : after.dropFirst()
        } else {
            let parts = authority.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            host = parts[0]
            portText = parts.count == 2 ? parts[1] : nil
        }
        guard !host.isEmpty, !host.contains(where: { $0 == " " || $0 == "@" }) else { return nil }
        var port = defaultPort
        if let portText {
            guard let number = Int(portText), (1...65535).contains(number), portText.allSatisfy(\.isASCII) else {
                return nil
            }
            port = number
        }
        self.scheme = scheme
        self.host = host.lowercased()
        self.port = port
    }
}
