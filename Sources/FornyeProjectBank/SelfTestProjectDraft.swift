public import FornyeBarometer

/// Turns a self-test's "newest innovation" answers into a Prosjektbanken draft (issue 16): the
/// barometer's codes become the project's fields where the two code lists mean the same thing,
/// and nothing is guessed beyond that. The draft is the editor's to complete; only a title is
/// required, and the title says where the draft came from.
public enum SelfTestProjectDraft {
    /// Whether `answers` describe a newest innovation at all (the unit innovated and said of which type).
    public static func hasNewestInnovation(_ answers: AnswerSet) -> Bool {
        if case .codes(let types) = answers["newest_type"] { return !types.isEmpty }
        return false
    }

    public static func document(
        _ answers: AnswerSet, sector: Int?, unitType: Int?, owner: String, month: String
    ) -> ProjectDocument {
        var document = ProjectDocument()
        let unit = unitType.flatMap { ReportClassifications.unitType.entry(code: $0)?.label }
        document.title =
            "Nyeste innovasjon" + (unit.map { " – \($0.lowercased())" } ?? "") + " (fra Innovasjonstesten \(month))"
        document.summary =
            "Utkast laget fra svarene i Innovasjonstesten \(month). Beskriv innovasjonen før utkastet sendes til gjennomgang."
        document.sector = sector
        document.unitType = unitType
        document.ownerMunicipality = owner
        document.innovationTypes = codes(answers["newest_type"]).filter { (1...4).contains($0) }.sorted()
        if case .code(let novelty) = answers["novelty"], (1...4).contains(novelty) { document.noveltyLevel = novelty }
        if case .code(let inspiration) = answers["inspiration"], (1...3).contains(inspiration) {
            document.inspiration = inspiration
        }
        // Managers (1, 3) started it: top-down; employees (2): bottom-up; both or neither: unknown.
        let triggers = codes(answers["trigger"])
        let top = !triggers.isDisjoint(with: [1, 3])
        let bottom = triggers.contains(2)
        if top != bottom { document.initiative = top ? .topDown : .bottomUp }
        let sources: [Int: FinancingSource] = [
            1: .ownBudget, 2: .regional, 3: .state, 4: .researchCouncil, 5: .eu, 6: .other, 7: .other,
        ]
        for code in codes(answers["financing"]).sorted() {
            guard let source = sources[code] else { continue }
            document.financing.append(
                ProjectDocument.Financing(source: source, note: code == 6 ? "Private midler" : ""))
        }
        let impacts: [Int: ImpactType] = [
            1: .quality, 2: .efficiency, 3: .employeeSatisfaction, 4: .citizenInfluence, 5: .citizenInfluence,
        ]
        let results = label(of: "results")
        for code in codes(answers["results"]).sorted() {
            guard let impact = impacts[code] else { continue }
            document.results.append(ProjectDocument.ProjectResult(impact: impact, description: results(code)))
        }
        let roles: [Int: PartnerRole] = [
            1: .otherUnit, 2: .otherMunicipality, 3: .state, 4: .civilSociety, 5: .business, 6: .citizens,
            7: .civilSociety, 8: .research,
        ]
        let partners = label(of: "partners")
        for code in codes(answers["partners"]).sorted() {
            guard let role = roles[code] else { continue }
            document.partners.append(ProjectDocument.Partner(name: partners(code), role: role))
        }
        // Introduced in the last two years: implemented, or spread when the unit spread it actively.
        if case .code(1) = answers["spread"] { document.stage = .spread } else { document.stage = .implemented }
        return document
    }

    private static func codes(_ answer: Answer?) -> Set<Int> {
        switch answer {
        case .codes(let codes): codes
        case .code(let code): [code]
        default: []
        }
    }

    /// The bokmål label of an option of the 2018 instrument's choice list `name`.
    private static func label(of name: String) -> (Int) -> String {
        let list = (try? Instrument.innovasjonsbarometer2018)?.choiceList(named: name)
        return { code in list?.choices.first { $0.code == code }?.label.nb ?? "\(code)" }
    }
}
