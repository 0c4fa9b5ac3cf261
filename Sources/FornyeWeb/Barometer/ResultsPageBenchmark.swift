public import FornyeStorage

/// What a results page costs when its filters are not cached yet: the report for the domain,
/// computed from the (cached) calibrated wave, and the page rendered. For
/// `Benchmarks/BarometerBenchmark`; the server goes through `BarometerStore`, which caches both.
public struct ResultsPageBenchmark: Sendable {
    let wave: PreparedWave

    /// Calibrates the wave to its margins, as the server does once per wave and data version.
    public init(_ stored: StoredWave) throws {
        wave = try BarometerStore.prepare(stored, status: .published)
    }

    /// Computes and renders the page for `filters` (variable name → code); returns its size in bytes.
    public func render(filters: [String: String], suppressed: Bool = true, language: String = "nb") throws -> Int {
        let parsed = try BarometerFilters.parse(filters, codebook: wave.dataset.codebook)
        let document = try BarometerStore.build(wave, filters: parsed, suppressed: suppressed)
        let page = WaveResultsPage(
            language: Language(rawValue: language) ?? .nb, wave: wave, waves: [], filters: parsed, document: document,
            suppressed: suppressed)
        return page.render().utf8.count
    }
}
