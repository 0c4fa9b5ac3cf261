import FornyeProjectBank
import Testing

@Suite struct ProjectDocumentTests {
    @Test func changedFieldsNameTheTopLevelKeysThatDiffer() {
        let before = document("T", "S")
        var after = before
        after.lessons = "Start smått"
        after.research.degree = 2
        #expect(after.changedFields(since: before) == ["lessons", "research"])
        #expect(before.changedFields(since: before).isEmpty)
    }

    /// Issue 21: the type labels are facets, no longer free text in the body.
    @Test func theIndexBodyHoldsTheOwnerAndPartnersButNoFacetLabels() {
        var project = document("Tittel", "Sammendrag", types: [1])
        project.partners = [.init(name: "NTNU", role: .research)]
        let columns = SearchText.indexColumns(project, ownerName: "Oslo")
        #expect(columns.title == "Tittel" && columns.summary == "Sammendrag")
        let body = columns.body.split(separator: "\n").map(String.init)
        #expect(body.contains("Oslo") && body.contains("NTNU") && !body.contains(""))
        #expect(body.count == 2)  // owner, partner
    }
}
