import FornyeProjectBank
import Testing

@Suite struct NorwegianStemmerTests {
    @Test(arguments: [
        ("innovasjoner", "innovasjon"), ("innovasjonen", "innovasjon"), ("innovasjonene", "innovasjon"),
        ("innovasjon", "innovasjon"), ("kommunene", "kommun"), ("kommune", "kommun"), ("tjenester", "tjenest"),
        ("skolen", "skol"), ("barnehagens", "barnehag"), ("hetene", "het"), ("bygningene", "bygning"),
        ("lovlig", "lov"),
    ])
    func stemsLikeSnowball(word: String, stem: String) {
        #expect(NorwegianStemmer.stem(word) == stem)
    }

    @Test func pluralAndSingularMeet() {
        #expect(SearchText.terms("Innovasjoner i kommunene") == SearchText.terms("innovasjon i kommune"))
        #expect(SearchText.terms("services") == SearchText.terms("service"))
    }

    @Test func keyTermsSkipStopWordsAndPreferFrequentWords() {
        let terms = SearchText.keyTerms("Velferdsteknologi og velferdsteknologi i kommunen for eldre", count: 2)
        #expect(terms == [NorwegianStemmer.stem("velferdsteknologi"), NorwegianStemmer.stem("eldre")])
    }
}

@Suite struct IndexTermTests {
    @Test func termsAreSplitAsTheIndexSplitsThem() {
        #expect(
            SearchText.indexTerms(of: ["velferd teknolog", "velferd", "a-b 12"]) == [
                "velferd", "teknolog", "a", "b", "12",
            ])
        #expect(SearchText.indexTerms(of: ["", " "]).isEmpty)
    }
}
