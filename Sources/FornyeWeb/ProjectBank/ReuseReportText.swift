import FornyeStorage

/// How a «Vi har gjenbrukt dette» report reads on the project page, the reuse map and the profile.
enum ReuseReportText {
    /// «Drammen (Hjemmetjenesten), fra mars 2025: tilpasset til …»
    static func item(_ report: ProjectReuseReportRecord, language: Language) -> Node {
        .fragment([
            el("a", ["href": Paths.municipality(number: report.municipalityNumber)]) { report.municipalityName },
            .text(summary(report, language: language)),
        ])
    }

    /// The text after the municipality's name: unit, month and what changed.
    static func summary(_ report: ProjectReuseReportRecord, language: Language) -> String {
        var text = report.unit.isEmpty ? "" : " (" + report.unit + ")"
        text += language.pick(", fra ", ", from ") + MonthNames.monthYear(report.reusedMonth, language)
        if !report.changes.isEmpty { text += language.pick(". Endret: ", ". Changed: ") + report.changes }
        return text
    }
}
