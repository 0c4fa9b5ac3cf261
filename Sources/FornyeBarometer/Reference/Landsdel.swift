/// The report's four regions (Tab V-0-2, codes of ``ReportClassifications/landsdel``) by county.
///
/// The report does not say how it formed its four landsdeler, and SSB's standard regions are finer
/// (seven landsdeler in 2018, e.g. "Agder og Rogaland", "Sør-Østlandet"), so the grouping is ours,
/// chosen from the report's own numbers and documented in `Resources/reference/SOURCES.md`:
///
/// - Østlandet: Østfold, Akershus, Oslo, Hedmark, Oppland, Buskerud, Vestfold, Telemark.
/// - Vestlandet: Aust-Agder, Vest-Agder, Rogaland, Hordaland, Sogn og Fjordane.
/// - Midt-Norge: Møre og Romsdal, Trøndelag.
/// - Nord-Norge: Nordland, Troms, Finnmark.
///
/// Why Agder with Vestlandet and Møre og Romsdal with Midt-Norge: Tab V-0-2 has 46 / 27 / 16 / 12 %
/// of respondents, and the report calls this representative of the landsdeler. Respondents are
/// service units, so a region's share should lie between its share of municipalities and its share
/// of population. Only this grouping puts all four shares in that band (2018 structure: municipalities
/// 32.5 / 27.3 / 19.7 / 20.6 %, population 50.5 / 26.6 / 13.7 / 9.2 %); with Agder in Østlandet,
/// Vestlandet would hold 20–21 % of both, and with Møre og Romsdal in Vestlandet, Midt-Norge would
/// hold 9–11 %. Midt-Norge as Møre og Romsdal plus Trøndelag is also the usual meaning (Helse
/// Midt-Norge). The report's interview list (Tab V-5) labels two Møre og Romsdal municipalities
/// Vestlandet, but it also puts Fjell (Hordaland) in Østlandet and Aust-Agder in a fifth region
/// "Sør-Norge", so it is not a consistent four-region key.
///
/// Every later county lies within one of these regions (Agder, Vestland, Viken, Innlandet, Vestfold og
/// Telemark, Troms og Finnmark, and the 2024 counties), so a municipality keeps its landsdel through
/// the 2019, 2020 and 2024 changes, with one exception: Hornindal (1444, Sogn og Fjordane, 1,175
/// inhabitants) joined Volda in Møre og Romsdal in 2020 and so moves from Vestlandet to Midt-Norge.
public enum LandsdelMapping {
    /// Landsdel code (1 Østlandet, 2 Vestlandet, 3 Midt-Norge, 4 Nord-Norge) for a fylkesnummer of the
    /// 2018, 2020 or 2024 county structure, or `nil` for a number that is none of them.
    public static func landsdel(ofCounty fylkesnummer: String) -> Int? { table[fylkesnummer] }

    /// Every fylkesnummer the mapping knows, with its landsdel.
    public static let table: [String: Int] = [
        // 2018 (and 16/17, the Trøndelag counties merged on 2018-01-01).
        "01": 1, "02": 1, "03": 1, "04": 1, "05": 1, "06": 1, "07": 1, "08": 1,
        "09": 2, "10": 2, "11": 2, "12": 2, "14": 2,
        "15": 3, "16": 3, "17": 3, "50": 3,
        "18": 4, "19": 4, "20": 4,
        // 2020–2023.
        "30": 1, "34": 1, "38": 1, "42": 2, "46": 2, "54": 4,
        // 2024–.
        "31": 1, "32": 1, "33": 1, "39": 1, "40": 1, "55": 4, "56": 4,
    ]
}
