import Testing

@testable import FornyeBarometer

/// The one CSV formula-defusing policy (issue 20, item 24: a cell starting with CR or LF followed
/// by `=` passed the project export's check).
@Suite struct SpreadsheetFormulaTests {
    @Test(arguments: [
        "=HYPERLINK(\"http://x\")", "+47 123", "-2+3", "@SUM(A1)", "-", "- 5", "-1.5.2", "-0x10",
        // Leading line breaks, tabs, spaces and control characters before a formula.
        "\r=1+1", "\n=1+1", "\r\n=cmd|' /C calc'!A0", "\n\n+1", "\t=1", " =1", "  @A1", "\u{00A0}=1", "\u{0}=1",
        "\u{1F}-1+1", "\u{2028}=1",
        // Starting with a tab, CR or LF is enough (OWASP), whatever follows.
        "\tHei", "\rHei", "\nHei",
    ])
    func formulasAreDefused(_ text: String) {
        #expect(SpreadsheetFormula.isFormulaLike(text))
        #expect(SpreadsheetFormula.defused(text) == "'" + text)
    }

    @Test(arguments: [
        "", "Hei", "a=b", "1+1", "Oslo kommune", "0.25", " 12", "'=already",
        // Negative numbers are numbers to a spreadsheet, and figures must stay numbers.
        "-0.25", "-3", "-3e-4", "-1.5E+10", " -7",
    ])
    func otherTextsAreKept(_ text: String) {
        #expect(!SpreadsheetFormula.isFormulaLike(text))
        #expect(SpreadsheetFormula.defused(text) == text)
    }

    @Test func theSyntheticMarkerIsSpelledOnce() {
        #expect(SyntheticLabel.marker == "SYNTETISKE DATA")
        #expect(SyntheticLabel.bilingual == "SYNTETISKE DATA / SYNTHETIC DATA")
        #expect(SyntheticBarometer.title.hasPrefix(SyntheticLabel.marker + " – "))
    }
}
