public import Foundation

/// Norway's municipalities from 2018 to 2026 with county, the report's landsdel, SSB centrality and
/// population, read once from the files in `Resources/reference` (sources and licences in
/// `SOURCES.md` there).
///
/// A respondent's attributes follow from the kommunenummer and the wave's date: the structure valid
/// that day (422 municipalities in 2018 and 2019, 356 in 2020–2023, 357 from 2024) gives the name and
/// county, and an old number is refused with what replaced it.
///
/// ```swift
/// let register = try MunicipalityRegister.bundled()
/// let bergen = try register.municipality(number: "1201", on: CalendarDay("2018-03-01")!)
/// bergen.landsdel            // 2 (Vestlandet)
/// try register.mapToStructure(number: "1201", from: CalendarDay("2019-06-01")!, to: CalendarDay("2020-06-01")!)  // "4601"
/// ```
public final class MunicipalityRegister: Sendable {
    /// First day described by the data.
    public static let coverageStart = CalendarDay.newYear(2018)
    /// First day no longer described (the 2024 structure is confirmed through 2026, population through 1.1.2026).
    public static let coverageEnd = CalendarDay.newYear(2027)

    struct Entry: Sendable {
        let number: String
        let name: String
        let countyNumber: String
        let countyName: String
        let rowValidFrom: CalendarDay
    }

    struct Snapshot: Sendable {
        let start: CalendarDay
        let end: CalendarDay
        let order: [String]
        let entries: [String: Entry]
        var years: ClosedRange<Int> { start.year...(end.year - 1) }
    }

    struct Span: Sendable {
        let first: Int
        let last: Int
        let validFrom: CalendarDay
    }

    struct Record: Sendable {
        let entry: Entry
        let landsdel: Int
        let centrality: Int
        let centralityIndex: Int
        let centralityBasis: CentralityBasis
        let populationByYear: [Int: Int]
    }

    /// Structures in time order: 2018, 2019, 2020, 2024.
    let snapshots: [Snapshot]
    /// `edges[i]` links numbers of snapshot `i` to those of `i + 1`.
    let edges: [Succession]
    let spans: [String: Span]
    /// Records of each snapshot by number.
    let records: [[String: Record]]

    init(snapshots: [Snapshot], edges: [Succession], spans: [String: Span], records: [[String: Record]]) {
        self.snapshots = snapshots
        self.edges = edges
        self.spans = spans
        self.records = records
    }

    /// The register read from the package's bundled files, parsed on first use and shared.
    public static func bundled() throws(ReferenceDataError) -> MunicipalityRegister {
        try bundledResult.get()
    }

    /// The bundled `Resources/reference` directory (the files and their `SOURCES.md`).
    public static var bundledDirectory: URL? {
        Bundle.module.url(forResource: "reference", withExtension: nil, subdirectory: "Resources")
    }

    private static let bundledResult: Result<MunicipalityRegister, ReferenceDataError> = {
        guard let directory = bundledDirectory else {
            return .failure(.corruptResource(file: "Resources/reference", line: nil, message: "not in the bundle"))
        }
        do throws(ReferenceDataError) {
            return .success(try MunicipalityRegister(directory: directory))
        } catch { return .failure(error) }
    }()

    /// The municipality with `number` in the structure valid on `date`.
    ///
    /// - Throws: ``ReferenceDataError/malformedNumber(_:)`` unless four digits,
    ///   ``ReferenceDataError/unknownNumber(_:)``, ``ReferenceDataError/notValidOnDate(number:name:date:validFrom:validUntil:replacedBy:replacing:validOnDate:)``
    ///   (e.g. 1201 Bergen in 2024, replaced by 4601 on 2020-01-01), or
    ///   ``ReferenceDataError/dateOutsideCoverage(_:start:end:)``.
    public func municipality(number: String, on date: CalendarDay) throws(ReferenceDataError) -> Municipality {
        let snapshot = try snapshotIndex(on: date)
        let span = try span(of: number)
        guard let record = records[snapshot][number] else {
            throw notValid(number, span: span, date: date, snapshot: snapshot)
        }
        return municipality(record, snapshot: snapshot, year: date.year)
    }

    /// ``municipality(number:on:)`` for a point in time, taken as the day it falls on in Norway.
    public func municipality(number: String, on date: Date) throws(ReferenceDataError) -> Municipality {
        try municipality(number: number, on: CalendarDay(date))
    }

    /// Every municipality of the structure valid on `date`, in SSB's order (by county).
    public func municipalities(on date: CalendarDay) throws(ReferenceDataError) -> [Municipality] {
        let snapshot = try snapshotIndex(on: date)
        return snapshots[snapshot].order.map {
            municipality(records[snapshot][$0]!, snapshot: snapshot, year: date.year)
        }
    }

