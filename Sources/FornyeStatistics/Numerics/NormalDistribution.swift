import Foundation

extension Distributions {
    /// The standard normal distribution function Φ(x) = P(Z ≤ x) (R's `pnorm(x)`).
    public static func normalCDF(_ x: Double) -> Double {
        normalTails(x).lower
    }

    /// The standard normal upper tail P(Z > x) (R's `pnorm(x, lower.tail = FALSE)`), accurate
    /// far into the tail where 1 − Φ(x) would round to zero.
    public static func normalSurvival(_ x: Double) -> Double {
        normalTails(x).upper
    }

    /// The standard normal quantile Φ⁻¹(p) (R's `qnorm(p)`), by Wichura's algorithm AS 241
    /// (PPND16), accurate to about 1e-16.
    ///
    /// - Returns: −∞ for p = 0, +∞ for p = 1, NaN outside [0, 1].
    public static func normalQuantile(_ p: Double) -> Double {
        if p.isNaN || p < 0 || p > 1 { return .nan }
        if p == 0 { return -.infinity }
        if p == 1 { return .infinity }
        let q = p - 0.5
        if abs(q) <= 0.425 {
            let r = 0.180625 - q * q
            return q * polynomial(centralNumerator, r) / polynomial(centralDenominator, r)
        }
        var r = sqrt(-log(q < 0 ? p : 1 - p))
        let value: Double
        if r <= 5 {
            r -= 1.6
            value = polynomial(intermediateNumerator, r) / polynomial(intermediateDenominator, r)
        } else {
            r -= 5
            value = polynomial(tailNumerator, r) / polynomial(tailDenominator, r)
        }
        return q < 0 ? -value : value
    }

    /// Both tails of the standard normal by Cody's rational Chebyshev approximations
    /// (ACM TOMS 715, as in R's `pnorm_both`).
    static func normalTails(_ x: Double) -> (lower: Double, upper: Double) {
        if x.isNaN { return (.nan, .nan) }
        let y = abs(x)
        if y <= 0.66291 {
            let xsq = y > Double.ulpOfOne / 2 ? x * x : 0
            var numerator = codyA[4] * xsq
            var denominator = xsq
            for index in 0..<3 {
                numerator = (numerator + codyA[index]) * xsq
                denominator = (denominator + codyB[index]) * xsq
            }
            let half = x * (numerator + codyA[3]) / (denominator + codyB[3])
            return (0.5 + half, 0.5 - half)
        }
        var tail: Double
        if y <= sqrt(32) {
            var numerator = codyC[8] * y
            var denominator = y
            for index in 0..<7 {
                numerator = (numerator + codyC[index]) * y
                denominator = (denominator + codyD[index]) * y
            }
            tail = (numerator + codyC[7]) / (denominator + codyD[7])
        } else if y < 50 {
            let xsq = 1 / (x * x)
            var numerator = codyP[5] * xsq
            var denominator = xsq
            for index in 0..<4 {
                numerator = (numerator + codyP[index]) * xsq
                denominator = (denominator + codyQ[index]) * xsq
            }
            let correction = xsq * (numerator + codyP[4]) / (denominator + codyQ[4])
            tail = (inverseSqrtTwoPi - correction) / y
        } else {
            return x > 0 ? (1, 0) : (0, 1)
        }
        // exp(−y²/2) split so that the large part y_hi² is exact: y_hi has four fractional bits.
        let high = (y * 16).rounded(.down) / 16
        let low = (y - high) * (y + high)
        tail *= exp(-high * high * 0.5) * exp(-low * 0.5)
        // Like R, no subnormal results.
        if tail < Double.leastNormalMagnitude { tail = 0 }
        return x > 0 ? (1 - tail, tail) : (tail, 1 - tail)
    }

    static let inverseSqrtTwoPi = 0.398_942_280_401_432_677_939_946_059_934

    private static func polynomial(_ coefficients: [Double], _ x: Double) -> Double {
        coefficients.reversed().reduce(0) { $0 * x + $1 }
    }

