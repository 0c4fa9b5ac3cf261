extension SearchText {
    /// The text each column of a project's search-index entry holds: title, summary and the rest
    /// (with `ownerName`, the owner as stored). Facet labels (innovation and unit types) and the
    /// organisation category are left out (issue 21): every record carried them, so «tjenester» or
    /// «service» matched the whole bank; the facets filter by them instead.
    public static func indexColumns(_ document: ProjectDocument, ownerName: String) -> (
        title: String, summary: String, body: String
    ) {
        var body: [String] = [
            document.problem, document.targetGroup, document.solution, document.novelty, document.serviceArea,
            ownerName, document.evaluationText, document.challenges, document.lessons, document.reuseConditions,
        ]
        body += document.partners.map(\.name)
        for result in document.results {
            body.append(result.description)
            body += result.indicators.map(\.metric)
        }
        return (document.title, document.summary, body.filter { !$0.isEmpty }.joined(separator: "\n"))
    }
}
