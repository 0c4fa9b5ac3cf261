/// Distribution and quantile functions of the normal, Student t, beta, F and chi-squared
/// distributions, accurate to about 1e-14 relative to R's `pnorm`, `qt`, `pbeta` and friends.
///
/// Every function follows R at the edges: NaN in gives NaN out, invalid parameters give NaN,
/// probabilities 0 and 1 give the bounds of the support, and the limiting cases R defines
/// (infinite degrees of freedom, beta shapes of 0) give R's answers.
///
/// ```swift
/// let critical = Distributions.studentTQuantile(0.975, degreesOfFreedom: 29)  // 2.045229642132703
/// let pValue = Distributions.fSurvival(3.1, numeratorDegreesOfFreedom: 2.37, denominatorDegreesOfFreedom: 237.4)
/// ```
public enum Distributions {}
