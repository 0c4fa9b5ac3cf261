import FluentKit
import FornyeProjectBank
import FornyeStorage
import Foundation
import Testing

@Suite struct ProjectSearchTests {
    /// (query, the title that must be first)
    static let relevance: [(String, String)] = [
        ("innovasjon", "Innovasjoner i skolen"),
        ("innovasjoner skole", "Innovasjoner i skolen"),
        ("velferdsteknologi", "Velferdsteknologi i hjemmetjenesten"),
        ("hjemmetjenester", "Velferdsteknologi i hjemmetjenesten"),
        ("barnehage språk", "Barnehagens språkløft"),
        ("chatbot", "Chatbot for citizens' questions"),
        ("citizen question", "Chatbot for citizens' questions"),
        ("insolvency", "Predicting insolvency with machine learning"),
        ("medvirkning innbyggere plattform", "Digital innbyggerdialog"),
    ]

    func seeded(_ database: any Database) async throws {
        let repository = ProjectRepository(database: database)
        try await repository.createAll(relevanceCorpus, by: .importer, status: .published)
        // A draft that must never show in public searches.
        try await repository.create(document("Innovasjon i utkast", "Ikke publisert"), by: admin)
    }

    @Test func relevanceInNorwegianAndEnglishOnSQLite() async throws {
        try await withProjectStorage { database in
            try await seeded(database)
            try await checkRelevance(database)
        }
    }

    /// PostgreSQL: relevance and facets in a schema of the test's own.
    @Test func relevanceAndDisjunctiveFacetsOnPostgreSQLWhenConfigured() async throws {
        try await withPostgresProjectStorage { database in
            try await seeded(database)
            try await checkRelevance(database)
            try await checkDisjunctiveFacets(database)
        }
    }

    func checkRelevance(_ database: any Database) async throws {
        let search = ProjectSearch(database: database)
        for (text, title) in Self.relevance {
            var query = ProjectQuery()
            query.text = text
            let result = try await search.search(query)
            #expect(result.projects.first?.title == title, "query «\(text)»")
        }
        var query = ProjectQuery()
        query.text = "innovasjoner"
        let stemmed = try await search.search(query)
        #expect(stemmed.projects.map(\.title).contains("Innovasjoner i skolen"))
        #expect(!stemmed.projects.map(\.title).contains("Innovasjon i utkast"))
    }

    /// A Norwegian word finds an English record only through its translation, and the result
    /// says what it was expanded with; switched off, neither happens.
    @Test func expansionFindsEnglishRecordsAndSaysWithWhat() async throws {
        try await withProjectStorage { database in
            try await seeded(database)
            let search = ProjectSearch(database: database)
            var query = ProjectQuery()
            query.text = "konkurs"
            let expanded = try await search.search(query)
            #expect(expanded.projects.first?.title == "Predicting insolvency with machine learning")
            #expect(expanded.expansions.map(\.word) == ["konkurs"])
            #expect(expanded.expansions.first?.with.contains("insolvency") == true)
            query.expand = false
            let plain = try await search.search(query)
            #expect(plain.total == 0 && plain.expansions.isEmpty)
        }
    }

    @Test func facetsFiltersSortingAndPages() async throws {
        try await withProjectStorage { database in
            try await seeded(database)
            let search = ProjectSearch(database: database)
            var query = ProjectQuery()
            let all = try await search.search(query)
            #expect(all.total == relevanceCorpus.count)
            let stage = all.facets.first { $0.name == "stage" }!
            #expect(stage.count(of: "pilot") == relevanceCorpus.count)
            let county = all.facets.first { $0.name == "county" }!
            #expect(county.count(of: "46") == 2)
            query.counties = ["46"]
            query.sort = .title
            let bergen = try await search.search(query)
            #expect(bergen.projects.map(\.title) == ["Barnehagens språkløft", "Innovasjoner i skolen"])
            query = ProjectQuery()
            query.types = [4]
            #expect(try await search.search(query).total == 2)
            query.perPage = 1
            query.page = 2
            let page = try await search.search(query)
            #expect(page.projects.count == 1 && page.total == 2 && page.pageCount == 2)
            // FTS syntax from the user is only words to the engine.
            query = ProjectQuery()
            query.text = "\"NEAR( OR * ^"
            _ = try await search.search(query)
        }
    }

    @Test func disjunctiveFacetCountsOnSQLite() async throws {
        try await withProjectStorage { database in
            try await seeded(database)
            try await checkDisjunctiveFacets(database)
        }
    }

