/// Estimates any variable of a codebook with the estimator its kind calls for, so that every
/// caller (the `fornye estimate` command, the web API) makes that choice the same way:
///
/// - single choice: the share of each category;
/// - ordinal (Likert): the share of each category, or the mean score (`ordinal: .mean`);
/// - multiple-response set: each option's share of respondents, or of responses (`multipleResponseBase`);
/// - numeric: the mean, or the population total (`numeric: .total`).
///
/// An item of a multiple-response set and a text variable cannot be estimated alone. The
/// estimates themselves are `Estimator`'s (domain estimates by each breakdown, the full design
/// kept); a new kind of estimate goes there, and its choice here.
///
/// ```swift
/// let estimator = VariableEstimator(dataset: dataset, design: design, numeric: .total)
/// // The whole population and each county, from one pass over the data.
/// let tables = try estimator.tables(of: "employees", byEach: [[], ["county"]])
/// print(try estimator.kind(of: "employees"))  // total
/// ```
public struct VariableEstimator: Sendable {
    /// How an ordinal variable is summarised.
    public enum OrdinalSummary: String, Sendable, CaseIterable {
        /// The share of each category, as for a single-choice variable.
        case shares
        /// The mean score.
        case mean
    }

    /// How a numeric variable is summarised.
    public enum NumericSummary: String, Sendable, CaseIterable {
        case mean
        /// The estimated population total.
        case total
    }

    /// The estimator the tables come from (its dataset, design and options).
    public let estimator: Estimator
    public var ordinal: OrdinalSummary
    public var numeric: NumericSummary
    public var multipleResponseBase: MultipleResponseBase

    public init(
        dataset: Dataset, design: SurveyDesign, options: EstimationOptions = .init(),
        ordinal: OrdinalSummary = .shares, numeric: NumericSummary = .mean,
        multipleResponseBase: MultipleResponseBase = .respondents, replicates: ReplicateWeights? = nil
    ) {
        estimator = Estimator(dataset: dataset, design: design, options: options, replicates: replicates)
        self.ordinal = ordinal
        self.numeric = numeric
        self.multipleResponseBase = multipleResponseBase
    }

    /// What `tables(of:byEach:)` estimates for the variable or multiple-response set `name`.
    ///
    /// - Throws: `StatisticsError.unknownVariable(name)` when the codebook has neither a variable
    ///   nor a multiple-response set of that name; `.wrongKind` for an item of a
    ///   multiple-response set or a text variable.
    public func kind(of name: String) throws(StatisticsError) -> EstimateKind {
        let codebook = estimator.dataset.codebook
        if codebook.multipleResponseSet(named: name) != nil { return multipleResponseBase.kind }
        guard let variable = codebook.variable(named: name) else { throw .unknownVariable(name) }
        switch variable.kind {
        case .singleChoice: return .share
        case .ordinal: return ordinal == .mean ? .mean : .share
        case .numeric: return numeric == .total ? .total : .mean
        case .multipleChoiceItem, .text:
            throw .wrongKind(
                variable: name, expected: "a single-choice, ordinal or numeric variable, or a multiple-response set",
                actual: variable.kind)
        }
    }

    /// One table of `name` per breakdown set (`[]` for the whole population, one or two
    /// variables for a one- or two-way breakdown), from one pass over the data.
    public func tables(of name: String, byEach breakdownSets: [[String]]) throws(StatisticsError)
        -> [EstimateTable]
    {
        let chosen = try kind(of: name)
        switch chosen {
        case .share: return try estimator.sharesTables(of: name, byEach: breakdownSets)
        case .shareOfRespondents, .shareOfResponses:
            return try estimator.multipleResponseTables(name, kind: chosen, byEach: breakdownSets)
        case .mean, .total: return try estimator.measurementTables(chosen, of: name, byEach: breakdownSets)
        }
    }

    /// The table of `name` in the domains of one breakdown (none: the whole population).
    public func table(of name: String, by breakdowns: [String] = []) throws(StatisticsError) -> EstimateTable {
        try tables(of: name, byEach: [breakdowns])[0]
    }
}

/// The base of a multiple-response set's shares.
public enum MultipleResponseBase: String, Sendable, CaseIterable {
    /// Each option's share of the respondents asked (the shares can sum past 100 %).
    case respondents
    /// Each option's share of all options chosen (the shares sum to 100 %).
    case responses

    /// The estimate this base gives.
    public var kind: EstimateKind { self == .respondents ? .shareOfRespondents : .shareOfResponses }
}
