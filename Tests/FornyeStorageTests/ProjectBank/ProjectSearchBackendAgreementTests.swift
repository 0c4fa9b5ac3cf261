import FluentKit
import FornyeProjectBank
import FornyeStorage
import FornyeTestSupport
import Testing

/// A translation of several words is one alternative whose words are all required, on both
/// databases: «velferdsteknologi» («welfare technology», «assistive technology») finds English
/// records holding both words, not every record that mentions technology. PostgreSQL used to be
/// given the words loose, and «velferdsteknologi hjemme» matched 854 of the demo bank's 856 projects
/// there against 104 on SQLite.
@Suite struct ProjectSearchBackendAgreementTests {
    static let corpus: [ProjectDocument] = [
        document("Welfare technology at home", "Sensors help older residents live safely.", language: "en"),
        document("Assistive technology in schools", "Tablets with speech support for pupils.", language: "en"),
        document("Technology for the planning office", "Drawings and maps are shared online.", language: "en"),
        document("Welfare benefits advice online", "Residents apply for support through a portal.", language: "en"),
        document("Velferdsteknologi i hjemmetjenesten", "Digitale tilsyn gir tryggere tjenester."),
        document("Teknologi for velferd", "Kommunen prøver sensorer i omsorgsboliger."),
        document("Ny kantine", "Bedre mat for de ansatte."),
    ]

    @Test(arguments: TestDatabase.all)
    func translationsOfSeveralWordsNeedAllTheirWords(backend: TestDatabase) async throws {
        try await withProjectStorage(backend) { database in
            try await ProjectRepository(database: database).createAll(Self.corpus, by: .importer, status: .published)
            let search = ProjectSearch(database: database)
            var query = ProjectQuery()
            query.text = "velferdsteknologi"
            let found = try await search.search(query)
            // SQLite also finds the compound's parts apart («Teknologi for velferd»); PostgreSQL's
            // index holds words whole (it stems, it does not split), so it is not asked to.
            let parts: Set<String> = backend == .sqlite ? ["Teknologi for velferd"] : []
            #expect(
                Set(found.projects.map(\.title))
                    == Set([
                        "Welfare technology at home", "Assistive technology in schools",
                        "Velferdsteknologi i hjemmetjenesten",
                    ]).union(parts), "\(backend)")
            #expect(found.total == 3 + parts.count, "\(backend)")
            #expect(found.projects.first?.title == "Velferdsteknologi i hjemmetjenesten", "\(backend)")
            // Another word, any of the groups: still no record on «technology» alone.
            query.text = "velferdsteknologi kantine"
            let either = try await search.search(query)
            #expect(either.total == 4 + parts.count, "\(backend)")
            #expect(!either.projects.map(\.title).contains("Technology for the planning office"), "\(backend)")
            // Without expansion only the Norwegian records.
            query.text = "velferdsteknologi"
            query.expand = false
            let plain = try await search.search(query)
            #expect(
                Set(plain.projects.map(\.title)) == Set(["Velferdsteknologi i hjemmetjenesten"]).union(parts),
                "\(backend)")
        }
    }
}