    // Cody (1969, 1993): |x| ≤ 0.66291.
    private static let codyA = [
        2.235_252_035_460_683_928_7, 161.028_231_068_555_878_81, 1067.689_485_460_370_958_2,
        18154.981_253_343_561_249, 0.065_682_337_918_207_449_113,
    ]
    private static let codyB = [
        47.202_581_904_688_241_87, 976.098_551_737_776_693_22, 10260.932_208_618_978_205,
        45507.789_335_026_729_956,
    ]
    // 0.66291 < |x| ≤ √32.
    private static let codyC = [
        0.398_941_512_088_134_667_64, 8.883_149_794_388_375_941_2, 93.506_656_132_177_855_979,
        597.270_276_394_800_262_26, 2494.537_585_290_372_671_1, 6848.190_450_536_282_332_6,
        11602.651_437_647_350_124, 9842.714_838_383_978_021_8, 1.076_557_677_372_019_231_7e-8,
    ]
    private static let codyD = [
        22.266_688_044_328_115_691, 235.387_901_782_624_998_61, 1519.377_599_407_554_805,
        6485.558_298_266_760_755, 18615.571_640_885_098_091, 34900.952_721_145_977_266,
        38912.003_286_093_271_411, 19685.429_676_859_990_727,
    ]
    // √32 < |x| < 50.
    private static let codyP = [
        0.215_898_534_057_956_99, 0.127_401_161_160_247_363_9, 0.022_235_277_870_649_807,
        0.001_421_619_193_227_893_466, 2.911_287_495_116_879_2e-5, 0.023_073_441_764_940_173_03,
    ]
    private static let codyQ = [
        1.284_260_096_144_911_21, 0.468_238_212_480_865_118, 0.065_988_137_868_928_551_5,
        0.003_782_396_332_027_582_44, 7.297_515_550_839_662_05e-5,
    ]

    // Wichura (1988), AS 241, coefficients in increasing powers.
    private static let centralNumerator = [
        3.387_132_872_796_366_608_0, 133.141_667_891_784_377_45, 1971.590_950_306_551_442_7,
        13731.693_765_509_461_125, 45921.953_931_549_871_457, 67265.770_927_008_700_853,
        33430.575_583_588_128_105, 2509.080_928_730_122_672_7,
    ]
    private static let centralDenominator = [
        1, 42.313_330_701_600_911_252, 687.187_007_492_057_908_30, 5394.196_021_424_751_107_7,
        21213.794_301_586_595_867, 39307.895_800_092_710_610, 28729.085_735_721_942_674,
        5226.495_278_852_854_561_0,
    ]
    private static let intermediateNumerator = [
        1.423_437_110_749_683_577_34, 4.630_337_846_156_545_295_90, 5.769_497_221_460_691_405_50,
        3.647_848_324_763_204_605_04, 1.270_458_252_452_368_382_58, 0.241_780_725_177_450_611_770,
        0.022_723_844_989_269_184_583_3, 7.745_450_142_783_414_076_40e-4,
    ]
    private static let intermediateDenominator = [
        1, 2.053_191_626_637_758_821_87, 1.676_384_830_183_803_849_40, 0.689_767_334_985_100_004_550,
        0.148_103_976_427_480_074_590, 0.015_198_666_563_616_457_196_6, 5.475_938_084_995_344_946_00e-4,
        1.050_750_071_644_416_843_24e-9,
    ]
    private static let tailNumerator = [
        6.657_904_643_501_103_777_20, 5.463_784_911_164_114_369_90, 1.784_826_539_917_291_335_80,
        0.296_560_571_828_504_891_230, 0.026_532_189_526_576_123_093_0, 0.001_242_660_947_388_078_438_60,
        2.711_555_568_743_487_578_15e-5, 2.010_334_399_292_288_132_65e-7,
    ]
    private static let tailDenominator = [
        1, 0.599_832_206_555_887_937_690, 0.136_929_880_922_735_805_310, 0.014_875_361_290_850_614_852_5,
        7.868_691_311_456_132_591_00e-4, 1.846_318_317_510_054_681_80e-5, 1.421_511_758_316_445_888_70e-7,
        2.044_263_103_389_939_785_64e-15,
    ]
}
