/// The rows of several barometer waves pooled for a programme evaluation: which wave each row
/// answered, whether its municipality took part in the programme, the municipality (the cluster
/// that links rows across waves), the stratum and the weight.
///
/// Linked (the default): the pooled design has one PSU per municipality within its stratum, so a
/// municipality seen in two waves is one cluster and the covariance of its answers in both waves
/// enters every change (R: `svydesign(ids = ~municipality, strata = ~stratum, weights = ~w,
/// nest = TRUE)` on the stacked rows). Unlinked: rows cannot be followed across waves, so each
/// wave keeps its own strata and PSUs (stratum and cluster labels prefixed by the wave) and the
/// waves are independent samples; the results say so (`linked == false`).
///
/// ```swift
/// let panel = try EvaluationPanel(
///     dataset: pooled, wave: "wave", group: "forkommune", participantCodes: [1],
///     cluster: "kommune", strata: "size_group", weight: "weight")
/// let effect = try DifferenceInDifferences.estimate(.share(category: 1), of: "innovated",
///     panel: panel, before: 2018, after: 2022)
/// ```
public struct EvaluationPanel: Sendable {
    public let dataset: Dataset
    /// The wave of each row (for example 2018); nil when the row has none.
    public let waveOfRow: [Int?]
    /// Whether each row belongs to a participating municipality; nil when the status is missing.
    public let isParticipant: [Bool?]
    /// The municipality (or other cluster) of each row.
    public let clusterOfRow: [String]
    /// The stratum of each row, or nil for an unstratified design.
    public let stratumOfRow: [String]?
    /// The sampling (or calibrated) weight of each row.
    public let weights: [Double]
    /// Whether rows are linked across waves through their cluster.
    public let linked: Bool

    /// The waves present, ascending.
    public var waves: [Int] { Set(waveOfRow.compactMap(\.self)).sorted() }

    /// A panel from per-row arrays, all of the dataset's length.
    public init(
        dataset: Dataset, waveOfRow: [Int?], isParticipant: [Bool?], clusterOfRow: [String],
        stratumOfRow: [String]? = nil, weights: [Double]? = nil, linked: Bool = true
    ) throws(StatisticsError) {
        let count = dataset.rowCount
        for (name, length) in [
            ("wave", waveOfRow.count), ("group", isParticipant.count), ("cluster", clusterOfRow.count),
            ("strata", stratumOfRow?.count ?? count), ("weights", weights?.count ?? count),
        ] where length != count {
            throw .lengthMismatch(variable: name, expected: count, actual: length)
        }
        self.dataset = dataset
        self.waveOfRow = waveOfRow
        self.isParticipant = isParticipant
        self.clusterOfRow = clusterOfRow
        self.stratumOfRow = stratumOfRow
        self.weights = weights ?? [Double](repeating: 1, count: count)
        self.linked = linked
    }

    /// A panel from variables of the pooled dataset.
    ///
    /// - Parameters:
    ///   - wave: A coded or numeric variable holding the wave (whole numbers, such as the year).
    ///   - group: A coded variable; rows with one of `participantCodes` are participants, rows with
    ///     another substantive code the comparison group, rows with a missing code neither.
    ///   - cluster: The municipality: a coded, numeric or text variable, never empty.
    ///   - strata: The stratum variable (any kind), or nil.
    ///   - weight: A numeric weight variable, or nil for equal weights.
    ///   - linked: Whether the cluster identifies the same municipality in every wave.
    public init(
        dataset: Dataset, wave: String, group: String, participantCodes: Set<Int>, cluster: String,
        strata: String? = nil, weight: String? = nil, linked: Bool = true
    ) throws(StatisticsError) {
        let waves = try dataset.measurements(of: wave)
        let waveOfRow: [Int?] = try waves.enumerated().map { (row, value) throws(StatisticsError) in
            guard !value.isNaN else { return nil }
            guard value.rounded() == value, abs(value) < 1e9 else {
                throw .invalidValue(variable: wave, row: row + 1, message: "wave \(value) is not a whole number")
            }
            return Int(value)
        }
        let groups = try CodedValues(group, in: dataset, missing: .substantiveOnly)
        for code in participantCodes.sorted() { _ = try groups.position(of: code, variable: group) }
        let isParticipant = groups.categoryOfRow.map { $0.map { participantCodes.contains(groups.categories[$0]) } }
        let clusters = try Self.labels(of: cluster, in: dataset)
        if let row = clusters.firstIndex(where: { $0 == nil }) {
            throw .invalidValue(variable: cluster, row: row + 1, message: "every row needs its municipality (cluster)")
        }
        var weights: [Double]?
        if let weight {
            let variable = try dataset.variable(named: weight)
            guard variable.kind == .numeric else {
                throw .wrongKind(variable: weight, expected: "a numeric weight", actual: variable.kind)
            }
            weights = try dataset.measurements(of: weight)
        }
        try self.init(
            dataset: dataset, waveOfRow: waveOfRow, isParticipant: isParticipant,
            clusterOfRow: clusters.map { $0 ?? "" },
            stratumOfRow: try strata.map { (name) throws(StatisticsError) in
                try Self.labels(of: name, in: dataset).map { $0 ?? "" }
            }, weights: weights, linked: linked)
    }

    /// The pooled design: municipalities as PSUs within strata when linked; every wave with its
    /// own strata and PSUs when not.
    public func design(lonelyPSU: LonelyPSUPolicy = .fail) throws(StatisticsError) -> SurveyDesign {
        if linked {
            return try SurveyDesign(
                rowCount: dataset.rowCount, weights: weights, strata: stratumOfRow, clusters: clusterOfRow,
                lonelyPSU: lonelyPSU)
        }
        let wave = waveOfRow.map { $0.map(String.init) ?? "-" }
        let strata = (0..<dataset.rowCount).map { "\(wave[$0])|\(stratumOfRow?[$0] ?? "")" }
        let clusters = (0..<dataset.rowCount).map { "\(wave[$0])|\(clusterOfRow[$0])" }
        return try SurveyDesign(
            rowCount: dataset.rowCount, weights: weights, strata: strata, clusters: clusters, lonelyPSU: lonelyPSU)
    }

    /// `design` when given (for example with reweighted comparison rows), else the panel's own.
    func design(or design: SurveyDesign?) throws(StatisticsError) -> SurveyDesign {
        if let design { return design }
        return try self.design()
    }

    /// A variable's values as labels (codes and numbers printed, text as is); nil when empty.
    private static func labels(of name: String, in dataset: Dataset) throws(StatisticsError) -> [String?] {
        switch try dataset.column(named: name) {
        case .texts(let texts): return texts
        case .codes(let codes): return codes.map { $0 == Column.systemMissing ? nil : String($0) }
        case .numbers(let values): return values.map { $0.isNaN ? nil : String($0) }
        }
    }
}
