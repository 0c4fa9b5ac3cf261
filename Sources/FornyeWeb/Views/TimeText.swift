import Foundation

/// A moment as people read it («29.11.2026 kl. 14:01», "29 Nov 2026 14:01"), in UTC as the page's
/// column header says, inside `<time datetime>` so machines still get the exact instant.
enum TimeText {
    static func node(_ date: Date, _ language: Language) -> Node {
        el("time", ["datetime": date.formatted(.iso8601)]) { text(date, language) }
    }

    static func text(_ date: Date, _ language: Language) -> String {
        let parts = Calendar.utc.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        let (year, month, day) = (parts.year ?? 0, parts.month ?? 1, parts.day ?? 1)
        let time = two(parts.hour ?? 0) + ":" + two(parts.minute ?? 0)
        return language.pick(
            "\(two(day)).\(two(month)).\(year) kl. \(time)",
            "\(day) \(englishMonths[(month - 1) % 12]) \(year) \(time)")
    }

    private static let englishMonths = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ]

    private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}

extension Calendar {
    fileprivate static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? TimeZone(secondsFromGMT: 0)!
        return calendar
    }()
}