    /// A facet's count for a value is the total the search would have with that facet's own
    /// filter replaced by the value: the other facets' filters apply, its own does not.
    func checkDisjunctiveFacets(_ database: any Database) async throws {
        let search = ProjectSearch(database: database)
        var query = ProjectQuery()
        query.counties = ["46"]
        query.types = [4]
        let filtered = try await search.search(query)
        var unfacetted = query
        unfacetted.facets = false
        #expect(filtered.total == (try await search.search(unfacetted)).total)
        let county = filtered.facets.first { $0.name == "county" }!
        #expect(county.counts.count > 1, "other counties stay visible while one is chosen")
        for (value, count) in county.counts {
            var alone = unfacetted
            alone.counties = [value]
            #expect(try await search.search(alone).total == count, "county \(value)")
        }
        let type = filtered.facets.first { $0.name == "type" }!
        for code in 1...4 {
            var alone = unfacetted
            alone.types = [code]
            #expect(try await search.search(alone).total == type.count(of: String(code)), "type \(code)")
        }
        // A facet without a filter of its own counts within the full selection.
        let stage = filtered.facets.first { $0.name == "stage" }!
        #expect(stage.counts.map(\.count).reduce(0, +) == filtered.total)
        // With words, the counts stay within the matching projects.
        query = ProjectQuery()
        query.text = "innovasjon"
        let words = try await search.search(query)
        #expect(words.total > 0 && words.total < relevanceCorpus.count)
        #expect(words.facets.first { $0.name == "stage" }!.counts.map(\.count).reduce(0, +) == words.total)
    }

    @Test func similarProjectsShareTermsAndLeaveTheProjectOut() async throws {
        try await withProjectStorage { database in
            try await seeded(database)
            let search = ProjectSearch(database: database)
            let draft = document(
                "Velferdsteknologi for eldre", "Medisindispensere og digitale tilsyn i hjemmetjenesten", sector: 1)
            let similar = try await search.similar(to: draft)
            #expect(similar.first?.title == "Velferdsteknologi i hjemmetjenesten")
            let own = try await ProjectRepository(database: database).list(statuses: [.published])
                .first { $0.title == "Velferdsteknologi i hjemmetjenesten" }!
            let others = try await search.similar(to: try own.document(), excluding: own.slug)
            #expect(!others.map(\.slug).contains(own.slug))
        }
    }

