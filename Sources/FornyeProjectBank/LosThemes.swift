/// A top theme of Digdir's Los (`tema/*` without a broader concept), the facet «Tema» of the bank.
public struct LosTheme: Sendable, Equatable {
    /// 1–14, the theme's bit in a project's theme mask is `code − 1`.
    public var code: Int
    /// The Los path without `tema/`, e.g. `helse-og-omsorg`: the facet value and API parameter.
    public var slug: String
    /// Los' own bokmål and English preferred labels.
    public var label: String
    public var labelEnglish: String

    public var uri: String { "https://psi.norge.no/los/tema/\(slug)" }
}

/// Tags projects with Los top themes (issue 21, step 4) from the classification they carry, not
/// from free text: a COFOG sector pair (IPS-X's primary and secondary sector, stored as the
/// service area «primary – secondary») through the curated `cofog-los-themes.tsv`, and the
/// barometer's sector and unit type. A project whose classification names no theme gets none:
/// a wrong theme misleads a filter, a missing one only leaves a project out of it.
public enum LosThemes {
    /// The 14 top themes of Los (commit f0d0588a), in the order of their bokmål labels.
    public static let all: [LosTheme] = [
        ("arbeid", "Arbeid", "Work"),
        ("bygg-og-eiendom", "Bygg og eiendom", "Building and property"),
        ("demokrati-og-innbyggerrettigheter", "Demokrati og innbyggerrettigheter", "Democracy and citizen rights"),
        ("familie-og-barn", "Familie og barn", "Family and children"),
        ("helse-og-omsorg", "Helse og omsorg", "Health and care"),
        ("kultur-idrett-og-fritid", "Kultur, idrett og fritid", "Culture, sport and recreation"),
        ("lov-og-rett", "Lov og rett", "Legal matters"),
        ("naring", "Næring", "Business"),
        ("natur-klima-og-miljo", "Natur, klima og miljø", "Nature, climate and environment"),
        ("samfunnssikkerhet-og-beredskap", "Samfunnssikkerhet og beredskap", "Civil protection and emergency planning"),
        ("skatt-og-avgift", "Skatt og avgift", "Taxes and duties"),
        ("skole-og-utdanning", "Skole og utdanning", "Schools and education"),
        ("sosiale-tjenester", "Sosiale tjenester", "Social services"),
        ("trafikk-og-transport", "Trafikk og transport", "Traffic and transport"),
    ].enumerated().map {
        LosTheme(code: $0.offset + 1, slug: $0.element.0, label: $0.element.1, labelEnglish: $0.element.2)
    }

    public static func theme(code: Int) -> LosTheme? { (1...all.count).contains(code) ? all[code - 1] : nil }
    public static func theme(slug: String) -> LosTheme? { all.first { $0.slug == slug } }

    /// The themes of a mask, in `all`'s order.
    public static func themes(mask: Int) -> [LosTheme] { all.filter { mask & (1 << ($0.code - 1)) != 0 } }
    public static func mask(_ themes: [LosTheme]) -> Int { themes.reduce(0) { $0 | 1 << ($1.code - 1) } }

    /// The themes a document's classification names, as a mask (0 = none).
    public static func mask(of document: ProjectDocument) -> Int {
        var mask = 0
        for slug in sectorThemes(document.sector, unitType: document.unitType) + cofogThemes(document.serviceArea) {
            if let theme = theme(slug: slug) { mask |= 1 << (theme.code - 1) }
        }
        return mask
    }

    /// The barometer's sectors: health and care; education and childhood, where a kindergarten
    /// is Los' «Familie og barn» (`tema/barnehage` lies under it) and a school «Skole og utdanning».
    static func sectorThemes(_ sector: Int?, unitType: Int?) -> [String] {
        switch (sector, unitType) {
        case (1, _): ["helse-og-omsorg"]
        case (2, 4): ["familie-og-barn"]
        case (2, _): ["skole-og-utdanning"]
        default: []
        }
    }

    /// The themes of a service area that is exactly a COFOG pair of the curated table.
    static func cofogThemes(_ serviceArea: String) -> [String] {
        let parts = serviceArea.components(separatedBy: " – ")
        guard parts.count == 2 else { return [] }
        return cofog[parts[0] + "\t" + parts[1]] ?? cofog[parts[0] + "\t*"] ?? []
    }

    /// `cofog-los-themes.tsv`: "primary\tsecondary" → theme slugs.
    static let cofog: [String: [String]] = {
        var table: [String: [String]] = [:]
        for line in SearchTranslations.lines("cofog-los-themes", "tsv") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 3 else { continue }
            table[fields[0] + "\t" + fields[1]] = fields[2].split(separator: " ").map {
                String($0.dropFirst("tema/".count))
            }
        }
        return table
    }()
}
