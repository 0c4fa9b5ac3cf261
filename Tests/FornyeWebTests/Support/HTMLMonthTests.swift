import Testing

@testable import FornyeWeb

/// The values a browser's `<input type="month">` keeps (HTML's valid month string); any other
/// value is shown in a text field so what was typed is not emptied on load.
@Suite struct HTMLMonthTests {
    @Test func onlyValidMonthStringsStayInTheMonthPicker() {
        for valid in ["2025-03", "2000-12", "0001-01", "12345-06"] {
            #expect(HTMLMonth.isValid(valid), "\(valid)")
            #expect(HTMLMonth.inputType(for: valid) == "month")
        }
        #expect(HTMLMonth.inputType(for: "") == "month")
        for invalid in [
            "2025-13", "2025-00", "2025-3", "25-03", "0000-05", "mars 2025", "03.2025", "2025-03 ", "２０２５-03",
        ] {
            #expect(!HTMLMonth.isValid(invalid), "\(invalid)")
            #expect(HTMLMonth.inputType(for: invalid) == "text")
        }
    }
}
