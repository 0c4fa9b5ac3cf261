import Fluent
import FornyeReport
import FornyeStatistics
import FornyeStorage
import Testing
import Vapor
import VaporTesting

@testable import FornyeWeb

/// The response cache and the wave catalogue behind it: what separates keys, what makes an
/// entry stale, what analysts may never leak to the public, and the ETag/304 rules.
@Suite struct ResponseCacheTests {
    static let wave = DemoContent.baselineSlug
    static let page = "/barometer/\(DemoContent.baselineSlug)"

    /// A route that writes like a controller would, so the real middleware sees a successful POST.
    static func addWriter(_ app: Application) {
        app.post("test-write", ":wave", ":status") { request async throws -> HTTPStatus in
            let slug = try request.parameters.require("wave")
            guard let status = WaveRecord.Status(rawValue: try request.parameters.require("status")) else {
                throw Abort(.badRequest)
            }
            try await WaveRecord.query(on: request.db).filter(\.$slug == slug).set(\.$status, to: status).update()
            return .noContent
        }
    }

    /// Its own app and an hour-long catalogue lifetime: on the shared app another suite's write,
    /// or five seconds of a loaded CI machine, reloads the catalogue between the two reads.
    @Test func keysSeparateLanguageFiltersAndPathAndRepeatsAreServedFromMemory() async throws {
        try await withTestApp { app in
            let store = BarometerStore(catalogLifetime: .seconds(3600))
            app.storage[BarometerStoreKey.self] = store
            let nb = try await app.get(Self.page)
            let en = try await app.get(Self.page + "?lang=en")
            var cookie = HTTPHeaders()
            cookie.cookie = ["lang": "en"]
            let enByCookie = try await app.get(Self.page, headers: cookie)
            let sector = try await app.get(Self.page + "?sector=1")
            #expect(nb.body.string.contains("<html lang=\"nb\">"))
            #expect(en.body.string.contains("<html lang=\"en\">"))
            // Same URL as the bokmål page, but the cookie asks for English: a separate entry.
            #expect(enByCookie.body.string.contains("<html lang=\"en\">"))
            #expect(sector.body.string != nb.body.string)
            // The ETag is a hash of the bytes: equal exactly when the bodies are.
            let responses = [nb, en, enByCookie, sector]
            let tags = responses.compactMap { $0.headers.first(name: .eTag) }
            #expect(tags.count == 4)
            #expect(Set(tags).count == Set(responses.map(\.body.string)).count)
            #expect(tags[0] != tags[1] && tags[0] != tags[3])

            // A repeat is the same bytes, and needs no catalogue reload (so no query).
            let loads = store.catalogLoadCount
            let (hits, _) = store.responses.statistics
            let again = try await app.get(Self.page + "?sector=1")
            #expect(again.body.string == sector.body.string)
            #expect(store.responses.statistics.hits > hits)
            #expect(store.catalogLoadCount == loads)

            // API JSON is cached the same way, and a different figure is a different entry.
            let first = try await app.get("/api/v1/waves/\(Self.wave)/figures/fig-4-1")
            let other = try await app.get("/api/v1/waves/\(Self.wave)/figures/fig-4-3")
            #expect(first.headers.contentType == .json)
            #expect(first.body.string.contains("\"id\":\"fig-4-1\""))
            #expect(other.body.string.contains("\"id\":\"fig-4-3\""))
            // Errors are not cached: an unknown figure stays a 404.
            for _ in 0..<2 {
                let missing = try await app.get("/api/v1/waves/\(Self.wave)/figures/fig-99")
                #expect(missing.status == .notFound)
                #expect(missing.headers.first(name: .eTag) == nil)
            }
        }
    }

