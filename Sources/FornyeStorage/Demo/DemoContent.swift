public import FluentKit
import FornyeBarometer
import FornyeStatistics

/// The demo content a fresh installation starts with: the synthetic baseline wave and its
/// synthetic follow-up, both labelled SYNTETISKE DATA in their codebooks and titles.
public enum DemoContent {
    public static let baselineSlug = "2018-syntetisk"
    public static let followUpSlug = "2020-syntetisk"

    /// Seeds the demo waves unless any wave exists. Returns the slugs it stored.
    @discardableResult
    public static func seedIfEmpty(_ database: any Database) async throws -> [String] {
        let repository = WaveRepository(database: database)
        guard try await WaveRecord.query(on: database).count() == 0 else { return [] }
        let (baseline, followUp) = try generated.get()
        let waves = [
            stored(
                baseline, slug: baselineSlug, title: SyntheticBarometer.baselineTitle,
                shortTitle: "2018", subtitle: SyntheticBarometer.baselineSubtitle),
            stored(
                followUp, slug: followUpSlug, title: SyntheticBarometer.followUpTitle,
                shortTitle: "2020", subtitle: SyntheticBarometer.followUpSubtitle),
        ]
        for wave in waves {
            try await repository.insert(wave, status: .published)
        }
        return waves.map(\.slug)
    }

    /// Generated once per process: the waves are deterministic, and tests seed many databases.
    static let generated = Result { () throws -> (SyntheticWave, SyntheticWave) in
        (try SyntheticBarometer.baseline2018(), try SyntheticBarometer.followUp2020())
    }

    private static func stored(
        _ wave: SyntheticWave, slug: String, title: String, shortTitle: String, subtitle: String
    ) -> StoredWave {
        StoredWave(
            slug: slug, title: "\(title) (\(SyntheticLabel.marker))", shortTitle: shortTitle,
            structureDate: wave.structureDate.description, dataset: wave.dataset, weights: wave.design.weights,
            margins: wave.population.margins,
            weightSource: SyntheticBarometer.weightSource(seed: wave.seed),
            subtitle: subtitle)
    }
}
