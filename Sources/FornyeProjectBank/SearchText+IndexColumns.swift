import FornyeBarometer

extension SearchText {
    /// The text each column of a project's search-index entry holds: title, summary and the rest
    /// (with `ownerName`, the owner as stored, and the labels of its innovation types and unit
    /// type in both languages, so a search for «tjenesteinnovasjon» or «school» finds it).
    public static func indexColumns(_ document: ProjectDocument, ownerName: String) -> (
        title: String, summary: String, body: String
    ) {
        var body: [String] = [
            document.problem, document.targetGroup, document.solution, document.novelty, document.serviceArea,
            ownerName, document.organisation, document.evaluationText, document.challenges, document.lessons,
            document.reuseConditions,
        ]
        body += document.partners.map(\.name)
        for result in document.results {
            body.append(result.description)
            body += result.indicators.map(\.metric)
        }
        for type in document.innovationTypes {
            if let entry = ReportClassifications.innovationType.entry(code: type) {
                body += [entry.label, entry.labelEnglish]
            }
        }
        if let unitType = document.unitType, let entry = ReportClassifications.unitType.entry(code: unitType) {
            body += [entry.label, entry.labelEnglish]
        }
        return (document.title, document.summary, body.filter { !$0.isEmpty }.joined(separator: "\n"))
    }
}