    @Test func etagAnswers304AndIsNotSentToSignedInUsers() async throws {
        try await withSharedTestApp { app in
            let home = try await app.get("/")
            let etag = try #require(home.headers.first(name: .eTag))
            // The first visit sets the CSRF cookie, so its answer is no-store; with the cookie, no-cache.
            #expect(home.headers.first(name: .cacheControl) == "no-store")
            let csrf = try #require(home.headers.setCookie?[CSRFMiddleware.cookieName])
            var returning = HTTPHeaders()
            returning.cookie = [CSRFMiddleware.cookieName: csrf]
            let again = try await app.get("/", headers: returning)
            #expect(again.headers.setCookie == nil)
            #expect(again.headers.first(name: .cacheControl) == "no-cache")
            #expect(home.headers.first(name: .vary) == "Cookie")
            for given in [etag, "W/\(etag)", "\"other\", \(etag)", "*"] {
                var headers = HTTPHeaders()
                headers.replaceOrAdd(name: .ifNoneMatch, value: given)
                let revalidated = try await app.get("/", headers: headers)
                #expect(revalidated.status == .notModified, "\(given)")
                #expect(revalidated.body.readableBytes == 0)
                #expect(revalidated.headers.first(name: .eTag) == etag)
                // Security headers are on the 304 too.
                #expect(revalidated.headers.first(name: "Content-Security-Policy") != nil)
            }
            var stale = HTTPHeaders()
            stale.replaceOrAdd(name: .ifNoneMatch, value: "\"0000\"")
            let full = try await app.get("/", headers: stale)
            #expect(full.status == .ok)
            #expect(full.body.string == home.body.string)
            let api = try await app.get("/api/v1/waves")
            let apiTag = try #require(api.headers.first(name: .eTag))
            var headers = HTTPHeaders()
            headers.replaceOrAdd(name: .ifNoneMatch, value: apiTag)
            #expect(try await app.get("/api/v1/waves", headers: headers).status == .notModified)
        }
    }

    /// Analysts' unsuppressed numbers are computed first here, so a cache that ignored the role
    /// would hand them to the public next.
    @Test func analystsUnsuppressedResultsAreNeverServedToThePublic() async throws {
        try await withTestApp { app in
            let wave = try await app.preparedDemoWave()
            let county = try BarometerPageTests.county(wave.dataset, largest: false)
            let page = Self.page + "?county=\(county)"
            let api = "/api/v1/waves/\(Self.wave)/figures/fig-4-3?county=\(county)"
            let analyst = try await signIn(app, as: .analyst)
            for _ in 0..<2 {
                let analystPage = try await app.get(page, headers: analyst)
                #expect(analystPage.body.string.contains("Ikke til publisering"))
                #expect(!analystPage.body.string.contains(">skjult</td>"))
                #expect(analystPage.headers.first(name: .eTag) == nil)
                #expect(analystPage.headers.cacheControl?.noStore == true)
                let analystAPI = try await app.get(api, headers: analyst)
                #expect(analystAPI.body.string.contains("\"suppressed\":false"))
                #expect(analystAPI.headers.cacheControl?.noStore == true)
            }
            let publicPage = try await app.get(page)
            #expect(publicPage.body.string.contains(">skjult</td>"))
            #expect(!publicPage.body.string.contains("Ikke til publisering"))
            #expect(!publicPage.body.string.contains("Test analyst"))
            let publicAPI = try await app.get(api)
            #expect(publicAPI.body.string.contains("\"suppressed\":true"))
            #expect(publicAPI.body.string != (try await app.get(api, headers: analyst)).body.string)
            // An editor is signed in but no analyst: public numbers, and their page is not cached.
            let editor = try await signIn(app, as: .municipalityEditor)
            let editorPage = try await app.get(page, headers: editor)
            #expect(editorPage.body.string.contains(">skjult</td>"))
            #expect(editorPage.body.string.contains("Test municipality_editor"))
            #expect(try await app.get(page).body.string == publicPage.body.string)
        }
    }

