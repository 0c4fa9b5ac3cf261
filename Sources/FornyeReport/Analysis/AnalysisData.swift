import FornyeStatistics

/// The wave's dataset with the indicators the report derives from the questionnaire's answers,
/// so that every figure is an ordinary share or mean the estimator can compute with its CI.
///
/// Derived variables are prefixed `d_` and exist only when their sources do:
/// - `d_innovated_yes`: took an innovation into use (1) or not, "vet ikke" included (2).
/// - `d_research`: collaborated with education/research institutions on the newest innovation (1) or not (0).
/// - `d_research_model`: the same, but only where unit type (or sector) and centrality are known, so
///   that the crude and the adjusted research effect rest on the same rows.
/// - `d_type_<item>`: the newest innovation is of this type (1) or not (2), one per type item.
/// - `d_own_budget_only`: financed by own budget and nothing else (1) or not (2).
/// - `d_quality_minus_efficiency`: improved quality minus increased efficiency (−1, 0, 1), whose
///   mean is the paired difference of the two shares.
/// - `d_side_<factor>`: a factor hindered (1), neither (2) or promoted (3) the innovation, with the
///   factor's "vet ikke" and "ikke relevant" codes kept as missing codes.
struct AnalysisData: Sendable {
    static let innovatedYes = "d_innovated_yes"
    static let research = "d_research"
    static let researchModel = "d_research_model"
    static let ownBudgetOnly = "d_own_budget_only"
    static let qualityMinusEfficiency = "d_quality_minus_efficiency"
    static func type(_ item: String) -> String { "d_type_" + item }
    static func side(_ factor: String) -> String { "d_side_" + factor }

    let dataset: Dataset
    /// The items of the factors grid, in codebook order.
    let factors: [String]

    /// The same data restricted to a domain (rows outside it empty; see `Dataset.restricted`).
    func restricted(to rows: [Bool]) throws(StatisticsError) -> AnalysisData {
        AnalysisData(dataset: try dataset.restricted(to: rows), factors: factors)
    }

    private init(dataset: Dataset, factors: [String]) {
        self.dataset = dataset
        self.factors = factors
    }

