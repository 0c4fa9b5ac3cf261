/// Distribution and quantile functions of the normal, Student t, beta, F and chi-squared
/// distributions, within 1e-12 relative of R's `pnorm`, `qt`, `pbeta` and friends (typically
/// 1e-14; the larger differences are in tails below 1e-100).
///
/// Every function follows R at the edges: NaN in gives NaN out, invalid parameters give NaN,
/// probabilities 0 and 1 give the bounds of the support, and the limiting cases R defines
/// (infinite degrees of freedom, beta shapes of 0) give R's answers.
///
/// ```swift
/// let critical = Distributions.studentTQuantile(0.975, degreesOfFreedom: 29)  // 2.045229642132703
/// let pValue = Distributions.fSurvival(3.1, numeratorDegreesOfFreedom: 2.37, denominatorDegreesOfFreedom: 237.4)
/// // pValue == 0.0384056605310875
/// ```
public enum Distributions {}
