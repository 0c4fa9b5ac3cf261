import FornyeProjectBank

/// A small document with the fields most tests vary.
func document(
    _ title: String, _ summary: String, owner: String? = "0301", types: [Int] = [1], stage: ProjectStage = .pilot
) -> ProjectDocument {
    var document = ProjectDocument()
    document.title = title
    document.summary = summary
    document.ownerMunicipality = owner
    document.innovationTypes = types
    document.stage = stage
    return document
}
