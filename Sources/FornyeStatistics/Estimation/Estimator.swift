/// Design-based estimates of shares, multiple-response shares, means and totals, overall and by
/// one or two breakdowns, each with its base, standard error, confidence interval and design effect.
///
/// Estimates by breakdown are *domain* estimates: the full design is kept and rows outside a
/// domain contribute nothing, so standard errors account for the randomness of domain sizes,
/// as R's `svyby` does. Every number is checked against R's `survey` package (see
/// `scripts/r/README.md`).
///
/// ```swift
/// let estimator = Estimator(dataset: dataset, design: design)
/// let table = try estimator.shares(of: "innovated", by: ["county"])
/// for cell in table.cells { print(cell.domain, cell.category!.label, cell.estimate, cell.lower, cell.upper) }
/// ```
public struct Estimator: Sendable {
    public let dataset: Dataset
    public let design: SurveyDesign
    public let options: EstimationOptions
    /// Replicate weights of `design` (calibrated as it is); when given, every standard error and
    /// the degrees of freedom come from them instead of linearisation.
    public let replicates: ReplicateWeights?
    /// Breakdown domains are the same for every variable, so they are worked out once per estimator.
    private let domainCache: DomainIndexCache
    /// Takes the per-row variance path even for uncalibrated designs, so tests can check one path against the other.
    var forceDenseVariance = false
    /// Makes share tables through `RatioProblem` even where `ShareSums` could, so tests can compare the two.
    var forceGeneralSharePass = false
    /// Rows per chunk of `ShareSums`, smaller in tests so that a small table is summed in several chunks.
    var shareChunkRows = ShareSums.defaultChunkRows

    public init(
        dataset: Dataset, design: SurveyDesign, options: EstimationOptions = .init(),
        replicates: ReplicateWeights? = nil
    ) {
        self.dataset = dataset
        self.design = design
        self.options = options
        self.replicates = replicates
        domainCache = DomainIndexCache(dataset: dataset)
    }

    /// How this estimator's standard errors are made.
    public var varianceMethod: VarianceMethod {
        replicates.map { .replicates($0.method, count: $0.count) } ?? .taylor
    }

    /// The share of respondents in each category of a single-choice or ordinal variable.
    ///
    /// Categories are the labelled codes in codebook order, followed by the missing codes
    /// whose kind `options.missing` keeps in the base.
    public func shares(of variable: String, by breakdowns: [String] = []) throws(StatisticsError) -> EstimateTable {
        try sharesTables(of: variable, byEach: [breakdowns])[0]
    }

    /// Share tables for several breakdown sets at once, from one pass over the data.
    public func sharesTables(of variable: String, byEach breakdownSets: [[String]]) throws(StatisticsError)
        -> [EstimateTable]
    {
        let definition = try variableDefinition(variable)
        guard definition.kind == .singleChoice || definition.kind == .ordinal else {
            throw .wrongKind(variable: variable, expected: "single-choice or ordinal", actual: definition.kind)
        }
        let categories = shareCategories(of: definition)
        let lookup = CodeLookup(codes: categories.map { $0.code! })
        let codes = try dataset.codes(of: variable)
        if replicates == nil && design.calibrations.isEmpty && design.psuCount == design.rowCount
            && !forceDenseVariance && !forceGeneralSharePass && !categories.isEmpty
        {
            let indexes = try breakdownSets.map { (set) throws(StatisticsError) in try domainCache.index(for: set) }
            if let shareSums = ShareSums(codes: codes, lookup: lookup, estimates: categories.count, indexes: indexes) {
                let sums = shareSums.stratumSums(design: design, chunkRows: shareChunkRows)
                let result = try RatioEngine.variances(
                    from: sums, domains: shareSums.domainCount, estimates: categories.count, design: design)
                return tables(
                    kind: .share, variable: definition.name, label: definition.label, indexes: indexes,
                    categories: categories, result: result)
            }
        }
        let categoryOfRow = codes.map { lookup.index(of: $0) }
        let inBase = categoryOfRow.map { $0 >= 0 }
        return try tables(
            kind: .share, variable: definition.name, label: definition.label, breakdownSets: breakdownSets,
            categories: categories, inBase: inBase,
            slots: [RatioProblem.Slot(estimateOfRow: categoryOfRow, valueOfRow: nil)], denominator: nil)
    }

    /// The options of a multiple-response set, as shares of respondents (each option's share of
    /// those asked; sums past 100 %) or of responses (each option's share of all ticks; sums to 100 %).
    ///
    /// The base is the respondents with a 0 or 1 on every item: routed-past rows (system
    /// missing) and rows with a missing code on any item are outside it.
    public func multipleResponse(_ set: String, kind: EstimateKind, by breakdowns: [String] = [])
        throws(StatisticsError) -> EstimateTable
    {
        try multipleResponseTables(set, kind: kind, byEach: [breakdowns])[0]
    }

