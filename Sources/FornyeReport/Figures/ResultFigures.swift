import FornyeStatistics

/// Chapter 4.2: what the newest innovation achieved (Fig 4-6, Tab 4-2, results by centrality, Fig 4-8).
extension ReportContext {
    /// Fig 4-6: results of the newest innovation, with the paired difference quality − efficiency.
    func figure4_6() throws(StatisticsError) -> ReportFigure? {
        guard has(schema.results) else { return nil }
        let (table, entries, base, ranked) = try optionFigure(schema.results)
        var caption = ""
        if let top = ranked.first {
            caption =
                "\(Captions.sentence(Captions.midSentence(top.label)))"
                + pick(" er det vanligste resultatet ", " is the most common result ")
                + "(\(CellText.inner(top.cell, level: level, language)))."
        }
        var tables = [("fig-4-6", table)]
        if has(AnalysisData.qualityMinusEfficiency) {
            let difference = try means(AnalysisData.qualityMinusEfficiency)
            tables.append(("fig-4-6-kvalitet-minus-effektivitet", difference))
            if let cell = difference.overall.first, CellText.isShown(cell) {
                let points = NorwegianFormat.points(cell.estimate)
                let interval =
                    Captions.intervalName(level, english: language == .en) + " "
                    + NorwegianFormat.points(cell.lower) + pick(" til ", " to ") + NorwegianFormat.points(cell.upper)
                let efficiency = CellText.share(table.cell(item: schema.resultsEfficiency), language)
                caption += pick(
                    " Andelen med forbedret kvalitet er \(points) prosentpoeng (\(interval)) høyere enn andelen "
                        + "med økt effektivitet (\(efficiency)).",
                    " The share with improved quality is \(points) percentage points (\(interval)) higher than the "
                        + "share with increased efficiency (\(efficiency)).")
            }
        }
        let title = pick("Resultater av den nyeste innovasjonen", "Results of the newest innovation")
        return ReportFigure(
            id: "fig-4-6", number: pick("Figur 4-6", "Figure 4-6"), title: title, caption: caption,
            base: pick(
                "Grunnlag: enheter som har tatt i bruk en innovasjon og svarte på spørsmålet. ",
                "Base: units that have taken an innovation into use and answered the question. ")
                + Captions.base(base, unit: pick("enheter", "units"), language: language),
            chart: FigureKit.bar(id: "fig-4-6", title: title, summary: caption, entries: entries, context: self),
            table: FigureKit.categoryTable(
                caption: title, rowHeader: pick("Resultat", "Result"), entries: entries, level: level,
                language: language),
            csv: EstimateCSV.csv(tables, synthetic: synthetic),
            notes: [
                pick(
                    "Flere svar var mulig. Forskjellen mellom kvalitet og effektivitet er en parvis forskjell "
                        + "(de samme enhetene svarer på begge), med intervall fra designet.",
                    "More than one answer was possible. The difference between quality and efficiency is a paired "
                        + "difference (the same units answer both), with its interval from the design.")
            ])
    }

    /// Tab 4-2: results by type of innovation (two multiple-response questions crossed).
    func table4_2() throws(StatisticsError) -> ReportFigure? {
        guard has(schema.results), let types = codebook.multipleResponseSet(named: schema.newestType) else {
            return nil
        }
        var series: [(name: String, table: EstimateTable)] = []
        for item in types.items where has(AnalysisData.type(item)) {
            series.append(
                (
                    optionLabel(item, in: schema.newestType),
                    try multipleResponse(schema.results, by: [AnalysisData.type(item)])
                ))
        }
        guard let first = series.first else { return nil }
        let results = first.table.cells.filter { $0.domain.first?.code == 1 }.map {
            FigureKit.option($0.category?.label ?? "", setLabel: first.table.label)
        }
        let resultItems = first.table.cells.filter { $0.domain.first?.code == 1 }.compactMap { $0.category?.item }
        func cell(_ table: EstimateTable, _ item: String) -> EstimateCell? { table.cell(item: item, domain: [1]) }
        let title = "Resultater etter type innovasjon"
        let caption = Self.largestGap(
            rows: resultItems.indices.map { index in
                (results[index], series.map { ($0.name, cell($0.table, resultItems[index])) })
            }, level: level)
        let chart = GroupedBarChart(
            id: "tab-4-2-chart", title: title, summary: caption, categories: results,
            series: series.map { entry in
                GroupedBarChart.Series(
                    name: entry.name, values: resultItems.map { CellText.chartValue(cell(entry.table, $0)) })
            }, confidenceLevel: level, synthetic: synthetic)
        let bases = series.map { entry in entry.table.cells.first { $0.domain.first?.code == 1 }?.baseCount ?? 0 }
        let dataTable = DataTable(
            caption: title
                + ": andel av enhetene med hver type som oppgir resultatet (\(Captions.intervalName(level)))",
            rowHeader: "Resultat",
            columns: zip(series, bases).map { .init("\($0.name) (N = \(CellText.count($1)))") },
            rows: resultItems.indices.map { index in
                DataTable.Row(
                    header: results[index],
                    cells: series.map { Self.shareWithInterval(cell($0.table, resultItems[index])) })
            }, notes: CellText.notes(for: series.flatMap(\.table.cells)))
        return ReportFigure(
            id: "tab-4-2", number: "Tabell 4-2", title: title, caption: caption,
            base: "Grunnlag: enheter som har tatt i bruk en innovasjon, etter type av den nyeste. "
                + Captions.base(range: bases) + " per type.",
            chart: .grouped(chart), table: dataTable,
            csv: EstimateCSV.csv(
                series.map { ("tab-4-2-\(Markup.identifier($0.name))", $0.table) }, synthetic: synthetic),
            notes: [
                "Andelene er regnet av enhetene med hver type innovasjon; en innovasjon kan ha flere typer og flere "
                    + "resultater. Rapporten fra 2018 viste andeler av svarene, som ikke kan sammenlignes direkte."
            ])
    }

