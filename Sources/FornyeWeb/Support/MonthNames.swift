import FornyeBarometer

/// Month names in both languages, for dates people read («12. mars 2025», «sist bekreftet mars 2025»).
enum MonthNames {
    static func name(_ month: Int, _ language: Language) -> String {
        let names =
            language == .en
            ? [
                "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                "November", "December",
            ]
            : [
                "januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober",
                "november", "desember",
            ]
        return (1...12).contains(month) ? names[month - 1] : "\(month)"
    }

    /// «mars 2025» / "March 2025".
    static func monthYear(year: Int, month: Int, _ language: Language) -> String {
        name(month, language) + " \(year)"
    }

    /// A `YYYY-MM` text as «mars 2025», or the text itself when it is not one.
    static func monthYear(_ text: String, _ language: Language) -> String {
        let parts = text.split(separator: "-")
        guard parts.count == 2, let year = Int(parts[0]), let month = Int(parts[1]) else { return text }
        return monthYear(year: year, month: month, language)
    }

    /// «12. mars 2025» / "12 March 2025".
    static func date(_ day: CalendarDay, _ language: Language) -> String {
        language == .en
            ? "\(day.day) \(name(day.month, language)) \(day.year)"
            : "\(day.day). \(name(day.month, language)) \(day.year)"
    }
}