    /// Multiple-response tables for several breakdown sets, from one pass over the data.
    public func multipleResponseTables(_ set: String, kind: EstimateKind, byEach breakdownSets: [[String]])
        throws(StatisticsError) -> [EstimateTable]
    {
        guard kind == .shareOfRespondents || kind == .shareOfResponses else {
            throw .invalidArgument("a multiple-response table is a share of respondents or of responses")
        }
        guard let definition = dataset.codebook.multipleResponseSet(named: set) else { throw .unknownVariable(set) }
        var inBase = [Bool](repeating: true, count: dataset.rowCount)
        var ticks = [Double](repeating: 0, count: dataset.rowCount)
        var slots: [RatioProblem.Slot] = []
        var categories: [Category] = []
        for (position, item) in definition.items.enumerated() {
            let codes = try dataset.codes(of: item)
            var estimateOfRow = [Int32](repeating: -1, count: dataset.rowCount)
            for row in 0..<dataset.rowCount {
                switch codes[row] {
                case 1:
                    estimateOfRow[row] = Int32(position)
                    ticks[row] += 1
                case 0: break
                default: inBase[row] = false
                }
            }
            slots.append(RatioProblem.Slot(estimateOfRow: estimateOfRow, valueOfRow: nil))
            categories.append(Category(item: item, label: try dataset.variable(named: item).label))
        }
        return try tables(
            kind: kind, variable: definition.name, label: definition.label, breakdownSets: breakdownSets,
            categories: categories, inBase: inBase, slots: slots,
            denominator: kind == .shareOfResponses ? ticks : nil)
    }

    /// The mean of a numeric or ordinal variable (for a Likert item, the mean score); missing
    /// codes are never averaged.
    public func means(of variable: String, by breakdowns: [String] = []) throws(StatisticsError) -> EstimateTable {
        try measurementTables(.mean, of: variable, byEach: [breakdowns])[0]
    }

    /// The estimated population total of a numeric variable.
    public func totals(of variable: String, by breakdowns: [String] = []) throws(StatisticsError) -> EstimateTable {
        try measurementTables(.total, of: variable, byEach: [breakdowns])[0]
    }

    /// Mean or total tables for several breakdown sets, from one pass over the data.
    public func measurementTables(_ kind: EstimateKind, of variable: String, byEach breakdownSets: [[String]])
        throws(StatisticsError) -> [EstimateTable]
    {
        guard kind == .mean || kind == .total else {
            throw .invalidArgument("measurement tables are means or totals")
        }
        let definition = try variableDefinition(variable)
        guard definition.kind == .numeric || definition.kind == .ordinal else {
            throw .wrongKind(variable: variable, expected: "numeric or ordinal", actual: definition.kind)
        }
        let values = try dataset.measurements(of: variable)
        let inBase = values.map { !$0.isNaN }
        let zeroed = values.map { $0.isNaN ? 0 : $0 }
        let estimateOfRow = inBase.map { $0 ? Int32(0) : -1 }
        return try tables(
            kind: kind, variable: definition.name, label: definition.label, breakdownSets: breakdownSets,
            categories: [], inBase: inBase,
            slots: [RatioProblem.Slot(estimateOfRow: estimateOfRow, valueOfRow: zeroed)],
            denominator: nil)
    }

    // MARK: - Shared machinery

    private func variableDefinition(_ name: String) throws(StatisticsError) -> Variable {
        guard design.rowCount == dataset.rowCount else {
            throw .invalidDesign("the design has \(design.rowCount) rows; the dataset has \(dataset.rowCount)")
        }
        if let replicates, replicates.rowCount != dataset.rowCount {
            throw .invalidDesign(
                "the replicate weights have \(replicates.rowCount) rows; the dataset has \(dataset.rowCount)"
            )
        }
        return try dataset.variable(named: name)
    }

    private func shareCategories(of variable: Variable) -> [Category] {
        variable.categoryCodes(including: options.missing).map { code in
            switch variable.missingCodes[code] {
            case .dontKnow: Category(code: code, label: "Vet ikke")
            case .notApplicable: Category(code: code, label: "Ikke relevant")
            case .system, nil: Category(code: code, label: variable.label(of: code))
            }
        }
    }

    /// Runs one pass for all breakdown sets: their domains are numbered one after the other, so a
    /// row belongs to one domain per set, which the engine sees as one slot per set.
    private func tables(
        kind: EstimateKind, variable: String, label: String, breakdownSets: [[String]], categories: [Category],
        inBase: [Bool], slots: [RatioProblem.Slot], denominator: [Double]?
    ) throws(StatisticsError) -> [EstimateTable] {
        let indexes = try breakdownSets.map { (set) throws(StatisticsError) in try domainCache.index(for: set) }
        let estimateCount = max(categories.count, 1)
        let rowCount = dataset.rowCount
        var flatDomains = [Int32](repeating: -1, count: indexes.count * rowCount)
        var domainCount = 0
        for (position, index) in indexes.enumerated() {
            let offset = Int32(domainCount)
            let start = position * rowCount
            let domainOfRow = index.domainOfRow
            for row in 0..<rowCount where inBase[row] && domainOfRow[row] >= 0 {
                flatDomains[start + row] = domainOfRow[row] + offset
            }
            domainCount += index.domains.count
        }
        var problem = RatioProblem(
            domainCount: domainCount, estimateCount: estimateCount, flatDomains: flatDomains,
            setCount: indexes.count, slots: slots, denominatorOfRow: denominator)
        problem.estimatesTotals = kind == .total
        let result = try RatioEngine.run(
            problem, design: design, forceDense: forceDenseVariance, replicates: replicates)
        return tables(
            kind: kind, variable: variable, label: label, indexes: indexes, categories: categories, result: result)
    }

