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
        // Every number in the report is written in its language, wherever it is formatted.
        let outcome = NorwegianFormat.$language.withValue(options.language) {
            () -> Result<ReportDocument, StatisticsError> in
            do throws(StatisticsError) {
                return .success(try document(prepared, options: options))
            } catch {
                return .failure(error)
            }
        }
        return try outcome.get()
    }

    private static func document(_ prepared: PreparedReportWave, options: ReportOptions) throws(StatisticsError)
        -> ReportDocument
    {
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
        let figure4_1 = jobs.add(context.pick("Figur 4-1", "Figure 4-1")) { () throws(StatisticsError) in
            try context.figure4_1()
        }
        let figure4_2 = jobs.add(context.pick("Figur 4-2", "Figure 4-2")) { () throws(StatisticsError) in
            try context.figure4_2()
        }
        let figure4_3 = jobs.add(context.pick("Figur 4-3", "Figure 4-3")) { () throws(StatisticsError) in
            try context.innovationBy(
                schema.county, id: "fig-4-3", number: context.pick("Figur 4-3", "Figure 4-3"),
                title: context.pick(
                    "Andel som har tatt i bruk en innovasjon, etter fylke",
                    "Share that have taken an innovation into use, by county"),
                domainName: context.pick("fylke", "county"), between: context.pick("fylkene", "the counties"),
                sorted: true, names: true)
        }
        let figure4_4 = jobs.add(context.pick("Figur 4-4", "Figure 4-4")) { () throws(StatisticsError) in
            try context.innovationBy(
                schema.centrality, id: "fig-4-4", number: context.pick("Figur 4-4", "Figure 4-4"),
                title: context.pick(
                    "Andel som har tatt i bruk en innovasjon, etter SSBs sentralitetsindeks",
                    "Share that have taken an innovation into use, by Statistics Norway's centrality index"),
                domainName: context.pick("sentralitet", "centrality"),
                between: context.pick("sentralitetsklassene", "the centrality classes"), sorted: false, names: false)
        }
        let table4_1 = jobs.add(context.pick("Tabell 4-1", "Table 4-1")) { () throws(StatisticsError) in
            try context.table4_1()
        }
        let figure4_5 = jobs.add(context.pick("Figur 4-5", "Figure 4-5")) { () throws(StatisticsError) in
            try context.figure4_5()
        }
        let figure4_6 = jobs.add(context.pick("Figur 4-6", "Figure 4-6")) { () throws(StatisticsError) in
            try context.figure4_6()
        }
        let table4_2 = jobs.add(context.pick("Tabell 4-2", "Table 4-2")) { () throws(StatisticsError) in
            try context.table4_2()
        }
        let byCentrality = jobs.add(context.pick("Resultater etter sentralitet", "Results by centrality")) {
            () throws(StatisticsError) in
            try context.resultsByCentrality()
        }
        let figure4_7 = jobs.add(context.pick("Figur 4-7", "Figure 4-7")) { () throws(StatisticsError) in
            try context.figure4_7()
        }
        let figure4_8 = jobs.add(context.pick("Figur 4-8", "Figure 4-8")) { () throws(StatisticsError) in
            try context.figure4_8()
        }
        let researchTable = jobs.add(context.pick("Ny tabell 2 (forskningseffekt)", "New table 2 (research effect)")) {
            () throws(StatisticsError) in
            context.researchEffectTable()
        }
        let figure4_10 = jobs.add(context.pick("Figur 4-10", "Figure 4-10")) { () throws(StatisticsError) in
            try context.figure4_10()
        }
        let figure5_1 = jobs.add(context.pick("Figur 5-1", "Figure 5-1")) { () throws(StatisticsError) in
            try context.figure5_1()
        }
        let significance = jobs.add(context.pick("Ny tabell 1 (signifikans)", "New table 1 (significance)")) {
            () throws(StatisticsError) in
            context.significanceTable()
        }
        // Within a domain the margins' shares are the domain's, not the calibrated whole's.
        let marginTable =
            isDomain
            ? nil
            : jobs.add(context.pick("Ny tabell 4 (marginer)", "New table 4 (margins)")) { () throws(StatisticsError) in
                try context.marginTable(weighting)
            }
        let appendix1 = jobs.add(context.pick("Tabell V-0-1", "Table V-0-1")) { () throws(StatisticsError) in
            try context.appendixTable(
                schema.sector, number: "Tabell V-0-1",
                title: context.pick("Respondenter etter sektor", "Respondents by sector"),
                rowHeader: context.pick("Sektor", "Sector"))
        }
        let appendix2 = jobs.add(context.pick("Tabell V-0-2", "Table V-0-2")) { () throws(StatisticsError) in
            try context.appendixTable(
                schema.landsdel, number: "Tabell V-0-2",
                title: context.pick("Respondenter etter landsdel", "Respondents by region"),
                rowHeader: context.pick("Landsdel", "Region"), names: true)
        }
        let appendix3 = jobs.add(context.pick("Tabell V-0-3", "Table V-0-3")) { () throws(StatisticsError) in
            try context.appendixTable(
                schema.unitType, number: "Tabell V-0-3",
                title: context.pick("Respondenter etter type tjenesteenhet", "Respondents by type of service unit"),
                rowHeader: context.pick("Enhetstype", "Unit type"))
        }
        let appendix4 = jobs.add(context.pick("Tabell V-0-4", "Table V-0-4")) { () throws(StatisticsError) in
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
                problems.append(
                    context.pick(
                        "\(job.name) mangler fordi variablene den bygger på ikke finnes i dataene.",
                        "\(job.name) is missing because the variables it rests on are not in the data."))
            case .failure(let error):
                problems.append(
                    context.pick("\(job.name) kunne ikke lages: \(error)", "\(job.name) could not be made: \(error)"))
            }
            return []
        }

        var indicators: [HypothesisIndicator] = []
        switch done.outcome(indicatorJob) {
        case .success(let value): indicators = value
        case .failure(let error):
            problems.append(
                context.pick(
                    "Hypoteseindikatorene kunne ikke lages: \(error.description)",
                    "The hypothesis indicators could not be made: \(error.description)"))
        }
        // Drawn from the indicators just computed, so it is cheap and runs here.
        var hypothesis: [ReportFigure] = []
        if let made = context.hypothesisFigure(indicators) {
            hypothesis = [made]
        } else {
            problems.append(
                context.pick(
                    "Ny figur 1 (hypotesene) mangler fordi variablene den bygger på ikke finnes i dataene.",
                    "New figure 1 (the hypotheses) is missing because the variables it rests on are not in the data."))
        }

        var sections: [ReportSection] = []
        sections.append(
            ReportSection(
                id: "sammendrag", heading: context.pick("Sammendrag", "Summary"),
                paragraphs: summary(indicators, context: context), figures: hypothesis))
        sections.append(
            ReportSection(
                id: "omfang", heading: context.pick("4.1 Omfanget av innovasjon", "4.1 The extent of innovation"),
                figures: figure(figure4_1) + figure(figure4_2) + figure(figure4_3) + figure(figure4_4)))
        sections.append(
            ReportSection(
                id: "utlosere",
                heading: context.pick(
                    "4.1 Hva utløser og finansierer innovasjonen", "4.1 What sets innovation off and pays for it"),
                figures: figure(table4_1) + figure(figure4_5)))
        sections.append(
            ReportSection(
                id: "resultater",
                heading: context.pick("4.2 Resultater av innovasjonen", "4.2 Results of the innovation"),
                figures: figure(figure4_6) + figure(table4_2) + figure(byCentrality)))
        sections.append(
            ReportSection(
                id: "samarbeid",
                heading: context.pick(
                    "4.3 Samarbeid, forskning og spredning", "4.3 Collaboration, research and spreading"),
                figures: figure(figure4_7) + figure(figure4_8) + figure(researchTable) + figure(figure4_10)))
        sections.append(
            ReportSection(
                id: "faktorer",
                heading: context.pick(
                    "5 Hva fremmer og hemmer innovasjon", "5 What furthers and what hinders innovation"),
                figures: figure(figure5_1)))
        sections.append(
            ReportSection(
                id: "signifikans", heading: context.pick("Er forskjellene reelle?", "Are the differences real?"),
                paragraphs: [
                    context.pick(
                        "Rapporten fra 2018 beskrev forskjeller mellom fylker og sentralitetsklasser uten å teste dem. "
                            + "Her er hver forskjell testet med Rao–Scotts designkorrigerte kjikvadrattest.",
                        "The 2018 report described differences between counties and centrality classes without "
                            + "testing them. Here each difference is tested with Rao and Scott's design-corrected "
                            + "chi-squared test.")
                ],
                figures: figure(significance)))
        sections.append(
            ReportSection(
                id: "vekting", heading: context.pick("Vekting", "Weighting"),
                paragraphs: [
                    context.pick(
                        "Alle andeler i rapporten er vektet. Tabellene viser vektene, hvor mye presisjon de koster, og "
                            + "hvordan utvalget fordeler seg før og etter vekting.",
                        "Every share in the report is weighted. The tables show the weights, how much precision they "
                            + "cost, and how the sample is distributed before and after weighting.")
                ],
                figures: [
                    context.weightsTable(
                        weighting, source: wave.weightSource.map { WaveTexts.text($0, context.language) })
                ] + (marginTable.map(figure) ?? []))
        )
        sections.append(
            ReportSection(
                id: "vedlegg", heading: context.pick("Vedlegg: hvem som svarte", "Appendix: who answered"),
                figures: figure(appendix1) + figure(appendix2) + figure(appendix3) + figure(appendix4)))
        sections.append(
            ReportSection(
                id: "metode", heading: context.pick("Om dataene og metoden", "About the data and the method"),
                paragraphs: method(context, wave: wave) + problems))

        var document = ReportDocument(
            title: WaveTexts.text(wave.title, context.language),
            subtitle: wave.subtitle.map { WaveTexts.text($0, context.language) }
                ?? context.pick(Wave.generalSubtitle, Wave.generalSubtitleEnglish),
            synthetic: wave.synthetic,
            facts: facts(context, wave: wave) + domainFacts(options.domain, context: context, wave: wave),
            sections: sections, language: context.language)
        document.nameColumns(in: context.language)
        document.withholdEmptyCharts()
        return document
    }

    /// What the domain is and how many responses it holds.
    private static func domainFacts(
        _ domain: DomainFilter?, context: ReportContext, wave: Wave
    ) -> [(term: String, value: String)] {
        guard let domain, !domain.isEmpty else { return [] }
        let codebook = wave.dataset.codebook
        let text = domain.conditions.map { condition in
            let variable = codebook.variable(named: condition.variable)
            let labels = condition.codes.sorted().map { code in
                context.label(
                    of: FornyeStatistics.Category(code: code, label: variable?.label(of: code) ?? String(code)),
                    in: condition.variable)
            }
            return "\(context.shortName(of: condition.variable)): \(labels.joined(separator: ", "))"
        }.joined(separator: "; ")
        let count = (try? domain.rows(in: wave.dataset).filter { $0 }.count) ?? 0
        return [
            (
                context.pick("Avgrensning", "Filters"),
                context.pick(
                    "\(text) (\(NorwegianFormat.count(count)) svar). Anslagene er domeneanslag: vektene er kalibrert på "
                        + "hele bølgen, og usikkerheten bruker hele utvalgsdesignet.",
                    "\(text) (\(NorwegianFormat.count(count)) answers). The estimates are domain estimates: the weights "
                        + "are calibrated on the whole wave, and the uncertainty uses the whole sample design.")
            )
        ]
    }

    private static func summary(_ indicators: [HypothesisIndicator], context: ReportContext) -> [String] {
        guard !indicators.isEmpty else { return [] }
        let statements = indicators.map {
            "\($0.id): \($0.statement(level: context.level, opening: false, context.language))"
        }
        .joined(separator: "; ")
        return [
            context.pick(
                "Evalueringen av FORKOMMUNE tester tre hypoteser: kommunene innoverer for lite (H1), sprer for lite (H2) "
                    + "og samarbeider for lite med forskning (H3). I denne bølgen: ",
                "The evaluation of FORKOMMUNE tests three hypotheses: that municipalities innovate too little (H1), "
                    + "spread their innovations too little (H2) and collaborate too little with research (H3). "
                    + "In this wave: ") + statements + "."
        ]
    }

    private static func facts(_ context: ReportContext, wave: Wave) -> [(term: String, value: String)] {
        let design = context.design
        let english = context.language == .en
        func counted(_ count: Int, _ one: String, _ many: String) -> String {
            "\(NorwegianFormat.count(count)) \(count == 1 ? one : many)"
        }
        let designText =
            english
            ? counted(design.stratumCount, "stratum", "strata") + ", "
                + counted(design.psuCount, "primary sampling unit", "primary sampling units") + ", "
                + counted(design.degreesOfFreedom, "degree of freedom", "degrees of freedom")
                + "; Kish's design effect " + NorwegianFormat.number(design.kishDesignEffect, decimals: 2)
            : counted(design.stratumCount, "stratum", "strata") + ", "
                + counted(design.psuCount, "primærenhet", "primærenheter") + ", "
                + counted(design.degreesOfFreedom, "frihetsgrad", "frihetsgrader")
                + "; Kish' designeffekt " + NorwegianFormat.number(design.kishDesignEffect, decimals: 2)
        var facts: [(term: String, value: String)] = [
            (
                "Data",
                counted(wave.dataset.rowCount, context.pick("svar", "answer"), context.pick("svar", "answers"))
                    + (wave.synthetic ? context.pick(" (syntetiske)", " (synthetic)") : "")
            ),
            ("Design", designText),
            (
                context.pick("Usikkerhet", "Uncertainty"),
                "\(Captions.intervalName(context.level, english: english)): "
                    + "\(intervalMethodName(context.options.intervalMethod, context.language)), "
                    + context.pick(
                        "t-fordeling med designets frihetsgrader", "t distribution with the design's degrees of freedom"
                    )
            ),
        ]
        // The codebook's title names the questionnaire (a wave collected with the 2018 instrument is
        // not the 2018 data set), so it is labelled as such.
        if let title = wave.dataset.codebook.title {
            facts.insert(
                (context.pick("Spørreskjema", "Questionnaire"), WaveTexts.text(title, context.language)), at: 0)
        }
        return facts
    }

    static func intervalMethodName(_ method: IntervalMethod, _ language: ReportLanguage = .nb) -> String {
        switch method {
        case .logit, .xlogit:
            language.pick("logit-intervall (som R-funksjonen svyciprop)", "logit interval (as R's svyciprop)")
        case .wilson: language.pick("Wilson-intervall på effektivt utvalg", "Wilson interval on the effective sample")
        case .kornGraubard: language.pick("Korn–Graubard-intervall", "Korn–Graubard interval")
        case .asin:
            language.pick("arcsinus-intervall (som R-funksjonen svyciprop)", "arcsine interval (as R's svyciprop)")
        case .likelihood:
            language.pick(
                "profil-likelihood-intervall (som R-funksjonen svyciprop)",
                "profile likelihood interval (as R's svyciprop)")
        case .wald: language.pick("symmetrisk Wald-intervall", "symmetric Wald interval")
        }
    }

    private static func method(_ context: ReportContext, wave: Wave) -> [String] {
        var paragraphs = [
            context.pick(
                "Alle andeler er vektede designbaserte anslag. Variansen er beregnet ved Taylor-linearisering over "
                    + "utvalgsdesignet, og hvert konfidensintervall bruker designets frihetsgrader. Antall svar (N) er "
                    + "uvektet. Andeler for en gruppe (for eksempel et fylke) er domeneanslag: usikkerheten i gruppens "
                    + "størrelse er med.",
                "Every share is a weighted, design-based estimate. Variances are computed by Taylor linearisation "
                    + "over the sample design, and every confidence interval uses the design's degrees of freedom. "
                    + "The number of answers (N) is unweighted. Shares for a group (a county, say) are domain "
                    + "estimates: the uncertainty in the group's size is included."),
            context.pick(
                "Spørsmål om den nyeste innovasjonen ble bare stilt til enheter som har tatt i bruk en innovasjon. "
                    + "«Vet ikke» og «ikke relevant» er holdt utenfor grunnlaget, unntatt i figur 4-1 og 4-10, "
                    + "der de er svaralternativer som vises.",
                "Questions about the newest innovation were asked only of units that have taken an innovation into "
                    + "use. “Don't know” and “not relevant” are left out of the base, except in figures 4-1 and 4-10, "
                    + "where they are answers the figure shows."),
            context.publication.methodNote(context.language),
        ]
        if wave.synthetic {
            paragraphs.insert(
                context.pick(
                    "Dataene er SYNTETISKE: de er generert for å gjengi tallene i rapporten fra 2018 og beskriver ingen "
                        + "virkelige enheter. Forskjeller og tester viser hvordan analysen virker, ikke hvordan "
                        + "kommunene er.",
                    "The data are SYNTHETIC: they were generated to reproduce the numbers of the 2018 report and "
                        + "describe no real units. Differences and tests show how the analysis works, not how the "
                        + "municipalities are."),
                at: 0)
        }
        return paragraphs
    }
}
