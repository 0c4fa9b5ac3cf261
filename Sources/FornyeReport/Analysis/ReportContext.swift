import FornyeStatistics

/// Everything the figure builders share: the analysis data, the (possibly raked) design, the
/// estimators for the two missing policies the report uses, and the publication step.
struct ReportContext: Sendable {
    let data: AnalysisData
    let design: SurveyDesign
    let options: ReportOptions
    let publication: Publication
    /// Substantive answers only (the default base).
    let estimator: Estimator
    /// "Vet ikke" and "ikke relevant" kept as categories, for figures whose base is everyone asked.
    let allAnswers: Estimator
    private let memo = ReportMemo()

    init(data: AnalysisData, design: SurveyDesign, options: ReportOptions) {
        self.data = data
        self.design = design
        self.options = options
        publication = Publication(rules: options.disclosure)
        estimator = Estimator(
            dataset: data.dataset, design: design,
            options: EstimationOptions(
                confidenceLevel: options.confidenceLevel, intervalMethod: options.intervalMethod))
        allAnswers = Estimator(
            dataset: data.dataset, design: design,
            options: EstimationOptions(
                missing: MissingPolicy(includeDontKnow: true, includeNotApplicable: true),
                confidenceLevel: options.confidenceLevel, intervalMethod: options.intervalMethod))
    }

    var dataset: Dataset { data.dataset }
    var codebook: Codebook { data.dataset.codebook }
    var schema: BarometerSchema { options.schema }
    var level: Double { options.confidenceLevel }
    var synthetic: Bool { codebook.synthetic }
    var language: ReportLanguage { options.language }

    func pick(_ bokmål: String, _ english: String) -> String { language.pick(bokmål, english) }

    func has(_ name: String) -> Bool {
        codebook.variable(named: name) != nil || codebook.multipleResponseSet(named: name) != nil
    }

    /// Shares of a single-choice variable, published.
    func shares(_ variable: String, by breakdowns: [String] = [], allAnswers all: Bool = false) throws(StatisticsError)
        -> EstimateTable
    {
        try memo.table("shares \(variable) \(breakdowns) \(all)") { () throws(StatisticsError) in
            publication.publish(try (all ? allAnswers : estimator).shares(of: variable, by: breakdowns))
        }
    }

    /// The Rao–Scott test of independence of two coded variables (substantive answers only).
    func raoScott(_ rows: String, by columns: String) throws(StatisticsError) -> RaoScottTest {
        try memo.test("\(rows) \(columns)") { () throws(StatisticsError) in
            try RaoScottTest.test(rows, by: columns, dataset: dataset, design: design)
        }
    }

    /// Shares of respondents (or of responses) choosing each option of a multiple-response set, published.
    func multipleResponse(_ set: String, kind: EstimateKind = .shareOfRespondents, by breakdowns: [String] = [])
        throws(StatisticsError) -> EstimateTable
    {
        try memo.table("mr \(set) \(kind) \(breakdowns)") { () throws(StatisticsError) in
            publication.publish(try estimator.multipleResponse(set, kind: kind, by: breakdowns))
        }
    }

    func means(_ variable: String, by breakdowns: [String] = []) throws(StatisticsError) -> EstimateTable {
        publication.publish(try estimator.means(of: variable, by: breakdowns))
    }

    /// The option label of a multiple-response item, without the question before it.
    func optionLabel(_ item: String, in set: String) -> String {
        guard language == .en else { return FigureKit.option(label(of: item), setLabel: label(of: set)) }
        return label(of: FornyeStatistics.Category(item: item, label: label(of: item)), in: set)
    }

    /// A short name for the background variables in the report's language (the instrument labels
    /// them with the question).
    func shortName(of variable: String) -> String {
        guard let background = schema.backgroundVariable(variable) else {
            guard language == .en else { return label(of: variable) }
            return codebook.variable(named: variable)?.labelEnglish ?? codebook.multipleResponseSet(named: variable)?
                .labelEnglish ?? label(of: variable)
        }
        return pick(background.bokmål, background.english)
    }

    /// The label of a variable or set, or its name.
    func label(of name: String) -> String {
        codebook.variable(named: name)?.label ?? codebook.multipleResponseSet(named: name)?.label ?? name
    }

    /// A category's label in the report's language: on English reports the codebook's English label
    /// of the code or item (the instrument's), else the bokmål label the estimate carries.
    func label(of category: FornyeStatistics.Category?, in variable: String) -> String {
        guard let category else { return "" }
        guard language == .en else { return category.label }
        if let item = category.item {
            let set = codebook.multipleResponseSet(named: variable)
            guard let english = codebook.variable(named: item)?.labelEnglish else { return category.label }
            return FigureKit.option(english, setLabel: set?.labelEnglish ?? "")
        }
        guard let code = category.code, let definition = codebook.variable(named: variable) else {
            return category.label
        }
        if let value = definition.valueLabels.first(where: { $0.code == code }) {
            return value.labelEnglish ?? category.label
        }
        switch definition.missingCodes[code] {
        case .dontKnow: return "Don't know"
        case .notApplicable: return "Not relevant"
        case .system, nil: return category.label
        }
    }

    /// A domain's label in the report's language (see `label(of:in:)`).
    func label(of domain: DomainValue) -> String {
        label(of: FornyeStatistics.Category(code: domain.code, label: domain.label), in: domain.variable)
    }
}

extension EstimateTable {
    /// The overall cell (no breakdown) of a category code.
    func cell(code: Int, domain: [Int] = []) -> EstimateCell? {
        cells.first { $0.category?.code == code && $0.domain.map(\.code) == domain }
    }

    /// The overall cell of a multiple-response item.
    func cell(item: String, domain: [Int] = []) -> EstimateCell? {
        cells.first { $0.category?.item == item && $0.domain.map(\.code) == domain }
    }

    /// Cells without a breakdown, in table order.
    var overall: [EstimateCell] { cells.filter(\.domain.isEmpty) }

    /// The domains of a one-way breakdown in table order, with the cell of `code` in each.
    func domains(code: Int) -> [(domain: DomainValue, cell: EstimateCell)] {
        cells.compactMap { cell in
            guard cell.domain.count == 1, cell.category?.code == code else { return nil }
            return (cell.domain[0], cell)
        }
    }
}
