/// How many interviewed cases of each status group were coded with each theme: the table that
/// sets the interviews beside the register's numbers (do those granted name other barriers than
/// those who did not apply?).
public struct ThemeCountTable: Sendable, Hashable {
    public struct Row: Sendable, Hashable {
        public var theme: ThemeCode
        public var label: String
        public var labelEnglish: String
        /// Cases coded with the theme, per status group (every status present, zero included).
        public var counts: [ProgrammeStatus: Int]

        public var total: Int { counts.values.reduce(0, +) }
    }

    /// Cases per status group, the base of each column.
    public var groupSizes: [ProgrammeStatus: Int]
    /// One row per code of every ``InterviewThemes`` list, in list order.
    public var rows: [Row]

    /// Counts themes by status group; a case coded twice with one theme counts once, and codes no
    /// list knows are left out.
    public init(cases: [InterviewCase]) {
        var sizes = Dictionary(uniqueKeysWithValues: ProgrammeStatus.allCases.map { ($0, 0) })
        var counts: [ThemeCode: [ProgrammeStatus: Int]] = [:]
        for record in cases {
            sizes[record.status, default: 0] += 1
            for theme in Set(record.themes) { counts[theme, default: [:]][record.status, default: 0] += 1 }
        }
        groupSizes = sizes
        rows = InterviewThemes.all.flatMap { list in
            list.entries.map { entry in
                let theme = ThemeCode(list: list.id, code: entry.code)
                let found = counts[theme] ?? [:]
                return Row(
                    theme: theme, label: entry.label, labelEnglish: entry.labelEnglish,
                    counts: Dictionary(uniqueKeysWithValues: ProgrammeStatus.allCases.map { ($0, found[$0] ?? 0) }))
            }
        }
    }
}
