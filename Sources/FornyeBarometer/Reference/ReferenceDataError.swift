/// A kommunenummer and the name it had, as shown in messages.
public struct NamedNumber: Sendable, Hashable, CustomStringConvertible {
    public let number: String
    public let name: String

    public init(number: String, name: String) {
        self.number = number
        self.name = name
    }

    /// `4601 (Bergen)`.
    public var description: String { "\(number) (\(name))" }
}

/// What the municipal register refuses, each with a message that names the kommunenummer and
/// the date, so that the respondent's record or the wave's date can be corrected.
public indirect enum ReferenceDataError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Not four digits.
    case malformedNumber(String)
    /// Four digits, but never a municipality in the covered years (2018–2026).
    case unknownNumber(String)
    /// A real kommunenummer that was not in use on `date`: it was replaced before it (`replacedBy`,
    /// on `validUntil`), or introduced after it (`replacing`, from `validFrom`). `validOnDate` is
    /// what the same area had on `date`.
    case notValidOnDate(
        number: String, name: String, date: CalendarDay, validFrom: CalendarDay, validUntil: CalendarDay?,
        replacedBy: [NamedNumber], replacing: [NamedNumber], validOnDate: [NamedNumber])
    /// The register only describes structures from 2018-01-01 up to (not including) `end`.
    case dateOutsideCoverage(CalendarDay, start: CalendarDay, end: CalendarDay)
    /// A municipality that was split, so that it has no single successor.
    case ambiguousSuccession(number: String, from: CalendarDay, to: CalendarDay, candidates: [NamedNumber])
    /// Codes are only carried forward in time (merged municipalities have no single predecessor).
    case backwardMapping(from: CalendarDay, to: CalendarDay)
    /// An error for one respondent; `row` is 1-based in data order.
    case inRow(Int, ReferenceDataError)
    /// A bundled reference file that does not have the expected content.
    case corruptResource(file: String, line: Int?, message: String)

    public var description: String {
        switch self {
        case .malformedNumber(let number):
            "kommunenummer \"\(number)\" is malformed: a kommunenummer has exactly four digits, e.g. 0301"
        case .unknownNumber(let number):
            "kommunenummer \(number) is unknown: no municipality had this number between 2018 and 2026"
        case .notValidOnDate(
            let number, let name, let date, let from, let until, let replacedBy, let replacing, let valid):
            Self.notValidMessage(number, name, date, from, until, replacedBy, replacing, valid)
        case .dateOutsideCoverage(let date, let start, let end):
            "date \(date) is outside the municipal reference data, which cover \(start) up to \(end)"
        case .ambiguousSuccession(let number, let from, let to, let candidates):
            "kommunenummer \(number) on \(from) has no single successor on \(to): it was split between "
                + Self.list(candidates)
        case .backwardMapping(let from, let to):
            "cannot map kommunenummer backwards in time, from \(from) to \(to); merged municipalities have several predecessors"
        case .inRow(let row, let error): "row \(row): \(error)"
        case .corruptResource(let file, let line, let message):
            "reference data \(file)\(line.map { ", line \($0)" } ?? ""): \(message)"
        }
    }

    private static func notValidMessage(
        _ number: String, _ name: String, _ date: CalendarDay, _ from: CalendarDay, _ until: CalendarDay?,
        _ replacedBy: [NamedNumber], _ replacing: [NamedNumber], _ valid: [NamedNumber]
    ) -> String {
        var text = "kommunenummer \(number) (\(name)) is not valid on \(date): "
        if let until, date >= until {
            text += "it was replaced by \(list(replacedBy)) on \(until)"
            if valid != replacedBy, !valid.isEmpty { text += "; on \(date) use \(list(valid))" }
        } else {
            text += "it came into use on \(from)"
            if !replacing.isEmpty { text += ", replacing \(list(replacing))" }
            if valid != replacing, !valid.isEmpty { text += "; on \(date) use \(list(valid))" }
        }
        return text
    }

    private static func list(_ numbers: [NamedNumber]) -> String {
        let parts = numbers.map(\.description)
        guard parts.count > 1 else { return parts.first ?? "nothing" }
        return parts.dropLast().joined(separator: ", ") + " and " + parts.last!
    }
}
