import FornyeBarometer
public import FornyeStatistics

/// Two waves of the barometer side by side: every indicator of the report in both, with the change
/// and its confidence interval (the waves are independent samples, so the variances add), grouped
/// as the report is. County shares are compared in the later wave's county structure, with the
/// earlier wave's municipalities carried across the 2020 mergers.
///
/// ```swift
/// let document = try ComparisonReport.build(wave2018, wave2020)
/// try ReportWriter.write(document, to: URL(filePath: "endring"))
/// ```
public enum ComparisonReport {
    /// Builds the comparison of `first` (the earlier wave) with `second` (the later one).
    public static func build(_ first: Wave, _ second: Wave, options: ReportOptions = ReportOptions())
        throws(StatisticsError) -> ReportDocument
    {
        var first = first
        var second = second
        var regions: [(variable: String, name: String)] = [
            (options.schema.landsdel, "landsdel"), (options.schema.centrality, "sentralitet"),
        ]
        var notes: [String] = []
        if let common = CommonCounty.add(first: first, second: second) {
            first.dataset = common.first
            second.dataset = common.second
            regions.insert((CommonCounty.variable, "fylke"), at: 0)
            notes.append(
                "Fylkene er sammenlignet i fylkesinndelingen til den siste bølgen: kommunene i den første bølgen er "
                    + "ført over kommunesammenslåingene til sine etterfølgere."
                    + (common.unmapped > 0
                        ? " \(NorwegianFormat.count(common.unmapped)) svar fra kommuner som ble delt mellom fylker, "
                            + "er holdt utenfor fylkestallene." : ""))
        } else {
            notes.append(
                "Fylkene er ikke sammenlignet: minst én bølge mangler kommunenummer eller dato for kommuneinndelingen.")
        }
        let contexts = try [first, second].map { wave throws(StatisticsError) in
            ReportContext(
                data: try AnalysisData(wave.dataset, schema: options.schema), design: wave.design, options: options)
        }
        let before = contexts[0].comparableIndicators(regionVariables: regions)
        let after = Dictionary(
            contexts[1].comparableIndicators(regionVariables: regions).map { ($0.key, $0) },
            uniquingKeysWith: { first, _ in first })
        let names = (first.shortTitle ?? first.title, second.shortTitle ?? second.title)
        let synthetic = first.synthetic || second.synthetic

        var groups: [String] = []
        var pairs: [String: [Change]] = [:]
        for indicator in before {
            guard let later = after[indicator.key] else { continue }
            if pairs[indicator.group] == nil { groups.append(indicator.group) }
            pairs[indicator.group, default: []].append(
                Change(later, first: indicator.cell, second: later.cell, level: options.confidenceLevel))
        }
        var figures: [ReportFigure] = []
        for (index, group) in groups.enumerated() {
            figures.append(
                figure(
                    group, changes: pairs[group] ?? [], number: index + 1, names: names, options: options,
                    synthetic: synthetic))
        }
        let hypotheses = figures.first { $0.title.hasPrefix("Hypotesene") }
        var sections = [
            ReportSection(
                id: "sammendrag", heading: "Sammendrag",
                paragraphs: [
                    "Endringer fra \(names.0) til \(names.1). Hver endring er forskjellen mellom to uavhengige utvalg, "
                        + "med konfidensintervall der variansene fra begge bølgene legges sammen."
                ], figures: hypotheses.map { [$0] } ?? [])
        ]
        sections.append(
            ReportSection(
                id: "indikatorer", heading: "Alle indikatorer",
                figures: figures.filter { !$0.title.hasPrefix("Hypotesene") }))
        sections.append(
            ReportSection(
                id: "metode", heading: "Om sammenligningen",
                paragraphs: [
                    "Andelene er vektede designbaserte anslag i hver bølge, med de samme definisjonene og grunnlagene "
                        + "som i rapporten for én bølge. Endringen er senere minus tidligere bølge; standardfeilen er "
                        + "kvadratroten av summen av de to kvadrerte standardfeilene, og intervallet bruker t-fordelingen "
                        + "med det minste av de to designenes frihetsgrader.",
                    contexts[0].publication.methodNote(.nb),
                ] + notes
                    + (synthetic
                        ? [
                            "Minst én av bølgene er \(SyntheticLabel.marker): endringene viser hvordan sammenligningen virker, "
                                + "ikke hvordan kommunene har utviklet seg."
                        ] : [])))
        return ReportDocument(
            title: "Endring fra \(names.0) til \(names.1)",
            subtitle: "\(first.title) sammenlignet med \(second.title).",
            synthetic: synthetic,
            facts: [
                ("Første bølge", "\(first.title): \(NorwegianFormat.count(first.dataset.rowCount)) svar"),
                ("Andre bølge", "\(second.title): \(NorwegianFormat.count(second.dataset.rowCount)) svar"),
                (
                    "Usikkerhet",
                    "\(Captions.intervalName(options.confidenceLevel)) for hver andel og for hver endring"
                ),
            ], sections: sections)
    }

    /// One indicator in both waves and the change between them.
    struct Change {
        let label: String
        let chartLabel: String
        let isName: Bool
        let key: String
        let first: EstimateCell?
        let second: EstimateCell?
        let difference: Difference?

