import Testing

@testable import FornyeProjectBank

@Suite struct SearchAnalysisTests {
    @Test(arguments: [
        ("interpreter", "interpret"), ("interpreting", "interpret"), ("predictions", "predict"),
        ("predicting", "predict"), ("caresses", "caress"), ("ponies", "poni"), ("relational", "relat"),
        ("generalization", "gener"), ("hopping", "hop"),
    ])
    func englishStemsLikePorter(word: String, stem: String) {
        #expect(EnglishStemmer.stem(word) == stem)
    }

    @Test func norwegianTermsFoldUndoubleAndUnderive() {
        #expect(SearchText.term("sykehjemmet", .norwegian) == SearchText.term("sykehjem", .norwegian))
        #expect(SearchText.term("økonomistyring", .norwegian) == SearchText.term("okonomistyring", .norwegian))
        #expect(
            SearchText.term("velferdsteknologiske", .norwegian) == SearchText.term("velferdsteknologi", .norwegian))
    }

    @Test func compoundsSplitIntoLexiconWords() {
        #expect(NorwegianCompounds.parts(of: "velferdsteknologi") == ["velferd", "teknologi"])
        #expect(NorwegianCompounds.parts(of: "økonomistyring") == ["økonomi", "styring"])
        #expect(NorwegianCompounds.parts(of: "skole") == nil)
        let indexed = SearchText.indexed("Bedre økonomistyring", language: .norwegian).split(separator: " ")
        #expect(indexed.contains(Substring(SearchText.term("økonomi", .norwegian))))
    }

    @Test func queriesDropStopWordsKeepPhrasesAndExclusions() {
        let plan = SearchQueryPlan("robot for the elderly \"care home\" -drone", expand: false)
        #expect(plan.groups.map(\.word) == ["robot", "elderly"])
        #expect(plan.phrases.count == 1 && plan.excluded.count == 1)
        let match = plan.fts5 ?? ""
        #expect(match.contains("\"care home\"") && match.contains(" NOT "))
    }

    @Test func norwegianWordsAreTranslatedAndTheUserCanSwitchItOff() {
        let expanded = SearchQueryPlan("innbrudd i bydeler", expand: true)
        #expect(expanded.language == .norwegian)
        #expect(expanded.expansions.first { $0.word == "innbrudd" }?.with.contains("burglary") == true)
        let plain = SearchQueryPlan("innbrudd i bydeler", expand: false)
        #expect(plain.expansions.isEmpty)
    }

    /// PostgreSQL is given words, not index terms: a translation of several words must stay one
    /// alternative whose words are all required, as on SQLite,
    /// not loose words («technology» alone matched nearly every English case).
    @Test func postgresTextKeepsTheWordsOfOneAlternativeTogether() throws {
        let plan = SearchQueryPlan("velferdsteknologi hjemme", expand: true)
        let alternatives = try #require(plan.websearch(original: "velferdsteknologi hjemme"))
            .components(separatedBy: " or ")
        #expect(alternatives.contains("velferdsteknologi") && alternatives.contains("hjemme"))
        // The compound's parts are no run: PostgreSQL's index holds the compound whole.
        #expect(!alternatives.contains("velferd teknologi"))
        #expect(alternatives.contains("welfare technology"))
        #expect(!alternatives.contains("technology") && !alternatives.contains("welfare"))
        // Every translation the user is shown is one alternative.
        for translation in plan.groups.flatMap(\.translations) {
            let words = SearchText.tokens(translation).filter { !SearchText.stopWords.contains($0) }
            #expect(words.isEmpty || alternatives.contains(words.joined(separator: " ")), "\(translation)")
        }
        #expect(!SearchQueryPlan("velferdsteknologi", expand: false).websearch(original: "x")!.contains("welfare"))
    }

    @Test func aCompoundsPartTranslationsAreCombinedBoundedly() {
        #expect(
            SearchQueryPlan.combinations([["a", "b"], ["c", "d"]]) == [
                ["a", "c"], ["a", "d"], ["b", "c"], ["b", "d"],
            ])
        #expect(SearchQueryPlan.combinations(Array(repeating: ["a", "b", "c", "d"], count: 4)).count == 16)
        #expect(SearchQueryPlan.combinations([]) == [[]])
    }

    /// A compound translated part by part takes a part's curated translations when it has any:
    /// «rus» is substance abuse in the municipal glossary, not FreeDict's «russian».
    @Test func aPartsCuratedTranslationsWinOverTheDictionarys() {
        let translated = SearchQueryPlan("ruskontor", expand: true).groups.flatMap(\.translations)
        #expect(!translated.contains("russian"), "\(translated)")
        // A part no curated list knows still gets the dictionary's words.
        #expect(SearchQueryPlan("hudkreft", expand: true).groups.flatMap(\.translations).contains("skin"))
    }

    /// A dictionary translation of stop words only is no expansion («fall» → «then»).
    @Test func translationsOfStopWordsOnlyAreLeftOut() {
        let plan = SearchQueryPlan("fall", expand: true)
        let translated = plan.groups.flatMap(\.translations)
        #expect(!translated.contains("then"), "\(translated)")
        #expect(!translated.isEmpty, "its other translations stay")
        #expect(translated.allSatisfy { SearchText.tokens($0).contains { !SearchText.stopWords.contains($0) } })
    }
}
