/// How synthetic data are labelled wherever they are shown or written (pages, charts, CSV columns,
/// files, workbook sheets, terminal tables): one spelling, so a search finds every place.
///
/// It lives in FornyeBarometer, the lowest target that labels anything (its synthetic waves), and
/// the one every target that shows or writes data depends on; `Codebook.synthetic` (FornyeStatistics)
/// says whether data are synthetic, this says how that is shown.
public enum SyntheticLabel {
    /// «SYNTETISKE DATA»: the marker in bokmål, as columns, tags, banners and file names carry it.
    public static let marker = "SYNTETISKE DATA"
    /// «SYNTETISKE DATA / SYNTHETIC DATA»: where the English stands beside it.
    public static let bilingual = "\(marker) / SYNTHETIC DATA"
}
