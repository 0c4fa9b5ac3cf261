import Testing

/// |actual − expected| / |expected|, with exact agreement required where R gives 0 or ±∞.
func relativeError(_ actual: Double, _ expected: Double) -> Double {
    if expected == 0 || expected.isInfinite { return actual == expected ? 0 : .infinity }
    return abs(actual - expected) / abs(expected)
}

/// The accuracy the numerics promise against R for moderate arguments.
let referenceTolerance = 1e-12
