import FluentKit
import FluentSQL
import FornyeBarometer
import FornyeProjectBank
import FornyeStorage
import Foundation
import Synchronization

/// Generates N synthetic projects (labelled SYNTETISK, `synthetic = true`), stores them through
/// `ProjectRepository` and measures `ProjectSearch.search` (with total and facet counts),
/// `ProjectSearch.similar`, and the same raw FTS query run directly, to show Fornye's overhead.
///
/// ```sh
/// swift build -c release --product fornye-projectbank-benchmark
/// .build/release/fornye-projectbank-benchmark 100000 [database-url]   # default: SQLite file in bench-out/
/// FORNYE_BENCH_ONLY=similar .build/release/fornye-projectbank-benchmark 100000   # similar projects only
/// ```
///
/// The bank is loaded with ``ProjectRepository/bulkLoadSynthetic(_:status:)`` (same tables as the
/// real write path) and kept between runs.
@main
struct ProjectBankBenchmark {
    /// A municipal vocabulary: plain words and compounds of common Norwegian stems and endings
    /// («helsetjeneste», «skoleplan», «boligtilbud»), in a fixed shuffled order that gives each
    /// word its Zipf rank. ~4,000 words; word r occurs with probability ∝ 1/r.
    static let words: [String] = {
        let plain = """
            kommune innbyggere tjenester ansatte brukere digital innovasjon prosjekt samarbeid utvikling \
            kvalitet effektivisering omsorg eldre barn ungdom familie skole barnehage helse velferd teknologi \
            sensor trygghetsalarm medisindispenser chatbot plattform data analyse prediksjon automatisering \
            saksbehandling vedtak søknad tjenestedesign brukerreise samskaping frivillige næringsliv forskning \
            følgeforskning evaluering effekt ressursbruk arbeidsmiljø ledelse organisering pilot skalering \
            spredning gjenbruk fylkeskommune helsestasjon rus psykisk flyktninger integrering klima energi avfall \
            vann avløp vei byggesak kart geodata smartby parkering bibliotek kultur idrett fritid frafall \
            lærling arbeidsliv nav sosialhjelp økonomi innkjøp anskaffelse leverandør kontrakt personvern \
            sikkerhet skytjenester medvirkning dialog motivasjon læring språk foreldre pasienter lærere elever
            """.split(separator: " ").map(String.init)
        let stems = """
            helse skole barnehage bolig omsorg velferd hjemme sykehjem rus psykiatri barnevern nav sosial \
            kultur idrett bibliotek klima energi avfall vann avløp vei plan bygg eiendom innkjøp økonomi \
            lønn personal digital data kart areal natur landbruk nærings reiseliv turisme havn brann \
            beredskap miljø trafikk transport skyss frivillig lokal nabo bydel ungdom eldre familie \
            språk lese realfag spesial pleie rehab tannhelse legevakt jordmor
            """.split(separator: " ").map(String.init)
        let endings = """
            tjeneste tjenesten tilbud tilbudet plan planen team arbeid prosjekt senter kontor avdeling \
            ordning modell løsning system verktøy strategi satsing nettverk forum dialog kartlegging \
            rapport analyse portal app
            """.split(separator: " ").map(String.init)
        var all = Set(plain)
        for stem in stems { for ending in endings { all.insert(stem + ending) } }
        var random = SplitMix(seed: 18)
        var shuffled = all.sorted()
        for index in shuffled.indices.reversed() where index > 0 {
            shuffled.swapAt(index, random.next(index + 1))
        }
        return shuffled
    }()

    /// Cumulative Zipf weights over `words`, for sampling by binary search.
    static let cumulative: [Double] = {
        var sum = 0.0
        return words.indices.map { rank in
            sum += 1 / Double(rank + 1)
            return sum
        }
    }()

