public import FornyeBarometer
import Foundation

/// How one cell of a register file is read: Norwegian spreadsheets drop leading zeros from
/// kommunenummer, write dates as `dd.mm.yyyy` or as a workbook's day serial, and group thousands
/// with spaces. The web's edit form reads its fields the same way.
public enum ProgrammeCells {
    /// A number of `width` digits; shorter digit strings get their leading zeros back.
    public static func number(_ text: String, width: Int, what: String) throws(CellProblem) -> String? {
        let trimmed = trim(text)
        guard !trimmed.isEmpty else { return nil }
        guard trimmed.count <= width, trimmed.allSatisfy(\.isASCII), trimmed.allSatisfy(\.isNumber) else {
            throw CellProblem("\"\(trimmed)\" is not a \(what) (\(width) digits)")
        }
        return String(repeating: "0", count: width - trimmed.count) + trimmed
    }

    /// `YYYY-MM-DD`, `dd.mm.yyyy`, or a workbook's day serial (days since 1899-12-30).
    public static func day(_ text: String) throws(CellProblem) -> CalendarDay? {
        let trimmed = trim(text)
        guard !trimmed.isEmpty else { return nil }
        if let day = CalendarDay(trimmed) { return day }
        let parts = trimmed.split(separator: ".", omittingEmptySubsequences: false)
        if parts.count == 3, let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2]),
            parts[2].count == 4, let found = CalendarDay(year: year, month: month, day: day)
        {
            return found
        }
        if let serial = Double(trimmed), serial == serial.rounded(), (1...2_958_465).contains(serial) {
            return SerialDays.day(Int(serial))
        }
        throw CellProblem("\"\(trimmed)\" is not a date; write YYYY-MM-DD or dd.mm.yyyy")
    }

    /// Whole kroner, spaces between thousands allowed, `,00`/`.00` tolerated; negative numbers are
    /// read (the rules refuse them with their own message).
    public static func amount(_ text: String) throws(CellProblem) -> Int? {
        var digits = trim(text).filter { !$0.isWhitespace }
        guard !digits.isEmpty else { return nil }
        for suffix in [",00", ".00", ".0", ",0"] where digits.hasSuffix(suffix) {
            digits.removeLast(suffix.count)
            break
        }
        let negative = digits.first == "-"
        let body = negative ? String(digits.dropFirst()) : digits
        guard !body.isEmpty, body.count <= 15, body.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(body)
        else { throw CellProblem("\"\(trim(text))\" is not an amount in whole kroner") }
        return negative ? -value : value
    }

    /// A slug, or a link whose path ends in `/prosjekter/<slug>`.
    public static func slug(_ text: String) -> String? {
        let trimmed = trim(text)
        guard !trimmed.isEmpty else { return nil }
        if trimmed.contains("/"), let last = trimmed.split(separator: "/").last {
            return String(last.split(separator: "?").first ?? last)
        }
        return trimmed
    }

    /// Empty, the synthetic marker, or yes/no in bokmål or English.
    public static func flag(_ text: String) throws(CellProblem) -> Bool {
        let key = trim(text).lowercased()
        if key.isEmpty || ["nei", "no", "false", "0"].contains(key) { return false }
        if key.contains(SyntheticLabel.marker.lowercased()) || ["ja", "yes", "true", "1"].contains(key) { return true }
        throw CellProblem("\"\(trim(text))\" is not ja/nei or \(SyntheticLabel.marker)")
    }

    public static func units(_ text: String) -> [String] {
        text.split(separator: ProgrammeApplication.unitSeparator).map { trim(String($0)) }.filter { !$0.isEmpty }
    }

    public static func trim(_ text: String) -> String { text.trimmingCharacters(in: .whitespacesAndNewlines) }
}

/// Why a cell could not be read.
public struct CellProblem: Error {
    public let message: String
    public init(_ message: String) { self.message = message }
}

/// Workbook day serials in the 1900 date system (Excel, LibreOffice): day 1 is 1900-01-01 and
/// serial 60 the non-existent 1900-02-29, so counting from 1899-12-30 is right from serial 61 on.
enum SerialDays {
    public static func day(_ serial: Int) -> CalendarDay? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        guard serial > 60, let origin = calendar.date(from: DateComponents(year: 1899, month: 12, day: 30)),
            let date = calendar.date(byAdding: .day, value: serial, to: origin)
        else { return nil }
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return CalendarDay(year: parts.year!, month: parts.month!, day: parts.day!)
    }
}
