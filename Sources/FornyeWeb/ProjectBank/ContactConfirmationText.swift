import FornyeBarometer
import FornyeReport
import Foundation

/// «sist bekreftet desember 2026»: how the project page and the municipality profile say when a
/// contact person was last confirmed (months only: the day adds nothing a reader needs).
enum ContactConfirmationText {
    static func confirmed(_ date: Date?, _ language: Language) -> String {
        guard let date else { return language.pick("ikke bekreftet", "not confirmed") }
        let day = CalendarDay(date)
        return language.pick("sist bekreftet ", "last confirmed ")
            + MonthNames.monthYear(year: day.year, month: day.month, language)
    }
}
