import FornyeBarometer
import FornyeStatistics
import Testing

/// Waves generated once per seed for all tests, and unweighted estimators on them: the report's
/// numbers are unweighted, and every number is computed with the statistics engine, never with
/// the generator's internals.
enum SyntheticFixture {
    /// The seeds every figure test runs on: any seed must reproduce the report.
    static let seeds: [UInt64] = [SyntheticBarometer.defaultSeed, 4242]

    static let codebook: Result<Codebook, any Error> = Result { try Instrument.innovasjonsbarometer2018.codebook() }

    private static let baselines: [UInt64: Result<SyntheticWave, any Error>] = Dictionary(
        uniqueKeysWithValues: seeds.map { seed in
            (
                seed,
                Result { try SyntheticBarometer.baseline2018(codebook: codebook.get(), frame: frame2018(), seed: seed) }
            )
        })

    static let register = Result { try MunicipalityRegister.bundled() }

    static func frame2018() throws -> SyntheticFrame {
        try SyntheticFrame(register: register.get(), date: .newYear(2018))
    }

    static let followUp: Result<SyntheticWave, any Error> = Result {
        try SyntheticBarometer.followUp2020(
            codebook: codebook.get(), frame: SyntheticFrame(register: register.get(), date: .newYear(2020)))
    }

    static func baseline(seed: UInt64) throws -> SyntheticWave {
        if let wave = baselines[seed] { return try wave.get() }
        return try SyntheticBarometer.baseline2018(codebook: codebook.get(), frame: frame2018(), seed: seed)
    }

    /// An unweighted estimator on the baseline of `seed`.
    static func estimator(seed: UInt64) throws -> Estimator {
        let wave = try baseline(seed: seed)
        return Estimator(dataset: wave.dataset, design: try SurveyDesign(rowCount: wave.dataset.rowCount))
    }

    /// An unweighted estimator on a dataset derived from the wave's columns (for indicators the
    /// questionnaire does not hold as one variable, such as "own budget only").
    static func estimator(on dataset: Dataset) throws -> Estimator {
        Estimator(dataset: dataset, design: try SurveyDesign(rowCount: dataset.rowCount))
    }

    /// A dataset with some of the wave's variables and multiple-response sets and a single-choice
    /// breakdown `type` made from a 0/1 item (1 ticked, 2 not ticked, empty where not asked),
    /// since breakdowns must be single-choice variables.
    static func derived(_ dataset: Dataset, breakdown item: String, variables: [String] = [], sets: [String] = [])
        throws -> Dataset
    {
        let flags = try dataset.codes(of: item).map { code -> Int32 in
            code == Column.systemMissing ? Column.systemMissing : code == 1 ? 1 : 2
        }
        var multipleResponseSets: [MultipleResponseSet] = []
        var names = variables
        for name in sets {
            let set = try #require(dataset.codebook.multipleResponseSet(named: name))
            multipleResponseSets.append(set)
            names += set.items
        }
        var codebookVariables = try names.map { try dataset.variable(named: $0) }
        codebookVariables.append(
            Variable(
                name: "type", label: item, kind: .singleChoice,
                valueLabels: [ValueLabel(code: 1, label: "Ja"), ValueLabel(code: 2, label: "Nei")]))
        var columns = Dictionary(uniqueKeysWithValues: try names.map { ($0, try dataset.column(named: $0)) })
        columns["type"] = .codes(flags)
        return try Dataset(
            codebook: Codebook(variables: codebookVariables, multipleResponseSets: multipleResponseSets),
            columns: columns)
    }
}

extension EstimateTable {
    /// The cell of a category code (or multiple-response item) in the domain with the given
    /// breakdown codes; fails the test when absent.
    func cell(code: Int? = nil, item: String? = nil, domain: [Int] = []) throws -> EstimateCell {
        try #require(
            cells.first { cell in
                (code == nil || cell.category?.code == code) && (item == nil || cell.category?.item == item)
                    && cell.domain.map(\.code) == domain
            }, "no cell for code \(code.map(String.init) ?? "-") item \(item ?? "-") in domain \(domain)")
    }

    /// The estimate of a cell in percent.
    func percent(code: Int? = nil, item: String? = nil, domain: [Int] = []) throws -> Double {
        try cell(code: code, item: item, domain: domain).estimate * 100
    }
}

/// Expects a share in percent within the report's tolerance of the stated value.
func expectStated(
    _ actual: Double, _ stated: Double, _ what: String, sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(
        abs(actual - stated) <= StatedFigures.tolerance,
        "\(what): \(String(format: "%.2f", actual)) %, the report states \(stated) %", sourceLocation: sourceLocation)
}
