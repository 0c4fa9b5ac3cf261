import FornyeBarometer
import FornyeFormats
import FornyeStatistics
import Foundation

/// Rows imported into an anonymous wave are stored as its questionnaire stores them: the file's
/// own municipality, sector and unit type become the wave's released background (coarsened the
/// same way), and the three answers themselves are not kept.
enum AnonymousImport {
    static func jsonRows(_ dataset: Dataset, release: BackgroundRelease, day: CalendarDay) throws -> [String] {
        let register = try MunicipalityRegister.bundled()
        return try (0..<dataset.rowCount).map { row in
            let answers = try ResponseAnswers.answers(of: dataset, row: row)
            let number: String? =
                if case .text(let text) = answers["kommunenummer"] { text } else { nil }
            func code(_ name: String) -> Int? {
                if case .number(let value) = answers[name] { Int(exactly: value) } else { nil }
            }
            let municipality = try number.flatMap { $0.isEmpty ? nil : try register.municipality(number: $0, on: day) }
            let background = FrameBackground(
                municipality: municipality, sector: code("sector") ?? -1, unitType: code("unit_type") ?? -1)
            // A sector or unit type the file did not give stays missing.
            let released = release.values(of: background).filter { $0.value >= 0 }
            return try ResponseAnswers.json(ResponseAnswers.anonymised(answers, background: released))
        }
    }
}