    /// Results by centrality (stated in the text of the 2018 report), with a Rao–Scott test per result.
    func resultsByCentrality() throws(StatisticsError) -> ReportFigure? {
        guard has(schema.results), has(schema.centrality), let set = codebook.multipleResponseSet(named: schema.results)
        else { return nil }
        let table = try multipleResponse(schema.results, by: [schema.centrality])
        let classes = Self.uniqueDomains(table)
        let labels = set.items.map { optionLabel($0, in: schema.results) }
        var tests: [String: RaoScottTest] = [:]
        for item in set.items {
            tests[item] = try? raoScott(item, by: schema.centrality)
        }
        func cell(_ item: String, _ code: Int) -> EstimateCell? { table.cell(item: item, domain: [code]) }
        let title = "Resultater etter kommunens sentralitet"
        var caption = Self.largestGap(
            rows: set.items.indices.map { index in
                (labels[index], classes.map { ($0.label, cell(set.items[index], $0.code)) })
            }, level: level)
        let significant = set.items.filter { (tests[$0]?.pValue ?? 1) < options.significanceLevel }
        caption +=
            significant.isEmpty
            ? " Ingen av resultatene varierer statistisk signifikant med sentralitet."
            : " Statistisk signifikante forskjeller etter sentralitet (Rao–Scott, "
                + "\(NorwegianFormat.number(options.significanceLevel * 100, decimals: 0))\(NorwegianFormat.space)%-nivå): "
                + Captions.list(significant.map { Captions.midSentence(optionLabel($0, in: schema.results)) }) + "."
        let chart = GroupedBarChart(
            id: "res-sentralitet-chart", title: title, summary: caption, categories: labels,
            series: classes.map { domain in
                GroupedBarChart.Series(
                    name: domain.label, values: set.items.map { CellText.chartValue(cell($0, domain.code)) })
            }, confidenceLevel: level, synthetic: synthetic)
        let dataTable = DataTable(
            caption: title + " (andel med \(Captions.intervalName(level)))", rowHeader: "Resultat",
            columns: classes.map { .init($0.label) } + [.init("Rao–Scott p")],
            rows: set.items.indices.map { index in
                DataTable.Row(
                    header: labels[index],
                    cells: classes.map { Self.shareWithInterval(cell(set.items[index], $0.code)) }
                        + [tests[set.items[index]].map { NorwegianFormat.pValueNumber($0.pValue) } ?? "–"])
            }, notes: CellText.notes(for: table.cells))
        let bases = classes.map { domain in table.cells.first { $0.domain.first?.code == domain.code }?.baseCount ?? 0 }
        return ReportFigure(
            id: "res-sentralitet", number: "Ny tabell (til avsnitt 4.2)", title: title, caption: caption,
            base: "Grunnlag: enheter som har tatt i bruk en innovasjon. " + Captions.base(range: bases)
                + " per sentralitetsklasse.",
            chart: .grouped(chart), table: dataTable,
            csv: EstimateCSV.csv([("res-sentralitet", table)], synthetic: synthetic),
            notes: ["Rapporten fra 2018 omtalte disse forskjellene i teksten uten tall for usikkerheten."])
    }