    @Test func aSuccessfulWriteInThisProcessMakesEveryCachedReadFresh() async throws {
        try await withTestApp { app in
            // An hour's lifetime, so only the writes below can make the catalogue reload.
            app.storage[BarometerStoreKey.self] = BarometerStore(catalogLifetime: .seconds(3600))
            Self.addWriter(app)
            let followUp = DemoContent.followUpSlug
            let home = try await app.get("/")
            let list = try await app.get("/api/v1/waves")
            #expect(home.body.string.contains("/barometer/\(followUp)"))
            #expect(try await app.get("/barometer/\(followUp)").status == .ok)
            #expect(try await app.get("/api/v1/waves/\(followUp)").status == .ok)
            let store = app.barometerStore
            let version = try await store.catalog(app.db).dataVersion

            // A refused write (no CSRF token on a page route) changed nothing and reloads nothing.
            let loads = store.catalogLoadCount
            try await app.testing().test(.POST, "/logg-ut") { #expect($0.status == .forbidden) }
            _ = try await app.get("/")
            #expect(store.catalogLoadCount == loads)

            try await app.testing().test(.POST, "/test-write/\(followUp)/draft") { #expect($0.status == .noContent) }
            let after = try await app.get("/")
            #expect(!after.body.string.contains("/barometer/\(followUp)"))
            #expect(after.headers.first(name: .eTag) != home.headers.first(name: .eTag))
            #expect(try await store.catalog(app.db).dataVersion > version)
            #expect(try await app.get("/api/v1/waves").body.string != list.body.string)
            #expect(try await app.get("/barometer/\(followUp)").status == .notFound)
            #expect(try await app.get("/api/v1/waves/\(followUp)").status == .notFound)

            // Closed: analysts see it again, the public still does not.
            try await app.testing().test(.POST, "/test-write/\(followUp)/closed") { #expect($0.status == .noContent) }
            #expect(try await app.get("/barometer/\(followUp)").status == .notFound)
            let analyst = try await signIn(app, as: .analyst)
            #expect(try await app.get("/barometer/\(followUp)", headers: analyst).status == .ok)
            #expect(try await app.get("/api/v1/waves/\(followUp)", headers: analyst).status == .ok)
            #expect(try await app.get("/api/v1/waves/\(followUp)").status == .notFound)
        }
    }

    /// Another process (a second instance, a `fornye` command) writes without telling this one:
    /// within the catalogue's lifetime the cached answer stands (no query per read); once the
    /// lifetime has passed the change is seen. Two lifetimes, an hour and none, so no test sleeps.
    @Test(arguments: [false, true])
    func aWriteByAnotherProcessIsSeenOnlyAfterTheCatalogueLifetime(expired: Bool) async throws {
        try await withTestApp { app in
            let store = BarometerStore(catalogLifetime: expired ? .zero : .seconds(3600))
            app.storage[BarometerStoreKey.self] = store
            let first = try await app.get("/api/v1/waves")
            #expect(first.body.string.contains(DemoContent.followUpSlug))
            try await WaveRecord.query(on: app.db).filter(\.$slug == DemoContent.followUpSlug)
                .set(\.$status, to: .draft).update()
            let later = try await app.get("/api/v1/waves")
            #expect(later.body.string.contains(DemoContent.followUpSlug) == !expired)
            // With no lifetime every lookup reloads; with an hour, none after the first.
            #expect(expired ? store.catalogLoadCount >= 2 : store.catalogLoadCount == 1)
        }
    }

    @Test func newResponsesToAShownWaveMakeItsResultsStale() async throws {
        try await withTestApp { app in
            let store = app.barometerStore
            let before = try await app.get("/api/v1/waves/\(Self.wave)")
            let version = store.version(of: Self.wave)
            let record = try #require(try await WaveRepository(database: app.db).record(slug: Self.wave))
            let copy = try #require(
                try await ResponseRecord.query(on: app.db).filter(\.$wave.$id == record.requireID()).first())
            try await ResponseRecord(
                waveID: try record.requireID(), answersJSON: copy.answersJSON, weight: copy.weight,
                stratum: copy.stratum, psu: copy.psu
            ).create(on: app.db)
            store.invalidateCatalog()
            let after = try await app.get("/api/v1/waves/\(Self.wave)")
            #expect(store.version(of: Self.wave) == version + 1)
            #expect(after.body.string != before.body.string)
            #expect(store.version(of: DemoContent.followUpSlug) == 0)
        }
    }

    /// A filtered page is computed from the wave's prepared report (derived variables, weighting),
    /// kept with the wave: a new response in the domain must reach the next filtered page.
    @Test func aNewResponseReachesTheNextFilteredPage() async throws {
        try await withTestApp { app in
            func counties() async throws -> [Int32: Int] {
                let stored = try await WaveRepository(database: app.db).load(slug: Self.wave)
                return Dictionary(try stored.dataset.codes(of: "county").map { ($0, 1) }, uniquingKeysWith: +)
            }
            let before = try await counties()
            let record = try #require(try await WaveRepository(database: app.db).record(slug: Self.wave))
            let copy = try #require(
                try await ResponseRecord.query(on: app.db).filter(\.$wave.$id == record.requireID()).first())
            func addCopy() async throws -> ResponseRecord {
                let added = ResponseRecord(
                    waveID: try record.requireID(), answersJSON: copy.answersJSON, weight: copy.weight,
                    stratum: copy.stratum, psu: copy.psu)
                try await added.create(on: app.db)
                return added
            }
            // The county the copy counts in, found from the stored data alone, then the copy removed.
            let probe = try await addCopy()
            let after = try await counties()
            let county = try #require(after.first { before[$0.key] != $0.value }?.key)
            let count = try #require(after[county])
            try await probe.delete(on: app.db)

            let stale = try await app.get(Self.page + "?county=\(county)").body.string
            #expect(stale.contains("(\(NorwegianFormat.count(count - 1)) svar)"))
            _ = try await addCopy()
            app.barometerStore.invalidateCatalog()
            let fresh = try await app.get(Self.page + "?county=\(county)").body.string
            #expect(fresh.contains("(\(NorwegianFormat.count(count)) svar)"))
            #expect(!fresh.contains("(\(NorwegianFormat.count(count - 1)) svar)"))
        }
    }

    @Test func ifNoneMatchListsAreComparedWeakly() {
        #expect(CachedResponse.matches(["\"a\""], "\"a\""))
        #expect(CachedResponse.matches(["W/\"a\""], "\"a\""))
        #expect(CachedResponse.matches(["\"b\" , W/\"a\""], "\"a\""))
        #expect(CachedResponse.matches(["*"], "\"a\""))
        #expect(!CachedResponse.matches(["\"ab\""], "\"a\""))
        #expect(!CachedResponse.matches([], "\"a\""))
    }

    @Test func theCacheEmptiesItselfPastItsBudget() {
        let cache = ResponseCache(budget: 100)
        func entry(_ size: Int) -> ResponseCache.Entry {
            let body = ByteBuffer(repeating: 0x41, count: size)
            return .init(body: body, contentType: "text/plain", etag: ResponseCache.etag(of: body))
        }
        func key(_ path: String) -> ResponseCache.Key {
            .init(path: path, query: "", language: .nb, analyst: false, dataVersion: 0)
        }
        cache.store(entry(20), for: key("/a"))
        cache.store(entry(20), for: key("/b"))
        #expect(cache.count == 2)
        cache.store(entry(26), for: key("/too-big"))
        #expect(cache.entry(key("/too-big")) == nil)
        cache.store(entry(25), for: key("/c"))
        cache.store(entry(25), for: key("/d"))
        cache.store(entry(25), for: key("/e"))
        #expect(cache.count == 1)
        #expect(cache.entry(key("/e")) != nil)
        #expect(cache.entry(key("/a")) == nil)
        #expect(ResponseCache.etag(of: entry(3).body) != ResponseCache.etag(of: entry(4).body))
    }
}