    /// Looks up one kommunenummer per respondent; `nil` or blank entries give `nil` (municipality not
    /// known, as for 119 of the 1,786 respondents of Tab V-0-4).
    ///
    /// - Throws: the first bad entry as ``ReferenceDataError/inRow(_:_:)`` with its 1-based row.
    public func municipalities(kommunenummer: [String?], on date: CalendarDay) throws(ReferenceDataError)
        -> [Municipality?]
    {
        _ = try snapshotIndex(on: date)
        var result: [Municipality?] = []
        result.reserveCapacity(kommunenummer.count)
        for (row, value) in kommunenummer.enumerated() {
            guard let value, !value.isEmpty else {
                result.append(nil)
                continue
            }
            do throws(ReferenceDataError) { result.append(try municipality(number: value, on: date)) } catch {
                throw .inRow(row + 1, error)
            }
        }
        return result
    }

    /// Carries a number valid on `from` into the structure valid on `to` (for instance a 2019 code into
    /// the 2020 structure): renumbered and merged municipalities map to the new number.
    ///
    /// - Throws: ``ReferenceDataError/ambiguousSuccession(number:from:to:candidates:)`` for a
    ///   municipality that was split (Tysfjord and Snillfjord in 2020, Ålesund in 2024), and the errors
    ///   of ``municipality(number:on:)`` for `number` on `from`.
    public func mapToStructure(number: String, from: CalendarDay, to: CalendarDay) throws(ReferenceDataError)
        -> String
    {
        let candidates = try successors(number: number, from: from, to: to)
        guard candidates.count == 1 else {
            let target = try snapshotIndex(on: to)
            throw .ambiguousSuccession(
                number: number, from: from, to: to, candidates: named(candidates, snapshot: target))
        }
        return candidates[0]
    }

    /// Every number on `to` that covers part of the area `number` had on `from` (one, except for splits).
    public func successors(number: String, from: CalendarDay, to: CalendarDay) throws(ReferenceDataError)
        -> [String]
    {
        guard from <= to else { throw .backwardMapping(from: from, to: to) }
        _ = try municipality(number: number, on: from)
        return walk(number, from: try snapshotIndex(on: from), to: try snapshotIndex(on: to))
    }

    // MARK: - Internals

    func snapshotIndex(on date: CalendarDay) throws(ReferenceDataError) -> Int {
        guard date >= Self.coverageStart, date < Self.coverageEnd else {
            throw .dateOutsideCoverage(date, start: Self.coverageStart, end: Self.coverageEnd)
        }
        return snapshots.lastIndex { $0.start <= date }!
    }

    func span(of number: String) throws(ReferenceDataError) -> Span {
        guard number.utf8.count == 4, number.utf8.allSatisfy({ (48...57).contains($0) }) else {
            throw .malformedNumber(number)
        }
        guard let span = spans[number] else { throw .unknownNumber(number) }
        return span
    }

    private func municipality(_ record: Record, snapshot: Int, year: Int) -> Municipality {
        let entry = record.entry
        let span = spans[entry.number]!
        return Municipality(
            number: entry.number, name: entry.name, countyNumber: entry.countyNumber, countyName: entry.countyName,
            landsdel: record.landsdel, centrality: record.centrality, centralityIndex: record.centralityIndex,
            centralityBasis: record.centralityBasis, population: record.populationByYear[year],
            populationYear: year, validFrom: span.validFrom,
            validUntil: span.last + 1 < snapshots.count ? snapshots[span.last + 1].start : nil)
    }

    private func notValid(_ number: String, span: Span, date: CalendarDay, snapshot: Int) -> ReferenceDataError {
        if snapshot > span.last {
            let name = snapshots[span.last].entries[number]!.name
            return .notValidOnDate(
                number: number, name: name, date: date, validFrom: span.validFrom,
                validUntil: snapshots[span.last + 1].start,
                replacedBy: named(walk(number, from: span.last, to: span.last + 1), snapshot: span.last + 1),
                replacing: [], validOnDate: named(walk(number, from: span.last, to: snapshot), snapshot: snapshot))
        }
        let name = snapshots[span.first].entries[number]!.name
        return .notValidOnDate(
            number: number, name: name, date: date, validFrom: span.validFrom,
            validUntil: span.last + 1 < snapshots.count ? snapshots[span.last + 1].start : nil, replacedBy: [],
            replacing: named(walk(number, from: span.first, to: span.first - 1), snapshot: span.first - 1),
            validOnDate: named(walk(number, from: span.first, to: snapshot), snapshot: snapshot))
    }

    func named(_ numbers: [String], snapshot: Int) -> [NamedNumber] {
        numbers.map { NamedNumber(number: $0, name: snapshots[snapshot].entries[$0]?.name ?? "?") }
    }
}
