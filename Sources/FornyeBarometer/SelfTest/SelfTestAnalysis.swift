public import FornyeStatistics

/// Computes a self-test's result against one wave: the peer group (widened below the disclosure
/// minimum), each answered option's peer and national shares with the engine's estimators and
/// disclosure control, and the factors' positions by design-based quantiles. The unit's answers
/// are only compared, never added to the wave.
///
/// ```swift
/// let analysis = try SelfTestAnalysis(instrument: instrument, dataset: wave.dataset, design: wave.design)
/// let result = try analysis.result(answers, profile: profile, scope: .similar, waveTitle: title, synthetic: true)
/// ```
public struct SelfTestAnalysis: Sendable {
    public let instrument: Instrument
    public let dataset: Dataset
    public let design: SurveyDesign
    public let rules: DisclosureRules
    /// The questionnaire sections a self-test asks (the background comes from the start form).
    public static let sections = ["innovation", "no_innovation", "newest", "factors"]
    /// Factor scale answers at or below this are substantive (8 and 9 are missing codes).
    static let factorScale = 1...5
    /// National tables, the same for every unit: computed once per analysis.
    private let national: NationalTables
    /// The wave's columns the peer tables read and nothing else, so that restricting it to a peer
    /// group per request copies a few dozen columns, not the whole wave (docs/PERFORMANCE.md).
    private let compared: Dataset
    /// Each factor's answers on the 1–5 scale (NaN otherwise), read once per analysis.
    private let factorValues: [String: [Double]]

    public init(instrument: Instrument, dataset: Dataset, design: SurveyDesign, rules: DisclosureRules = .init())
        throws(StatisticsError)
    {
        self.instrument = instrument
        self.dataset = dataset
        self.design = design
        self.rules = rules
        let questions = Self.comparedQuestions(instrument, dataset: dataset)
        national = try NationalTables(questions: questions, dataset: dataset, design: design, rules: rules)
        compared = try Self.projection(of: dataset, to: questions)
        var factorValues: [String: [Double]] = [:]
        for question in Self.factorQuestions(instrument, dataset: dataset) {
            factorValues[question.name] = try dataset.measurements(of: question.name).map { value in
                !value.isNaN && Self.factorScale.contains(Int(value)) ? value : .nan
            }
        }
        self.factorValues = factorValues
    }

    /// `dataset` with only the variables and multiple-response sets of `questions`.
    static func projection(of dataset: Dataset, to questions: [Question]) throws(StatisticsError) -> Dataset {
        let codebook = dataset.codebook
        let sets = questions.compactMap { codebook.multipleResponseSet(named: $0.name) }
        let names = Set(questions.map(\.name) + sets.flatMap(\.items))
        let variables = codebook.variables.filter { names.contains($0.name) }
        var columns: [String: Column] = [:]
        for variable in variables { columns[variable.name] = try dataset.column(named: variable.name) }
        return try Dataset(
            codebook: Codebook(
                title: codebook.title, synthetic: codebook.synthetic, variables: variables,
                multipleResponseSets: sets),
            columns: columns)
    }

    /// Choice questions of the self-test's sections that the wave holds.
    static func comparedQuestions(_ instrument: Instrument, dataset: Dataset) -> [Question] {
        instrument.sections.filter { sections.contains($0.name) }.flatMap(\.questions).filter { question in
            (question.type == .singleChoice || question.type == .multipleChoice)
                && (dataset.codebook.variable(named: question.name) != nil
                    || dataset.codebook.multipleResponseSet(named: question.name) != nil)
        }
    }

    /// Factor questions of the self-test that the wave holds.
    func factorQuestions() -> [Question] { Self.factorQuestions(instrument, dataset: dataset) }

    static func factorQuestions(_ instrument: Instrument, dataset: Dataset) -> [Question] {
        instrument.sections.filter { $0.name == "factors" }.flatMap(\.questions).filter {
            $0.type == .scale && dataset.codebook.variable(named: $0.name) != nil
        }
    }

    /// The fewest peers a group may have: the base minimum, and at least 30, below which the NCHS
    /// standards withhold nearly every share, so a smaller group would show almost nothing.
    public var minimumPeerCount: Int { max(rules.minimumBaseCount, 30) }

    public func peerGroup(_ profile: SelfTestProfile, scope: PeerScope) throws(StatisticsError) -> PeerGroup {
        try PeerGroup.select(scope, profile: profile, in: dataset, minimumCount: minimumPeerCount)
    }

