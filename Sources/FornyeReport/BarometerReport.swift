public import FornyeStatistics

/// The analysis of one barometer wave as a report: every figure and table of the 2018 baseline
/// report that comes from the barometer, each with its base, intervals and a caption written
/// from the numbers, followed by what that report lacked (tests, an adjusted research effect,
/// documented weights, the hypotheses as indicators).
///
/// ```swift
/// let document = try BarometerReport.build(wave)
/// try ReportWriter.write(document, to: URL(filePath: "rapport"))
/// ```
public enum BarometerReport {
    /// Builds the report. A figure whose variables are missing from the wave is left out and
    /// named in the method section; a figure that cannot be estimated says why in the same place.
    public static func build(_ wave: Wave, options: ReportOptions = ReportOptions()) throws(StatisticsError)
        -> ReportDocument
    {
        try build(try prepare(wave, schema: options.schema), options: options)
    }

    /// What every report of the wave shares, whatever its options: the derived variables. Worth
    /// keeping when several reports of one wave are built (filtered pages).
    public static func prepare(_ wave: Wave, schema: BarometerSchema = BarometerSchema()) throws(StatisticsError)
        -> PreparedReportWave
    {
        try PreparedReportWave(wave: wave, schema: schema)
    }

    /// The report of a prepared wave: the same document `build(prepared.wave, options:)` makes,
    /// without deriving again. A schema other than the prepared one prepares afresh.
    public static func build(_ prepared: PreparedReportWave, options: ReportOptions = ReportOptions())
        throws(StatisticsError) -> ReportDocument
    {
        guard prepared.schema == options.schema else { return try build(prepared.wave, options: options) }
        let wave = prepared.wave
        let full = prepared.data
        let weighting = wave.weighting
        var data = full
        if let domain = options.domain, !domain.isEmpty {
            data = try full.restricted(to: domain.rows(in: wave.dataset))
        }
        let context = ReportContext(data: data, design: weighting.design, options: options)
        let isDomain = options.domain.map { !$0.isEmpty } ?? false
        let schema = options.schema

        // Every figure is independent of the others (shared tables and tests go through the
        // context's locked memo), so they are computed on all cores; the report keeps this order.
        var jobs = FigureJobs()
        let indicatorJob = jobs.add("") { () throws(StatisticsError) in try context.hypothesisIndicators() }
        let figure4_1 = jobs.add("Figur 4-1") { () throws(StatisticsError) in try context.figure4_1() }
        let figure4_2 = jobs.add("Figur 4-2") { () throws(StatisticsError) in try context.figure4_2() }
        let figure4_3 = jobs.add("Figur 4-3") { () throws(StatisticsError) in
            try context.innovationBy(
                schema.county, id: "fig-4-3", number: context.pick("Figur 4-3", "Figure 4-3"),
                title: context.pick(
                    "Andel som har tatt i bruk en innovasjon, etter fylke",
                    "Share that have taken an innovation into use, by county"),
                domainName: context.pick("fylke", "county"), between: context.pick("fylkene", "the counties"),
                sorted: true, names: true)
        }
        let figure4_4 = jobs.add("Figur 4-4") { () throws(StatisticsError) in
            try context.innovationBy(
                schema.centrality, id: "fig-4-4", number: context.pick("Figur 4-4", "Figure 4-4"),
                title: context.pick(
                    "Andel som har tatt i bruk en innovasjon, etter SSBs sentralitetsindeks",
                    "Share that have taken an innovation into use, by Statistics Norway's centrality index"),
                domainName: context.pick("sentralitet", "centrality"),
                between: context.pick("sentralitetsklassene", "the centrality classes"), sorted: false, names: false)
        }
        let table4_1 = jobs.add("Tabell 4-1") { () throws(StatisticsError) in try context.table4_1() }
        let figure4_5 = jobs.add("Figur 4-5") { () throws(StatisticsError) in try context.figure4_5() }
        let figure4_6 = jobs.add("Figur 4-6") { () throws(StatisticsError) in try context.figure4_6() }
        let table4_2 = jobs.add("Tabell 4-2") { () throws(StatisticsError) in try context.table4_2() }
        let byCentrality = jobs.add("Resultater etter sentralitet") { () throws(StatisticsError) in
            try context.resultsByCentrality()
        }
        let figure4_7 = jobs.add("Figur 4-7") { () throws(StatisticsError) in try context.figure4_7() }
        let figure4_8 = jobs.add("Figur 4-8") { () throws(StatisticsError) in try context.figure4_8() }
        let researchTable = jobs.add("Ny tabell 2 (forskningseffekt)") { () throws(StatisticsError) in
            context.researchEffectTable()
        }
        let figure4_10 = jobs.add("Figur 4-10") { () throws(StatisticsError) in try context.figure4_10() }
        let figure5_1 = jobs.add("Figur 5-1") { () throws(StatisticsError) in try context.figure5_1() }
        let significance = jobs.add("Ny tabell 1 (signifikans)") { () throws(StatisticsError) in
            context.significanceTable()
        }
        // Within a domain the margins' shares are the domain's, not the calibrated whole's.
        let marginTable =
            isDomain
            ? nil
            : jobs.add("Ny tabell 4 (marginer)") { () throws(StatisticsError) in try context.marginTable(weighting) }
        let appendix1 = jobs.add("Tabell V-0-1") { () throws(StatisticsError) in
            try context.appendixTable(
                schema.sector, number: "Tabell V-0-1",
                title: context.pick("Respondenter etter sektor", "Respondents by sector"),
                rowHeader: context.pick("Sektor", "Sector"))
        }
        let appendix2 = jobs.add("Tabell V-0-2") { () throws(StatisticsError) in
            try context.appendixTable(
                schema.landsdel, number: "Tabell V-0-2",
                title: context.pick("Respondenter etter landsdel", "Respondents by region"),
                rowHeader: context.pick("Landsdel", "Region"), names: true)
        }
        let appendix3 = jobs.add("Tabell V-0-3") { () throws(StatisticsError) in
            try context.appendixTable(
                schema.unitType, number: "Tabell V-0-3",
                title: context.pick("Respondenter etter type tjenesteenhet", "Respondents by type of service unit"),
                rowHeader: context.pick("Enhetstype", "Unit type"))
        }
        let appendix4 = jobs.add("Tabell V-0-4") { () throws(StatisticsError) in
            try context.appendixTable(
                schema.populationSize, number: "Tabell V-0-4",
                title: context.pick(
                    "Respondenter etter kommunens innbyggertall", "Respondents by the municipality's population"),
                rowHeader: context.pick("Innbyggere", "Inhabitants"))
        }
        let done = jobs.run()
        var problems: [String] = []

        /// The job's figure, or none with its problem noted, in the order the report lists them.
        func figure(_ job: FigureJobs.Handle<ReportFigure?>) -> [ReportFigure] {
            switch done.outcome(job) {
            case .success(let figure?):
                return [figure]
            case .success(nil):
                problems.append("\(job.name) mangler fordi variablene den bygger på ikke finnes i dataene.")
            case .failure(let error):
                problems.append("\(job.name) kunne ikke lages: \(error)")
            }
            return []
        }

        var indicators: [HypothesisIndicator] = []
        switch done.outcome(indicatorJob) {
        case .success(let value): indicators = value
        case .failure(let error): problems.append("Hypoteseindikatorene kunne ikke lages: \(error.description)")
        }
        // Drawn from the indicators just computed, so it is cheap and runs here.
        var hypothesis: [ReportFigure] = []
        if let made = context.hypothesisFigure(indicators) {
            hypothesis = [made]
        } else {
            problems.append("Ny figur 1 (hypotesene) mangler fordi variablene den bygger på ikke finnes i dataene.")
        }

        var sections: [ReportSection] = []
        sections.append(
            ReportSection(
                id: "sammendrag", heading: "Sammendrag",
                paragraphs: summary(indicators, context: context), figures: hypothesis))
        sections.append(
            ReportSection(
                id: "omfang", heading: "4.1 Omfanget av innovasjon",
                figures: figure(figure4_1) + figure(figure4_2) + figure(figure4_3) + figure(figure4_4)))
        sections.append(
            ReportSection(
                id: "utlosere", heading: "4.1 Hva utløser og finansierer innovasjonen",
                figures: figure(table4_1) + figure(figure4_5)))
        sections.append(
            ReportSection(
                id: "resultater", heading: "4.2 Resultater av innovasjonen",
                figures: figure(figure4_6) + figure(table4_2) + figure(byCentrality)))
        sections.append(
            ReportSection(
                id: "samarbeid", heading: "4.3 Samarbeid, forskning og spredning",
                figures: figure(figure4_7) + figure(figure4_8) + figure(researchTable) + figure(figure4_10)))
        sections.append(
            ReportSection(
                id: "faktorer", heading: "5 Hva fremmer og hemmer innovasjon",
                figures: figure(figure5_1)))
        sections.append(
            ReportSection(
                id: "signifikans", heading: "Er forskjellene reelle?",
                paragraphs: [
                    "Rapporten fra 2018 beskrev forskjeller mellom fylker og sentralitetsklasser uten å teste dem. "
                        + "Her er hver forskjell testet med Rao–Scotts designkorrigerte kjikvadrattest."
                ],
                figures: figure(significance)))
        sections.append(
            ReportSection(
                id: "vekting", heading: "Vekting",
                paragraphs: [
                    "Alle andeler i rapporten er vektet. Tabellene viser vektene, hvor mye presisjon de koster, og "
                        + "hvordan utvalget fordeler seg før og etter vekting."
                ],
                figures: [context.weightsTable(weighting, source: wave.weightSource)] + (marginTable.map(figure) ?? []))
        )
        sections.append(
            ReportSection(
                id: "vedlegg", heading: "Vedlegg: hvem som svarte",
                figures: figure(appendix1) + figure(appendix2) + figure(appendix3) + figure(appendix4)))
        sections.append(
            ReportSection(
                id: "metode", heading: "Om dataene og metoden", paragraphs: method(context, wave: wave) + problems))

        return ReportDocument(
            title: wave.title,
            subtitle: wave.subtitle ?? Wave.generalSubtitle,
            synthetic: wave.synthetic,
            facts: facts(context, wave: wave) + domainFacts(options.domain, context: context, wave: wave),
            sections: sections)
    }

