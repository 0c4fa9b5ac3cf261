import FornyeStatistics

/// What happens to every estimate table between the estimator and the page: small-cell
/// suppression and the NCHS reliability rules (`DisclosureControl`), unless switched off.
///
/// Tests and models (Rao–Scott, logistic regression, differences) are computed from the data, not
/// from published cells; they publish no counts of small groups.
struct Publication: Sendable {
    /// The rules applied to every table; nil publishes every cell as estimated.
    let rules: DisclosureRules?

    init(rules: DisclosureRules?) {
        self.rules = rules
    }

    func publish(_ table: EstimateTable) -> EstimateTable {
        guard let rules else { return table }
        return DisclosureControl.apply(rules, to: table)
    }

    /// One paragraph for the method section on what was done to small and unreliable cells.
    var methodNote: String {
        guard let rules else {
            return "Småcelleregler er slått av i denne versjonen: alle celler vises, også de som bygger på få svar. "
                + "Den er ikke til publisering."
        }
        var note =
            "Småcelleregler: en andel som bygger på 1–\(rules.minimumCellCount - 1) svar, og en gruppe med "
            + "1–\(rules.minimumBaseCount - 1) svar, vises ikke («skjult»)"
        note +=
            rules.secondarySuppression
            ? ", og flere celler skjules der de skjulte ellers kunne regnes ut fra summene som vises." : "."
        if rules.applyNCHSStandards {
            note +=
                " Andeler som er for usikre etter NCHS' standarder for andeler (effektivt utvalg under 30 eller "
                + "for bredt intervall), vises ikke («for usikker»); gjennomsnitt bygger på minst 30 svar."
        }
        return note
    }
}
