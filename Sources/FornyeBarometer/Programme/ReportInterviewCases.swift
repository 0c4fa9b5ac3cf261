/// The 18 units the 2018 baseline report interviewed, as its table V-5 lists them: name,
/// FORKOMMUNE status and region, in the table's order (9 granted, 4 rejected, 5 not applied).
///
/// Only what the table states: the region as written (the table's own labels, see
/// ``LandsdelMapping`` on why they are not the report's four landsdeler), no sector (the table
/// gives none), no themes and no quotes (the report does not say which unit said what). Numbers
/// are those of the 2018 structure, the interviews' year; the table has two Trøndelag county units.
public enum ReportInterviewCases {
    public static let source = "Menon Economics 2018, tabell V-5 (Oversikt over intervjuobjekter)"

    public static var all: [InterviewCase] {
        let rows: [(String, String?, ProgrammeStatus, String)] = [
            ("Skien kommune", "0806", .granted, "Østlandet"),
            ("Sogn og Fjordane fylkeskommune", "14", .granted, "Vestlandet"),
            ("Oslo kommune", "0301", .granted, "Østlandet"),
            ("Rødøy kommune", "1836", .granted, "Nord-Norge"),
            ("Trøndelag fylkeskommune", "50", .granted, "Midt-Norge"),
            ("Aust-Agder fylkeskommune", "09", .granted, "Sør-Norge"),
            ("Trøndelag fylkeskommune", "50", .granted, "Midt-Norge"),
            ("Stavanger kommune", "1103", .granted, "Vestlandet"),
            ("Hadsel kommune", "1866", .granted, "Nord-Norge"),
            ("Østfold fylkeskommune", "01", .rejected, "Østlandet"),
            ("Finnmark fylkeskommune", "20", .rejected, "Nord-Norge"),
            ("Sunndal kommune", "1563", .rejected, "Vestlandet"),
            ("Fjell kommune", "1246", .rejected, "Østlandet"),
            ("Oppegård kommune", "0217", .notApplied, "Østlandet"),
            ("Meråker kommune", "5034", .notApplied, "Midt-Norge"),
            ("Tysvær kommune", "1146", .notApplied, "Vestlandet"),
            ("Jevnaker kommune", "0532", .notApplied, "Østlandet"),
            ("Averøy kommune", "1554", .notApplied, "Vestlandet"),
        ]
        return rows.map { InterviewCase(unit: $0.0, number: $0.1, status: $0.2, region: $0.3, source: source) }
    }
}
