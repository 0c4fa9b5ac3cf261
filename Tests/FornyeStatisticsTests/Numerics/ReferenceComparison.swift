import Testing

@testable import FornyeStatistics

/// |actual − expected| / |expected|, with exact agreement required where R gives 0 or ±∞.
func relativeError(_ actual: Double, _ expected: Double) -> Double {
    if expected == 0 || expected.isInfinite { return actual == expected ? 0 : .infinity }
    return abs(actual - expected) / abs(expected)
}

/// The accuracy the numerics promise against R for moderate arguments.
let referenceTolerance = 1e-12

/// The largest entrywise difference relative to the largest entry of `expected`, or infinity if
/// the sizes differ.
func relativeDifference(_ actual: Matrix, _ expected: Matrix) -> Double {
    guard actual.rows == expected.rows && actual.columns == expected.columns else { return .infinity }
    let scale = expected.values.reduce(0) { max($0, abs($1)) }
    let difference = zip(actual.values, expected.values).reduce(0) { max($0, abs($1.0 - $1.1)) }
    return scale == 0 ? difference : difference / scale
}
