import FornyeProjectBank
import Testing

@Suite struct SearchSpellingTests {
    @Test(arguments: [
        ("velferdsteknolgi", "velferdsteknologi", 1), ("stavnag", "stavang", 1), ("kitten", "sitting", 3),
        ("abc", "abc", 0), ("ab", "ba", 1), ("", "abc", 3),
    ])
    func distanceCountsInsertsDeletesSubstitutionsAndSwaps(a: String, b: String, expected: Int) {
        #expect(SearchSpelling.distance(a, b, limit: 5) == expected)
        #expect(SearchSpelling.distance(b, a, limit: 5) == expected)
        if expected > 0 { #expect(SearchSpelling.distance(a, b, limit: expected - 1) == nil) }
    }

    @Test func theClosestTermWinsThenTheMoreFrequent() {
        let candidates = [("skolen", 3), ("skolem", 40), ("skoler", 2), ("skole", 9)].map { (term: $0.0, df: $0.1) }
        // «skoel»: one swap from «skole», two edits from the rest.
        #expect(SearchSpelling.closest(to: "skoel", among: candidates)?.term == "skole")
        // «skolex»: one edit from skolen, skolem, skoler and skole: the most frequent.
        #expect(SearchSpelling.closest(to: "skolex", among: candidates)?.term == "skolem")
        // Too short to correct, and a term is never its own suggestion.
        #expect(SearchSpelling.closest(to: "sko", among: [(term: "ska", df: 100)]) == nil)
        #expect(SearchSpelling.closest(to: "skole", among: [(term: "skole", df: 100)]) == nil)
        #expect(SearchSpelling.closest(to: "zzzzzz", among: candidates) == nil)
    }

    @Test func aCorrectedTermGetsTheWordsEndingBackAndReplacesTheWordOnly() {
        let term = SearchText.term("stavnager", .norwegian)
        let corrected = SearchText.term("stavanger", .norwegian)
        #expect(SearchSpelling.respell("stavnager", term: term, as: corrected, language: .norwegian) == "stavanger")
        #expect(
            SearchSpelling.replacing([("Stavnager", "stavanger")], in: "Stavnagerbuss i Stavnager")
                == "Stavnagerbuss i stavanger")
    }

    @Test func synonymGroupsAreParsedAndBounded() throws {
        let group = try SearchSynonymGroup.parse(" KI,  AI ,kunstig   intelligens, ki ").get()
        #expect(group.members == ["ki", "ai", "kunstig intelligens"])
        func problems(_ text: String) -> [String] {
            guard case .failure(.invalid(let errors)) = SearchSynonymGroup.parse(text) else { return [] }
            return errors.map(\.message)
        }
        #expect(problems("KI") == ["at least two words or phrases, separated by commas"])
        #expect(problems("KI, <script>").first?.contains("only letters") == true)
        #expect(problems("a, b c d e").first?.contains("more than 3 words") == true)
        #expect(problems((1...11).map { "ord\($0)" }.joined(separator: ",")).first?.contains("at most 10") == true)
        #expect(problems(String(repeating: "a", count: 2_000)).count == 1)
    }

    @Test func aSynonymExpandsTheQueryBothWaysAndOnlyWhenExpanding() {
        let synonyms = [SearchSynonymGroup(members: ["sfo", "skolefritidsordning"])]
        let plan = SearchQueryPlan("SFO i Bergen", expand: true, synonyms: synonyms)
        #expect(plan.expansions.first { $0.word == "sfo" }?.with.contains("skolefritidsordning") == true)
        #expect(plan.fts5?.contains(SearchText.term("skolefritidsordning", .norwegian)) == true)
        let back = SearchQueryPlan("skolefritidsordningen", expand: true, synonyms: synonyms)
        #expect(back.expansions.first?.with.contains("sfo") == true)
        let phrase = SearchQueryPlan(
            "kunstig intelligens", expand: true, synonyms: [SearchSynonymGroup(members: ["ki", "kunstig intelligens"])])
        #expect(phrase.groups.allSatisfy { $0.translations.contains("ki") })
        #expect(SearchQueryPlan("SFO", expand: false, synonyms: synonyms).expansions.isEmpty)
    }
}
