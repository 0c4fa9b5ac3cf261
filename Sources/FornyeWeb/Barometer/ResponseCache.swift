import Crypto
import Synchronization
import Vapor

/// Encoded responses kept in memory — the API's JSON and the public's results, wave-list and home
/// pages — so a repeated read costs a dictionary lookup instead of queries, JSON encoding or
/// rendering a whole report.
///
/// The key holds everything the bytes depend on: path and query string as sent, language
/// (which may come from a cookie), role class (analysts see unsuppressed numbers and closed
/// waves) and the store's `dataVersion`, so a change to any wave makes every older entry
/// unreachable (and the store empties the cache). HTML is cached for the public only: a
/// signed-in user's page carries their name and CSRF token. When the bytes exceed `budget` the
/// cache is emptied and refills with what is asked for.
final class ResponseCache: Sendable {
    struct Key: Hashable, Sendable {
        var path: String
        var query: String
        var language: Language
        var analyst: Bool
        var dataVersion: Int
    }

    struct Entry: Sendable {
        var body: ByteBuffer
        var contentType: String
        /// A strong validator: a hash of the body.
        var etag: String
    }

    private struct State {
        var entries: [Key: Entry] = [:]
        var bytes = 0
        var hits = 0
        var misses = 0
    }

    let budget: Int
    private let state = Mutex(State())

    init(budget: Int) {
        self.budget = budget
    }

    func entry(_ key: Key) -> Entry? {
        state.withLock { state in
            let entry = state.entries[key]
            if entry == nil { state.misses += 1 } else { state.hits += 1 }
            return entry
        }
    }

    func store(_ entry: Entry, for key: Key) {
        let size = entry.body.readableBytes
        guard size <= budget / 4 else { return }
        state.withLock { state in
            if state.bytes + size > budget {
                state.entries.removeAll(keepingCapacity: true)
                state.bytes = 0
            }
            if let old = state.entries.updateValue(entry, forKey: key) { state.bytes -= old.body.readableBytes }
            state.bytes += size
        }
    }

    func removeAll() {
        state.withLock { state in
            state.entries.removeAll(keepingCapacity: true)
            state.bytes = 0
        }
    }

    var count: Int { state.withLock { $0.entries.count } }
    var statistics: (hits: Int, misses: Int) { state.withLock { ($0.hits, $0.misses) } }

    static func etag(of body: ByteBuffer) -> String {
        let digest = body.withUnsafeReadableBytes { SHA256.hash(data: $0) }
        return "\"" + digest.prefix(12).map { String(format: "%02x", $0) }.joined() + "\""
    }
}

/// Serves a GET from `ResponseCache` or renders, caches and serves it; answers 304 when the
/// public's `If-None-Match` names the current ETag.
enum CachedResponse {
    enum Kind {
        /// API JSON: the same for every reader of a role class, so cached for everyone.
        case json
        /// A page: cached for the public only (signed-in pages name the user and carry a CSRF token).
        case html
    }

    static func respond(
        _ request: Request, _ kind: Kind, render: () async throws -> Response
    ) async throws -> Response {
        let principal = request.principal
        if kind == .html && principal != nil { return try await render() }
        let store = request.application.barometerStore
        let catalog = try await store.catalog(request.db)
        let key = ResponseCache.Key(
            path: request.url.path, query: request.url.query ?? "", language: Language.of(request),
            analyst: principal?.isAnalyst == true, dataVersion: catalog.dataVersion)
        if let entry = store.responses.entry(key) { return response(entry, to: request) }
        let rendered = try await render()
        guard rendered.status == .ok, let body = rendered.body.buffer,
            let contentType = rendered.headers.first(name: .contentType)
        else { return rendered }
        let entry = ResponseCache.Entry(body: body, contentType: contentType, etag: ResponseCache.etag(of: body))
        store.responses.store(entry, for: key)
        return response(entry, to: request)
    }

    /// A fresh response around the shared bytes. The public's responses may be stored by the
    /// browser but must be revalidated (`no-cache`), and vary with the cookies (language,
    /// session); signed-in users' responses get `no-store` from `SessionAuthenticator`.
    static func response(_ entry: ResponseCache.Entry, to request: Request) -> Response {
        var headers = HTTPHeaders()
        let isPublic = request.principal == nil
        if isPublic {
            headers.add(name: .eTag, value: entry.etag)
            headers.add(name: .cacheControl, value: "no-cache")
            headers.add(name: .vary, value: "Cookie")
            if matches(request.headers[.ifNoneMatch], entry.etag) {
                return Response(status: .notModified, headers: headers)
            }
        }
        headers.add(name: .contentType, value: entry.contentType)
        return Response(status: .ok, headers: headers, body: .init(buffer: entry.body))
    }

    /// Whether any `If-None-Match` value names `etag` (weak comparison, as RFC 9110 asks for GET).
    static func matches(_ values: [String], _ etag: String) -> Bool {
        for value in values {
            for candidate in value.split(separator: ",") {
                var tag = candidate.trimmingCharacters(in: .whitespaces)
                if tag == "*" { return true }
                if tag.hasPrefix("W/") { tag.removeFirst(2) }
                if tag == etag { return true }
            }
        }
        return false
    }
}
