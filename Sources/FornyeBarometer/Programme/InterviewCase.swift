/// One interviewed unit beside the register's numbers: its programme status, region and sector
/// as a source states them, the themes an analyst coded from the interview (codes of
/// ``InterviewThemes``) and short quotes with where they were printed.
public struct InterviewCase: Sendable, Hashable, Codable {
    /// The unit as named, e.g. "Skien kommune", "Trøndelag fylkeskommune".
    public var unit: String
    /// Kommunenummer, or fylkesnummer for a county authority, in the structure of the interview's year.
    public var number: String?
    public var status: ProgrammeStatus
    /// The region as the source writes it (Tab V-5 also uses «Sør-Norge», outside the report's four landsdeler).
    public var region: String
    /// Code of ``ReportClassifications/sector``; nil when the source does not say.
    public var sector: Int?
    public var themes: [ThemeCode]
    public var quotes: [CaseQuote]
    /// Where the record comes from, e.g. "Menon 2018, tabell V-5".
    public var source: String
    public var synthetic: Bool

    public init(
        unit: String, number: String? = nil, status: ProgrammeStatus, region: String, sector: Int? = nil,
        themes: [ThemeCode] = [], quotes: [CaseQuote] = [], source: String, synthetic: Bool = false
    ) {
        self.unit = unit
        self.number = number
        self.status = status
        self.region = region
        self.sector = sector
        self.themes = themes
        self.quotes = quotes
        self.source = source
        self.synthetic = synthetic
    }
}

/// A coded theme: a code of one of the ``InterviewThemes`` lists.
public struct ThemeCode: Sendable, Hashable, Codable, Comparable {
    /// ``CodeList/id`` of the list, e.g. `interview_barrier`.
    public var list: String
    public var code: Int

    public init(list: String, code: Int) {
        self.list = list
        self.code = code
    }

    /// The list's entry, or nil for a code no list knows.
    public var entry: CodeList.Entry? { InterviewThemes.list(id: list)?.entry(code: code) }

    /// In the lists' order, then by code.
    public static func < (lhs: ThemeCode, rhs: ThemeCode) -> Bool {
        let order = InterviewThemes.all.map(\.id)
        let (left, right) = (
            order.firstIndex(of: lhs.list) ?? order.count, order.firstIndex(of: rhs.list) ?? order.count
        )
        return (left, lhs.list, lhs.code) < (right, rhs.list, rhs.code)
    }
}

/// A short quote from an interview, with the page of the publication that printed it.
public struct CaseQuote: Sendable, Hashable, Codable {
    public var text: String
    public var page: Int?

    public init(text: String, page: Int? = nil) {
        self.text = text
        self.page = page
    }
}

extension InterviewCase {
    public static let maximumQuoteLength = 300

    /// What is wrong with the record: blank names, codes outside ``InterviewThemes``, long quotes.
    public var problems: [String] {
        var problems: [String] = []
        if ProgrammeRules.isBlank(unit) { problems.append("the unit has no name") }
        if ProgrammeRules.isBlank(region) { problems.append("the region is blank") }
        if let sector, ReportClassifications.sector.entry(code: sector) == nil {
            problems.append("sector \(sector) is not a code of the sector list")
        }
        for theme in themes where theme.entry == nil {
            problems.append("theme \(theme.list) \(theme.code) is not a code of the interview themes")
        }
        for quote in quotes where ProgrammeRules.isBlank(quote.text) || quote.text.count > Self.maximumQuoteLength {
            problems.append("a quote is blank or longer than \(Self.maximumQuoteLength) characters")
        }
        return problems
    }
}