    /// Fig 4-8: results with and without research collaboration, and the difference in improved quality.
    func figure4_8() throws(StatisticsError) -> ReportFigure? {
        guard has(schema.results), has(AnalysisData.research),
            let set = codebook.multipleResponseSet(named: schema.results)
        else { return nil }
        let table = try multipleResponse(schema.results, by: [AnalysisData.research])
        let labels = set.items.map { optionLabel($0, in: schema.results) }
        let groups = [(1, "Med forskningssamarbeid"), (0, "Uten forskningssamarbeid")]
        func cell(_ item: String, _ code: Int) -> EstimateCell? { table.cell(item: item, domain: [code]) }
        let title = "Resultater etter om enheten samarbeidet med forskning"
        var caption = ""
        if has(schema.resultsQuality) {
            let with = cell(schema.resultsQuality, 1)
            let without = cell(schema.resultsQuality, 0)
            let withheld = [(with, "med forskningssamarbeid"), (without, "uten")].filter {
                !($0.0.map(CellText.isShown) ?? false)
            }
            if withheld.isEmpty {
                caption =
                    "\(CellText.share(with)) av enhetene som samarbeidet med utdannings- eller forskningsinstitusjoner, "
                    + "oppgir forbedret kvalitet, mot \(CellText.share(without)) av de andre"
            } else {
                caption =
                    "Andelen som oppgir forbedret kvalitet, "
                    + withheld.map { "\(CellText.withheld($0.0)) for enhetene \($0.1)" }.joined(separator: ", og ")
            }
            if let difference = try? Comparison.betweenDomains(
                .mean, of: schema.resultsQuality, domain: AnalysisData.research, 1, 0, dataset: dataset,
                design: design, level: level), with.map(CellText.isShown) ?? false,
                without.map(CellText.isShown) ?? false
            {
                caption +=
                    ": en forskjell på " + Captions.difference(difference) + ", "
                    + NorwegianFormat.pValue(difference.pValue)
            }
            caption +=
                ". Sammenhengen justert for sektor, enhetstype og sentralitet står i avsnittet om forskningseffekten."
        }
        let chart = GroupedBarChart(
            id: "fig-4-8-chart", title: title, summary: caption, categories: labels,
            series: groups.map { code, name in
                GroupedBarChart.Series(name: name, values: set.items.map { CellText.chartValue(cell($0, code)) })
            }, confidenceLevel: level, synthetic: synthetic)
        let bases = groups.map { code, _ in table.cells.first { $0.domain.first?.code == code }?.baseCount ?? 0 }
        let dataTable = DataTable(
            caption: title + " (andel med \(Captions.intervalName(level)))", rowHeader: "Resultat",
            columns: zip(groups, bases).map { .init("\($0.1) (N = \(CellText.count($1)))") },
            rows: set.items.indices.map { index in
                DataTable.Row(
                    header: labels[index], cells: groups.map { Self.shareWithInterval(cell(set.items[index], $0.0)) })
            }, notes: CellText.notes(for: table.cells))
        return ReportFigure(
            id: "fig-4-8", number: "Figur 4-8", title: title, caption: caption,
            base: "Grunnlag: enheter som har tatt i bruk en innovasjon og svarte på både samarbeid og resultater. "
                + Captions.base(bases.filter { $0 > 0 }.reduce(0, +)),
            chart: .grouped(chart), table: dataTable, csv: EstimateCSV.csv([("fig-4-8", table)], synthetic: synthetic),
            notes: [
                "Rapporten fra 2018 oppga N = 1 786 (alle enheter); spørsmålene ble bare stilt til enheter som har "
                    + "tatt i bruk en innovasjon, så grunnlaget her er de som svarte på begge."
            ])
    }

    /// "24 % (20–28)" in one cell.
    static func shareWithInterval(_ cell: EstimateCell?) -> String {
        guard let cell, CellText.isShown(cell) else { return CellText.share(cell) }
        return CellText.share(cell) + " (" + CellText.interval(cell) + ")"
    }

    /// The distinct domains of a one-way table, in table order.
    static func uniqueDomains(_ table: EstimateTable) -> [DomainValue] {
        var seen = Set<Int>()
        return table.cells.compactMap { cell in
            guard let domain = cell.domain.first, seen.insert(domain.code).inserted else { return nil }
            return domain
        }
    }

    /// A sentence on the row whose shares differ most between the groups.
    static func largestGap(
        rows: [(label: String, cells: [(group: String, cell: EstimateCell?)])], level: Double
    ) -> String {
        var best: (label: String, high: (String, EstimateCell), low: (String, EstimateCell), gap: Double)?
        for row in rows {
            let shown = row.cells.compactMap { entry in
                entry.cell.flatMap { CellText.isShown($0) ? (entry.group, $0) : nil }
            }
            guard let high = shown.max(by: { $0.1.estimate < $1.1.estimate }),
                let low = shown.min(by: { $0.1.estimate < $1.1.estimate })
            else { continue }
            let gap = high.1.estimate - low.1.estimate
            if gap > (best?.gap ?? -1) { best = (row.label, high, low, gap) }
        }
        guard let best else { return "" }
        let group = Captions.midSentence
        return "Størst forskjell er det for «\(Captions.midSentence(best.label))»: "
            + "\(CellText.spoken(best.high.1, level: level)) for \(group(best.high.0)) mot "
            + "\(CellText.spoken(best.low.1, level: level)) for \(group(best.low.0))."
    }
}
