import FornyeBarometer
import FornyeStatistics

extension StatisticsBenchmark {
    /// The share tables of every variable with `count` Rao–Wu bootstrap replicates, and the
    /// Taylor-linearised tables again, timed one after the other in this process.
    static func replicateTimes(survey: SyntheticSurvey, design: SurveyDesign, breakdownSets: [[String]], count: Int)
        throws -> [String: Any]
    {
        let clock = ContinuousClock.now
        let replicates = try ReplicateWeights.bootstrap(design, replicates: count, seed: 1)
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
            "replicates": count,
            "replicate_weights_seconds": making.seconds,
            "taylor_seconds": taylor.seconds,
            "replicate_seconds": replicated.seconds,
            "replicate_over_taylor": replicated.seconds / taylor.seconds,
            "replicate_se_checksum": replicated.checksum,
        ]
    }
}