        init(_ indicator: WaveIndicator, first: EstimateCell?, second: EstimateCell?, level: Double) {
            label = indicator.label
            chartLabel = indicator.chartLabel ?? indicator.label
            isName = indicator.isName
            key = indicator.key
            self.first = first
            self.second = second
            if let first, let second, CellText.isShown(first), CellText.isShown(second) {
                difference = try? Comparison.betweenIndependentSamples(second, first, level: level)
            } else {
                difference = nil
            }
        }
    }

    static func figure(
        _ group: String, changes: [Change], number: Int, names: (String, String), options: ReportOptions,
        synthetic: Bool
    ) -> ReportFigure {
        let level = options.confidenceLevel
        let id = "endring-\(number)"
        let significant = changes.filter { ($0.difference?.pValue ?? 1) < options.significanceLevel }
        func describe(_ change: Change) -> String {
            let name = change.isName ? change.label : Captions.midSentence(change.label)
            return "\(name) fra \(CellText.share(change.first)) til \(CellText.share(change.second)) "
                + "(\(Self.points(change.difference!)))"
        }
        let alpha = NorwegianFormat.number(options.significanceLevel * 100, decimals: 0) + NorwegianFormat.space + "%"
        let ranked = changes.filter { $0.difference != nil }.sorted {
            abs($0.difference!.estimate) > abs($1.difference!.estimate)
        }
        var caption: String
        if significant.isEmpty {
            caption = "Ingen av de \(changes.count) endringene er statistisk signifikante på \(alpha)-nivå"
            if let largest = ranked.first { caption += "; den største er \(describe(largest))" }
            caption += "."
        } else {
            let shown = ranked.filter { significant.map(\.key).contains($0.key) }.prefix(3)
            caption =
                "\(significant.count) av \(changes.count) endringer er statistisk "
                + (significant.count == 1 ? "signifikant" : "signifikante") + " på \(alpha)-nivå: "
                + Captions.list(shown.map(describe)) + (significant.count > shown.count ? " med flere" : "") + "."
        }
        let chart = GroupedBarChart(
            id: "\(id)-chart", title: group, summary: caption, categories: changes.map(\.chartLabel),
            series: [
                .init(name: names.0, values: changes.map { CellText.chartValue($0.first) }),
                .init(name: names.1, values: changes.map { CellText.chartValue($0.second) }),
            ], confidenceLevel: level, synthetic: synthetic)
        let table = DataTable(
            caption: "\(group): andeler i begge bølger og endringen", rowHeader: "Indikator",
            columns: [
                .init(names.0), .init(names.1), .init("Endring (prosentpoeng)"),
                .init(Captions.intervalName(level)), .init("p"),
            ],
            rows: changes.map { change in
                let difference = change.difference
                return DataTable.Row(
                    header: change.label,
                    cells: [
                        ResultsText.shareWithInterval(change.first), ResultsText.shareWithInterval(change.second),
                        difference.map { NorwegianFormat.points($0.estimate, decimals: 1) } ?? "–",
                        difference.map {
                            NorwegianFormat.points($0.lower, decimals: 1) + " til "
                                + NorwegianFormat.points($0.upper, decimals: 1)
                        } ?? "–",
                        difference.map { NorwegianFormat.pValueNumber($0.pValue) } ?? "–",
                    ],
                    emphasised: (difference?.pValue ?? 1) < options.significanceLevel)
            },
            notes: ["Uthevede rader: endringen er statistisk signifikant."]
                + CellText.notes(for: changes.flatMap { [$0.first, $0.second].compactMap { $0 } }))
        var csv = FigureCSV(
            header: [
                "indikator", "noekkel", "andel_1", "ki_nedre_1", "ki_ovre_1", "n_1", "andel_2", "ki_nedre_2",
                "ki_ovre_2", "n_2", "endring", "standardfeil", "ki_nedre", "ki_ovre", "frihetsgrader", "p",
            ] + (synthetic ? ["datakilde"] : []))
        for change in changes {
            var record = [change.label, change.key]
            for cell in [change.first, change.second] {
                record += [cell?.estimate, cell?.lower, cell?.upper].map { NorwegianFormat.machine($0 ?? .nan) }
                record.append(cell.map { $0.baseCount < 0 ? "" : String($0.baseCount) } ?? "")
            }
            let difference = change.difference
            record += [
                difference?.estimate, difference?.standardError, difference?.lower, difference?.upper,
                difference?.degreesOfFreedom, difference?.pValue,
            ].map { NorwegianFormat.machine($0 ?? .nan) }
            if synthetic { record.append(SyntheticLabel.marker) }
            csv.rows.append(record)
        }
        return ReportFigure(
            id: id, number: "Figur E-\(number)", title: group, caption: caption,
            base: "Grunnlag som i rapporten for hver bølge; N for hver andel står i CSV-filen.",
            chart: .grouped(chart), table: table, csv: csv)
    }
}

extension ComparisonReport {
    /// "+2,4 prosentpoeng, 95 % KI −0,4 til +5,2": changes keep one decimal, so that they agree with
    /// shares rounded to whole per cents.
    static func points(_ difference: Difference) -> String {
        NorwegianFormat.points(difference.estimate, decimals: 1) + " prosentpoeng, "
            + Captions.intervalName(difference.confidenceLevel) + " "
            + NorwegianFormat.points(difference.lower, decimals: 1) + " til "
            + NorwegianFormat.points(difference.upper, decimals: 1)
    }
}

/// Share-with-interval text shared by the single-wave and comparison tables.
enum ResultsText {
    static func shareWithInterval(_ cell: EstimateCell?) -> String {
        ReportContext.shareWithInterval(cell)
    }
}
