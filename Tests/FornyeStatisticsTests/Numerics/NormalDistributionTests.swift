import Testing

@testable import FornyeStatistics

@Suite("Normal distribution against R")
struct NormalDistributionTests {
    // Reference values from R 4.2.2, printed with:
    // Rscript -e '
    //   f <- function(v) ifelse(is.infinite(v), ifelse(v > 0, ".infinity", "-.infinity"), sprintf("%.17g", v))
    //   x <- c(-40, -37.5, -30, -20, -10, -8, -5.657, -5, -3, -1.96, -1, -0.66291, -0.5, -1e-10, 0, 0.3, 0.7, 1,
    //         1.5, 2.5, 5, 5.7, 8, 10, 30)
    //   cat(sprintf("(%s, %s, %s),", f(x), f(pnorm(x)), f(pnorm(x, lower.tail = FALSE))), sep = "\n")'
    static let normalProbabilities: [(x: Double, lower: Double, upper: Double)] = [
        (-40, 0, 1),
        (-37.5, 4.6053530095819552e-308, 1),
        (-30, 4.9067139271481872e-198, 1),
        (-20, 2.7536241186062337e-89, 1),
        (-10, 7.6198530241605269e-24, 1),
        (-8, 6.2209605742717849e-16, 0.99999999999999933),
        (-5.657, 7.7020881721775998e-09, 0.99999999229791181),
        (-5, 2.8665157187919391e-07, 0.99999971334842808),
        (-3, 0.0013498980316300946, 0.9986501019683699),
        (-1.96, 0.024997895148220428, 0.97500210485177963),
        (-1, 0.15865525393145705, 0.84134474606854293),
        (-0.66291, 0.25369409838974, 0.74630590161026),
        (-0.5, 0.30853753872598694, 0.69146246127401301),
        (-1e-10, 0.49999999996010575, 0.5000000000398942),
        (0, 0.5, 0.5),
        (0.29999999999999999, 0.61791142218895267, 0.38208857781104733),
        (0.69999999999999996, 0.75803634777692697, 0.24196365222307298),
        (1, 0.84134474606854293, 0.15865525393145705),
        (1.5, 0.93319279873114191, 0.066807201268858071),
        (2.5, 0.99379033467422384, 0.0062096653257761349),
        (5, 0.99999971334842808, 2.8665157187919391e-07),
        (5.7000000000000002, 0.99999999400962858, 5.9903714010635279e-09),
        (8, 0.99999999999999933, 6.2209605742717849e-16),
        (10, 1, 7.6198530241605269e-24),
        (30, 1, 4.9067139271481872e-198),
    ]

    // Reference values from R 4.2.2, printed with:
    // Rscript -e '
    //   f <- function(v) ifelse(is.infinite(v), ifelse(v > 0, ".infinity", "-.infinity"), sprintf("%.17g", v))
    //   p <- c(1e-300, 1e-100, 1e-20, 1e-10, 1e-5, 0.001, 0.025, 0.05, 0.075, 0.1, 0.3, 0.5, 0.7, 0.925, 0.95,
    //         0.975, 0.999, 1 - 1e-10)
    //   cat(sprintf("(%s, %s),", f(p), f(qnorm(p))), sep = "\n")'
    static let normalQuantiles: [(p: Double, quantile: Double)] = [
        (1e-300, -37.047096299361201),
        (1e-100, -21.273453560965319),
        (9.9999999999999995e-21, -9.2623400897984052),
        (1e-10, -6.3613409024040557),
        (1.0000000000000001e-05, -4.2648907939228256),
        (0.001, -3.0902323061678132),
        (0.025000000000000001, -1.9599639845400538),
        (0.050000000000000003, -1.6448536269514726),
        (0.074999999999999997, -1.4395314709384557),
        (0.10000000000000001, -1.2815515655446008),
        (0.29999999999999999, -0.52440051270804067),
        (0.5, 0),
        (0.69999999999999996, 0.52440051270804067),
        (0.92500000000000004, 1.4395314709384559),
        (0.94999999999999996, 1.6448536269514715),
        (0.97499999999999998, 1.9599639845400536),
        (0.999, 3.0902323061678132),
        (0.99999999989999999, 6.3613408896974208),
    ]

    @Test("pnorm, both tails, from the centre to beyond -37")
    func distributionFunction() {
        for row in Self.normalProbabilities {
            #expect(
                relativeError(Distributions.normalCDF(row.x), row.lower) <= referenceTolerance,
                "pnorm(\(row.x))")
            #expect(
                relativeError(Distributions.normalSurvival(row.x), row.upper) <= referenceTolerance,
                "pnorm(\(row.x), lower.tail = FALSE)")
        }
    }

    @Test("qnorm (AS 241) from 1e-300 to 1 - 1e-10")
    func quantile() {
        for row in Self.normalQuantiles {
            #expect(
                relativeError(Distributions.normalQuantile(row.p), row.quantile) <= referenceTolerance,
                "qnorm(\(row.p))")
        }
    }

    @Test("edge cases: bounds, NaN, infinities")
    func edges() {
        #expect(Distributions.normalQuantile(0) == -.infinity)
        #expect(Distributions.normalQuantile(1) == .infinity)
        #expect(Distributions.normalQuantile(-0.1).isNaN)
        #expect(Distributions.normalQuantile(1.1).isNaN)
        #expect(Distributions.normalQuantile(.nan).isNaN)
        #expect(Distributions.normalCDF(.nan).isNaN)
        #expect(Distributions.normalSurvival(.nan).isNaN)
        #expect(Distributions.normalCDF(-.infinity) == 0)
        #expect(Distributions.normalCDF(.infinity) == 1)
        #expect(Distributions.normalSurvival(-.infinity) == 1)
        #expect(Distributions.normalSurvival(.infinity) == 0)
        #expect(Distributions.normalQuantile(0.5) == 0)
    }

    @Test("the quantile inverts the distribution function")
    func roundTrip() {
        for p in [1e-200, 1e-12, 0.01, 0.2, 0.5, 0.8, 0.99] {
            let x = Distributions.normalQuantile(p)
            // Φ(x) magnifies the rounding of x by about x², 900 at p = 1e-200.
            #expect(relativeError(Distributions.normalCDF(x), p) <= referenceTolerance, "p = \(p)")
        }
    }
}
