import Foundation

/// Every field of a project that the form edits or the open-data CSV carries; a new project
/// field starts here (and in ``ProjectDocument``). Lists of records (partners, financing,
/// results, contacts, links) are edited as numbered rows (``ProjectRowGroup``).
extension ProjectField {
    /// In the order Fornye's CSV import reads them (the licence before the source, which takes
    /// it over) and the form reports its problems.
    public static let all: [ProjectField] = [
        text("title", column: "title", ("Tittel", "Title"), limit: ProjectValidation.titleLimit, \.title),
        text("summary", column: "summary", ("Sammendrag", "Summary"), limit: ProjectValidation.summaryLimit, \.summary),
        code("stage", column: "stage", ("Fase", "Stage"), \.stage, unset: .idea, noun: ("fase", "stage")),
        innovationTypes,
        number("sector", column: "sector", ("Sektor", "Sector"), \.sector),
        number("unitType", column: "unit_type", ("Enhetstype", "Unit type"), \.unitType),
        optionalText(
            "ownerMunicipality", column: "owner_municipality", ("Kommunenummer (eier)", "Owner kommunenummer"),
            \.ownerMunicipality),
        text(
            "ownerName", column: "owner_name", ("Eier (hvis ikke en kommune)", "Owner (if not a municipality)"),
            \.ownerName),
        text("country", column: "country", ("Land", "Country"), onForm: false, \.country, default: "NO"),
        number(
            "researchDegree", column: "research_degree", ("Forskningsgrad", "Degree of research involvement"),
            \.research.degree),
        number(
            "researchQuality", column: "research_project_quality", ("Prosjektkvalitet", "Research-based method"),
            \.research.projectQuality),
        number(
            "researchContribution", column: "research_knowledge_contribution",
            ("Kunnskapsbidrag", "New knowledge produced"), \.research.knowledgeContribution),
        answer("evaluated", column: "evaluated", ("Evaluert", "Evaluated"), \.evaluated),
        code(
            "evidenceLevel", column: "evidence_level", ("Evidensnivå", "Evidence level"), \.evidenceLevel,
            noun: ("evidensnivå", "evidence level")),
        optionalText("startDate", column: "start_date", ("Startdato", "Start date"), \.startDate),
        optionalText("endDate", column: "end_date", ("Sluttdato", "End date"), \.endDate),
        text("problem", column: "problem", ("Problem/behov", "Problem or need"), \.problem),
        text("solution", column: "solution", ("Løsning", "Solution"), \.solution),
        text(
            "novelty", column: "novelty", ("Hva er nytt, og sammenlignet med hva", "What is new, compared with what"),
            \.novelty),
        text(
            "challenges", column: "challenges", ("Utfordringer og det som ikke virket", "Challenges and failures"),
            \.challenges),
        text("lessons", column: "lessons", ("Læringspunkter", "Lessons learned"), \.lessons),
        text(
            "reuseConditions", column: "reuse_conditions", ("Forutsetninger for gjenbruk", "Conditions for reuse"),
            \.reuseConditions),
        optionalText(
            "basedOn", column: "based_on", ("Bygger på prosjekt (adresse)", "Builds on project (address)"), \.basedOn),
        text(
            "licence", column: "licence", ("Lisens for innholdet", "Licence of the content"), \.licence,
            default: "CC-BY-4.0"),
        language,
        flag(
            "synthetic", column: "synthetic", ("Syntetisk", "Synthetic"), onForm: false, \.synthetic,
            yes: ["true", "1"]),
        sourceName, sourceIdentifier, sourceURL,
        text("targetGroup", ("Målgruppe", "Target group"), \.targetGroup),
        number("noveltyLevel", ("Nyhetsgrad", "Novelty"), \.noveltyLevel),
        number("inspiration", ("Inspirasjon", "Inspiration"), \.inspiration),
        text("serviceArea", ("Tjenesteområde", "Service area"), \.serviceArea),
        code("startMode", ("Oppstart", "How it started"), \.startMode, noun: ("oppstart", "start mode")),
        code("initiative", ("Initiativ", "Initiative"), \.initiative, noun: ("initiativ", "initiative")),
        text("organisation", ("Organisering", "Organisation"), \.organisation),
        flag("seeksResearchPartner", ("Søker forskningspartner", "Seeks a research partner"), \.seeksResearchPartner),
        text("evaluationText", ("Om evalueringen", "About the evaluation"), \.evaluationText),
    ]