    init(_ source: Dataset, schema: BarometerSchema) throws(StatisticsError) {
        let codebook = source.codebook
        // Only the derived variables are new; the source's own columns were checked when it was made.
        var additions: [(variable: Variable, column: Column)] = []
        let rows = source.rowCount
        let yesNo = [
            ValueLabel(code: 1, label: "Ja", labelEnglish: "Yes"),
            ValueLabel(code: 2, label: "Nei", labelEnglish: "No"),
        ]

        func add(_ variable: Variable, _ column: Column) {
            additions.append((variable, column))
        }

        if codebook.variable(named: schema.innovated) != nil {
            let codes = try source.codes(of: schema.innovated)
            let yes = Int32(1)
            add(
                Variable(
                    name: Self.innovatedYes, label: "Har tatt i bruk minst én innovasjon",
                    labelEnglish: "Has taken at least one innovation into use", kind: .singleChoice,
                    valueLabels: [
                        .init(code: 1, label: "Ja", labelEnglish: "Yes"),
                        .init(code: 2, label: "Nei eller vet ikke", labelEnglish: "No or don't know"),
                    ]),
                .codes(codes.map { $0 == Column.systemMissing ? Column.systemMissing : ($0 == yes ? 1 : 2) }))
        }
        if codebook.variable(named: schema.partnersResearch) != nil {
            let codes = try source.codes(of: schema.partnersResearch)
            add(
                Variable(
                    name: Self.research, label: "Forskningssamarbeid", labelEnglish: "Research collaboration",
                    kind: .singleChoice,
                    valueLabels: [
                        .init(
                            code: 0, label: "Uten forskningssamarbeid", labelEnglish: "Without research collaboration"),
                        .init(code: 1, label: "Med forskningssamarbeid", labelEnglish: "With research collaboration"),
                    ]),
                .codes(codes.map { $0 == 0 || $0 == 1 ? $0 : Column.systemMissing }))
            var modelCodes = codes.map { $0 == 0 || $0 == 1 ? $0 : Column.systemMissing }
            let adjusters = [
                codebook.variable(named: schema.unitType) != nil ? schema.unitType : schema.sector, schema.centrality,
            ]
            for adjuster in adjusters {
                guard let variable = codebook.variable(named: adjuster) else { continue }
                let values = try source.codes(of: adjuster)
                let substantive = Set(variable.valueLabels.map { Int32($0.code) })
                for row in 0..<rows where !substantive.contains(values[row]) { modelCodes[row] = Column.systemMissing }
            }
            add(
                Variable(
                    name: Self.researchModel, label: "Forskningssamarbeid", labelEnglish: "Research collaboration",
                    kind: .singleChoice,
                    valueLabels: [
                        .init(
                            code: 0, label: "Uten forskningssamarbeid", labelEnglish: "Without research collaboration"),
                        .init(code: 1, label: "Med forskningssamarbeid", labelEnglish: "With research collaboration"),
                    ]),
                .codes(modelCodes))
        }
        if let set = codebook.multipleResponseSet(named: schema.newestType) {
            for item in set.items {
                let codes = try source.codes(of: item)
                let label = FigureKit.option(codebook.variable(named: item)?.label ?? item, setLabel: set.label)
                let english = codebook.variable(named: item)?.labelEnglish.map {
                    FigureKit.option($0, setLabel: set.labelEnglish ?? "")
                }
                add(
                    Variable(
                        name: Self.type(item), label: label, labelEnglish: english, kind: .singleChoice,
                        valueLabels: yesNo),
                    .codes(codes.map { $0 == 1 ? 1 : ($0 == 0 ? 2 : Column.systemMissing) }))
            }
        }
        if let set = codebook.multipleResponseSet(named: schema.financing),
            set.items.contains(schema.financingOwnBudget)
        {
            let items = try set.items.map { item throws(StatisticsError) in try source.codes(of: item) }
            let own = set.items.firstIndex(of: schema.financingOwnBudget)!
            let codes: [Int32] = (0..<rows).map { row in
                guard items.allSatisfy({ $0[row] == 0 || $0[row] == 1 }) else { return Column.systemMissing }
                let onlyOwn = items[own][row] == 1 && items.indices.allSatisfy { $0 == own || items[$0][row] == 0 }
                return onlyOwn ? 1 : 2
            }
            add(
                Variable(
                    name: Self.ownBudgetOnly, label: "Bare finansiert over eget budsjett",
                    labelEnglish: "Financed from the unit's own budget only", kind: .singleChoice,
                    valueLabels: yesNo),
                .codes(codes))
        }
        if codebook.multipleResponseSet(named: schema.results) != nil,
            codebook.variable(named: schema.resultsQuality) != nil,
            codebook.variable(named: schema.resultsEfficiency) != nil
        {
            let quality = try source.codes(of: schema.resultsQuality)
            let efficiency = try source.codes(of: schema.resultsEfficiency)
            let values: [Double] = (0..<rows).map { row in
                let (q, e) = (quality[row], efficiency[row])
                guard (q == 0 || q == 1), (e == 0 || e == 1) else { return .nan }
                return Double(q - e)
            }
            add(
                Variable(
                    name: Self.qualityMinusEfficiency, label: "Forbedret kvalitet minus økt effektivitet",
                    labelEnglish: "Improved quality minus increased efficiency", kind: .numeric),
                .numbers(values))
        }
        var factors: [String] = []
        for variable in codebook.variables
        where variable.name.hasPrefix(schema.factorPrefix)
            && (variable.kind == .ordinal || variable.kind == .singleChoice)
        {
            factors.append(variable.name)
            let scale = schema.factorScale
            let codes = try source.codes(of: variable.name)
            let mapped: [Int32] = codes.map { code in
                switch Int(code) {
                case scale.hinderLarge, scale.hinderSome: 1
                case scale.neither: 2
                case scale.promoteSome, scale.promoteLarge: 3
                default: variable.missingCodes[Int(code)] != nil ? code : Column.systemMissing
                }
            }
            add(
                Variable(
                    name: Self.side(variable.name), label: variable.label, labelEnglish: variable.labelEnglish,
                    kind: .singleChoice,
                    valueLabels: [
                        .init(code: 1, label: "Hemmet", labelEnglish: "Hindered"),
                        .init(code: 2, label: "Verken eller", labelEnglish: "Neither"),
                        .init(code: 3, label: "Fremmet", labelEnglish: "Furthered"),
                    ],
                    missingCodes: variable.missingCodes),
                .codes(mapped))
        }
        self.factors = factors
        dataset = try source.adding(additions)
    }
}
