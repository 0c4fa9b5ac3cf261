/// The English names of the figure CSV files' columns. The files keep their bokmål column names
/// in bokmål reports (scripts read them); an English report names the same columns in English.
enum CSVColumns {
    static let english: [String: String] = [
        "tabell": "table", "maal": "measure", "variabel": "variable", "domene": "domain", "domene_kode": "domain_code",
        "kategori": "category", "kategori_kode": "category_code", "n_grunnlag": "n_base", "n_celle": "n_cell",
        "vektet_grunnlag": "weighted_base", "estimat": "estimate", "standardfeil": "standard_error",
        "ki_nedre": "ci_lower", "ki_ovre": "ci_upper", "ki_niva": "ci_level", "ki_metode": "ci_method",
        "designeffekt": "design_effect", "designeffekt_referanse": "design_effect_reference",
        "frihetsgrader": "degrees_of_freedom", "flagg": "flags", "datakilde": "data_source",
        "sammenheng": "relationship", "grupper": "groups", "pearson_x2": "pearson_x2", "rao_scott_f": "rao_scott_f",
        "teller_fg": "numerator_df", "nevner_fg": "denominator_df", "p": "p",
        "gjennomsnittlig_designeffekt": "mean_design_effect", "modell": "model", "ledd": "term", "kode": "code",
        "referansekode": "reference_code", "koeffisient": "coefficient", "oddsforhold": "odds_ratio", "rader": "rows",
        "antall": "count", "andel_uvektet": "share_unweighted", "andel_vektet": "share_weighted",
        "andel_populasjon": "share_population", "indikator": "indicator", "noekkel": "key", "andel_1": "share_1",
        "ki_nedre_1": "ci_lower_1", "ki_ovre_1": "ci_upper_1", "n_1": "n_1", "andel_2": "share_2",
        "ki_nedre_2": "ci_lower_2", "ki_ovre_2": "ci_upper_2", "n_2": "n_2", "endring": "change",
    ]

    /// The header in `language`: English names for the columns that have one.
    static func header(_ header: [String], _ language: ReportLanguage) -> [String] {
        guard language == .en else { return header }
        return header.map { english[$0] ?? $0 }
    }
}

extension ReportDocument {
    /// The figures' CSV headers in `language`.
    mutating func nameColumns(in language: ReportLanguage) {
        for section in sections.indices {
            for figure in sections[section].figures.indices {
                sections[section].figures[figure].csv.header = CSVColumns.header(
                    sections[section].figures[figure].csv.header, language)
            }
        }
    }
}
