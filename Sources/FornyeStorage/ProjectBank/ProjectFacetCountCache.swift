import FluentSQL
import FornyeProjectBank
import Synchronization

/// Facet counts (and totals) of browsing without words, kept per process and keyed by the bank's
/// version in the database (`project_bank_version`, migration 0049: raised by triggers in the
/// same transaction as any write to the narrow search table). A browse reads the version (one
/// tiny statement) and reuses counts computed at that version; any write, by this process or
/// another one on the same database (two servers on one SQLite file, several app instances on
/// PostgreSQL), changes the version, so the next browse counts afresh. The version is read
/// before the counts, so counts stored under a version are never older than it.
final class ProjectFacetCountCache: Sendable {
    static let shared = ProjectFacetCountCache()
    /// Searches' counts (SQLite), apart so that many different words never push out the browse
    /// counts: the next page of a search, or the same search again, is not counted afresh.
    static let searches = ProjectFacetCountCache()

    /// The database's random identity and its version.
    struct Stamp: Hashable, Sendable {
        var instance: String
        var version: Int
    }

    /// What the counts depend on: statuses, owner and the ticked filters (disjunctive counts
    /// differ per filter set).
    struct Key: Hashable, Sendable {
        var statuses: [Int]
        var owner: String?
        var allowed: [Set<Int>?]
        /// The words' full-text expression (`ProjectSearch.match`), nil when browsing.
        var match: String?

        init(_ query: ProjectQuery, match: String? = nil) {
            statuses = query.statuses.map(ProjectFacetCode.of).sorted()
            owner = query.owner
            allowed = FacetFilter(query).allowed
            self.match = match
        }
    }

    /// Filter combinations kept per database; when full, the oldest version's set is dropped whole.
    static let capacity = 256

    private struct Entries {
        var version: Int
        var counters: [Key: FacetCounter]
    }

    private let state = Mutex<[String: Entries]>([:])

    static func stamp(_ sql: any SQLDatabase) async throws -> Stamp {
        let row = try await sql.raw("SELECT instance, version FROM project_bank_version WHERE id = 1").first()
        guard let row else { return Stamp(instance: "", version: -1) }
        return Stamp(
            instance: try row.decode(column: "instance", as: String.self),
            version: try row.decode(column: "version", as: Int.self))
    }

    func counter(_ key: Key, at stamp: Stamp) -> FacetCounter? {
        state.withLock { entries in
            guard let stored = entries[stamp.instance], stored.version == stamp.version else { return nil }
            return stored.counters[key]
        }
    }

    func store(_ counter: FacetCounter, for key: Key, at stamp: Stamp) {
        guard stamp.version >= 0 else { return }
        state.withLock { entries in
            var stored = entries[stamp.instance] ?? Entries(version: stamp.version, counters: [:])
            // Counts of an older version than one already seen are stale: not kept.
            if stored.version > stamp.version { return }
            if stored.version < stamp.version || stored.counters.count >= Self.capacity {
                stored = Entries(version: stamp.version, counters: [:])
            }
            stored.counters[key] = counter
            entries[stamp.instance] = stored
        }
    }
}

extension ProjectSearch {
    /// Browsing without words, with facets (both backends): the page newest first (or by title)
    /// and the facet counts from `ProjectFacetCountCache`, counted afresh when the bank changed.
    static func browse(
        _ sql: any SQLDatabase, beside: any SQLDatabase, query: ProjectQuery, offset: Int, counter: FacetCounter
    ) async throws -> (keys: [Int], counter: FacetCounter) {
        let cache = ProjectFacetCountCache.shared
        let key = ProjectFacetCountCache.Key(query)
        let stamp = try await ProjectFacetCountCache.stamp(sql)
        if let cached = cache.counter(key, at: stamp) {
            return (try await pageKeys(sql, query: query, match: nil, ranked: false, offset: offset), cached)
        }
        var counter = counter
        let postgres = ProjectRepository.isPostgres(sql)
        let codes = Task { [query] in
            postgres
                ? try await Self.codes(beside, query: query, match: nil)
                : try await sqliteCodes(beside, query: query, match: nil)
        }
        let keys: [Int]
        do {
            keys = try await pageKeys(sql, query: query, match: nil, ranked: false, offset: offset)
        } catch {
            codes.cancel()
            throw error
        }
        for packed in try await codes.value { _ = counter.add(packed) }
        cache.store(counter, for: key, at: stamp)
        return (keys, counter)
    }
}
