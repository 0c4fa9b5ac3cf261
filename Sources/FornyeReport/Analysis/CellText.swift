import FornyeStatistics

/// How a published cell reads in tables, charts and captions.
enum CellText {
    static let suppressed = "skjult"
    static let tooUncertain = "for usikker"
    static let noEstimate = "–"

    /// Hidden to protect respondents (primary or secondary suppression, one symbol for both).
    static func isConfidential(_ cell: EstimateCell) -> Bool {
        cell.flags.contains(.suppressedPrimary) || cell.flags.contains(.suppressedSecondary)
    }

    /// What a hidden cell reads as.
    static func hidden(_ cell: EstimateCell) -> String {
        isConfidential(cell) ? suppressed : tooUncertain
    }

    /// Whether the cell has a number to show.
    static func isShown(_ cell: EstimateCell) -> Bool {
        !cell.isSuppressed && cell.estimate.isFinite
    }

    /// "74 %", "skjult" or "–"; an unreliable share gets an asterisk.
    static func share(_ cell: EstimateCell?) -> String {
        guard let cell else { return noEstimate }
        if cell.isSuppressed { return hidden(cell) }
        guard cell.estimate.isFinite else { return noEstimate }
        return NorwegianFormat.percent(cell.estimate) + (cell.flags.contains(.unreliable) ? "*" : "")
    }

    /// "72–76", "fast" for a share the calibration fixed, or "–".
    static func interval(_ cell: EstimateCell?) -> String {
        guard let cell, isShown(cell) else { return noEstimate }
        if isFixed(cell) { return fixed }
        return NorwegianFormat.interval(cell.lower, cell.upper)
    }

    static let fixed = "fast"

    /// A share without sampling variance: the weights were calibrated to it (a raked margin, or a
    /// variable the margins determine), so its interval has no width.
    static func isFixed(_ cell: EstimateCell) -> Bool {
        isShown(cell) && cell.standardError.isFinite && cell.standardError < 1e-7 && cell.estimate > 0
            && cell.estimate < 1
    }

    /// "74 % (95 % KI 72–76)" for captions.
    static func spoken(_ cell: EstimateCell?, level: Double) -> String {
        guard let cell, isShown(cell) else { return share(cell) }
        if isFixed(cell) { return NorwegianFormat.percent(cell.estimate) + " (fast ved kalibreringen)" }
        return NorwegianFormat.percent(cell.estimate) + " (" + Captions.intervalName(level) + " "
            + NorwegianFormat.interval(cell.lower, cell.upper) + ")"
    }

    /// "74 %, 95 % KI 72–76" for use inside parentheses.
    static func inner(_ cell: EstimateCell?, level: Double) -> String {
        guard let cell, isShown(cell) else { return share(cell) }
        if isFixed(cell) { return NorwegianFormat.percent(cell.estimate) + ", fast ved kalibreringen" }
        return NorwegianFormat.percent(cell.estimate) + ", " + Captions.intervalName(level) + " "
            + NorwegianFormat.interval(cell.lower, cell.upper)
    }

    /// A caption sentence about a share, which reads whether or not the share is shown:
    /// "74 % (95 % KI 72–76) av enhetene har tatt i bruk …" when it is, and
    /// "Andelen av enhetene som har tatt i bruk …, vises ikke (for få svar til å publiseres)" when it
    /// is withheld, so a hidden cell never stands where a number belongs. No closing full stop.
    /// `opening` false continues a sentence ("…, mens andelen som …").
    static func sentence(
        _ cell: EstimateCell?, level: Double, of subject: String? = nil, _ predicate: String, opening: Bool = true
    ) -> String {
        let whose = subject.map { "av \($0) " } ?? ""
        guard let cell, isShown(cell) else {
            return "\(opening ? "Andelen" : "andelen") \(whose)som \(predicate), \(withheld(cell))"
        }
        return "\(spoken(cell, level: level)) \(whose)\(predicate)"
    }

    /// "vises ikke (…)" with the reason, for a share that is not shown.
    static func withheld(_ cell: EstimateCell?) -> String {
        guard let cell, cell.isSuppressed else { return "kan ikke beregnes (ingen svar)" }
        return isConfidential(cell)
            ? "vises ikke (for få svar til å publiseres)" : "vises ikke (anslaget er for usikkert)"
    }

    /// An unweighted count, or "skjult" when withheld.
    static func count(_ value: Int) -> String {
        value < 0 ? suppressed : NorwegianFormat.count(value)
    }

    /// The value a chart draws.
    static func chartValue(_ cell: EstimateCell?) -> ChartValue {
        guard let cell else { return .missing("ingen svar") }
        if cell.isSuppressed { return .missing(hidden(cell)) }
        guard cell.estimate.isFinite else { return .missing("ingen svar") }
        return ChartValue(estimate: cell.estimate, lower: cell.lower, upper: cell.upper)
    }

    /// Notes that explain the symbols a table uses.
    static func notes(for cells: [EstimateCell]) -> [String] {
        var notes: [String] = []
        if cells.contains(where: isConfidential) {
            notes.append(
                "«skjult»: cellen bygger på for få svar til å publiseres, eller skjules for å verne en slik celle (småcelleregler)."
            )
        }
        if cells.contains(where: { $0.isSuppressed && !isConfidential($0) }) {
            notes.append("«for usikker»: anslaget er for usikkert til å vises etter NCHS' standarder for andeler.")
        }
        if cells.contains(where: isFixed) {
            notes.append(
                "«fast»: vektene er kalibrert til populasjonstall for denne fordelingen (eller en som bestemmer den), "
                    + "så den vektede andelen har ingen utvalgsusikkerhet.")
        }
        if cells.contains(where: { $0.flags.contains(.unreliable) && !$0.isSuppressed }) {
            notes.append("*: usikkert anslag etter NCHS' standarder for andeler; les med forsiktighet.")
        }
        return notes
    }
}
