/// The texts Fornye writes about its own synthetic waves, in bokmål as they are stored and in
/// English for English pages: stored wave texts are one language, so an English page looks its
/// own texts up here and shows any other text as it was entered.
extension SyntheticBarometer {
    /// The demo waves' titles as stored (before the synthetic marker), and in English.
    public static let baselineTitle = "Innovasjonsbarometeret 2018 – syntetisk grunnlagsbølge"
    public static let followUpTitle = "Innovasjonsbarometeret 2020 – syntetisk oppfølging"
    static let titlesEnglish = [
        baselineTitle: "The Innovation Barometer 2018 – synthetic baseline wave",
        followUpTitle: "The Innovation Barometer 2020 – synthetic follow-up",
    ]
    /// The sentence under the baseline's title, in English.
    public static let baselineSubtitleEnglish =
        "Innovation in municipal service units: the numbers of the baseline analysis for FORKOMMUNE "
        + "(Menon Economics 2018), with uncertainty, tests and adjusted relationships."
    /// The sentence under the follow-up's title, in English.
    public static let followUpSubtitleEnglish =
        "An invented follow-up wave on the municipal structure of 2020, made to show comparisons between waves and "
        + "the programme evaluation; the numbers describe no real units."
    /// The synthetic codebook's title, in English.
    public static let titleEnglish =
        "\(SyntheticLabel.marker) – the Innovation Barometer, generated, not real answers / SYNTHETIC DATA"

    /// Where a demo wave's weights come from, as the wave stores it (bokmål).
    public static func weightSource(seed: UInt64) -> String {
        weightSourceStart + String(seed) + weightSourceEnd
    }

    private static let weightSourceStart =
        "generert sammen med de syntetiske svarene og raket til oppdiktede populasjonstall for enhetstype og "
        + "landsdel (frø "
    private static let weightSourceEnd = "); lagret som kalibrerte vekter og kalibrert på nytt ved analyse."

    /// The English of one of these texts, or nil for a text Fornye did not write.
    public static func english(of text: String) -> String? {
        switch text {
        case baselineSubtitle: return baselineSubtitleEnglish
        case followUpSubtitle: return followUpSubtitleEnglish
        case title: return titleEnglish
        default: break
        }
        // A demo wave's title, with or without the marker the stored title ends in.
        let marker = " (\(SyntheticLabel.marker))"
        if let english = titlesEnglish[text] { return english }
        if text.hasSuffix(marker), let english = titlesEnglish[String(text.dropLast(marker.count))] {
            return english + marker
        }
        // A wave's codebook: the synthetic title and the wave ("… – bølge 2018").
        let wave = " – bølge "
        if text.hasPrefix(title + wave), let year = Int(text.dropFirst(title.count + wave.count)) {
            return titleEnglish + " – wave \(year)"
        }
        guard text.hasPrefix(weightSourceStart), text.hasSuffix(weightSourceEnd),
            let seed = UInt64(text.dropFirst(weightSourceStart.count).dropLast(weightSourceEnd.count))
        else { return nil }
        return "generated together with the synthetic answers and raked to invented population counts for unit type "
            + "and region (seed \(seed)); stored as calibrated weights and calibrated again at analysis."
    }
}
