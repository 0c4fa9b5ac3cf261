/// How a confidence interval is formed. Shares use one of the proportion methods; means
/// and totals always use the symmetric t interval, whatever is chosen here.
public enum IntervalMethod: String, Sendable, Codable, CaseIterable {
    /// Logit interval from the intercept of a design-based logistic model: R `svyciprop(method = "logit")`, its default.
    case logit
    /// Logit transform of the share with the delta-method SE: R `svyciprop(method = "xlogit")`, SPSS Complex Samples.
    case xlogit
    /// Wilson score interval on the effective sample size `p(1 − p)/SE²`, with the t quantile on design df.
    case wilson
    /// Korn–Graubard Clopper–Pearson interval on the df-adjusted effective sample size: R `svyciprop(method = "beta")`.
    case kornGraubard = "beta"
    /// Arcsine square-root transform with the delta-method SE: R `svyciprop(method = "asin")`.
    case asin
    /// Profile likelihood of the intercept-only logistic model, its cut-off scaled by the design
    /// effect of the coefficient: R `svyciprop(method = "likelihood")`.
    case likelihood
    /// Symmetric Wald interval `p ± t·SE`: R `confint(svymean(...), df = degf(design))`.
    case wald
}
