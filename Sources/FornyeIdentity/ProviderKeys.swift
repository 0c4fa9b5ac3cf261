public import Foundation
import JWTKit

/// A provider's signing keys (its JWKS), cached. A token signed with a key id the cache does not
/// know makes one fresh fetch (the provider rotated its keys); a key id still unknown after that
/// is refused. Keys that are not RSA or EC signing keys are skipped.
public actor ProviderKeys {
    public typealias Fetch = @Sendable () async throws -> Data

    private let fetch: Fetch
    private var keys: JWTKeyCollection?
    private var keyIDs: Set<String> = []
    /// How many times the JWKS was fetched (for the log and the rotation test).
    public private(set) var fetchCount = 0

    public init(fetch: @escaping Fetch) {
        self.fetch = fetch
    }

    /// The key collection holding `keyID`, fetching the JWKS at most once for this call.
    func collection(for keyID: String) async throws -> JWTKeyCollection {
        if let keys, keyIDs.contains(keyID) { return keys }
        try await reload()
        guard let keys, keyIDs.contains(keyID) else { throw OIDCError.unknownKey(keyID) }
        return keys
    }

    private func reload() async throws {
        let data: Data
        do { data = try await fetch() } catch let error as OIDCError { throw error } catch {
            throw OIDCError.fetchFailed("JWKS: \(error)")
        }
        fetchCount += 1
        let parsed = try await Self.parse(data)
        keys = parsed.keys
        keyIDs = parsed.ids
    }

    static func parse(_ data: Data) async throws -> (keys: JWTKeyCollection, ids: Set<String>) {
        guard data.count <= DiscoveryDocument.maximumBytes else { throw OIDCError.documentTooLarge("JWKS") }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let entries = object["keys"] as? [Any], entries.count <= 100
        else { throw OIDCError.malformed("JWKS") }
        let collection = JWTKeyCollection()
        var ids: Set<String> = []
        for entry in entries {
            guard let fields = entry as? [String: Any], fields["use"] as? String ?? "sig" == "sig",
                let kty = fields["kty"] as? String, kty == "RSA" || kty == "EC",
                let kid = fields["kid"] as? String, !kid.isEmpty,
                let json = try? JSONSerialization.data(withJSONObject: fields),
                let jwk = try? JSONDecoder().decode(JWK.self, from: json)
            else { continue }
            do {
                _ = try await collection.add(jwk: jwk)
                ids.insert(kid)
            } catch { continue }
        }
        return (collection, ids)
    }
}