    /// The field named `name`.
    public static func named(_ name: String) -> ProjectField? { all.first { $0.name == name } }

    /// The columns of Fornye's CSV import, in the order it reads them.
    public static let columns: [String] = all.compactMap(\.column)

    /// KS' innovation types, codes joined by `;` in one cell (form: one checkbox per type).
    static let innovationTypes = ProjectField(
        name: "innovationTypes", column: "innovation_types", labels: ("Innovasjonstype", "Innovation type"),
        kind: .codes, cell: { $0.innovationTypes.map(String.init).joined(separator: ";") }
    ) { text, document, reading in
        var types: [Int] = []
        for part in text.split(separator: ";") {
            if let type = Int(part) {
                types.append(type)
            } else if reading == .strict {
                document.innovationTypes = []
                return [
                    ProjectFieldError(
                        field: "innovationTypes", message: "«\(part)» is not a type code",
                        messageNB: "«\(part)» er ikke en typekode")
                ]
            }
        }
        document.innovationTypes = types
        return []
    }

    /// The language of the free text: nb, nn or en (empty: nb); it picks the search configuration.
    static let language = single(
        "language", column: "language", ("Språk i teksten", "Language of the text"), kind: .code, \.language,
        unset: "nb", cell: { $0 }
    ) { text throws(Problem) in
        if text.isEmpty { return "nb" }
        guard ["nb", "nn", "en"].contains(text) else {
            throw Problem(
                en: "unknown language «\(text)»; use nb, nn or en", nb: "ukjent språk «\(text)»; bruk nb, nn eller en")
        }
        return text
    }

    /// The labels of top-level ``ProjectDocument`` fields that are several controls on the form, or
    /// none; and of what a version records that is not a document field. The version history
    /// names changes with them.
    public static let groupLabels: [String: (nb: String, en: String)] = [
        "research": ("Forskningsinvolvering", "Research involvement"), "partners": ("Partnere", "Partners"),
        "financing": ("Finansiering", "Financing"), "results": ("Resultater", "Results"),
        "contacts": ("Kontaktpersoner", "Contacts"), "links": ("Lenker", "Links"),
        "source": ("Kilde (import)", "Source (import)"),
        // Not document fields: what a status change and an attachment upload or removal record.
        "status": ("Status", "Status"), "attachments": ("Vedlegg", "Attachments"),
    ]

    /// A form control's label by its name; `contactName-2` is labelled as `contactName`.
    public static func controlLabel(_ name: String) -> (nb: String, en: String)? {
        controlLabels[name] ?? controlLabels[String(name.prefix { $0 != "-" })]
    }

    /// The label of a top-level ``ProjectDocument`` field (or of `status`, `attachments`).
    public static func documentLabel(_ key: String) -> (nb: String, en: String)? {
        controlLabels[key] ?? groupLabels[key]
    }

    static let controlLabels: [String: (nb: String, en: String)] = Dictionary(
        all.map { ($0.name, $0.labels) } + ProjectRowGroup.all.flatMap { $0.controls.map { ($0.name, $0.labels) } },
        uniquingKeysWith: { first, _ in first })
}

/// Where an imported record came from: three columns, one ``ProjectDocument/source``, set when
/// the name is given (with the record's licence, so the licence is read first).
extension ProjectField {
    static let sourceName = ProjectField(
        name: "sourceName", column: "source_name", labels: ("Kilde", "Source"), kind: .text, onForm: false,
        cell: { $0.source?.name ?? "" }
    ) { text, document, _ in
        document.source = text.isEmpty ? nil : .init(name: text, identifier: "", url: nil, licence: document.licence)
        return []
    }

    static let sourceIdentifier = ProjectField(
        name: "sourceIdentifier", column: "source_identifier", labels: ("Kildens id", "Source identifier"),
        kind: .text, onForm: false, cell: { $0.source?.identifier ?? "" }
    ) { text, document, _ in
        document.source?.identifier = text
        return []
    }

    static let sourceURL = ProjectField(
        name: "sourceURL", column: "source_url", labels: ("Kildens adresse", "Source address"), kind: .text,
        onForm: false, cell: { $0.source?.url ?? "" }
    ) { text, document, _ in
        document.source?.url = text.isEmpty ? nil : text
        return []
    }
}
