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
    /// The small-cell rules in a sentence, in the report's language.
    func methodNote(_ language: ReportLanguage) -> String {
        guard let rules else {
            return language.pick(
                "Småcelleregler er slått av i denne versjonen: alle celler vises, også de som bygger på få svar. "
                    + "Den er ikke til publisering.",
                "Small-cell rules are switched off in this version: every cell is shown, also those resting on few "
                    + "answers. It is not for publication.")
        }
        let cells = "1–\(rules.minimumCellCount - 1)"
        let bases = "1–\(rules.minimumBaseCount - 1)"
        var note = language.pick(
            "Småcelleregler: en andel som bygger på \(cells) svar, og en gruppe med \(bases) svar, vises ikke («skjult»)",
            "Small-cell rules: a share resting on \(cells) answers, and a group of \(bases) answers, is not shown "
                + "(“hidden”)")
        note +=
            rules.secondarySuppression
            ? language.pick(
                ", og flere celler skjules der de skjulte ellers kunne regnes ut fra summene som vises.",
                ", and further cells are hidden where the hidden ones could otherwise be worked out from the totals shown."
            )
            : "."
        if rules.applyNCHSStandards {
            note += language.pick(
                " Andeler som er for usikre etter NCHS' standarder for andeler (effektivt utvalg under 30 eller "
                    + "for bredt intervall), vises ikke («for usikker»); gjennomsnitt bygger på minst 30 svar.",
                " Shares too uncertain by the NCHS standards for proportions (an effective sample under 30 or too wide "
                    + "an interval) are not shown (“too uncertain”); means rest on at least 30 answers.")
        }
        return note
    }
}
