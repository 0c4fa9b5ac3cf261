/// How a quantile's confidence interval is made: R `svyquantile`'s `interval.type`.
public enum QuantileInterval: String, Sendable, Codable, CaseIterable {
    /// Woodruff's interval (`interval.type = "mean"`, R's default on every design): the interval of
    /// the share at or below the quantile, mapped back through the quantile rule.
    case woodruff = "mean"
    /// The replicate variance of the quantile itself (`interval.type = "quantile"`): the quantile
    /// is found again with every replicate's weights. Replicate designs only; R warns that the
    /// jackknife may not give valid standard errors for quantiles this way.
    case replicateQuantiles = "quantile"
}
