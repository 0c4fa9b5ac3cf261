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
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try (0..<dataset.rowCount).map { row in
            var answers = try ResponseAnswers.answers(of: dataset, row: row)
            let number: String? =
                if case .text(let text) = answers["kommunenummer"] { text } else { nil }
            func code(_ name: String) -> Int? {
                if case .number(let value) = answers[name] { Int(exactly: value) } else { nil }
            }
            let municipality = try number.flatMap { $0.isEmpty ? nil : try register.municipality(number: $0, on: day) }
            let background = FrameBackground(
                municipality: municipality, sector: code("sector") ?? -1, unitType: code("unit_type") ?? -1)
            for name in SampleFrameQuestions.names { answers[name] = nil }
            for (name, value) in release.values(of: background) {
                // A sector or unit type the file did not give stays missing.
                if (name == "sector" || name == "unit_type") && value < 0 { continue }
                answers[name] = .number(Double(value))
            }
            return String(decoding: try encoder.encode(answers), as: UTF8.self)
        }
    }
}
