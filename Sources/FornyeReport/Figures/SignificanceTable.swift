import FornyeBarometer
import FornyeStatistics

/// New in this report: are the regional and structural differences in innovation more than noise?
/// One Rao–Scott test per breakdown of the share that innovated (Fig 4-3, 4-4 and the appendix variables).
extension ReportContext {
    func significanceTable() -> ReportFigure? {
        guard has(AnalysisData.innovatedYes) else { return nil }
        let breakdowns: [(String, String)] = [
            (schema.county, "fylke"), (schema.centrality, "sentralitet"), (schema.landsdel, "landsdel"),
            (schema.populationSize, "kommunestørrelse"), (schema.sector, "sektor"), (schema.unitType, "enhetstype"),
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
                    header: "Innovasjon etter \(name)",
                    cells: [
                        String(test.table.columnCodes.count), NorwegianFormat.number(test.value, decimals: 2),
                        NorwegianFormat.number(test.numeratorDegreesOfFreedom, decimals: 1) + "; "
                            + NorwegianFormat.number(test.denominatorDegreesOfFreedom ?? .nan, decimals: 0),
                        NorwegianFormat.pValueNumber(test.pValue),
                        isSignificant ? "Signifikant" : "Ikke signifikant",
                    ]))
            csv.rows.append(
                ["innovated_yes x \(variable)", variable, String(test.table.columnCodes.count)]
                    + [
                        test.pearsonChiSquared, test.value, test.numeratorDegreesOfFreedom,
                        test.denominatorDegreesOfFreedom ?? .nan, test.pValue, test.meanDesignEffect,
                    ].map(NorwegianFormat.machine) + (synthetic ? [SyntheticLabel.marker] : []))
        }
        guard !rows.isEmpty else { return nil }
        let alpha = NorwegianFormat.number(options.significanceLevel * 100, decimals: 0) + NorwegianFormat.space + "%"
        var caption =
            significant.isEmpty
            ? "Ingen av forskjellene i andelen som har innovert er statistisk signifikante på \(alpha)-nivå."
            : "Andelen som har tatt i bruk en innovasjon varierer statistisk signifikant (\(alpha)-nivå) etter "
                + Captions.list(significant) + "."
        let others = breakdowns.map(\.1).filter { !significant.contains($0) && !failed.contains($0) }
        if !significant.isEmpty, !others.isEmpty {
            caption += " Forskjellene etter \(Captions.list(others)) kan skyldes tilfeldigheter i utvalget."
        }
        var notes = [
            "Rao–Scott-testen er kjikvadrattesten for uavhengighet korrigert for utvalgsdesignet (annen ordens "
                + "korreksjon med F-fordeling, som R-funksjonen svychisq). Den tester om andelen som har innovert "
                + "(«ja» mot «nei» eller «vet ikke») er lik i alle gruppene."
        ]
        if !failed.isEmpty {
            notes.append("Testen kunne ikke beregnes etter \(Captions.list(failed)).")
        }
        return ReportFigure(
            id: "ny-tab-signifikans", number: "Ny tabell 1",
            title: "Er forskjellene i innovasjon mellom grupper statistisk signifikante?", caption: caption,
            base: Captions.base(dataset.rowCount), chart: nil,
            table: DataTable(
                caption: "Rao–Scott-tester av andelen som har tatt i bruk en innovasjon", rowHeader: "Sammenheng",
                columns: [
                    .init("Grupper"), .init("F"), .init("Frihetsgrader"), .init("p"),
                    .init("Konklusjon", numeric: false),
                ], rows: rows),
            csv: csv, notes: notes)
    }
}
