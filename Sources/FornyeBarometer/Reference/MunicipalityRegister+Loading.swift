public import Foundation

extension MunicipalityRegister {
    /// Reads the register from a directory holding the files listed in `SOURCES.md`.
    ///
    /// Every file is checked as it is read: each municipality must have a successor in the next
    /// structure and a predecessor in the previous one, a population for every year its structure
    /// covers (except the pre-2020 areas of municipalities merged or split in 2020), a county with a landsdel and a 2024 municipality with a centrality class.
    public convenience init(directory: URL) throws(ReferenceDataError) {
        let snapshots = try Self.snapshotFiles.enumerated().map { (index, file) throws(ReferenceDataError) in
            let end = index + 1 < Self.snapshotFiles.count ? Self.snapshotFiles[index + 1].start : Self.coverageEnd
            return try Self.readSnapshot(try Self.read(file.name, in: directory), start: file.start, end: end)
        }
        let changes = try Self.read("derived_kommuneendringer_2019_og_2024.csv", in: directory)
        let kartverket = try Self.read("no_kommuner_2019_til_2020_kartverket.csv", in: directory)
        let edges = [
            try Self.succession(snapshots[0], snapshots[1], changes: changes, on: snapshots[1].start),
            try Self.kartverketSuccession(snapshots[1], snapshots[2], kartverket),
            try Self.succession(snapshots[2], snapshots[3], changes: changes, on: snapshots[3].start),
        ]
        let spans = try Self.spans(snapshots)
        let partial = MunicipalityRegister(snapshots: snapshots, edges: edges, spans: spans, records: [])
        let records = try partial.buildRecords(
            series: try Self.readSeries("derived_no_befolkning_kommuner2024_2018_2026_ssb07459.csv", in: directory),
            centrality: try Self.readCentrality(
                try Self.read("derived_no_kommuner2024_sentralitet_befolkning.csv", in: directory)))
        self.init(snapshots: snapshots, edges: edges, spans: spans, records: records)
    }

    static let snapshotFiles: [(name: String, start: CalendarDay)] = [2018, 2019, 2020, 2024].map {
        ("derived_no_kommuner_\($0)-01-01.csv", CalendarDay.newYear($0))
    }

    static func read(_ name: String, in directory: URL) throws(ReferenceDataError) -> ReferenceCSV {
        try ReferenceCSV(file: name, bytes: try bytes(name, in: directory))
    }

    static func bytes(_ name: String, in directory: URL) throws(ReferenceDataError) -> [UInt8] {
        do { return [UInt8](try Data(contentsOf: directory.appending(path: name))) } catch {
            throw .corruptResource(file: name, line: nil, message: "cannot read: \(error.localizedDescription)")
        }
    }

    static func readSnapshot(_ csv: ReferenceCSV, start: CalendarDay, end: CalendarDay) throws(ReferenceDataError)
        -> Snapshot
    {
        let number = try csv.column("kommunenummer")
        let name = try csv.column("kommunenavn")
        let county = try csv.column("fylkesnummer")
        let countyName = try csv.column("fylkesnavn")
        let from = try csv.column("kommune_gyldig_fra")
        var order: [String] = []
        var entries: [String: Entry] = [:]
        for (line, fields) in csv.rows {
            let entry = Entry(
                number: fields[number], name: fields[name], countyNumber: fields[county],
                countyName: fields[countyName],
                rowValidFrom: try csv.day(fields[from], line: line, column: "kommune_gyldig_fra"))
            guard entries.updateValue(entry, forKey: entry.number) == nil else {
                throw .corruptResource(file: csv.file, line: line, message: "kommunenummer \(entry.number) twice")
            }
            order.append(entry.number)
        }
        return Snapshot(start: start, end: end, order: order, entries: entries)
    }

    /// Links two structures: numbers in both are the same municipality; the others follow the rows
    /// of the change file that take effect on `date`.
    static func succession(_ earlier: Snapshot, _ later: Snapshot, changes: ReferenceCSV, on date: CalendarDay)
        throws(ReferenceDataError) -> Succession
    {
        let validFrom = try changes.column("gyldig_fra")
        let old = try changes.column("kommunenummer_gammel")
        let new = try changes.column("kommunenummer_ny")
        let area = try changes.column("tilsvarer_kommuner_2019")
        var pairs: [(String, String, line: Int)] = earlier.order.filter { later.entries[$0] != nil }.map { ($0, $0, 0) }
        var areas: [Succession.Link: Set<String>] = [:]
        for (line, fields) in changes.rows where fields[validFrom] == date.description {
            pairs.append((fields[old], fields[new], line))
            let codes = fields[area].split(separator: " ").map(String.init)
            if !codes.isEmpty { areas[.init(from: fields[old], to: fields[new])] = Set(codes) }
        }
        return try link(earlier, later, pairs: pairs, areas: areas, file: changes.file)
    }

    static func kartverketSuccession(_ earlier: Snapshot, _ later: Snapshot, _ csv: ReferenceCSV)
        throws(ReferenceDataError) -> Succession
    {
        let old = try csv.column("municipality_id_2019")
        let new = try csv.column("municipality_id_2020")
        return try link(
            earlier, later, pairs: csv.rows.map { ($0.fields[old], $0.fields[new], $0.line) }, areas: [:],
            file: csv.file)
    }

