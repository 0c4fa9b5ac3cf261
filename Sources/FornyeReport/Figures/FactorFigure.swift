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
                    label: label(of: factor), detail: try shares(factor),
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
                    total: CellText.chartValue(row.sides.cell(code: 1))),
                promote: .init(
                    large: share(row.detail, scale.promoteLarge), some: share(row.detail, scale.promoteSome),
                    total: CellText.chartValue(row.sides.cell(code: 3))))
        }
        var caption = ""
        if let top = rows.first, promote(top) >= 0 {
            caption =
                "\(top.label) fremmet innovasjonen oftest (\(CellText.inner(top.sides.cell(code: 3), level: level)))"
            if rows.count > 1, promote(rows[1]) >= 0 {
                caption +=
                    ", fulgt av \(Captions.midSentence(rows[1].label)) (\(CellText.share(rows[1].sides.cell(code: 3))))"
            }
            caption += "."
        }
        if let worst = rows.max(by: { hinder($0) < hinder($1) }), hinder(worst) >= 0 {
            caption += " \(worst.label) hemmet oftest (\(CellText.inner(worst.sides.cell(code: 1), level: level)))."
        }
        let title = "Faktorer som fremmet eller hemmet den nyeste innovasjonen"
        let bases = rows.map { $0.sides.overall.first?.baseCount ?? 0 }
        let detailColumns = [
            (scale.hinderLarge, "Hemmet i stor grad"), (scale.hinderSome, "Hemmet i noen grad"),
            (scale.neither, "Verken eller"), (scale.promoteSome, "Fremmet i noen grad"),
            (scale.promoteLarge, "Fremmet i stor grad"),
        ]
        let dataTable = DataTable(
            caption: title, rowHeader: "Faktor",
            columns: detailColumns.map { .init($0.1) } + [
                .init("Hemmet i alt (\(Captions.intervalName(level)))"),
                .init("Fremmet i alt (\(Captions.intervalName(level)))"), .init("Grunnlag (N)"),
            ],
            rows: rows.map { row in
                DataTable.Row(
                    header: row.label,
                    cells: detailColumns.map { CellText.share(row.detail.cell(code: $0.0)) } + [
                        Self.shareWithInterval(row.sides.cell(code: 1)),
                        Self.shareWithInterval(row.sides.cell(code: 3)),
                        CellText.count(row.sides.overall.first?.baseCount ?? 0),
                    ])
            }, notes: CellText.notes(for: rows.flatMap { $0.detail.cells + $0.sides.cells }))
        let chart = DivergingBarChart(
            id: "fig-5-1-chart", title: title, summary: caption, items: items, confidenceLevel: level,
            synthetic: synthetic)
        var csvTables: [(name: String, table: EstimateTable)] = []
        for (row, factor) in zip(rows, rows.map(\.detail.variable)) {
            csvTables.append(("fig-5-1-\(factor)", row.detail))
            csvTables.append(("fig-5-1-\(factor)-side", row.sides))
        }
        return ReportFigure(
            id: "fig-5-1", number: "Figur 5-1", title: title, caption: caption,
            base: "Grunnlag: enheter som har tatt i bruk en innovasjon og vurderte faktoren; «vet ikke» og "
                + "«ikke relevant» er holdt utenfor. " + Captions.base(range: bases) + " per faktor.",
            chart: .diverging(chart), table: dataTable, csv: EstimateCSV.csv(csvTables, synthetic: synthetic),
            notes: [
                "Stolpene viser andelen som svarte «i noen grad» (lys, skravert) og «i stor grad» (mørk); "
                    + "intervallet gjelder summen av de to."
            ])
    }
}