    public func result(
        _ answers: AnswerSet, profile: SelfTestProfile, scope: PeerScope, waveTitle: String, synthetic: Bool
    ) throws(StatisticsError) -> SelfTestResult {
        // Calculated answers filled in (whether the unit innovated), routed-past ones dropped.
        let answers = instrument.completing(answers)
        let peers = try peerGroup(profile, scope: scope)
        var options: [SelfTestOptionRow] = []
        for compared in try comparedTables(peers, where: { answers[$0.name] != nil }) {
            let question = compared.question
            let chosen: Set<Int>
            switch answers[question.name] {
            case .code(let code): chosen = [code]
            case .codes(let codes): chosen = codes
            default: continue
            }
            for choice in compared.list.choices where choice.missing == nil {
                // A single choice shows the unit's own option only; a multiple choice every option.
                if question.type == .singleChoice && !chosen.contains(choice.code) { continue }
                options.append(
                    SelfTestOptionRow(
                        question: question.name, questionLabel: question.label, code: choice.code,
                        optionLabel: choice.label, chosen: chosen.contains(choice.code),
                        peers: compared.peerShare(choice.code), national: compared.nationalShare(choice.code)))
            }
        }
        var factors: [SelfTestFactorPosition] = []
        for question in factorQuestions() {
            guard case .code(let code) = answers[question.name], Self.factorScale.contains(code) else { continue }
            let peerFactor = try peerFactor(question, peers: peers)
            factors.append(
                SelfTestFactorPosition(
                    question: question.name, label: question.label, answer: code,
                    percentileRank: peerFactor.distribution?.percentileRank(of: Double(code)),
                    quartiles: peerFactor.quartiles, peerCount: peerFactor.count))
        }
        return SelfTestResult(
            profile: profile, requestedScope: scope, scope: peers.scope, peerCount: peers.count,
            passedOver: peers.passedOver, minimumCount: minimumPeerCount, waveTitle: waveTitle,
            synthetic: synthetic, options: options, factors: factors)
    }

    /// One compared question's published tables for a peer group and the nation.
    struct ComparedTables {
        let question: Question
        let list: ChoiceList
        let peers: EstimateTable
        let national: EstimateTable?

        func peerShare(_ code: Int) -> SelfTestShare? {
            SelfTestShare(NationalTables.cell(code, of: question, in: peers))
        }

        func nationalShare(_ code: Int) -> SelfTestShare? {
            SelfTestShare(national.flatMap { NationalTables.cell(code, of: question, in: $0) })
        }
    }

    /// The compared questions `include` selects, each with the peers' table under the same
    /// disclosure control as the results pages (primary and secondary suppression) and the nation's.
    func comparedTables(_ peers: PeerGroup, where include: (Question) -> Bool) throws(StatisticsError)
        -> [ComparedTables]
    {
        let estimator = Estimator(dataset: try compared.restricted(to: peers.rows), design: design)
        var tables: [ComparedTables] = []
        for question in Self.comparedQuestions(instrument, dataset: dataset) where include(question) {
            guard let list = instrument.choices(of: question) else { continue }
            tables.append(
                ComparedTables(
                    question: question, list: list,
                    peers: DisclosureControl.apply(rules, to: try NationalTables.table(question, estimator: estimator)),
                    national: national.tables[question.name]))
        }
        return tables
    }

    /// The peers' weighted distribution of one factor (nil and no quartiles below the base minimum).
    func peerFactor(_ question: Question, peers: PeerGroup) throws(StatisticsError)
        -> (count: Int, distribution: QuantileDistribution?, quartiles: [QuantileEstimate])
    {
        guard let values = factorValues[question.name] else { throw .unknownVariable(question.name) }
        let answered = (0..<dataset.rowCount).map { peers.rows[$0] && !values[$0].isNaN }
        let count = answered.count(where: { $0 })
        guard count >= rules.minimumBaseCount else { return (count, nil, []) }
        let distribution = try QuantileDistribution(values: values, weights: design.weights, rows: answered)
        let quartiles = try Quantiles.estimate([0.25, 0.5, 0.75], of: values, in: answered, design: design)
        return (count, distribution, quartiles)
    }
}

/// The nation's published tables for the compared questions, and how a question's table and
/// option cell are found.
struct NationalTables: Sendable {
    let tables: [String: EstimateTable]

    init(questions: [Question], dataset: Dataset, design: SurveyDesign, rules: DisclosureRules)
        throws(StatisticsError)
    {
        let estimator = Estimator(dataset: dataset, design: design)
        var tables: [String: EstimateTable] = [:]
        for question in questions {
            tables[question.name] = DisclosureControl.apply(rules, to: try Self.table(question, estimator: estimator))
        }
        self.tables = tables
    }

    static func table(_ question: Question, estimator: Estimator) throws(StatisticsError) -> EstimateTable {
        question.type == .multipleChoice
            ? try estimator.multipleResponse(question.name, kind: .shareOfRespondents)
            : try estimator.shares(of: question.name)
    }

    static func cell(_ code: Int, of question: Question, in table: EstimateTable) -> EstimateCell? {
        if question.type == .multipleChoice {
            let item = InstrumentCodebookNaming.itemName(question.name, code: code)
            return table.cells.first { $0.category?.item == item }
        }
        return table.cells.first { $0.category?.code == code }
    }
}
