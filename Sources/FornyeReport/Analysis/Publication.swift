import FornyeStatistics

/// What happens to every estimate table between the estimator and the page.
///
/// INTEGRATION POINT (disclosure): small-cell suppression and the NCHS reliability rules belong
/// here, as `DisclosureControl.apply(DisclosureRules(), to: table)` from FornyeStatistics, once
/// that type is on main (branch `disclosure`). Until then tables pass through unchanged, the
/// report says plainly that no suppression was applied (`methodNote`), and the renderers already
/// show suppressed or unreliable cells (`EstimateCell.isSuppressed`, `.unreliable`) as such.
struct Publication: Sendable {
    /// Whether small cells are suppressed in this rendering.
    let suppressesSmallCells = false

    func publish(_ table: EstimateTable) -> EstimateTable {
        table
    }

    /// One sentence for the method section on what was done to small cells.
    var methodNote: String {
        "Småcelleregler er ikke brukt i denne versjonen: alle celler vises, også de som bygger på få svar. "
            + "Les andeler med grunnlag under 30 enheter med stor forsiktighet."
    }
}
