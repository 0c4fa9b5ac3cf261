import FornyeBarometer
import Foundation
import Testing

/// Shorthand for a day in tests.
func day(_ iso: String) -> CalendarDay { CalendarDay(iso)! }

func bundledRegister() throws -> MunicipalityRegister { try MunicipalityRegister.bundled() }

/// A bundled reference table read independently of the register, to check it against its sources.
func referenceTable(_ name: String) throws -> [[String: String]] {
    let url = try #require(MunicipalityRegister.bundledDirectory).appending(path: name)
    let lines = try String(contentsOf: url, encoding: .utf8)
        .split(whereSeparator: \.isNewline).map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
    let header = lines[0]
    return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
}
