import Foundation

/// The `?neste=` target after sign-in: a path on this site only, so a link cannot send a
/// freshly signed-in user to another site (no open redirect).
enum LocalRedirect {
    static func target(_ raw: String?) -> String {
        guard let raw, raw.hasPrefix("/"), raw.utf8.count <= 2000,
            // `//host` and `/\host` are read by browsers as another host.
            !raw.hasPrefix("//"), !raw.hasPrefix("/\\"),
            !raw.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || $0 == "\\" }),
            let components = URLComponents(string: raw), components.scheme == nil, components.host == nil
        else { return Paths.home }
        if components.path.hasPrefix(Paths.login) || components.path.hasPrefix(Paths.logout) { return Paths.home }
        return raw
    }

    /// `value` percent-encoded for a query parameter (everything but unreserved characters and `/`).
    static func queryEncoded(_ value: String) -> String {
        let allowed = CharacterSet(
            charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~/")
        return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "/"
    }
}
