import FornyeBarometer
import FornyeStatistics

/// What the weights are and what they cost: the weights before and after raking to population
/// margins, Kish's design effect and effective sample size, and the sample against the population.
extension ReportContext {
    /// The weights the report estimates with, beside the weights before raking when they are
    /// known (else only the raking report's Kish figures for them); `source` says where they come from.
    func weightsTable(_ weighting: CalibratedDesign, source: String?) -> ReportFigure {
        let labels = [
            "Enheter med vekt over 0", "Sum av vektene", "Gjennomsnittlig vekt", "Minste vekt", "Største vekt",
            "Største / minste vekt", "Kish' designeffekt (deff)", "Effektivt utvalg (n / deff)",
        ]
        let decimals = [0, 1, 3, 3, 3, 2, 3, 0]
        func stats(_ design: SurveyDesign) -> [Double] {
            let positive = design.weights.filter { $0 > 0 }
            let minimum = positive.min() ?? .nan
            let maximum = positive.max() ?? .nan
            let total = design.weights.reduce(0, +)
            return [
                Double(positive.count), total, total / Double(max(positive.count, 1)), minimum, maximum,
                maximum / minimum, design.kishDesignEffect, design.kishEffectiveSampleSize,
            ]
        }
        var columns: [(name: String, values: [Double])] = []
        if let raking = weighting.raking {
            let before =
                weighting.beforeRaking.map(stats)
                ?? [
                    .nan, .nan, .nan, .nan, .nan, .nan, raking.kishDesignEffectBefore, raking.effectiveSampleSizeBefore,
                ]
            columns = [("Før raking", before), ("Etter raking", stats(weighting.design))]
        } else {
            columns = [("Vekter", stats(weighting.design))]
        }
        let rows = labels.indices.map { index in
            DataTable.Row(
                header: labels[index],
                cells: columns.map { NorwegianFormat.number($0.values[index], decimals: decimals[index]) })
        }
        var csv = FigureCSV(
            header: ["maal"] + columns.map { Markup.identifier($0.name) } + (synthetic ? ["datakilde"] : []))
        for index in labels.indices {
            csv.rows.append(
                [labels[index]] + columns.map { NorwegianFormat.machine($0.values[index]) }
                    + (synthetic ? [SyntheticLabel.marker] : []))
        }
        let final = weighting.design
        var caption =
            "Vektene gir en designeffekt på \(NorwegianFormat.number(final.kishDesignEffect, decimals: 2)): "
            + "de \(NorwegianFormat.count(final.weights.filter { $0 > 0 }.count)) svarene gir like presise andeler som "
            + "et enkelt tilfeldig utvalg på om lag \(NorwegianFormat.count(Int(final.kishEffectiveSampleSize.rounded()))) enheter."
        var notes = [
            "Kish' designeffekt for ulike vekter er n·Σw²/(Σw)²; effektivt utvalg er (Σw)²/Σw². De gjelder bare "
                + "vektingen; designeffekten for hvert anslag står i CSV-filene."
        ]
        if let source { notes.append("Vektene: \(source)") }
        if let raking = weighting.raking {
            caption +=
                " Rakingen til populasjonsmarginene \(raking.converged ? "konvergerte" : "konvergerte ikke") etter "
                + "\(raking.iterations) runder; vektene ble endret med en faktor mellom "
                + "\(NorwegianFormat.number(raking.weightRatioRange.lowerBound, decimals: 2)) og "
                + "\(NorwegianFormat.number(raking.weightRatioRange.upperBound, decimals: 2))."
            notes.append(
                "Raking (iterativ proporsjonal tilpasning) til marginene for "
                    + Captions.list(weighting.margins.map { shortName(of: $0.variable).lowercased() })
                    + "; variansen tar hensyn til kalibreringen, som R-funksjonen rake i survey-pakken.")
        }
        return ReportFigure(
            id: "ny-tab-vekter", number: "Ny tabell 3", title: "Vektene og hva de koster i presisjon", caption: caption,
            base: Captions.base(final.rowCount),
            chart: nil,
            table: DataTable(
                caption: "Vektene i rapporten", rowHeader: "Mål", columns: columns.map { .init($0.name) }, rows: rows),
            csv: csv, notes: notes)
    }

    /// The distribution of each margin variable in the sample, weighted, and in the population.
    func marginTable(_ weighting: CalibratedDesign) throws(StatisticsError) -> ReportFigure? {
        let variables =
            weighting.margins.isEmpty
            ? [schema.sector, schema.landsdel, schema.unitType, schema.populationSize].filter(has)
            : weighting.margins.map(\.variable)
        guard !variables.isEmpty else { return nil }
        var rows: [DataTable.Row] = []
        var csv = FigureCSV(
            header: ["variabel", "kode", "kategori", "antall", "andel_uvektet", "andel_vektet", "andel_populasjon"]
                + (synthetic ? ["datakilde"] : []))
        var largestGap: (String, Double)?
        for variable in variables {
            let table = try shares(variable)
            let margin = weighting.margins.first { $0.variable == variable }
            let base = FigureKit.base(of: table)
            for cell in table.overall {
                let code = cell.category?.code ?? 0
                let sample = base > 0 && cell.cellCount >= 0 ? Double(cell.cellCount) / Double(base) : .nan
                let population = margin.flatMap { m in m.totals[code].map { $0 / m.grandTotal } } ?? .nan
                let name = "\(shortName(of: variable)): \(cell.category?.label ?? "")"
                let gap = abs(sample - (population.isFinite ? population : cell.estimate))
                if gap.isFinite, gap > (largestGap?.1 ?? -1) { largestGap = (name, gap) }
                rows.append(
                    DataTable.Row(
                        header: name,
                        cells: [
                            CellText.count(cell.cellCount), NorwegianFormat.percent(sample, decimals: 1),
                            CellText.isShown(cell)
                                ? NorwegianFormat.percent(cell.estimate, decimals: 1) : CellText.share(cell),
                            population.isFinite ? NorwegianFormat.percent(population, decimals: 1) : "–",
                        ]))
                csv.rows.append(
                    [variable, String(code), cell.category?.label ?? "", String(cell.cellCount)]
                        + [sample, cell.estimate, population].map(NorwegianFormat.machine)
                        + (synthetic ? [SyntheticLabel.marker] : []))
            }
        }
        var caption =
            weighting.margins.isEmpty
            ? "Uvektet og vektet fordeling av utvalget. Det er ikke oppgitt populasjonsmarginer, så vektene er brukt slik de står i dataene."
            : "Etter raking treffer den vektede fordelingen populasjonsmarginene."
        if let largestGap {
            caption +=
                " Størst avstand mellom utvalg og \(weighting.margins.isEmpty ? "vektet fordeling" : "populasjon"): "
                + "\(largestGap.0) (\(NorwegianFormat.number(largestGap.1 * 100, decimals: 1)) prosentpoeng)."
        }
        return ReportFigure(
            id: "ny-tab-marginer", number: "Ny tabell 4", title: "Utvalget, vektet og i populasjonen", caption: caption,
            base: Captions.base(dataset.rowCount), chart: nil,
            table: DataTable(
                caption: "Fordeling i utvalget, vektet og i populasjonen", rowHeader: "Variabel: kategori",
                columns: [.init("Antall"), .init("Utvalg"), .init("Vektet"), .init("Populasjon")], rows: rows),
            csv: csv)
    }
}