    @Test func ipsxImportLoadsAllCasesWithSourceAndFindsThem() async throws {
        try await withProjectStorage { database in
            let count = try await ProjectDemoContent.seedIfEmpty(database)
            #expect(count == 856)
            let repository = ProjectRepository(database: database)
            let imported = try await repository.list(statuses: [.published]).filter { $0.sourceName != nil }
            #expect(imported.count == 856)
            #expect(
                imported.filter { $0.sourceName == ProjectImportMapping.ipsxSourceName }.allSatisfy {
                    (try? $0.document().licence) == "EUPL-1.2"
                })
            var query = ProjectQuery()
            query.text = "Trondheim insolvency"
            let result = try await ProjectSearch(database: database).search(query)
            #expect(result.projects.first?.title.lowercased().contains("insolvency") == true)
            query = ProjectQuery()
            query.discontinued = true
            #expect(try await ProjectSearch(database: database).search(query).total == 25)
        }
    }

    /// Another system's CSV, read through a column mapping: values land in the right fields, and
    /// an error names the file's own column.
    @Test func aColumnMappingImportsAnotherSystemsCSV() throws {
        let mapping = try ProjectImportMapping.renamed([
            "title": "Prosjektnavn", "summary": "Beskrivelse", "stage": "Fase", "owner_municipality": "Kommunenr",
            "source_name": "Kilde",
        ])
        #expect(mapping.requiredColumns == ["Prosjektnavn", "Beskrivelse", "Fase"])
        let csv =
            "Prosjektnavn,Beskrivelse,Fase,Kommunenr,Kilde,lessons\nDigitalt tilsyn,Sensorer,pilot,4003,Regionens bank,Start smått\n"
        let documents = try mapping.documents(csv, file: "annen.csv")
        #expect(documents.count == 1)
        #expect(documents[0].title == "Digitalt tilsyn" && documents[0].summary == "Sensorer")
        #expect(documents[0].stage == .pilot && documents[0].ownerMunicipality == "4003")
        #expect(documents[0].source?.name == "Regionens bank")
        #expect(documents[0].lessons == "Start smått")  // an unmapped column keeps Fornye's name
        #expect(
            throws: ProjectError.importFailed(
                file: "annen.csv", row: 2, column: "Fase", message: "unknown stage «ferdig»")
        ) {
            try mapping.documents("Prosjektnavn,Beskrivelse,Fase\nA,B,ferdig\n", file: "annen.csv")
        }
        #expect(
            throws: ProjectError.importFailed(
                file: "annen.csv", row: 1, column: "Beskrivelse", message: "the header lacks this column")
        ) {
            try mapping.documents("Prosjektnavn,Fase\nA,pilot\n", file: "annen.csv")
        }
        #expect(throws: ProjectError.self) { try ProjectImportMapping.renamed(["tittel": "Navn"]) }
    }

    /// Another system's JSON (an array of flat objects) through the same mapping: numbers, booleans
    /// and lists become cells as in the CSV; a nested object is refused with its row and field.
    @Test func aColumnMappingImportsAnotherSystemsJSON() throws {
        let mapping = try ProjectImportMapping.renamed([
            "title": "navn", "summary": "beskrivelse", "stage": "fase", "owner_municipality": "kommunenr",
            "innovation_types": "typer", "evaluated": "evaluert", "sector": "sektor",
        ])
        let json = Data(
            #"""
            [{"navn": "Digitalt tilsyn", "beskrivelse": "Sensorer", "fase": "pilot", "kommunenr": "4003",
              "typer": [1, 3], "evaluert": true, "sektor": 2, "lessons": null, "ukjent": "hoppes over"}]
            """#.utf8)
        let documents = try mapping.documents(json: json, file: "annen.json")
        #expect(documents.count == 1)
        #expect(documents[0].title == "Digitalt tilsyn" && documents[0].stage == .pilot)
        #expect(documents[0].innovationTypes == [1, 3] && documents[0].evaluated == true && documents[0].sector == 2)
        #expect(documents[0].ownerMunicipality == "4003" && documents[0].lessons.isEmpty)
        #expect(
            throws: ProjectError.importFailed(
                file: "annen.json", row: 2, column: "fase", message: "unknown stage «ferdig»")
        ) {
            try mapping.documents(
                json: Data(
                    #"[{"navn": "A", "beskrivelse": "B", "fase": "idea"}, {"navn": "C", "beskrivelse": "D", "fase": "ferdig"}]"#
                        .utf8),
                file: "annen.json")
        }
        #expect(
            throws: ProjectError.importFailed(
                file: "annen.json", row: 1, column: "navn",
                message: "holds a nested object; a mapped import reads flat fields only")
        ) {
            try mapping.documents(json: Data(#"[{"navn": {"nb": "A"}}]"#.utf8), file: "annen.json")
        }
        #expect(
            throws: ProjectError.importFailed(
                file: "annen.json", row: nil, column: nil, message: "not a JSON array of objects")
        ) {
            try mapping.documents(json: Data("{".utf8), file: "annen.json")
        }
    }

    @Test func brokenImportFilesGiveLocatedErrorsAndSaveNothing() async throws {
        let header =
            "entry_type,cid,id,rtype,name,url,contact,description,geoextent,geocoverage,geocoverage_codes,status\n"
        let badStatus = header + "case,1,1,Service,Ok,,,Fine,,,NO,Pilot\ncase,1,2,Service,Bad,,,Text,,,NO,Exploded\n"
        #expect(
            throws: ProjectError.importFailed(
                file: "f.csv", row: 3, column: "status", message: "unknown status «Exploded»")
        ) {
            try ProjectImportMapping.ipsx.documents(badStatus, file: "f.csv")
        }
        let unclosed = header + "case,1,1,Service,\"Never closed,,,x,,,NO,Pilot\n"
        #expect(
            throws: ProjectError.importFailed(
                file: "f.csv", row: 2, column: "name",
                message: "the quote that opens this field is never closed; add the closing \"")
        ) {
            try ProjectImportMapping.ipsx.documents(unclosed, file: "f.csv")
        }
        let short = header + "case,1,1\n"
        #expect(throws: ProjectError.self) { try ProjectImportMapping.ipsx.documents(short, file: "f.csv") }
        let missingColumn = "name,description\nA,B\n"
        #expect(
            throws: ProjectError.importFailed(
                file: "f.csv", row: 1, column: "id", message: "the header lacks this column")
        ) {
            try ProjectImportMapping.ipsx.documents(missingColumn, file: "f.csv")
        }
        #expect(throws: ProjectError.self) {
            try ProjectJSONImport.documents(Data(#"[{"title": 5}]"#.utf8), file: "p.json")
        }
        do {
            _ = try ProjectJSONImport.documents(
                Data(#"[{"document": {"title": "x", "stage": "nope"}}]"#.utf8), file: "p.json")
            Issue.record("expected an error")
        } catch {
            #expect("\(error)".contains("p.json"))
        }
        // A batch with one invalid document saves none of them.
        try await withProjectStorage { database in
            var documents = relevanceCorpus
            documents.append(document("Ugyldig", "Feil kommunenummer", owner: "0000"))
            await #expect(throws: ProjectError.self) {
                try await ProjectRepository(database: database).createAll(documents, by: .importer, status: .published)
            }
            let count = try await ProjectRepository(database: database).count()
            #expect(count == 0)
        }
    }

    @Test func exportRoundTripsThroughTheFornyeCSVMapping() async throws {
        try await withProjectStorage { database in
            try await seeded(database)
            let repository = ProjectRepository(database: database)
            let published = try await repository.list(statuses: [.published])
            let csv = try ProjectExport.csv(published)
            let documents = try ProjectImportMapping.fornyeCSV.documents(csv, file: "export.csv")
            #expect(Set(documents.map(\.title)) == Set(relevanceCorpus.map(\.title)))
            let json = try ProjectExport.json(published)
            #expect(try ProjectJSONImport.documents(json, file: "export.json").count == published.count)
        }
    }
}
