import FornyeProjectBank
import Testing

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
}
