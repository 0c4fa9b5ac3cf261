import FornyeBarometer
import FornyeStatistics

extension StatisticsBenchmark {
    /// The share tables of every variable with replicate weights, each beside the Taylor-linearised
    /// tables on the same design, timed one after the other in this process:
    /// - `bootstrap`: `count` Rao–Wu bootstrap replicates of the stratified design (rows are PSUs);
    /// - `jk1`: the JK1 jackknife of the same rows in `count` clusters, no strata (`count` replicates);
    /// - `brr`: BRR of the rows in 63 strata of two clusters each (64 replicates: a Sylvester
    ///   Hadamard matrix has an order that is a power of two).
    static func replicateTimes(survey: SyntheticSurvey, design: SurveyDesign, breakdownSets: [[String]], count: Int)
        throws -> [String: Any]
    {
        let rows = survey.dataset.rowCount
        let clustered = try SurveyDesign(
            rowCount: rows, weights: survey.weights, clusters: (0..<rows).map { "c\($0 % count)" })
        let halves = try SurveyDesign(
            rowCount: rows, weights: survey.weights, strata: (0..<rows).map { "s\($0 % 63)" },
            clusters: (0..<rows).map { "s\($0 % 63)-\($0 / 63 % 2)" })
        let cases: [(name: String, design: SurveyDesign, make: (SurveyDesign) throws -> ReplicateWeights)] = [
            ("bootstrap", design, { try ReplicateWeights.bootstrap($0, replicates: count, seed: 1) }),
            ("jk1", clustered, { try ReplicateWeights.jackknife($0) }),
            ("brr", halves, { try ReplicateWeights.balancedHalfSamples($0) }),
        ]
        var report: [String: Any] = [:]
        for (name, design, make) in cases {
            report["replicates_" + name] = try timing(
                survey: survey, design: design, breakdownSets: breakdownSets, make: make)
        }
        return report
    }

    private static func timing(
        survey: SyntheticSurvey, design: SurveyDesign, breakdownSets: [[String]],
        make: (SurveyDesign) throws -> ReplicateWeights
    ) throws -> [String: Any] {
        let clock = ContinuousClock.now
        let replicates = try make(design)
        let making = clock.duration(to: .now)
        func run(_ estimator: Estimator) throws -> (seconds: Double, checksum: Double) {
            let start = ContinuousClock.now
            var checksum = 0.0
            for variable in survey.variableNames {
                for table in try estimator.sharesTables(of: variable, byEach: breakdownSets) {
                    for cell in table.cells where cell.standardError.isFinite { checksum += cell.standardError }
                }
            }
            return (start.duration(to: .now).seconds, checksum)
        }
        let taylor = try run(Estimator(dataset: survey.dataset, design: design))
        let replicated = try run(Estimator(dataset: survey.dataset, design: design, replicates: replicates))
        return [
            "method": replicates.method.rawValue,
            "replicates": replicates.count,
            "replicate_weights_seconds": making.seconds,
            "taylor_seconds": taylor.seconds,
            "replicate_seconds": replicated.seconds,
            "replicate_over_taylor": replicated.seconds / taylor.seconds,
            "taylor_se_checksum": taylor.checksum,
            "replicate_se_checksum": replicated.checksum,
        ]
    }
}
