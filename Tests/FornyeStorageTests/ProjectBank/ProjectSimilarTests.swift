import FluentKit
import FornyeProjectBank
import FornyeTestSupport
import Foundation
import Testing

@testable import FornyeStorage

/// «Similar projects» on the real demo bank: the three projects the 2018 report names and the
/// 853 IPS-X cases. Each draft below is written as a municipality might describe its own
/// project; the named project is the one a person would expect first.
@Suite struct ProjectSimilarTests {
    static let cases: [(draft: ProjectDocument, expected: String)] = {
        var skien = ProjectDocument()
        skien.title = "Spre velferdsteknologi i hele kommunen"
        skien.summary = "Vi vil lære av piloter og skalere velferdsteknologi i egen organisasjon."
        skien.problem = "Gode piloter blir ikke tatt i bruk i resten av tjenestene."
        skien.serviceArea = "Velferdsteknologi"
        skien.sector = 1
        var school = ProjectDocument()
        school.title = "Elevenes motivasjon"
        school.summary = "Ungdomsskolen prøver nye undervisningsmetoder for å øke motivasjonen til elevene."
        school.targetGroup = "Elever på ungdomstrinnet"
        school.serviceArea = "Skole"
        school.sector = 2
        var drones = ProjectDocument()
        drones.title = "Drones for infrastructure inspection"
        drones.summary = "Unmanned aerial vehicles inspect our bridges and viaducts instead of staff on lifts."
        drones.serviceArea = "Roads and bridges"
        drones.language = "en"
        var debts = ProjectDocument()
        debts.title = "Help for residents in debt"
        debts.summary = "A chatbot helps debtors find debt relief and counselling quickly."
        debts.targetGroup = "Debtors"
        debts.language = "en"
        return [
            (skien, "Jobb smartere"),
            (school, "Økt motivasjon i skolen"),
            (drones, "Inspection bridges with drones"),
            (debts, "Debt relief - Chatbot to assist people with debts"),
        ]
    }()

    @Test(arguments: TestDatabase.all)
    func theNamedProjectComesFirstInNorwegianAndEnglish(database backend: TestDatabase) async throws {
        try await withProjectStorage(backend) { database in
            try await ProjectDemoContent.seedIfEmpty(database)
            let search = ProjectSearch(database: database)
            for (draft, expected) in Self.cases {
                let similar = try await search.similar(to: draft)
                #expect(similar.first?.title == expected, "«\(draft.title)» → \(similar.map(\.title))")
            }
            // A stored project's own page leaves it out and still finds its neighbours.
            let own = try await ProjectRepository(database: database).find(slug: "jobb-smartere-skien")!
            let others = try await search.similar(to: try own.document(), excluding: own.slug)
            #expect(!others.isEmpty && !others.map(\.slug).contains(own.slug))
        }
    }

    /// Smaller budgets on the demo bank stand for a large bank, where even the rarest key term
    /// is common and candidates must share two of the rarest key terms: at 26 index entries (3 % of
    /// the 856 projects, as 3,000 is of 100,000) the named project still comes first; at 4 (which
    /// pairs far sooner than a real bank would) it is still among the first three.
    @Test(arguments: TestDatabase.all)
    func pairsOfRareTermsStillFindTheNamedProject(database backend: TestDatabase) async throws {
        try await withProjectStorage(backend) { database in
            try await ProjectDemoContent.seedIfEmpty(database)
            let search = ProjectSearch(database: database)
            for (draft, expected) in Self.cases {
                let similar = try await search.similar(to: draft, excluding: nil, limit: 5, budget: 26)
                #expect(similar.first?.title == expected, "«\(draft.title)» → \(similar.map(\.title))")
                let paired = try await search.similar(to: draft, excluding: nil, limit: 3, budget: 4)
                #expect(paired.map(\.title).contains(expected), "«\(draft.title)» → \(paired.map(\.title))")
            }
        }
    }

    @Test func pairsAreTheSmallestEstimatedIntersectionsWithinTheBudget() {
        let frequencies = ["a": 5_000, "b": 10_000, "c": 20_000, "d": 40_000, "e": 1]
        // "e" is held by the project alone (minimum 2 leaves it out).
        let pairs = ProjectSearch.pairs(
            ["d", "c", "b", "a", "e"], frequencies: frequencies, minimum: 2, total: 100_000, budget: 3_000)
        // Estimates: ab 500, ac 1,000, ad 2,000 (1,500 + 2,000 > 3,000 stops there).
        #expect(pairs == [["a", "b"], ["a", "c"]])
        let one = ProjectSearch.pairs(["a", "d"], frequencies: frequencies, minimum: 1, total: 100_000, budget: 10)
        #expect(one == [["a", "d"]])
        #expect(ProjectSearch.ftsQuery([["a", "b"], ["c"]]) == #"("a" AND "b") OR ("c")"#)
    }
}