    /// One table per breakdown set from the engine's result, whose domains are the sets' domains one after the other.
    private func tables(
        kind: EstimateKind, variable: String, label: String, indexes: [DomainIndex], categories: [Category],
        result: RatioResult
    ) -> [EstimateTable] {
        var tables: [EstimateTable] = []
        var offset = 0
        for index in indexes {
            tables.append(
                EstimateTable(
                    kind: kind, variable: variable, label: label, breakdowns: index.breakdowns,
                    confidenceLevel: options.confidenceLevel, intervalMethod: options.intervalMethod,
                    synthetic: dataset.codebook.synthetic,
                    cells: cells(
                        kind: kind, domains: index.domains, firstDomain: offset, categories: categories,
                        result: result),
                    designEffectReference: designEffectReference, varianceMethod: varianceMethod))
            offset += index.domains.count
        }
        return tables
    }

    private func cells(
        kind: EstimateKind, domains: [[DomainValue]], firstDomain: Int, categories: [Category], result: RatioResult
    ) -> [EstimateCell] {
        let estimateCount = max(categories.count, 1)
        var cells: [EstimateCell] = []
        for (position, domain) in domains.enumerated() {
            let domainIndex = firstDomain + position
            let base = result.baseCount[domainIndex]
            let weightedBase = result.weightedBase[domainIndex]
            let degreesOfFreedom = result.degreesOfFreedom[domainIndex]
            for estimateIndex in 0..<estimateCount {
                let cell = domainIndex * estimateCount + estimateIndex
                let total = result.numeratorTotal[cell]
                let category = categories.isEmpty ? nil : categories[estimateIndex]
                var flags = Set<CellFlag>()
                if base == 0 { flags.insert(.emptyDomain) }
                if result.noVariance[domainIndex] || degreesOfFreedom <= 0 { flags.insert(.noVariance) }
                let estimate: Double
                let variance: Double
                switch kind {
                case .total:
                    estimate = total
                    variance = result.totalVariance[cell]
                default:
                    let denominator = result.denominatorTotal[domainIndex]
                    estimate = denominator > 0 ? total / denominator : .nan
                    variance = result.ratioVariance[cell]
                }
                let standardError = variance.squareRoot()
                let interval =
                    (kind == .mean || kind == .total)
                    ? ConfidenceInterval.symmetric(
                        estimate, standardError: standardError, degreesOfFreedom: degreesOfFreedom,
                        level: options.confidenceLevel)
                    : ConfidenceInterval.share(
                        estimate, standardError: standardError, baseCount: base,
                        positiveCount: result.positiveCount[domainIndex], degreesOfFreedom: degreesOfFreedom,
                        level: options.confidenceLevel, method: options.intervalMethod)
                cells.append(
                    EstimateCell(
                        domain: domain, category: category, baseCount: base,
                        cellCount: categories.isEmpty ? base : result.cellCount[cell], weightedBase: weightedBase,
                        estimate: estimate, standardError: standardError, lower: interval.lower, upper: interval.upper,
                        designEffect: designEffect(
                            kind: kind, variance: variance, estimate: estimate, cell: cell, domain: domainIndex,
                            result: result),
                        degreesOfFreedom: degreesOfFreedom, flags: flags))
            }
        }
        return cells
    }

    /// The reference of the design effects: the options', or the design's.
    var designEffectReference: DesignEffectReference {
        options.designEffectReference ?? .automatic(for: design)
    }

    /// R's `deff = "replace"`: the variance over `svyvar / n` (means, shares) or
    /// `svyvar · (Σw)² / n` (totals), where `svyvar = n/(n − 1) · Σw(y − ȳ)² / Σw` over the
    /// n rows with positive weight in the base; R's `deff = TRUE` (srswor) multiplies the
    /// reference by `(Σw − n)/Σw` and has none when Σw ≤ n. No design effect for shares of responses.
    private func designEffect(
        kind: EstimateKind, variance: Double, estimate: Double, cell: Int, domain: Int, result: RatioResult
    ) -> Double? {
        guard kind != .shareOfResponses else { return nil }
        let n = Double(result.positiveCount[domain])
        let weightSum = result.weightedBase[domain]
        guard n > 1, weightSum > 0 else { return nil }
        let mean = result.numeratorTotal[cell] / weightSum
        let spread = result.weightedSquares[cell] / weightSum - mean * mean
        let populationVariance = n / (n - 1) * spread
        var simpleVariance =
            kind == .total ? populationVariance * weightSum * weightSum / n : populationVariance / n
        if designEffectReference == .srswor { simpleVariance *= (weightSum - n) / weightSum }
        return simpleVariance > 0 ? variance / simpleVariance : nil
    }
}
