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
    static func hidden(_ cell: EstimateCell, _ language: ReportLanguage = .nb) -> String {
        isConfidential(cell) ? suppressed(language) : tooUncertain(language)
    }

    static func suppressed(_ language: ReportLanguage) -> String { language.pick(suppressed, "hidden") }
    static func tooUncertain(_ language: ReportLanguage) -> String { language.pick(tooUncertain, "too uncertain") }

    /// Whether the cell has a number to show.
    static func isShown(_ cell: EstimateCell) -> Bool {
        !cell.isSuppressed && cell.estimate.isFinite
    }

    /// "74 %", "skjult" or "–"; an unreliable share gets an asterisk.
    static func share(_ cell: EstimateCell?, _ language: ReportLanguage = .nb) -> String {
        guard let cell else { return noEstimate }
        if cell.isSuppressed { return hidden(cell, language) }
        guard cell.estimate.isFinite else { return noEstimate }
        return NorwegianFormat.percent(cell.estimate) + (cell.flags.contains(.unreliable) ? "*" : "")
    }

    /// "72–76", "fast" for a share the calibration fixed, or "–".
    static func interval(_ cell: EstimateCell?, _ language: ReportLanguage = .nb) -> String {
        guard let cell, isShown(cell) else { return noEstimate }
        if isFixed(cell) { return language.pick(fixed, "fixed") }
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
    static func spoken(_ cell: EstimateCell?, level: Double, _ language: ReportLanguage = .nb) -> String {
        guard let cell, isShown(cell) else { return share(cell, language) }
        if isFixed(cell) {
            return NorwegianFormat.percent(cell.estimate)
                + language.pick(" (fast ved kalibreringen)", " (fixed by the calibration)")
        }
        return NorwegianFormat.percent(cell.estimate) + " (" + Captions.intervalName(level, english: language == .en)
            + " " + NorwegianFormat.interval(cell.lower, cell.upper) + ")"
    }

    /// "74 %, 95 % KI 72–76" for use inside parentheses.
    static func inner(_ cell: EstimateCell?, level: Double, _ language: ReportLanguage = .nb) -> String {
        guard let cell, isShown(cell) else { return share(cell, language) }
        if isFixed(cell) {
            return NorwegianFormat.percent(cell.estimate)
                + language.pick(", fast ved kalibreringen", ", fixed by the calibration")
        }
        return NorwegianFormat.percent(cell.estimate) + ", " + Captions.intervalName(level, english: language == .en)
            + " " + NorwegianFormat.interval(cell.lower, cell.upper)
    }

    /// A caption sentence about a share, which reads whether or not the share is shown:
    /// "74 % (95 % KI 72–76) av enhetene har tatt i bruk …" when it is, and
    /// "Andelen av enhetene som har tatt i bruk …, vises ikke (for få svar til å publiseres)" when it
    /// is withheld, so a hidden cell never stands where a number belongs. No closing full stop.
    /// `opening` false continues a sentence ("…, mens andelen som …").
    static func sentence(
        _ cell: EstimateCell?, level: Double, of subject: String? = nil, _ predicate: String, opening: Bool = true,
        _ language: ReportLanguage = .nb
    ) -> String {
        let whose = subject.map { language.pick("av \($0) ", "of \($0) ") } ?? ""
        guard let cell, isShown(cell) else {
            let share = language.pick(opening ? "Andelen" : "andelen", opening ? "The share" : "the share")
            return "\(share) \(whose)\(language.pick("som", "that")) \(predicate), \(withheld(cell, language))"
        }
        return "\(spoken(cell, level: level, language)) \(whose)\(predicate)"
    }

    /// "vises ikke (…)" with the reason, for a share that is not shown.
    static func withheld(_ cell: EstimateCell?, _ language: ReportLanguage = .nb) -> String {
        guard let cell, cell.isSuppressed else {
            return language.pick("kan ikke beregnes (ingen svar)", "cannot be estimated (no answers)")
        }
        return isConfidential(cell)
            ? language.pick("vises ikke (for få svar til å publiseres)", "is not shown (too few answers to publish)")
            : language.pick("vises ikke (anslaget er for usikkert)", "is not shown (the estimate is too uncertain)")
    }

    /// An unweighted count, or "skjult" when withheld.
    static func count(_ value: Int, _ language: ReportLanguage = .nb) -> String {
        value < 0 ? suppressed(language) : NorwegianFormat.count(value)
    }

    /// The value a chart draws.
    static func chartValue(_ cell: EstimateCell?, _ language: ReportLanguage = .nb) -> ChartValue {
        let none = language.pick("ingen svar", "no answers")
        guard let cell else { return .missing(none) }
        if cell.isSuppressed { return .missing(hidden(cell, language)) }
        guard cell.estimate.isFinite else { return .missing(none) }
        return ChartValue(estimate: cell.estimate, lower: cell.lower, upper: cell.upper)
    }

    /// Notes that explain the symbols a table uses.
    static func notes(for cells: [EstimateCell], _ language: ReportLanguage = .nb) -> [String] {
        var notes: [String] = []
        if cells.contains(where: isConfidential) {
            notes.append(
                language.pick(
                    "«skjult»: cellen bygger på for få svar til å publiseres, eller skjules for å verne en slik celle (småcelleregler).",
                    "“hidden”: the cell rests on too few answers to be published, or is hidden to protect such a cell "
                        + "(small-cell rules)."))
        }
        if cells.contains(where: { $0.isSuppressed && !isConfidential($0) }) {
            notes.append(
                language.pick(
                    "«for usikker»: anslaget er for usikkert til å vises etter NCHS' standarder for andeler.",
                    "“too uncertain”: the estimate is too uncertain to be shown by the NCHS standards for proportions.")
            )
        }
        if cells.contains(where: isFixed) {
            notes.append(
                language.pick(
                    "«fast»: vektene er kalibrert til populasjonstall for denne fordelingen (eller en som bestemmer den), "
                        + "så den vektede andelen har ingen utvalgsusikkerhet.",
                    "“fixed”: the weights are calibrated to population counts for this distribution (or one that "
                        + "determines it), so the weighted share has no sampling uncertainty."))
        }
        if cells.contains(where: { $0.flags.contains(.unreliable) && !$0.isSuppressed }) {
            notes.append(
                language.pick(
                    "*: usikkert anslag etter NCHS' standarder for andeler; les med forsiktighet.",
                    "*: an uncertain estimate by the NCHS standards for proportions; read with care."))
        }
        return notes
    }
}