    static func link(
        _ earlier: Snapshot, _ later: Snapshot, pairs: [(String, String, line: Int)],
        areas: [Succession.Link: Set<String>],
        file: String
    ) throws(ReferenceDataError) -> Succession {
        var forward: [String: [String]] = [:]
        var backward: [String: [String]] = [:]
        for (from, to, line) in pairs {
            guard earlier.entries[from] != nil, later.entries[to] != nil else {
                throw .corruptResource(
                    file: file, line: line,
                    message: "\(from) → \(to) links numbers not in the \(earlier.start) and \(later.start) lists")
            }
            forward[from, default: []].append(to)
            backward[to, default: []].append(from)
        }
        if let orphan = earlier.order.first(where: { forward[$0] == nil }) {
            throw .corruptResource(
                file: file, line: nil, message: "\(orphan) (\(earlier.start)) has no successor on \(later.start)")
        }
        if let orphan = later.order.first(where: { backward[$0] == nil }) {
            throw .corruptResource(
                file: file, line: nil, message: "\(orphan) (\(later.start)) has no predecessor on \(earlier.start)")
        }
        return Succession(forward: forward, backward: backward, areaOf2019: areas)
    }

    static func spans(_ snapshots: [Snapshot]) throws(ReferenceDataError) -> [String: Span] {
        var spans: [String: Span] = [:]
        for (index, snapshot) in snapshots.enumerated() {
            for number in snapshot.order {
                if let span = spans[number] {
                    guard span.last == index - 1 else {
                        throw .corruptResource(
                            file: snapshotFiles[index].name, line: nil,
                            message: "\(number) returns after a gap; numbers are never reused")
                    }
                    spans[number] = Span(first: span.first, last: index, validFrom: span.validFrom)
                } else {
                    spans[number] = Span(first: index, last: index, validFrom: snapshot.entries[number]!.rowValidFrom)
                }
            }
        }
        return spans
    }

    /// SSB's population series on 2024 borders, 1.1.2018–1.1.2026 (3,213 rows). Read as bytes,
    /// without a string per field, because it is most of the loading time.
    static func readSeries(_ name: String, in directory: URL) throws(ReferenceDataError) -> [String: [Int: Int]] {
        let bytes = try bytes(name, in: directory)
        let header = try ReferenceCSV(file: name, bytes: Array(bytes.prefix { $0 != UInt8(ascii: "\n") })).header
        guard header == ["kom2024", "navn", "aar", "befolkning"] else {
            throw .corruptResource(
                file: name, line: 1, message: "columns \(header), expected kom2024,navn,aar,befolkning")
        }
        var series: [String: [Int: Int]] = [:]
        var line = 1
        var fieldStarts: [Int] = []
        var start = bytes.firstIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? bytes.count
        var number = ""
        var numberBytes: ArraySlice<UInt8> = []
        while start < bytes.count {
            line += 1
            var end = start
            fieldStarts.removeAll(keepingCapacity: true)
            fieldStarts.append(start)
            while end < bytes.count, bytes[end] != UInt8(ascii: "\n") {
                if bytes[end] == UInt8(ascii: ",") { fieldStarts.append(end + 1) }
                end += 1
            }
            var stop = end
            if stop > start, bytes[stop - 1] == UInt8(ascii: "\r") { stop -= 1 }
            defer { start = end + 1 }
            if stop == start { continue }
            guard fieldStarts.count == 4, let year = integer(bytes[fieldStarts[2]..<(fieldStarts[3] - 1)]),
                let count = integer(bytes[fieldStarts[3]..<stop])
            else {
                throw .corruptResource(
                    file: name, line: line, message: "expected kom2024,navn,aar,befolkning with whole numbers")
            }
            guard year >= coverageStart.year else { continue }
            let code = bytes[start..<(fieldStarts[1] - 1)]
            if code != numberBytes {
                numberBytes = code
                number = String(decoding: code, as: UTF8.self)
            }
            series[number, default: [:]][year] = count
        }
        return series
    }

    private static func integer(_ digits: ArraySlice<UInt8>) -> Int? {
        guard !digits.isEmpty else { return nil }
        var value = 0
        for byte in digits {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    static func readCentrality(_ csv: ReferenceCSV) throws(ReferenceDataError) -> [String: (class: Int, index: Int)] {
        let number = try csv.column("kommunenummer")
        let klass = try csv.column("sentralitet_klasse")
        let index = try csv.column("sentralitet_indeks")
        var centrality: [String: (class: Int, index: Int)] = [:]
        for (line, fields) in csv.rows {
            let value = try csv.integer(fields[klass], line: line, column: "sentralitet_klasse")
            guard (1...6).contains(value) else {
                throw .corruptResource(file: csv.file, line: line, message: "centrality class \(value) is not 1–6")
            }
            centrality[fields[number]] = (
                value, try csv.integer(fields[index], line: line, column: "sentralitet_indeks")
            )
        }
        return centrality
    }
}
