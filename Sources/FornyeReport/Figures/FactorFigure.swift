import FornyeStatistics

/// Fig 5-1: the factors that promoted or hindered the newest innovation, as a diverging chart.
extension ReportContext {
    func figure5_1() throws(StatisticsError) -> ReportFigure? {
        guard !data.factors.isEmpty else { return nil }
        let scale = schema.factorScale
        struct Row {
            let label: String
            let detail: EstimateTable
            let sides: EstimateTable
        }
        var rows: [Row] = []
        for factor in data.factors {
            rows.append(
                Row(
                    label: language == .en
                        ? codebook.variable(named: factor)?.labelEnglish ?? label(of: factor)
                        : label(of: factor),
                    detail: try shares(factor),
                    sides: try shares(AnalysisData.side(factor))))
        }
        func promote(_ row: Row) -> Double {
            row.sides.cell(code: 3).flatMap { CellText.isShown($0) ? $0.estimate : nil } ?? -1
        }
        func hinder(_ row: Row) -> Double {
            row.sides.cell(code: 1).flatMap { CellText.isShown($0) ? $0.estimate : nil } ?? -1
        }
        rows = rows.enumerated().sorted { a, b in
            promote(a.element) != promote(b.element) ? promote(a.element) > promote(b.element) : a.offset < b.offset
        }.map(\.element)
        func share(_ table: EstimateTable, _ code: Int) -> Double? {
            table.cell(code: code).flatMap { CellText.isShown($0) ? $0.estimate : nil }
        }
        let items = rows.map { row in
            DivergingBarChart.Item(
                label: row.label,
                hinder: .init(
                    large: share(row.detail, scale.hinderLarge), some: share(row.detail, scale.hinderSome),
                    total: CellText.chartValue(row.sides.cell(code: 1), language)),
                promote: .init(
                    large: share(row.detail, scale.promoteLarge), some: share(row.detail, scale.promoteSome),
                    total: CellText.chartValue(row.sides.cell(code: 3), language)))
        }
        var caption = ""
        if let top = rows.first, promote(top) >= 0 {
            caption =
                "\(top.label)" + pick(" fremmet innovasjonen oftest (", " promoted the innovation most often (")
                + "\(CellText.inner(top.sides.cell(code: 3), level: level, language)))"
            if rows.count > 1, promote(rows[1]) >= 0 {
                caption +=
                    pick(", fulgt av ", ", followed by ")
                    + "\(Captions.midSentence(rows[1].label)) (\(CellText.share(rows[1].sides.cell(code: 3), language)))"
            }
            caption += "."
        }
        if let worst = rows.max(by: { hinder($0) < hinder($1) }), hinder(worst) >= 0 {
            caption +=
                " \(worst.label)" + pick(" hemmet oftest (", " hindered most often (")
                + "\(CellText.inner(worst.sides.cell(code: 1), level: level, language)))."
        }
        let title = pick(
            "Faktorer som fremmet eller hemmet den nyeste innovasjonen",
            "Factors that promoted or hindered the newest innovation")
        let bases = rows.map { $0.sides.overall.first?.baseCount ?? 0 }
        let detailColumns = [
            (scale.hinderLarge, pick("Hemmet i stor grad", "Hindered to a large extent")),
            (scale.hinderSome, pick("Hemmet i noen grad", "Hindered to some extent")),
            (scale.neither, pick("Verken eller", "Neither")),
            (scale.promoteSome, pick("Fremmet i noen grad", "Promoted to some extent")),
            (scale.promoteLarge, pick("Fremmet i stor grad", "Promoted to a large extent")),
        ]
        let interval = Captions.intervalName(level, english: language == .en)
        let dataTable = DataTable(
            caption: title, rowHeader: pick("Faktor", "Factor"),
            columns: detailColumns.map { .init($0.1) } + [
                .init(pick("Hemmet i alt (\(interval))", "Hindered in all (\(interval))")),
                .init(pick("Fremmet i alt (\(interval))", "Promoted in all (\(interval))")),
                .init(pick("Grunnlag (N)", "Base (N)")),
            ],
            rows: rows.map { row in
                DataTable.Row(
                    header: row.label,
                    cells: detailColumns.map { CellText.share(row.detail.cell(code: $0.0), language) } + [
                        Self.shareWithInterval(row.sides.cell(code: 1), language),
                        Self.shareWithInterval(row.sides.cell(code: 3), language),
                        CellText.count(row.sides.overall.first?.baseCount ?? 0, language),
                    ])
            }, notes: CellText.notes(for: rows.flatMap { $0.detail.cells + $0.sides.cells }, language),
            language: language)
        var chart = DivergingBarChart(
            id: "fig-5-1-chart", title: title, summary: caption, items: items,
            leftName: pick("Hemmet", "Hindered"), rightName: pick("Fremmet", "Promoted"), confidenceLevel: level,
            synthetic: synthetic)
        chart.english = language == .en
        var csvTables: [(name: String, table: EstimateTable)] = []
        for (row, factor) in zip(rows, rows.map(\.detail.variable)) {
            csvTables.append(("fig-5-1-\(factor)", row.detail))
            csvTables.append(("fig-5-1-\(factor)-side", row.sides))
        }
        return ReportFigure(
            id: "fig-5-1", number: pick("Figur 5-1", "Figure 5-1"), title: title, caption: caption,
            base: pick(
                "Grunnlag: enheter som har tatt i bruk en innovasjon og vurderte faktoren; «vet ikke» og "
                    + "«ikke relevant» er holdt utenfor. ",
                "Base: units that have taken an innovation into use and rated the factor; “don't know” and "
                    + "“not relevant” are left out. ")
                + Captions.base(range: bases, unit: pick("enheter", "units"), language: language)
                + pick(" per faktor.", " per factor."),
            chart: .diverging(chart), table: dataTable, csv: estimateCSV(csvTables),
            notes: [
                pick(
                    "Stolpene viser andelen som svarte «i noen grad» (lys, skravert) og «i stor grad» (mørk); "
                        + "intervallet gjelder summen av de to.",
                    "The bars show the share that answered “to some extent” (light, hatched) and “to a large "
                        + "extent” (dark); the interval is that of the sum of the two.")
            ])
    }
}
