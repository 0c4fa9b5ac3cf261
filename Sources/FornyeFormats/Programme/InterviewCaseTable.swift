public import FornyeBarometer

/// Interview cases and their theme counts as tables for export (CSV for Norwegian Excel through
/// `CSVTable.writeForExcel`, or a terminal table): one row per case with its coded themes by
/// list, and one row per theme with its count in each status group.
public enum InterviewCaseTable {
    /// `enhet`, `nummer`, `status`, `landsdel`, `sektor`, one column per theme list, `sitater`,
    /// `kilde`, `syntetisk`; themes by their bokmål labels, quotes with their page.
    public static func rows(_ cases: [InterviewCase]) -> [[String]] {
        let header =
            ["enhet", "nummer", "status", "landsdel", "sektor"] + InterviewThemes.all.map(\.id)
            + ["sitater", "kilde", "syntetisk"]
        let separator = " \(ProgrammeApplication.unitSeparator) "
        return [header]
            + cases.map { record in
                let themes = InterviewThemes.all.map { list in
                    record.themes.filter { $0.list == list.id }.sorted()
                        .compactMap { list.entry(code: $0.code)?.label }.joined(separator: separator)
                }
                let quotes = record.quotes.map { quote in
                    "«\(quote.text)»" + (quote.page.map { " (s. \($0))" } ?? "")
                }
                return [
                    record.unit, record.number ?? "", record.status.label, record.region,
                    record.sector.flatMap { ReportClassifications.sector.entry(code: $0)?.label } ?? "",
                ] + themes + [
                    quotes.joined(separator: separator), record.source, record.synthetic ? SyntheticLabel.marker : "",
                ]
            }
    }

    /// `liste`, `kode`, `tema`, `theme`, one column per status (bokmål label) and `totalt`, then
    /// a last row with the number of cases in each group.
    public static func themeRows(_ table: ThemeCountTable) -> [[String]] {
        let statuses = ProgrammeStatus.allCases
        let header = ["liste", "kode", "tema", "theme"] + statuses.map(\.label) + ["totalt"]
        let rows = table.rows.map { row in
            [row.theme.list, String(row.theme.code), row.label, row.labelEnglish]
                + statuses.map { String(row.counts[$0] ?? 0) } + [String(row.total)]
        }
        let sizes = statuses.map { table.groupSizes[$0] ?? 0 }
        let base = ["", "", "Antall caser", "Cases"] + sizes.map(String.init) + [String(sizes.reduce(0, +))]
        return [header] + rows + [base]
    }
}