    static func zipfWord(_ random: inout SplitMix) -> String {
        let target = Double(random.next(1 << 30)) / Double(1 << 30) * cumulative.last!
        var low = 0
        var high = cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulative[middle] < target { low = middle + 1 } else { high = middle }
        }
        return words[low]
    }

    static func main() async throws {
        let arguments = CommandLine.arguments
        let count = arguments.count > 1 ? Int(arguments[1]) ?? 100_000 : 100_000
        let url = arguments.count > 2 ? arguments[2] : nil
        try FileManager.default.createDirectory(atPath: "bench-out", withIntermediateDirectories: true)
        // The generated bank is kept between runs (bench-out/ is outside git): a run reuses it
        // when it holds exactly `count` projects, and loads it afresh otherwise.
        let path = "bench-out/projectbank-\(count).sqlite"
        let configuration: StorageConfiguration
        if let url {
            configuration = try StorageConfiguration(databaseURL: url)
        } else {
            configuration = StorageConfiguration(backend: .sqlite(path: path))
        }
        let runtime = try StorageRuntime(configuration: configuration)
        do {
            try await run(runtime, count: count)
        } catch {
            await runtime.shutdown()
            throw error
        }
        await runtime.shutdown()
    }

    static func run(_ runtime: StorageRuntime, count: Int) async throws {
        try await runtime.migrate()
        let database = runtime.database
        let sql = database as! any SQLDatabase
        let postgres = sql.dialect.name == "postgresql"
        let municipalities = try MunicipalityRegister.bundled().municipalities(on: ProjectValidation.today).map(
            \.number)
        var random = SplitMix(seed: 2026)
        let repository = ProjectRepository(database: database)
        let stored = try await repository.count()
        if stored != count {
            try await sql.raw("DELETE FROM project_versions").run()
            try await sql.raw("DELETE FROM projects").run()
            try await sql.raw("DELETE FROM project_similarity").run()
            try await sql.raw("DELETE FROM project_similarity_terms").run()
            if !postgres {
                try await sql.raw("DELETE FROM project_fts").run()
                try await sql.raw("DELETE FROM project_facets").run()
                try await sql.raw("DELETE FROM project_terms").run()
            }
            // The bulk loader writes the same tables as the real write path (record, version
            // row, index entry, facet codes), 10,000 per transaction, synthetic projects only.
            let started = Date()
            let batch = 10_000
            for start in stride(from: 0, to: count, by: batch) {
                let documents = (start..<min(start + batch, count)).map { _ in
                    synthetic(&random, municipalities: municipalities)
                }
                try await repository.bulkLoadSynthetic(documents, status: .published)
            }
            let loadSeconds = Date().timeIntervalSince(started)
            print(
                "loaded \(count) synthetic projects in \(String(format: "%.1f", loadSeconds)) s "
                    + "(\(Int(Double(count) / loadSeconds)) projects/s, bulk loader)")
            if !postgres { try await sql.raw("INSERT INTO project_fts(project_fts) VALUES ('optimize')").run() }
            try await sql.raw(postgres ? "VACUUM ANALYZE" : "ANALYZE").run()
        } else {
            print("reusing the stored bank of \(count) synthetic projects")
            for _ in 0..<count { _ = synthetic(&random, municipalities: municipalities) }
        }
        print("backend: \(postgres ? "PostgreSQL" : "SQLite")  projects: \(count) (synthetic)")

        // As the web app does: the facet statement on the other event loop's connection.
        let search = ProjectSearch(database: database, beside: runtime.database(beside: database))
        // While tuning one part: FORNYE_BENCH_ONLY=similar skips the searches (the default runs all).
        let onlySimilar = ProcessInfo.processInfo.environment["FORNYE_BENCH_ONLY"] == "similar"
        var queries: [String] = []
        // Typical searches: one word of middling frequency (ranks 50–1,500), or two, the second
        // a common one (ranks 1–200) — «helsetjeneste», «barnehageplan digital».
        // FORNYE_BENCH_QUERIES=n runs the first n of them only (a debug build's shorter run).
        let queryCount = ProcessInfo.processInfo.environment["FORNYE_BENCH_QUERIES"].flatMap { Int($0) } ?? 200
        for index in 0..<200 {
            let first = words[50 + random.next(1_450)]
            queries.append(index % 2 == 0 ? first : first + " " + words[random.next(200)])
        }
        queries = Array(queries.prefix(queryCount))
        if onlySimilar { queries = [] }
        // Warm-up.
        for text in queries.prefix(10) {
            var query = ProjectQuery()
            query.text = text
            _ = try await search.search(query)
        }
        if postgres {
            // The server's CPU for each sample is read from the backends serving this database
            // (the benchmark's own database: no one else's queries are counted).
            let rows = try await sql.raw(
                "SELECT pid FROM pg_stat_activity WHERE datname = current_database()"
            ).all()
            backends.withLock { $0 = rows.compactMap { try? $0.decode(column: "pid", as: Int.self) } }
        }
        var fornye: [Sample] = []
        var noFacets: [Sample] = []
        var filtered: [Sample] = []
        var raw: [Sample] = []
        var hits: [Int] = []
        // FORNYE_BENCH_EXPLAIN=1 prints each query's words, FTS5 expression, hits and time (with
        // facets), to see which queries are slow and why; the figures below are then disturbed.
        let explain = ProcessInfo.processInfo.environment["FORNYE_BENCH_EXPLAIN"] == "1"
        for (index, text) in queries.enumerated() {
            var query = ProjectQuery()
            query.text = text
            fornye.append(try await time { hits.append(try await search.search(query).total) })
            if explain, let last = fornye.last {
                print("explain «\(text)» \(format(last.wall)) ms, \(hits.last ?? 0) hits: \(query.plan.fts5 ?? "-")")
            }
            query.facets = false
            noFacets.append(try await time { _ = try await search.search(query) })
            // Two facet filters ticked (a county and a type), facets counted.
            var facetted = ProjectQuery()
            facetted.text = text
            facetted.counties = [["03", "46", "50", "42"][index % 4]]
            facetted.types = [1 + index % 4]
            filtered.append(try await time { _ = try await search.search(facetted) })
            raw.append(try await time { _ = try await rawSearch(sql, text: text, postgres: postgres) })
        }
        // Browsing: facet counts are cached per bank version (ProjectFacetCountCache), so this
        // is a cache hit after the first of each filter set; «after a write» raises the version
        // first (as any project write's trigger does), so every one counts afresh.
        var browse: [Sample] = []
        var browseAfterWrite: [Sample] = []
        for index in 0..<(onlySimilar ? 0 : 40) {
            var query = ProjectQuery()
            query.sort = .newest
            if index % 2 == 1 { query.sectors = [1] }
            if index >= 20 {
                try await sql.raw("UPDATE project_bank_version SET version = version + 1").run()
                browseAfterWrite.append(try await time { _ = try await search.search(query) })
            } else {
                browse.append(try await time { _ = try await search.search(query) })
            }
        }
        let sample = try await repository.list(statuses: [.published], limit: 100)
        var similar: [Sample] = []
        // Warm-up (the searches above warm the caches in a full run).
        for record in sample.prefix(onlySimilar ? 5 : 0) {
            _ = try await search.similar(to: try record.document(), excluding: record.slug)
        }
        for record in sample {
            let document = try record.document()
            similar.append(try await time { _ = try await search.similar(to: document, excluding: record.slug) })
        }
        func line(_ name: String, _ samples: [Sample]) {
            let wall = samples.map(\.wall)
            let cpu = samples.map(\.cpu)
            let server = samples.map(\.server)
            let serverText =
                postgres
                ? "; server cpu mean \(format(server.reduce(0, +) / Double(max(1, server.count)))) ms" : ""
            print(
                "\(name.padding(toLength: 46, withPad: " ", startingAt: 0)) p50 \(format(percentile(wall, 0.5))) ms  "
                    + "p95 \(format(percentile(wall, 0.95))) ms  max \(format(wall.max() ?? 0)) ms  "
                    + "(process cpu p50 \(format(percentile(cpu, 0.5))) p95 \(format(percentile(cpu, 0.95))) ms"
                    + "\(serverText))")
        }
        let medianHits = percentile(hits.map(Double.init), 0.5)
        if onlySimilar {
            line("Fornye similar projects (top 5)", similar)
            let load = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? "?"
            print("load average: \(load.split(separator: " ").prefix(3).joined(separator: " "))")
            return
        }
        print(
            "queries: \(queries.count) (1–2 words), median hits \(Int(medianHits)) "
                + "(\(String(format: "%.1f", 100 * medianHits / Double(count))) %), "
                + "p95 hits \(Int(percentile(hits.map(Double.init), 0.95)))")
        line("Fornye search (page 20 + total + facets)", fornye)
        line("Fornye search (page 20 + total, no facets)", noFacets)
        line("Fornye search (2 filters ticked + facets)", filtered)
        line("raw FTS query (top 20 ids, bm25/ts_rank)", raw)
        line("Fornye browse, no words (newest + facets)", browse)
        line("Fornye browse after a write (counts afresh)", browseAfterWrite)
        line("Fornye similar projects (top 5)", similar)
        let load = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? "?"
        print("load average: \(load.split(separator: " ").prefix(3).joined(separator: " "))")
    }

    struct Sample {
        var wall: Double
        var cpu: Double
        /// PostgreSQL backends' CPU (ms, in 10 ms ticks: reported as a mean), 0 on SQLite.
        var server: Double = 0
    }

    /// The PostgreSQL backends of the benchmark's database, once connected.
    static let backends = Mutex<[Int]>([])

    /// CPU seconds of the PostgreSQL backends in `backends` (utime + stime from /proc).
    static func serverTime() -> Double {
        backends.withLock { pids in
            pids.reduce(0.0) { sum, pid in
                guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                    let end = stat.lastIndex(of: ")")
                else { return sum }
                let fields = stat[stat.index(after: end)...].split(separator: " ")
                guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else {
                    return sum
                }
                return sum + (user + system) / 100
            }
        }
    }

    /// The same ranked FTS query Fornye runs, without filters, counts, facets or loading records.
    static func rawSearch(_ sql: any SQLDatabase, text: String, postgres: Bool) async throws -> [any SQLRow] {
        if postgres {
            return try await sql.raw(
                """
                SELECT project_id, ts_rank(document, q.query, 1) AS r FROM project_search,
                (SELECT websearch_to_tsquery('norwegian', \(bind: text))
                    || websearch_to_tsquery('english', \(bind: text)) AS query) q
                WHERE document @@ q.query ORDER BY r DESC LIMIT 20
                """
            ).all()
        }
        let match = SearchText.terms(text).map { "\"\($0)\"" }.joined(separator: " ")
        return try await sql.raw(
            """
            SELECT rowid, bm25(project_fts, 0.0, 10.0, 4.0, 1.0) AS r FROM project_fts
            WHERE project_fts MATCH \(bind: match) ORDER BY r LIMIT 20
            """
        ).all()
    }

    static func synthetic(_ random: inout SplitMix, municipalities: [String]) -> ProjectDocument {
        func sentence(_ length: Int) -> String {
            (0..<length).map { _ in zipfWord(&random) }.joined(separator: " ")
        }
        var document = ProjectDocument()
        document.synthetic = true
        document.title = "SYNTETISK: " + sentence(3 + random.next(4))
        document.summary = sentence(20 + random.next(20))
        document.solution = sentence(40 + random.next(60))
        document.lessons = sentence(10 + random.next(20))
        document.ownerMunicipality = municipalities[random.next(municipalities.count)]
        document.innovationTypes = Array(Set((0..<(1 + random.next(2))).map { _ in 1 + random.next(4) })).sorted()
        document.sector = random.next(3) == 0 ? nil : 1 + random.next(2)
        document.stage = ProjectStage.allCases[random.next(ProjectStage.allCases.count)]
        document.evaluated = random.next(3) == 0
        document.research = .init(degree: random.next(5) == 0 ? nil : random.next(4))
        return document
    }

    static func time(_ body: () async throws -> Void) async throws -> Sample {
        let cpuStart = cpuTime()
        let serverStart = serverTime()
        let start = DispatchTime.now().uptimeNanoseconds
        try await body()
        return Sample(
            wall: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6, cpu: (cpuTime() - cpuStart) * 1e3,
            server: (serverTime() - serverStart) * 1e3)
    }

    /// CPU seconds of this process, all threads (the SQLite work; PostgreSQL's runs elsewhere).
    static func cpuTime() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }

    static func percentile(_ values: [Double], _ p: Double) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        return sorted[min(sorted.count - 1, Int((Double(sorted.count) * p).rounded(.up)) - 1)]
    }

    static func format(_ value: Double) -> String { String(format: "%.2f", value) }
}

/// A small deterministic generator, so every run builds the same synthetic bank.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return Int(z % UInt64(bound))
    }
}
