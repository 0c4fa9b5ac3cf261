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
            csv: estimateCSV(tables),
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
            language == .en
                ? label(of: $0.category, in: schema.results)
                : FigureKit.option($0.category?.label ?? "", setLabel: first.table.label)
        }
        let resultItems = first.table.cells.filter { $0.domain.first?.code == 1 }.compactMap { $0.category?.item }
        func cell(_ table: EstimateTable, _ item: String) -> EstimateCell? { table.cell(item: item, domain: [1]) }
        let title = pick("Resultater etter type innovasjon", "Results by type of innovation")
        let caption = Self.largestGap(
            rows: resultItems.indices.map { index in
                (results[index], series.map { ($0.name, cell($0.table, resultItems[index])) })
            }, level: level, language)
        var chart = GroupedBarChart(
            id: "tab-4-2-chart", title: title, summary: caption, categories: results,
            series: series.map { entry in
                GroupedBarChart.Series(
                    name: entry.name,
                    values: resultItems.map { CellText.chartValue(cell(entry.table, $0), language) })
            }, confidenceLevel: level, synthetic: synthetic)
        chart.english = language == .en
        let bases = series.map { entry in entry.table.cells.first { $0.domain.first?.code == 1 }?.baseCount ?? 0 }
        let interval = Captions.intervalName(level, english: language == .en)
        let dataTable = DataTable(
            caption: title
                + pick(
                    ": andel av enhetene med hver type som oppgir resultatet (\(interval))",
                    ": share of the units with each type that name the result (\(interval))"),
            rowHeader: pick("Resultat", "Result"),
            columns: zip(series, bases).map { .init("\($0.name) (N = \(CellText.count($1, language)))") },
            rows: resultItems.indices.map { index in
                DataTable.Row(
                    header: results[index],
                    cells: series.map { Self.shareWithInterval(cell($0.table, resultItems[index]), language) })
            }, notes: CellText.notes(for: series.flatMap(\.table.cells), language), language: language)
        return ReportFigure(
            id: "tab-4-2", number: pick("Tabell 4-2", "Table 4-2"), title: title, caption: caption,
            base: pick(
                "Grunnlag: enheter som har tatt i bruk en innovasjon, etter type av den nyeste. ",
                "Base: units that have taken an innovation into use, by type of the newest. ")
                + Captions.base(range: bases, unit: pick("enheter", "units"), language: language)
                + " per type.",
            chart: .grouped(chart), table: dataTable,
            csv: estimateCSV(series.map { ("tab-4-2-\(Markup.identifier($0.name))", $0.table) }),
            notes: [
                pick(
                    "Andelene er regnet av enhetene med hver type innovasjon; en innovasjon kan ha flere typer og "
                        + "flere resultater. Rapporten fra 2018 viste andeler av svarene, som ikke kan sammenlignes "
                        + "direkte.",
                    "The shares are taken of the units with each type of innovation; an innovation can have several "
                        + "types and several results. The 2018 report showed shares of the answers, which cannot be "
                        + "compared directly.")
            ])
    }

    /// Results by centrality (stated in the text of the 2018 report), with a Rao–Scott test per result.
    func resultsByCentrality() throws(StatisticsError) -> ReportFigure? {
        guard has(schema.results), has(schema.centrality), let set = codebook.multipleResponseSet(named: schema.results)
        else { return nil }
        let table = try multipleResponse(schema.results, by: [schema.centrality])
        let classes = Self.uniqueDomains(table).map {
            DomainValue(variable: $0.variable, code: $0.code, label: label(of: $0))
        }
        let labels = set.items.map { optionLabel($0, in: schema.results) }
        var tests: [String: RaoScottTest] = [:]
        for item in set.items {
            tests[item] = try? raoScott(item, by: schema.centrality)
        }
        func cell(_ item: String, _ code: Int) -> EstimateCell? { table.cell(item: item, domain: [code]) }
        let title = pick("Resultater etter kommunens sentralitet", "Results by the municipality's centrality")
        var caption = Self.largestGap(
            rows: set.items.indices.map { index in
                (labels[index], classes.map { ($0.label, cell(set.items[index], $0.code)) })
            }, level: level, language)
        let significant = set.items.filter { (tests[$0]?.pValue ?? 1) < options.significanceLevel }
        let percent = NorwegianFormat.percent(options.significanceLevel)
        let named = Captions.list(
            significant.map { Captions.midSentence(optionLabel($0, in: schema.results)) }, language: language)
        caption +=
            significant.isEmpty
            ? pick(
                " Ingen av resultatene varierer statistisk signifikant med sentralitet.",
                " None of the results varies statistically significantly with centrality.")
            : pick(
                " Statistisk signifikante forskjeller etter sentralitet (Rao–Scott, \(percent)-nivå): \(named).",
                " Statistically significant differences by centrality (Rao–Scott, \(percent) level): \(named).")
        var chart = GroupedBarChart(
            id: "res-sentralitet-chart", title: title, summary: caption, categories: labels,
            series: classes.map { domain in
                GroupedBarChart.Series(
                    name: domain.label,
                    values: set.items.map { CellText.chartValue(cell($0, domain.code), language) })
            }, confidenceLevel: level, synthetic: synthetic)
        chart.english = language == .en
        let interval = Captions.intervalName(level, english: language == .en)
        let dataTable = DataTable(
            caption: title + pick(" (andel med \(interval))", " (share with \(interval))"),
            rowHeader: pick("Resultat", "Result"),
            columns: classes.map { .init($0.label) } + [.init("Rao–Scott p")],
            rows: set.items.indices.map { index in
                DataTable.Row(
                    header: labels[index],
                    cells: classes.map { Self.shareWithInterval(cell(set.items[index], $0.code), language) }
                        + [tests[set.items[index]].map { NorwegianFormat.pValueNumber($0.pValue) } ?? "–"])
            }, notes: CellText.notes(for: table.cells, language), language: language)
        let bases = classes.map { domain in table.cells.first { $0.domain.first?.code == domain.code }?.baseCount ?? 0 }
        return ReportFigure(
            id: "res-sentralitet", number: pick("Ny tabell (til avsnitt 4.2)", "New table (to section 4.2)"),
            title: title, caption: caption,
            base: pick(
                "Grunnlag: enheter som har tatt i bruk en innovasjon. ",
                "Base: units that have taken an innovation into use. ")
                + Captions.base(range: bases, unit: pick("enheter", "units"), language: language)
                + pick(" per sentralitetsklasse.", " per centrality class."),
            chart: .grouped(chart), table: dataTable,
            csv: estimateCSV([("res-sentralitet", table)]),
            notes: [
                pick(
                    "Rapporten fra 2018 omtalte disse forskjellene i teksten uten tall for usikkerheten.",
                    "The 2018 report mentioned these differences in its text without figures for their uncertainty.")
            ])
    }

    /// Fig 4-8: results with and without research collaboration, and the difference in improved quality.
    func figure4_8() throws(StatisticsError) -> ReportFigure? {
        guard has(schema.results), has(AnalysisData.research),
            let set = codebook.multipleResponseSet(named: schema.results)
        else { return nil }
        let table = try multipleResponse(schema.results, by: [AnalysisData.research])
        let labels = set.items.map { optionLabel($0, in: schema.results) }
        let groups = [
            (1, pick("Med forskningssamarbeid", "With research collaboration")),
            (0, pick("Uten forskningssamarbeid", "Without research collaboration")),
        ]
        func cell(_ item: String, _ code: Int) -> EstimateCell? { table.cell(item: item, domain: [code]) }
        let title = pick(
            "Resultater etter om enheten samarbeidet med forskning",
            "Results by whether the unit collaborated with research")
        var caption = ""
        if has(schema.resultsQuality) {
            let with = cell(schema.resultsQuality, 1)
            let without = cell(schema.resultsQuality, 0)
            let withheld = [
                (with, pick("med forskningssamarbeid", "with research collaboration")),
                (without, pick("uten", "without")),
            ].filter {
                !($0.0.map(CellText.isShown) ?? false)
            }
            if withheld.isEmpty {
                let (a, b) = (CellText.share(with, language), CellText.share(without, language))
                caption = pick(
                    "\(a) av enhetene som samarbeidet med utdannings- eller forskningsinstitusjoner, "
                        + "oppgir forbedret kvalitet, mot \(b) av de andre",
                    "\(a) of the units that collaborated with educational or research institutions "
                        + "name improved quality, against \(b) of the others")
            } else {
                caption =
                    pick("Andelen som oppgir forbedret kvalitet, ", "The share naming improved quality ")
                    + withheld.map {
                        "\(CellText.withheld($0.0, language))\(pick(" for enhetene ", " for the units "))\($0.1)"
                    }
                    .joined(separator: pick(", og ", ", and "))
            }
            if let difference = try? Comparison.betweenDomains(
                .mean, of: schema.resultsQuality, domain: AnalysisData.research, 1, 0, dataset: dataset,
                design: design, level: level), with.map(CellText.isShown) ?? false,
                without.map(CellText.isShown) ?? false
            {
                caption +=
                    pick(": en forskjell på ", ": a difference of ")
                    + Captions.difference(difference, language: language) + ", "
                    + NorwegianFormat.pValue(difference.pValue)
            }
            caption += pick(
                ". Sammenhengen justert for sektor, enhetstype og sentralitet står i avsnittet om forskningseffekten.",
                ". The association adjusted for sector, unit type and centrality is in the section on the research "
                    + "effect.")
        }
        var chart = GroupedBarChart(
            id: "fig-4-8-chart", title: title, summary: caption, categories: labels,
            series: groups.map { code, name in
                GroupedBarChart.Series(
                    name: name, values: set.items.map { CellText.chartValue(cell($0, code), language) })
            }, confidenceLevel: level, synthetic: synthetic)
        chart.english = language == .en
        let interval = Captions.intervalName(level, english: language == .en)
        let bases = groups.map { code, _ in table.cells.first { $0.domain.first?.code == code }?.baseCount ?? 0 }
        let dataTable = DataTable(
            caption: title + pick(" (andel med \(interval))", " (share with \(interval))"),
            rowHeader: pick("Resultat", "Result"),
            columns: zip(groups, bases).map { .init("\($0.1) (N = \(CellText.count($1, language)))") },
            rows: set.items.indices.map { index in
                DataTable.Row(
                    header: labels[index],
                    cells: groups.map { Self.shareWithInterval(cell(set.items[index], $0.0), language) })
            }, notes: CellText.notes(for: table.cells, language), language: language)
        return ReportFigure(
            id: "fig-4-8", number: pick("Figur 4-8", "Figure 4-8"), title: title, caption: caption,
            base: pick(
                "Grunnlag: enheter som har tatt i bruk en innovasjon og svarte på både samarbeid og resultater. ",
                "Base: units that have taken an innovation into use and answered on both collaboration and results. ")
                + Captions.base(
                    bases.filter { $0 > 0 }.reduce(0, +), unit: pick("enheter", "units"), language: language),
            chart: .grouped(chart), table: dataTable, csv: estimateCSV([("fig-4-8", table)]),
            notes: [
                pick(
                    "Rapporten fra 2018 oppga N = 1 786 (alle enheter); spørsmålene ble bare stilt til enheter som "
                        + "har tatt i bruk en innovasjon, så grunnlaget her er de som svarte på begge.",
                    "The 2018 report gave N = 1,786 (all units); the questions were asked only of units that have "
                        + "taken an innovation into use, so the base here is those who answered both.")
            ])
    }

    /// "24 % (20–28)" in one cell.
    static func shareWithInterval(_ cell: EstimateCell?, _ language: ReportLanguage = .nb) -> String {
        guard let cell, CellText.isShown(cell) else { return CellText.share(cell, language) }
        return CellText.share(cell, language) + " (" + CellText.interval(cell, language) + ")"
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
        rows: [(label: String, cells: [(group: String, cell: EstimateCell?)])], level: Double,
        _ language: ReportLanguage = .nb
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
        if language == .en {
            return "The largest difference is for “\(Captions.midSentence(best.label))”: "
                + "\(CellText.spoken(best.high.1, level: level, language)) for \(group(best.high.0)) against "
                + "\(CellText.spoken(best.low.1, level: level, language)) for \(group(best.low.0))."
        }
        return "Størst forskjell er det for «\(Captions.midSentence(best.label))»: "
            + "\(CellText.spoken(best.high.1, level: level)) for \(group(best.high.0)) mot "
            + "\(CellText.spoken(best.low.1, level: level)) for \(group(best.low.0))."
    }
}