    /// What the domain is and how many responses it holds.
    private static func domainFacts(
        _ domain: DomainFilter?, context: ReportContext, wave: Wave
    ) -> [(term: String, value: String)] {
        guard let domain, !domain.isEmpty else { return [] }
        let codebook = wave.dataset.codebook
        let text = domain.conditions.map { condition in
            let variable = codebook.variable(named: condition.variable)
            let labels = condition.codes.sorted().map { variable?.label(of: $0) ?? String($0) }
            return "\(context.shortName(of: condition.variable)): \(labels.joined(separator: ", "))"
        }.joined(separator: "; ")
        let count = (try? domain.rows(in: wave.dataset).filter { $0 }.count) ?? 0
        return [
            (
                "Avgrensning",
                "\(text) (\(NorwegianFormat.count(count)) svar). Anslagene er domeneanslag: vektene er kalibrert på "
                    + "hele bølgen, og usikkerheten bruker hele utvalgsdesignet."
            )
        ]
    }

    private static func summary(_ indicators: [HypothesisIndicator], context: ReportContext) -> [String] {
        guard !indicators.isEmpty else { return [] }
        return [
            "Evalueringen av FORKOMMUNE tester tre hypoteser: kommunene innoverer for lite (H1), sprer for lite (H2) og "
                + "samarbeider for lite med forskning (H3). I denne bølgen: "
                + indicators.map { "\($0.id): \($0.statement(level: context.level, opening: false))" }
                .joined(separator: "; ") + "."
        ]
    }

