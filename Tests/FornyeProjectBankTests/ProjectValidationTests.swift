import FornyeProjectBank
import Testing

@Suite struct ProjectValidationTests {
    @Test func invalidKommunenummerAndOversizedTextAreNamedByField() {
        var bad = document("Test", String(repeating: "x", count: ProjectValidation.summaryLimit + 1), owner: "9999")
        bad.title = ""
        let errors = ProjectValidation.errors(of: bad)
        #expect(Set(errors.map(\.field)) == ["title", "summary", "ownerMunicipality"])
        // An old number replaced in 2020 is refused with today's structure.
        #expect(ProjectValidation.errors(of: document("T", "S", owner: "1201")).map(\.field) == ["ownerMunicipality"])
    }

    @Test func completenessNamesWhatIsMissing() {
        var document = document("T", "S")
        let before = ProjectCompleteness.percent(of: document)
        #expect(ProjectCompleteness.items(of: document).first { $0.field == "lessons" }?.done == false)
        document.lessons = "Forankring i ledelsen"
        #expect(ProjectCompleteness.percent(of: document) > before)
    }
}
