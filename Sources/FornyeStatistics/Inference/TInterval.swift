/// A t-based test and Wald interval for one estimate with a design-based standard error.
struct TInterval {
    let tStatistic: Double
    let pValue: Double
    let lower: Double
    let upper: Double

    /// - Throws: when the interval is not defined: no degrees of freedom, no variance, or a
    ///   level outside (0, 1). A NaN would otherwise travel silently into a published table.
    init(estimate: Double, standardError: Double, degreesOfFreedom: Double, level: Double, what: String)
        throws(StatisticsError)
    {
        try Self.check(level: level)
        guard degreesOfFreedom > 0 else {
            throw .invalidArgument("\(what): no degrees of freedom left for a t test (df = \(degreesOfFreedom))")
        }
        guard standardError > 0, standardError.isFinite, estimate.isFinite else {
            throw .invalidArgument("\(what): the standard error is \(standardError); no test or interval is possible")
        }
        let t = estimate / standardError
        let quantile = Distributions.studentTQuantile(1 - (1 - level) / 2, degreesOfFreedom: degreesOfFreedom)
        tStatistic = t
        pValue = 2 * Distributions.studentTCDF(-abs(t), degreesOfFreedom: degreesOfFreedom)
        lower = estimate - quantile * standardError
        upper = estimate + quantile * standardError
    }

    static func check(level: Double) throws(StatisticsError) {
        guard level > 0, level < 1 else {
            throw .invalidArgument("the confidence level must lie strictly between 0 and 1, not \(level)")
        }
    }
}