    private static func facts(_ context: ReportContext, wave: Wave) -> [(term: String, value: String)] {
        let design = context.design
        var facts: [(term: String, value: String)] = [
            ("Data", "\(NorwegianFormat.count(wave.dataset.rowCount)) svar" + (wave.synthetic ? " (syntetiske)" : "")),
            (
                "Design",
                "\(design.stratumCount) \(design.stratumCount == 1 ? "stratum" : "strata"), "
                    + "\(NorwegianFormat.count(design.psuCount)) \(design.psuCount == 1 ? "primærenhet" : "primærenheter"), "
                    + "\(NorwegianFormat.count(design.degreesOfFreedom)) "
                    + "\(design.degreesOfFreedom == 1 ? "frihetsgrad" : "frihetsgrader"); Kish' designeffekt "
                    + NorwegianFormat.number(design.kishDesignEffect, decimals: 2)
            ),
            (
                "Usikkerhet",
                "\(Captions.intervalName(context.level)): \(intervalMethodName(context.options.intervalMethod)), "
                    + "t-fordeling med designets frihetsgrader"
            ),
        ]
        // The codebook's title names the questionnaire (a wave collected with the 2018 instrument is
        // not the 2018 data set), so it is labelled as such.
        if let title = wave.dataset.codebook.title { facts.insert(("Spørreskjema", title), at: 0) }
        return facts
    }

    static func intervalMethodName(_ method: IntervalMethod) -> String {
        switch method {
        case .logit, .xlogit: "logit-intervall (som R-funksjonen svyciprop)"
        case .wilson: "Wilson-intervall på effektivt utvalg"
        case .kornGraubard: "Korn–Graubard-intervall"
        case .asin: "arcsinus-intervall (som R-funksjonen svyciprop)"
        case .likelihood: "profil-likelihood-intervall (som R-funksjonen svyciprop)"
        case .wald: "symmetrisk Wald-intervall"
        }
    }

    private static func method(_ context: ReportContext, wave: Wave) -> [String] {
        var paragraphs = [
            "Alle andeler er vektede designbaserte anslag. Variansen er beregnet ved Taylor-linearisering over "
                + "utvalgsdesignet, og hvert konfidensintervall bruker designets frihetsgrader. Antall svar (N) er uvektet. "
                + "Andeler for en gruppe (for eksempel et fylke) er domeneanslag: usikkerheten i gruppens størrelse er med.",
            "Spørsmål om den nyeste innovasjonen ble bare stilt til enheter som har tatt i bruk en innovasjon. "
                + "«Vet ikke» og «ikke relevant» er holdt utenfor grunnlaget, unntatt i figur 4-1 og 4-10, "
                + "der de er svaralternativer som vises.",
            context.publication.methodNote,
        ]
        if wave.synthetic {
            paragraphs.insert(
                "Dataene er SYNTETISKE: de er generert for å gjengi tallene i rapporten fra 2018 og beskriver ingen "
                    + "virkelige enheter. Forskjeller og tester viser hvordan analysen virker, ikke hvordan kommunene er.",
                at: 0)
        }
        return paragraphs
    }
}
