import Foundation
import Testing

@testable import FornyeProjectBank

@Suite struct SimilarityTermsTests {
    func document(_ title: String, _ summary: String, language: String) -> ProjectDocument {
        var document = ProjectDocument()
        document.title = title
        document.summary = summary
        document.language = language
        return document
    }

    @Test func aNorwegianRecordHoldsTheEnglishOfItsWordsAndTheTitleCountsTwice() {
        let terms = SimilarityTerms(
            document("Gjeldsrådgivning", "Hjelp til innbyggere med gjeld og skole.", language: "nb"))
        // «gjeld» translates through the glossary; the compound «gjeldsrådgivning» adds its parts.
        #expect(terms.weights["debt"] != nil)
        #expect(terms.weights["school"] != nil)
        #expect(terms.weights[SearchText.term("gjeld", .norwegian)] != nil)
        // Stop words and words in nearly every project are no terms.
        #expect(terms.weights["med"] == nil && terms.weights["til"] == nil)
        let english = SimilarityTerms(document("Debt advice", "Debt advice for residents.", language: "en"))
        // Title twice plus once in the summary: 1 + ln 3.
        #expect(abs(english.weights["debt"]! - (1 + log(3.0))) < 1e-9)
        // English records are not translated into Norwegian.
        #expect(english.weights["gjeld"] == nil)
    }

    @Test func cosineWeighsSharedTermsByTheirImportance() {
        let source = SimilarityTerms(weights: ["debt": 1, "chatbot": 1])
        let onDebt = SimilarityTerms(weights: ["debt": 1, "tax": 1])
        let onChatbot = SimilarityTerms(weights: ["chatbot": 1, "tax": 1])
        // «chatbot» is common in the bank, «debt» rare: sharing the rare term counts more.
        let idf: (String) -> Double = { ["debt": 5.0, "chatbot": 1.0, "tax": 2.0][$0]! }
        #expect(source.cosine(onDebt, idf: idf) > source.cosine(onChatbot, idf: idf))
        #expect(abs(source.cosine(source, idf: idf) - 1) < 1e-9)
        #expect(source.cosine(SimilarityTerms(weights: ["tax": 1]), idf: idf) == 0)
        #expect(source.cosine(SimilarityTerms(weights: [:]), idf: idf) == 0)
        #expect(SimilarityTerms.idf(documentFrequency: 0, projects: 100) == log(101))
    }

    @Test func norwegianAndEnglishDescriptionsOfOneThingMeet() {
        let norwegian = SimilarityTerms(
            document("Vannkvalitet", "Sensorer måler vann og energi i kommunen.", language: "nb"))
        let english = SimilarityTerms(
            document("Water quality", "Sensors measure water and energy use.", language: "en"))
        let unrelated = SimilarityTerms(document("School meals", "Free lunch for pupils.", language: "en"))
        let idf: (String) -> Double = { _ in 1 }
        #expect(norwegian.cosine(english, idf: idf) > 0.2)
        #expect(norwegian.cosine(unrelated, idf: idf) < norwegian.cosine(english, idf: idf))
    }

    @Test func aLongTextKeepsItsMostFrequentTerms() {
        let words = (0..<200).map { "ord\($0)abc" }.joined(separator: " ")
        let terms = SimilarityTerms(document("Tittel", words + " tittel", language: "nb"))
        #expect(terms.weights.count == SimilarityTerms.most)
        #expect(terms.weights[SearchText.term("tittel", .norwegian)] != nil)
    }
}
