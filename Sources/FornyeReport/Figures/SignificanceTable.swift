import FornyeBarometer
import FornyeStatistics

/// New in this report: are the regional and structural differences in innovation more than noise?
/// One Rao–Scott test per breakdown of the share that innovated (Fig 4-3, 4-4 and the appendix variables).
extension ReportContext {
    func significanceTable() -> ReportFigure? {
        guard has(AnalysisData.innovatedYes) else { return nil }
        let breakdowns: [(String, String)] = [
            (schema.county, pick("fylke", "county")), (schema.centrality, pick("sentralitet", "centrality")),
            (schema.landsdel, pick("landsdel", "region")),
            (schema.populationSize, pick("kommunestørrelse", "municipality size")),
            (schema.sector, pick("sektor", "sector")), (schema.unitType, pick("enhetstype", "unit type")),
        ].filter { has($0.0) }
        var rows: [DataTable.Row] = []
        var csv = FigureCSV(
            header: [
                "sammenheng", "variabel", "grupper", "pearson_x2", "rao_scott_f", "teller_fg", "nevner_fg", "p",
                "gjennomsnittlig_designeffekt",
            ] + (synthetic ? ["datakilde"] : []))
        var significant: [String] = []
        var failed: [String] = []
        for (variable, name) in breakdowns {
            guard
                let test = try? raoScott(AnalysisData.innovatedYes, by: variable)
            else {
                failed.append(name)
                continue
            }
            let isSignificant = test.pValue < options.significanceLevel
            if isSignificant { significant.append(name) }
            rows.append(
                DataTable.Row(
                    header: pick("Innovasjon etter \(name)", "Innovation by \(name)"),
                    cells: [
                        String(test.table.columnCodes.count), NorwegianFormat.number(test.value, decimals: 2),
                        NorwegianFormat.number(test.numeratorDegreesOfFreedom, decimals: 1) + "; "
                            + NorwegianFormat.number(test.denominatorDegreesOfFreedom ?? .nan, decimals: 0),
                        NorwegianFormat.pValueNumber(test.pValue),
                        isSignificant
                            ? pick("Signifikant", "Significant") : pick("Ikke signifikant", "Not significant"),
                    ]))
            csv.rows.append(
                ["innovated_yes x \(variable)", variable, String(test.table.columnCodes.count)]
                    + [
                        test.pearsonChiSquared, test.value, test.numeratorDegreesOfFreedom,
                        test.denominatorDegreesOfFreedom ?? .nan, test.pValue, test.meanDesignEffect,
                    ].map(NorwegianFormat.machine) + (synthetic ? [SyntheticLabel.marker] : []))
        }
        guard !rows.isEmpty else { return nil }
        let alpha = NorwegianFormat.percent(options.significanceLevel)
        var caption =
            significant.isEmpty
            ? pick(
                "Ingen av forskjellene i andelen som har innovert er statistisk signifikante på \(alpha)-nivå.",
                "None of the differences in the share that innovated is statistically significant at the \(alpha) level."
            )
            : pick(
                "Andelen som har tatt i bruk en innovasjon varierer statistisk signifikant (\(alpha)-nivå) etter ",
                "The share that have taken an innovation into use varies statistically significantly (\(alpha) level) "
                    + "by ") + Captions.list(significant, language: language) + "."
        let others = breakdowns.map(\.1).filter { !significant.contains($0) && !failed.contains($0) }
        if !significant.isEmpty, !others.isEmpty {
            let list = Captions.list(others, language: language)
            caption += pick(
                " Forskjellene etter \(list) kan skyldes tilfeldigheter i utvalget.",
                " The differences by \(list) may be chance in the sample.")
        }
        var notes = [
            pick(
                "Rao–Scott-testen er kjikvadrattesten for uavhengighet korrigert for utvalgsdesignet (annen ordens "
                    + "korreksjon med F-fordeling, som R-funksjonen svychisq). Den tester om andelen som har innovert "
                    + "(«ja» mot «nei» eller «vet ikke») er lik i alle gruppene.",
                "The Rao–Scott test is the chi-squared test of independence corrected for the sample design "
                    + "(second-order correction with an F distribution, as R's svychisq). It tests whether the share "
                    + "that innovated (“yes” against “no” or “don't know”) is the same in every group.")
        ]
        if !failed.isEmpty {
            let list = Captions.list(failed, language: language)
            notes.append(
                pick("Testen kunne ikke beregnes etter \(list).", "The test could not be computed by \(list)."))
        }
        return ReportFigure(
            id: "ny-tab-signifikans", number: pick("Ny tabell 1", "New table 1"),
            title: pick(
                "Er forskjellene i innovasjon mellom grupper statistisk signifikante?",
                "Are the differences in innovation between groups statistically significant?"), caption: caption,
            base: Captions.base(dataset.rowCount, unit: pick("enheter", "units"), language: language), chart: nil,
            table: DataTable(
                caption: pick(
                    "Rao–Scott-tester av andelen som har tatt i bruk en innovasjon",
                    "Rao–Scott tests of the share that have taken an innovation into use"),
                rowHeader: pick("Sammenheng", "Relationship"),
                columns: [
                    .init(pick("Grupper", "Groups")), .init("F"), .init(pick("Frihetsgrader", "Degrees of freedom")),
                    .init("p"), .init(pick("Konklusjon", "Conclusion"), numeric: false),
                ], rows: rows, language: language),
            csv: csv, notes: notes)
    }
}
