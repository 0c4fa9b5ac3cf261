public import FluentKit
public import FornyeProjectBank
import Foundation

/// The project bank's demo content: the three projects the 2018 baseline report names, written
/// from what the report says and nothing more (unknown fields left empty or "unknown"), the
/// 853 real IPS-X cases, and example research institutions labelled synthetic.
public enum ProjectDemoContent {
    public static let reportSource =
        "Innovasjonsbarometeret 2018, grunnlagsrapport (Menon Economics for Forskningsrådet/FORKOMMUNE)"

    /// The IPS-X cases bundled with Fornye.
    public static var ipsxFile: URL? {
        Bundle.module.url(forResource: "ipsx_cases", withExtension: "csv", subdirectory: "Resources/ipsx")
    }

    /// Seeds the demo projects unless any project exists. Returns how many it stored.
    @discardableResult
    public static func seedIfEmpty(_ database: any Database, includeIPSX: Bool = true) async throws -> Int {
        let repository = ProjectRepository(database: database)
        guard try await repository.count() == 0 else { return 0 }
        let author = ProjectAuthor(actor: .system, name: "demo")
        try await repository.createAll(reportProjects, by: author, status: .published, slugs: reportSlugs)
        var count = reportProjects.count
        if includeIPSX, let file = ipsxFile {
            let text = try String(contentsOf: file, encoding: .utf8)
            let documents = try ProjectImportMapping.ipsx.documents(text, file: "ipsx_cases.csv")
            try await repository.createAll(documents, by: .importer, status: .published)
            count += documents.count
        }
        if try await ResearchInstitutionRecord.query(on: database).count() == 0 {
            for institution in exampleInstitutions { try await institution.create(on: database) }
        }
        return count
    }

    public static let reportSlugs = ["jobb-smartere-skien", "okt-motivasjon-i-skolen-moglestu", "smartby-stavanger"]

    static func fromReport(_ page: String) -> ProjectDocument.Source {
        .init(name: reportSource, identifier: page, url: nil, licence: "CC-BY-4.0")
    }

    public static var reportProjects: [ProjectDocument] {
        var skien = ProjectDocument()
        skien.title = "Jobb smartere"
        skien.summary =
            "FORKOMMUNE-prosjekt ledet av Skien kommune. Målet er å undersøke hvordan kommunene kan spre kunnskap "
            + "og erfaringer (læring) om pilotering og skalering av velferdsteknologi innad i organisasjonen."
        skien.problem =
            "Hvordan kan kommunen nyttiggjøre ny teknologi, og spre læring om pilotering og skalering av "
            + "velferdsteknologi i egen organisasjon?"
        skien.ownerMunicipality = "4003"  // Skien (0806 before 2020, 3807 in 2020–2023)
        skien.sector = 1
        skien.serviceArea = "Velferdsteknologi"
        skien.startMode = .resultOriented
        skien.organisation = "Resultatdrevet, proaktiv tilnærming (framoverskuende, analytisk og strategisk)"
        skien.stage = .unknown
        skien.financing = [.init(source: .researchCouncil, note: "Et av FORKOMMUNE-prosjektene; beløp ikke oppgitt")]
        skien.source = fromReport("kapittel 4.1, «Jobb smartere»")

        var moglestu = ProjectDocument()
        moglestu.title = "Økt motivasjon i skolen"
        moglestu.summary =
            "Innovasjonsprosjekt ved Møglestu videregående skole for å øke elevenes egen motivasjon til læring, "
            + "satt i gang av en lærer etter at skolen over tid observerte fallende læringsmotivasjon."
        moglestu.problem = "Fallende læringsmotivasjon hos elevene, observert over tid ved skolen."
        moglestu.targetGroup = "Elever ved skolen"
        moglestu.ownerName = "Møglestu videregående skole"
        moglestu.sector = 2
        moglestu.unitType = 6
        moglestu.startMode = .resultOriented
        moglestu.initiative = .bottomUp
        moglestu.organisation = "Resultatdrevet, responsiv tilnærming: startet av en lærer"
        moglestu.stage = .unknown
        moglestu.source = fromReport("kapittel 4.1, «økt motivasjon i skolen»")

        var stavanger = ProjectDocument()
        stavanger.title = "SMARTBY Stavanger"
        stavanger.summary =
            "Stavanger kommunes SMARTBY er etablert som en egen enhet på siden av den vanlige "
            + "forvaltningsstrukturen. Gjennom enheten etableres innovasjonsprosjekter på tvers av alle tjenesteområder."
        stavanger.solution =
            "En egen, friere og mer eksplorativ innovasjonsenhet som skal være en ekstern pådriver og støttespiller "
            + "med et mer overordnet blikk."
        stavanger.ownerMunicipality = "1103"
        stavanger.serviceArea = "Alle tjenesteområder"
        stavanger.innovationTypes = [3]
        stavanger.organisation = "Egen innovasjonsenhet på siden av forvaltningsstrukturen"
        stavanger.stage = .unknown
        stavanger.source = fromReport("kapittel 4.1, SMARTBY-prosjektet")
        return [skien, moglestu, stavanger]
    }

    /// Example institutions, clearly synthetic: the report names no research partners, and
    /// Fornye does not invent competence areas for real institutions.
    static var exampleInstitutions: [ResearchInstitutionRecord] {
        let examples: [(String, String, String, [String])] = [
            (
                "eksempel-hogskole-velferd", "Eksempel: høgskole for helse og velferd (syntetisk)", "Høgskole",
                ["velferdsteknologi", "helse og omsorg", "tjenesteinnovasjon", "evaluering"]
            ),
            (
                "eksempel-universitet-utdanning", "Eksempel: universitetsmiljø for utdanningsforskning (syntetisk)",
                "Universitet", ["skole og læring", "motivasjon", "følgeforskning", "effektmåling"]
            ),
            (
                "eksempel-institutt-digital", "Eksempel: forskningsinstitutt for digitalisering (syntetisk)",
                "Forskningsinstitutt", ["kunstig intelligens", "digitalisering", "smartby", "data og analyse"]
            ),
        ]
        return examples.map { slug, name, kind, competence in
            let record = ResearchInstitutionRecord(
                slug: slug, name: name, kind: kind, municipality: nil, competence: competence, url: nil)
            record.synthetic = true
            return record
        }
    }
}
