import FornyeBarometer
import FornyeStatistics

/// What the weights are and what they cost: the weights before and after raking to population
/// margins, Kish's design effect and effective sample size, and the sample against the population.
extension ReportContext {
    /// The weights the report estimates with, beside the weights before raking when they are
    /// known (else only the raking report's Kish figures for them); `source` says where they come from.
    func weightsTable(_ weighting: CalibratedDesign, source: String?) -> ReportFigure {
        let labels =
            language == .en
            ? [
                "Units with a weight above 0", "Sum of the weights", "Mean weight", "Smallest weight", "Largest weight",
                "Largest / smallest weight", "Kish's design effect (deff)", "Effective sample (n / deff)",
            ]
            : [
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
            columns = [
                (pick("Før raking", "Before raking"), before),
                (pick("Etter raking", "After raking"), stats(weighting.design)),
            ]
        } else {
            columns = [(pick("Vekter", "Weights"), stats(weighting.design))]
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
        let deff = NorwegianFormat.number(final.kishDesignEffect, decimals: 2)
        let answers = NorwegianFormat.count(final.weights.filter { $0 > 0 }.count)
        let effective = NorwegianFormat.count(Int(final.kishEffectiveSampleSize.rounded()))
        var caption = pick(
            "Vektene gir en designeffekt på \(deff): "
                + "de \(answers) svarene gir like presise andeler som "
                + "et enkelt tilfeldig utvalg på om lag \(effective) enheter.",
            "The weights give a design effect of \(deff): the \(answers) answers give shares as precise as a simple "
                + "random sample of about \(effective) units.")
        var notes = [
            pick(
                "Kish' designeffekt for ulike vekter er n·Σw²/(Σw)²; effektivt utvalg er (Σw)²/Σw². De gjelder bare "
                    + "vektingen; designeffekten for hvert anslag står i CSV-filene.",
                "Kish's design effect of unequal weights is n·Σw²/(Σw)²; the effective sample is (Σw)²/Σw². They "
                    + "concern the weighting only; the design effect of each estimate is in the CSV files.")
        ]
        if let source { notes.append(pick("Vektene: \(source)", "The weights: \(source)")) }
        if let raking = weighting.raking {
            let low = NorwegianFormat.number(raking.weightRatioRange.lowerBound, decimals: 2)
            let high = NorwegianFormat.number(raking.weightRatioRange.upperBound, decimals: 2)
            caption += pick(
                " Rakingen til populasjonsmarginene \(raking.converged ? "konvergerte" : "konvergerte ikke") etter "
                    + "\(raking.iterations) runder; vektene ble endret med en faktor mellom "
                    + "\(low) og \(high).",
                " The raking to the population margins \(raking.converged ? "converged" : "did not converge") after "
                    + "\(raking.iterations) \(raking.iterations == 1 ? "round" : "rounds"); the weights were changed by "
                    + "a factor between \(low) and \(high).")
            let margins = Captions.list(
                weighting.margins.map { shortName(of: $0.variable).lowercased() }, language: language)
            notes.append(
                pick(
                    "Raking (iterativ proporsjonal tilpasning) til marginene for " + margins
                        + "; variansen tar hensyn til kalibreringen, som R-funksjonen rake i survey-pakken.",
                    "Raking (iterative proportional fitting) to the margins of " + margins
                        + "; the variance takes the calibration into account, as rake in R's survey package."))
        }
        return ReportFigure(
            id: "ny-tab-vekter", number: pick("Ny tabell 3", "New table 3"),
            title: pick("Vektene og hva de koster i presisjon", "The weights and what they cost in precision"),
            caption: caption,
            base: Captions.base(final.rowCount, unit: pick("enheter", "units"), language: language),
            chart: nil,
            table: DataTable(
                caption: pick("Vektene i rapporten", "The report's weights"), rowHeader: pick("Mål", "Measure"),
                columns: columns.map { .init($0.name) }, rows: rows, language: language),
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
                let name = "\(shortName(of: variable)): \(label(of: cell.category, in: variable))"
                let gap = abs(sample - (population.isFinite ? population : cell.estimate))
                if gap.isFinite, gap > (largestGap?.1 ?? -1) { largestGap = (name, gap) }
                rows.append(
                    DataTable.Row(
                        header: name,
                        cells: [
                            CellText.count(cell.cellCount, language), NorwegianFormat.percent(sample, decimals: 1),
                            CellText.isShown(cell)
                                ? NorwegianFormat.percent(cell.estimate, decimals: 1) : CellText.share(cell, language),
                            population.isFinite ? NorwegianFormat.percent(population, decimals: 1) : "–",
                        ]))
                csv.rows.append(
                    [variable, String(code), label(of: cell.category, in: variable), String(cell.cellCount)]
                        + [sample, cell.estimate, population].map(NorwegianFormat.machine)
                        + (synthetic ? [SyntheticLabel.marker] : []))
            }
        }
        var caption =
            weighting.margins.isEmpty
            ? pick(
                "Uvektet og vektet fordeling av utvalget. Det er ikke oppgitt populasjonsmarginer, så vektene er brukt slik de står i dataene.",
                "The sample's unweighted and weighted distribution. No population margins are given, so the weights "
                    + "are used as the data hold them.")
            : pick(
                "Etter raking treffer den vektede fordelingen populasjonsmarginene.",
                "After raking the weighted distribution meets the population margins.")
        if let largestGap {
            let points = NorwegianFormat.number(largestGap.1 * 100, decimals: 1)
            caption += pick(
                " Størst avstand mellom utvalg og \(weighting.margins.isEmpty ? "vektet fordeling" : "populasjon"): "
                    + "\(largestGap.0) (\(points) prosentpoeng).",
                " The largest gap between the sample and the "
                    + "\(weighting.margins.isEmpty ? "weighted distribution" : "population"): "
                    + "\(largestGap.0) (\(points) percentage points).")
        }
        return ReportFigure(
            id: "ny-tab-marginer", number: pick("Ny tabell 4", "New table 4"),
            title: pick("Utvalget, vektet og i populasjonen", "The sample, weighted and in the population"),
            caption: caption,
            base: Captions.base(dataset.rowCount, unit: pick("enheter", "units"), language: language), chart: nil,
            table: DataTable(
                caption: pick(
                    "Fordeling i utvalget, vektet og i populasjonen",
                    "Distribution in the sample, weighted and in the population"),
                rowHeader: pick("Variabel: kategori", "Variable: category"),
                columns: [
                    .init(pick("Antall", "Count")), .init(pick("Utvalg", "Sample")), .init(pick("Vektet", "Weighted")),
                    .init(pick("Populasjon", "Population")),
                ], rows: rows, language: language),
            csv: csv)
    }
}
