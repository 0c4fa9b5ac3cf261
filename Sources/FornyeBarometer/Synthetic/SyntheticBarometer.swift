public import FornyeStatistics

/// A generated wave of the Innovasjonsbarometer: **synthetic data**, never the real microdata.
///
/// The codebook is marked `synthetic` and titled "SYNTETISKE DATA", so every table, chart and
/// report built on the data says so.
public struct SyntheticWave: Sendable {
    /// The responses on the instrument's codebook plus the derived variables `county`,
    /// `landsdel`, `centrality`, `population_size` and the calibration `weight`.
    public let dataset: Dataset
    /// The calibrated design (the weights of `dataset`'s `weight` column, with the raking step
    /// so that variances account for it).
    public let design: SurveyDesign
    /// The raking's convergence and weight spread.
    public let rakingReport: RakingReport
    /// The made-up population the weights are calibrated to.
    public let population: SyntheticPopulation
    /// The wave's date for the municipal register: the respondents' kommunenummer are those
    /// valid on this day (2018-01-01 for the baseline, 2020-01-01 for the follow-up).
    public let structureDate: CalendarDay
    public let seed: UInt64
    /// Coded variables of the codebook the generator does not know and left empty (system missing).
    public let unfilledVariables: [String]

    /// The calibrated design with its raking report and the margins it was raked to, as an
    /// analysis of the wave takes it.
    public var weighting: CalibratedDesign {
        CalibratedDesign(raked: design, margins: population.margins, report: rakingReport)
    }
}

/// The generator of synthetic barometer waves.
///
/// The baseline reproduces the 2018 report: the appendix counts exactly, every share it states
/// within one percentage point, the relations it describes, and plausible correlations where
/// it is silent. It is deterministic: the same seed gives the same data.
///
/// ```swift
/// let wave = try SyntheticBarometer.baseline2018(codebook: codebook, frame: frame)
/// let estimator = Estimator(dataset: wave.dataset, design: wave.design)
/// ```
public enum SyntheticBarometer {
    /// The title every synthetic wave's codebook carries.
    public static let title =
        "\(SyntheticLabel.marker) – Innovasjonsbarometeret, generert, ikke ekte svar / SYNTHETIC DATA"
    public static let defaultSeed: UInt64 = 2018
    /// The sentence under the synthetic baseline's title: it reproduces the 2018 report's numbers.
    public static let baselineSubtitle =
        "Innovasjon i kommunale tjenesteenheter: tallene fra grunnlagsanalysen for FORKOMMUNE "
        + "(Menon Economics 2018), med usikkerhet, tester og justerte sammenhenger."
    /// The sentence under the synthetic follow-up's title.
    public static let followUpSubtitle =
        "Oppdiktet oppfølgingsbølge på kommunestrukturen fra 2020, laget for å vise sammenligninger mellom bølger "
        + "og programevalueringen; tallene beskriver ingen virkelige enheter."

    /// The 2018 baseline on the bundled barometer instrument and municipal register.
    ///
    /// - Throws: `InstrumentError` or `ReferenceDataError` if a bundled file is damaged,
    ///   `SyntheticDataError` if the targets do not fit them.
    public static func baseline2018(seed: UInt64 = defaultSeed) throws -> SyntheticWave {
        let frame = try SyntheticFrame(register: MunicipalityRegister.bundled(), date: .newYear(2018))
        return try baseline2018(codebook: Instrument.innovasjonsbarometer2018.codebook(), frame: frame, seed: seed)
    }

    /// The 2020 follow-up on the bundled barometer instrument and municipal register.
    public static func followUp2020(seed: UInt64 = defaultSeed) throws -> SyntheticWave {
        let frame = try SyntheticFrame(register: MunicipalityRegister.bundled(), date: .newYear(2020))
        return try followUp2020(codebook: Instrument.innovasjonsbarometer2018.codebook(), frame: frame, seed: seed)
    }

    /// The 2018 baseline wave: 1,786 responses calibrated to the 2018 report.
    ///
    /// - Parameters:
    ///   - codebook: The barometer instrument's codebook (the generator fills its variables by name).
    ///   - frame: The municipalities valid on 2018-01-01.
    ///   - seed: Any seed gives a wave meeting the report's numbers; the same seed the same wave.
    public static func baseline2018(codebook: Codebook, frame: SyntheticFrame, seed: UInt64 = defaultSeed)
        throws(SyntheticDataError) -> SyntheticWave
    {
        try generate(
            targets: .baseline2018, population: .units2018, codebook: codebook, frame: frame, seed: seed,
            title: "\(title) – bølge 2018")
    }

    /// A second, made-up wave on the 2020 municipal structure (1,702 responses), the baseline with
    /// plausible changes in some indicators (see `WaveTargets.followUp2020`), for wave comparisons.
    ///
    /// - Parameters:
    ///   - codebook: The barometer instrument's codebook.
    ///   - frame: The municipalities valid on 2020-01-01.
    ///   - seed: The same seed gives the same wave.
    public static func followUp2020(codebook: Codebook, frame: SyntheticFrame, seed: UInt64 = defaultSeed)
        throws(SyntheticDataError) -> SyntheticWave
    {
        try generate(
            targets: .followUp2020, population: .units2020, codebook: codebook, frame: frame, seed: seed,
            title: "\(title) – bølge 2020")
    }

    static func generate(
        targets: WaveTargets, population: SyntheticPopulation, codebook instrument: Codebook, frame: SyntheticFrame,
        seed: UInt64, title: String
    ) throws(SyntheticDataError) -> SyntheticWave {
        guard frame.structureDate == targets.structureDate else {
            throw .inconsistentTargets(
                "the wave needs the structure of \(targets.structureDate), the frame is of \(frame.structureDate)")
        }
        var rows = WaveRows(count: targets.respondents)
        try SampleStage(targets: targets, frame: frame).run(&rows, seed: seed)
        try InnovationStage(targets: targets, frame: frame).run(&rows, seed: seed)
        let routing = try Routing(rows: rows, bases: targets.bases, seed: seed)
        try InnovationTypeStage(targets: targets).run(&rows, routing: routing, seed: seed)
        try NewestInnovationStage(targets: targets).run(&rows, routing: routing, seed: seed)
        try ResultsStage(targets: targets, frame: frame).run(&rows, routing: routing, seed: seed)
        let factorNames = instrument.variables.map(\.name).filter { $0.hasPrefix("factor_") }
        try SpreadAndFactorsStage(targets: targets, factorNames: factorNames).run(&rows, routing: routing, seed: seed)
        let (unitTypes, roles) = (rows.unitType, rows.role)
        rows.assign("unit_type") { unitTypes[$0] }
        rows.assign("sector") { ReportClassifications.sector(ofUnitType: unitTypes[$0]) }
        rows.assign("role") { roles[$0] }
        let assembly = WaveAssembly(frame: frame, title: title)
        assembly.addDerived(&rows)
        let codebook = assembly.codebook(from: instrument)
        let (design, report) = try assembly.weights(for: rows, codebook: codebook, population: population)
        let (dataset, unfilled) = try assembly.dataset(rows, codebook: codebook, weights: design.weights)
        return SyntheticWave(
            dataset: dataset, design: design, rakingReport: report, population: population,
            structureDate: targets.structureDate, seed: seed, unfilledVariables: unfilled)
    }
}
