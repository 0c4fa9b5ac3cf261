public import Foundation

/// Reads an SPSS system file (.sav): either byte order, uncompressed or bytecode-compressed,
/// UTF-8 or a Western single-byte encoding (Windows-1252, Latin-1, ASCII).
///
/// Every length and count in the file is checked against what is left before it is used, so a
/// truncated or corrupt file gives a `FormatError` naming the byte offset, never a crash or an
/// allocation the file cannot back. ZLIB-compressed files (.zsav) are refused with a message.
public enum SAVReader {
    /// Upper bounds for what one file may declare.
    public struct Limits: Sendable {
        public var maximumVariables = 100_000
        public var maximumCases = 50_000_000
        /// Cases × 8-byte units (a long string takes several): what the cases take in memory,
        /// checked as they are read. A compressed file spends one byte on a unit, so its size
        /// alone does not bound them.
        public var maximumCells = 200_000_000

        public init() {}
    }

    public static func read(contentsOf url: URL, limits: Limits = .init()) throws(FormatError) -> SAVFile {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw .unreadableFile(file: url.path, reason: error.localizedDescription)
        }
        return try read(data, file: url.lastPathComponent, limits: limits)
    }

    public static func read(_ data: Data, file: String, limits: Limits = .init()) throws(FormatError) -> SAVFile {
        var parser = SAVParser(bytes: [UInt8](data), file: file, limits: limits)
        return try parser.parse()
    }
}

private struct RawVariable {
    var shortName: String
    var width: Int
    var label: [UInt8]?
    var missingCount: Int32
    var missingRaw: [[UInt8]]
    var printDecimals: Int
    var printWidth: Int
    var firstUnit: Int
    var units: Int
}

private struct SAVParser {
    let bytes: [UInt8]
    let file: String
    let limits: SAVReader.Limits
    var offset = 0
    var bigEndian = false

    init(bytes: [UInt8], file: String, limits: SAVReader.Limits) {
        self.bytes = bytes
        self.file = file
        self.limits = limits
    }

    func fail(_ message: String, at position: Int? = nil) -> FormatError {
        .located(FileLocation(file: file), "byte \(position ?? offset): \(message)")
    }

    var remaining: Int { bytes.count - offset }

    mutating func take(_ count: Int) throws(FormatError) -> ArraySlice<UInt8> {
        guard count >= 0, count <= remaining else {
            throw fail("the file ends early (truncated): \(count) more bytes were expected, \(remaining) are left")
        }
        defer { offset += count }
        return bytes[offset..<(offset + count)]
    }

    mutating func int32() throws(FormatError) -> Int32 {
        let slice = try take(4)
        var value: UInt32 = 0
        for (index, byte) in slice.enumerated() {
            value |= UInt32(byte) << (bigEndian ? UInt32(24 - 8 * index) : UInt32(8 * index))
        }
        return Int32(bitPattern: value)
    }

    func double(_ slice: ArraySlice<UInt8>) -> Double {
        var value: UInt64 = 0
        for (index, byte) in slice.enumerated() {
            value |= UInt64(byte) << (bigEndian ? UInt64(56 - 8 * index) : UInt64(8 * index))
        }
        return Double(bitPattern: value)
    }

    mutating func double() throws(FormatError) -> Double { double(try take(8)) }

    /// A count that must be non-negative and leave `unit` bytes per item in the file.
    mutating func count(_ what: String, unit: Int) throws(FormatError) -> Int {
        let position = offset
        let value = Int(try int32())
        guard value >= 0, value <= remaining / max(unit, 1) else {
            throw fail(
                "\(what) is \(value), more than the rest of the file can hold (corrupt or truncated)", at: position)
        }
        return value
    }

    mutating func parse() throws(FormatError) -> SAVFile {
        guard bytes.count >= 176 else {
            throw fail(
                bytes.starts(with: Array("$FL".utf8))
                    ? "the file ends inside its 176-byte header (truncated)"
                    : "not an SPSS system file (.sav): it is shorter than a .sav header", at: 0)
        }
        let magic = String(decoding: bytes[0..<4], as: UTF8.self)
        if magic == "$FL3" {
            throw fail(
                "this is a ZLIB-compressed SPSS file (.zsav); save it from SPSS as .sav (compressed or not)", at: 0)
        }
        guard magic == "$FL2" else {
            throw fail(
                "not an SPSS system file (.sav): it does not start with \"$FL2\"" + Self.foreignHint(bytes), at: 0)
        }
        offset = 64
        let layoutCode = try int32()
        if layoutCode != 2 && layoutCode != 3 {
            bigEndian = true
            offset = 64
            guard [2, 3].contains(try int32()) else { throw fail("unknown layout code; not a .sav file", at: 64) }
        }
        _ = try int32()  // nominal case size; recomputed from the variable records
        let compression = try int32()
        guard compression == 0 || compression == 1 else {
            throw fail(
                compression == 2
                    ? "ZLIB compression (.zsav) is not supported; save as .sav"
                    : "unknown compression code \(compression)", at: 72)
        }
        _ = try int32()  // weight index
        let declaredCases = Int(try int32())
        let bias = try double()
        _ = try take(17)  // creation date and time
        let fileLabel = Array(try take(64))
        _ = try take(3)

        var raw: [RawVariable] = []
        var units = 0
        var valueLabelSets: [(labels: [(value: [UInt8], label: [UInt8])], units: [Int])] = []
        var documents: [[UInt8]] = []
        var extensions: [Int32: [UInt8]] = [:]
        var characterCode: Int32?
        var displayParameters: [Int32] = []
        var pendingContinuations = 0
        dictionary: while true {
            let recordStart = offset
            let type = try int32()
            switch type {
            case 2:
                let width = Int(try int32())
                let hasLabel = try int32()
                let missingCount = try int32()
                let printFormat = try int32()
                _ = try int32()
                let name = Array(try take(8))
                var label: [UInt8]?
                if hasLabel == 1 {
                    let length = try count("a variable label length", unit: 1)
                    label = Array(try take(length))
                    _ = try take((4 - length % 4) % 4)
                } else if hasLabel != 0 {
                    throw fail("variable record has label flag \(hasLabel), not 0 or 1", at: recordStart)
                }
                guard (-3...3).contains(missingCount), missingCount != -1 else {
                    throw fail("variable record has \(missingCount) missing values, not -3…3", at: recordStart)
                }
                var missingRaw: [[UInt8]] = []
                for _ in 0..<Int(abs(missingCount)) { missingRaw.append(Array(try take(8))) }
                if width == -1 {
                    guard pendingContinuations > 0 else {
                        throw fail("a string continuation record follows no string variable", at: recordStart)
                    }
                    pendingContinuations -= 1
                    units += 1
                    continue
                }
                guard pendingContinuations == 0 else {
                    throw fail("a string variable has fewer continuation records than its width needs", at: recordStart)
                }
                guard (0...255).contains(width) else {
                    throw fail("variable width \(width) is not 0 (numeric) or 1–255 (string)", at: recordStart)
                }
                guard raw.count < limits.maximumVariables else {
                    throw fail("more than \(limits.maximumVariables) variables", at: recordStart)
                }
                let unitCount = width == 0 ? 1 : (width + 7) / 8
                pendingContinuations = unitCount - 1
                raw.append(
                    RawVariable(
                        shortName: String(decoding: name, as: UTF8.self).trimmingCharacters(in: .whitespaces),
                        width: width, label: label, missingCount: missingCount, missingRaw: missingRaw,
                        printDecimals: Int(printFormat & 0xFF), printWidth: Int((printFormat >> 8) & 0xFF),
                        firstUnit: units, units: unitCount))
                units += 1
            case 3:
                let labelCount = try count("the number of value labels", unit: 9)
                var labels: [(value: [UInt8], label: [UInt8])] = []
                for _ in 0..<labelCount {
                    let value = Array(try take(8))
                    let length = Int(try take(1).first!)
                    let label = Array(try take(length))
                    _ = try take((8 - (length + 1) % 8) % 8)
                    labels.append((value, label))
                }
                let followerStart = offset
                guard try int32() == 4 else {
                    throw fail("a value label record (3) is not followed by its variable list (4)", at: followerStart)
                }
                let variableCount = try count("the number of labelled variables", unit: 4)
                var indexes: [Int] = []
                for _ in 0..<variableCount { indexes.append(Int(try int32())) }
                valueLabelSets.append((labels, indexes))
            case 6:
                let lineCount = try count("the number of document lines", unit: 80)
                for _ in 0..<lineCount { documents.append(Array(try take(80))) }
            case 7:
                let subtype = try int32()
                let size = Int(try int32())
                let itemCount = Int(try int32())
                guard size > 0, itemCount >= 0, itemCount <= remaining / size else {
                    throw fail(
                        "extension record 7/\(subtype) declares \(itemCount) items of \(size) bytes, more than the file holds",
                        at: recordStart)
                }
                let body = Array(try take(size * itemCount))
                switch subtype {
                case 3 where body.count >= 32:
                    characterCode = SAVParser.int32(body, at: 28, bigEndian: bigEndian)
                case 11 where size == 4:
                    displayParameters = (0..<itemCount).map { SAVParser.int32(body, at: $0 * 4, bigEndian: bigEndian) }
                default:
                    if extensions[subtype] == nil { extensions[subtype] = body } else { extensions[subtype]! += body }
                }
            case 999:
                _ = try int32()
                break dictionary
            default:
                throw fail("unknown record type \(type); the file is corrupt or not a .sav file", at: recordStart)
            }
        }
        guard pendingContinuations == 0 else { throw fail("the last string variable lacks continuation records") }
        guard !raw.isEmpty else { throw fail("the file has no variables") }

        let encoding = try Self.encoding(name: extensions[20], code: characterCode, fail: fail)
        var decoder = TextDecoder(encoding: encoding, file: file)

        // Cases.
        let cases: [[UInt64]] = try readCases(
            units: units, compressed: compression == 1, bias: bias, declared: declaredCases)

        return try assemble(
            raw: raw, cases: cases, fileLabel: fileLabel, documents: documents, valueLabelSets: valueLabelSets,
            extensions: extensions, displayParameters: displayParameters, decoder: &decoder)
    }

    static func int32(_ bytes: [UInt8], at index: Int, bigEndian: Bool) -> Int32 {
        var value: UInt32 = 0
        for byteIndex in 0..<4 {
            let byte = UInt32(bytes[index + byteIndex])
            value |= byte << (bigEndian ? UInt32(24 - 8 * byteIndex) : UInt32(8 * byteIndex))
        }
        return Int32(bitPattern: value)
    }

    static func foreignHint(_ bytes: [UInt8]) -> String {
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            return "; it is a ZIP file, probably an Excel workbook (.xlsx)"
        }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) { return "; it is an old Excel workbook (.xls)" }
        if bytes.starts(with: Array("$FL".utf8)) { return "" }
        return "; is it a CSV or SPSS portable (.por) file?"
    }

    static func encoding(name: [UInt8]?, code: Int32?, fail: (String, Int?) -> FormatError) throws(FormatError)
        -> TextDecoder.Encoding
    {
        if let name {
            let text = String(decoding: name, as: UTF8.self).uppercased().replacingOccurrences(of: "_", with: "-")
            switch text {
            case "UTF-8", "UTF8": return .utf8
            case "WINDOWS-1252", "CP1252", "MS-ANSI": return .windows1252
            case "ISO-8859-1", "LATIN1", "ISO8859-1", "ISO-8859-15", "LATIN-1": return .latin1
            case "US-ASCII", "ASCII", "ANSI-X3.4-1968": return .windows1252
            default:
                throw fail(
                    "the file is in character encoding \"\(text)\", which Fornye does not read; save it from SPSS as Unicode (UTF-8)",
                    nil)
            }
        }
        switch code {
        case 65001: return .utf8
        case nil, 1252, 2, 3, 20127, 1: return .windows1252
        case 28591: return .latin1
        case let other?:
            throw fail(
                "the file is in code page \(other), which Fornye does not read; save it from SPSS as Unicode (UTF-8)",
                nil)
        }
    }

    /// All cases as raw 8-byte units (numbers as bit patterns, strings as bytes).
    mutating func readCases(units: Int, compressed: Bool, bias: Double, declared: Int) throws(FormatError)
        -> [[UInt64]]
    {
        var cases: [[UInt64]] = []
        if declared > 0 { cases.reserveCapacity(min(declared, remaining / max(1, compressed ? 1 : units * 8))) }
        let spaces: UInt64 = 0x2020_2020_2020_2020
        // Units hold bytes in file order; numbers made here must be stored the same way.
        let swap = bigEndian
        func stored(_ value: Double) -> UInt64 { swap ? value.bitPattern.byteSwapped : value.bitPattern }
        let sysmis = stored(-Double.greatestFiniteMagnitude)
        if !compressed {
            while remaining >= units * 8 {
                if declared >= 0 && cases.count == declared { break }
                var row: [UInt64] = []
                row.reserveCapacity(units)
                for _ in 0..<units {
                    let slice = try take(8)
                    row.append(rawUnit(slice))
                }
                cases.append(row)
                guard cases.count <= limits.maximumCases else { throw fail("more than \(limits.maximumCases) cases") }
                try checkCells(cases.count, units: units)
            }
            if remaining > 0 && declared < 0 {
                throw fail("the file ends inside case \(cases.count + 1) (truncated)")
            }
        } else {
            var commands: ArraySlice<UInt8> = []
            var row: [UInt64] = []
            row.reserveCapacity(units)
            reading: while true {
                if commands.isEmpty {
                    if remaining == 0 { break reading }
                    if remaining < 8 { throw fail("the file ends inside a compression block (truncated)") }
                    commands = try take(8)
                }
                let command = commands.removeFirst()
                switch command {
                case 0: continue
                case 252: break reading
                case 253:
                    guard remaining >= 8 else {
                        throw fail("the file ends inside case \(cases.count + 1) (truncated)")
                    }
                    row.append(rawUnit(try take(8)))
                case 254: row.append(spaces)
                case 255: row.append(sysmis)
                default: row.append(stored(Double(command) - bias))
                }
                if row.count == units {
                    cases.append(row)
                    row.removeAll(keepingCapacity: true)
                    if declared >= 0 && cases.count == declared { break reading }
                    guard cases.count <= limits.maximumCases else {
                        throw fail("more than \(limits.maximumCases) cases")
                    }
                    try checkCells(cases.count, units: units)
                }
            }
            if !row.isEmpty { throw fail("the file ends inside case \(cases.count + 1) (truncated)") }
        }
        if declared >= 0 && cases.count < declared {
            throw fail("the header announces \(declared) cases but the file holds \(cases.count) (truncated)")
        }
        return cases
    }

    func checkCells(_ cases: Int, units: Int) throws(FormatError) {
        guard cases.multipliedReportingOverflow(by: units).partialValue <= limits.maximumCells else {
            throw fail(
                "more than \(limits.maximumCells) values (cases × variables); split the file or keep fewer variables")
        }
    }

    /// An 8-byte unit as stored: bytes in file order for strings, a native bit pattern for numbers
    /// is made later (`number(_:)`) once the variable's type is known.
    func rawUnit(_ slice: ArraySlice<UInt8>) -> UInt64 {
        var value: UInt64 = 0
        for (index, byte) in slice.enumerated() { value |= UInt64(byte) << UInt64(8 * index) }
        return value
    }

    func number(_ unit: UInt64) -> Double {
        guard bigEndian else { return Double(bitPattern: unit) }
        return Double(bitPattern: unit.byteSwapped)
    }

    mutating func assemble(
        raw: [RawVariable], cases: [[UInt64]], fileLabel: [UInt8], documents: [[UInt8]],
        valueLabelSets: [(labels: [(value: [UInt8], label: [UInt8])], units: [Int])],
        extensions: [Int32: [UInt8]], displayParameters: [Int32], decoder: inout TextDecoder
    ) throws(FormatError) -> SAVFile {
        let veryLong = try parseVeryLongStrings(extensions[14], decoder: &decoder)
        let longNames = try parseKeyValues(extensions[13], separator: "\t", decoder: &decoder, what: "long names")
        // Group segments of very long strings.
        var groups: [(head: RawVariable, segments: [RawVariable], width: Int)] = []
        var index = 0
        while index < raw.count {
            let head = raw[index]
            if head.width > 0, let width = veryLong[head.shortName.uppercased()] {
                let count = (width + 251) / 252
                guard width > 255, width <= SAVWriter.maximumStringWidth, index + count <= raw.count else {
                    throw fail("very long string \(head.shortName) of width \(width) does not match its segments")
                }
                groups.append((head, Array(raw[index..<(index + count)]), width))
                index += count
            } else {
                groups.append((head, [head], head.width))
                index += 1
            }
        }
        // Display parameters: one triple (or pair) per segment, or per variable.
        var measures: [SAVVariable.Measure] = Array(repeating: .unknown, count: groups.count)
        for stride in [3, 2]
        where displayParameters.count == stride * raw.count || displayParameters.count == stride * groups.count {
            var position = 0
            for (groupIndex, group) in groups.enumerated() {
                if position < displayParameters.count {
                    measures[groupIndex] = SAVVariable.Measure(rawValue: displayParameters[position]) ?? .unknown
                }
                position += stride * (displayParameters.count == stride * raw.count ? group.segments.count : 1)
            }
            break
        }
        let unitToGroup = Dictionary(
            groups.enumerated().map { ($1.head.firstUnit + 1, $0) }, uniquingKeysWith: { a, _ in a })
        var valueLabels: [[(value: Double, label: String)]] = Array(repeating: [], count: groups.count)
        for set in valueLabelSets {
            for unit in set.units {
                guard let groupIndex = unitToGroup[unit] else {
                    throw fail("a value label record names variable position \(unit), which is no variable")
                }
                guard groups[groupIndex].width == 0 else { continue }  // string value labels are not kept
                for (value, label) in set.labels {
                    valueLabels[groupIndex].append(
                        (double(value[...]), try decoder.text(label, what: "a value label")))
                }
            }
        }
        var variables: [SAVVariable] = []
        var seenNames = Set<String>()
        for (groupIndex, group) in groups.enumerated() {
            var name = group.head.shortName
            if let long = longNames[name.uppercased()] ?? longNames[name] { name = long }
            guard !name.isEmpty, seenNames.insert(name.lowercased()).inserted else {
                throw fail("variable name \"\(name)\" is empty or used twice")
            }
            let values: SAVVariable.Values
            if group.width == 0 {
                values = .numbers(
                    cases.map { row in
                        let value = number(row[group.head.firstUnit])
                        return value == -Double.greatestFiniteMagnitude ? .nan : value
                    })
            } else {
                var strings: [String] = []
                strings.reserveCapacity(cases.count)
                for (caseIndex, row) in cases.enumerated() {
                    var buffer: [UInt8] = []
                    for (segmentIndex, segment) in group.segments.enumerated() {
                        // Segments carry 255 bytes each, one after another.
                        let used =
                            group.segments.count == 1 ? segment.width : min(255, group.width - segmentIndex * 255)
                        var chunk: [UInt8] = []
                        for unit in 0..<segment.units {
                            let word = row[segment.firstUnit + unit]
                            for byte in 0..<8 { chunk.append(UInt8(truncatingIfNeeded: word >> UInt64(8 * byte))) }
                        }
                        buffer += chunk.prefix(used)
                    }
                    while let last = buffer.last, last == 0x20 || last == 0 { buffer.removeLast() }
                    strings.append(
                        try decoder.text(buffer, what: "case \(caseIndex + 1), variable \(name)", allowCutTail: true))
                }
                values = .strings(strings)
            }
            var missing = SAVVariable.Missing()
            let head = group.head
            if group.width == 0 {
                var doubles = head.missingRaw.map { double($0[...]) }
                if head.missingCount < 0 {
                    guard doubles.count >= 2 else { throw fail("variable \(name): a missing range needs two values") }
                    let low = doubles.removeFirst()
                    let high = doubles.removeFirst()
                    guard low <= high, !low.isNaN, !high.isNaN else {
                        throw fail("variable \(name): missing range \(low)–\(high) is empty")
                    }
                    missing.range = low...high
                }
                missing.discrete = doubles
            } else {
                for value in head.missingRaw {
                    var bytes = value
                    while let last = bytes.last, last == 0x20 { bytes.removeLast() }
                    missing.strings.append(try decoder.text(bytes, what: "a missing value of \(name)"))
                }
            }
            variables.append(
                SAVVariable(
                    name: name,
                    label: try head.label.map { bytes throws(FormatError) in
                        try decoder.text(bytes, what: "the label of \(name)")
                    },
                    width: group.width, values: values, valueLabels: valueLabels[groupIndex], missing: missing,
                    measure: measures[groupIndex], decimals: group.width == 0 ? head.printDecimals : 0,
                    printWidth: group.width == 0 ? head.printWidth : 8))
        }
        // Attributes.
        if let text = extensions[18] {
            // `name:attr('v'\n)attr2('v'\n)/name2:…`; values may hold "/" and ":".
            var rest = Substring(try decoder.text(text, what: "variable attributes"))
            while let colon = rest.firstIndex(of: ":") {
                let name = String(rest[..<colon])
                rest = rest[rest.index(after: colon)...]
                let attributes = Self.parseAttributes(&rest)
                if let position = variables.firstIndex(where: { $0.name == name }) {
                    variables[position].attributes = attributes
                }
                guard rest.first == "/" else { break }
                rest = rest.dropFirst()
            }
        }
        var sets: [SAVMultipleResponseSet] = []
        for subtype: Int32 in [7, 19] {
            if let text = extensions[subtype] {
                sets += Self.parseMultipleResponseSets(try decoder.text(text, what: "multiple-response sets"))
            }
        }
        // Members are short names (any case); name them by their long names.
        var longByShort: [String: String] = [:]
        for (group, variable) in zip(groups, variables) {
            longByShort[group.head.shortName.uppercased()] = variable.name
        }
        for index in sets.indices {
            sets[index].variables = sets[index].variables.map { longByShort[$0.uppercased()] ?? $0 }
        }
        var fileLabelBytes = fileLabel
        while let last = fileLabelBytes.last, last == 0x20 || last == 0 { fileLabelBytes.removeLast() }
        var documentLines: [String] = []
        for line in documents {
            var bytes = line
            while let last = bytes.last, last == 0x20 || last == 0 { bytes.removeLast() }
            documentLines.append(try decoder.text(bytes, what: "a document line", allowCutTail: true))
        }
        return SAVFile(
            fileLabel: try decoder.text(fileLabelBytes, what: "the file label", allowCutTail: true),
            documents: documentLines, variables: variables, multipleResponseSets: sets,
            fileAttributes: try extensions[17].map { bytes throws(FormatError) in
                Self.parseAttributes(try decoder.text(bytes, what: "file attributes"))
            } ?? [:],
            encoding: decoder.encoding.name)
    }

    mutating func parseKeyValues(_ bytes: [UInt8]?, separator: Character, decoder: inout TextDecoder, what: String)
        throws(FormatError) -> [String: String]
    {
        guard let bytes else { return [:] }
        var result: [String: String] = [:]
        for pair in try decoder.text(bytes, what: what).split(separator: separator) {
            let parts = pair.split(separator: "=", maxSplits: 1)
            guard parts.count == 2 else { continue }
            result[String(parts[0]).uppercased()] = String(parts[1])
        }
        return result
    }

    mutating func parseVeryLongStrings(_ bytes: [UInt8]?, decoder: inout TextDecoder) throws(FormatError)
        -> [String: Int]
    {
        var result: [String: Int] = [:]
        for (key, value) in try parseKeyValues(bytes, separator: "\t", decoder: &decoder, what: "very long strings") {
            let digits = value.filter(\.isNumber)
            guard let width = Int(digits.prefix(6)) else { continue }
            result[key] = width
        }
        return result
    }

    /// `name('v'\n'v2'\n)name2('v'\n)`.
    static func parseAttributes(_ text: String) -> [String: [String]] {
        var rest = Substring(text)
        return parseAttributes(&rest)
    }

    /// Consumes attributes from the front of `rest`, stopping at anything else (such as "/").
    static func parseAttributes(_ rest: inout Substring) -> [String: [String]] {
        var result: [String: [String]] = [:]
        while let open = rest.firstIndex(of: "("), !rest[..<open].contains("/"), rest.first != "/" {
            let name = String(rest[..<open])
            var cursor = rest[rest.index(after: open)...]
            var values: [String] = []
            while cursor.first == "'" {
                cursor = cursor.dropFirst()
                guard let end = cursor.range(of: "'\n") else { return result }
                values.append(String(cursor[..<end.lowerBound]))
                cursor = cursor[end.upperBound...]
            }
            guard cursor.first == ")" else { return result }
            rest = cursor.dropFirst()
            if !name.isEmpty { result[name] = values }
        }
        return result
    }

    /// Lines of `$name=D1 1 5 label var var` or `$name=C 5 label var var`.
    static func parseMultipleResponseSets(_ text: String) -> [SAVMultipleResponseSet] {
        var sets: [SAVMultipleResponseSet] = []
        for line in text.split(separator: "\n") {
            var rest = Substring(line)
            guard rest.first == "$", let equals = rest.firstIndex(of: "=") else { continue }
            let name = String(rest[rest.index(after: rest.startIndex)..<equals])
            rest = rest[rest.index(after: equals)...]
            guard let type = rest.first else { continue }
            rest = rest.dropFirst()
            let kind: SAVMultipleResponseSet.Kind
            switch type {
            case "C":
                kind = .category
            case "D", "E":
                if type == "E" {
                    // " 1 " or " 11 " then the counted value.
                    rest = rest.drop { $0 == " " }
                    rest = rest.drop { $0.isNumber }
                    rest = rest.drop { $0 == " " }
                }
                guard let value = countedString(&rest) else { continue }
                kind = .dichotomy(countedValue: value)
            default:
                continue
            }
            rest = rest.drop { $0 == " " }
            guard let label = countedString(&rest) else { continue }
            let variables = rest.split(separator: " ").map(String.init)
            sets.append(SAVMultipleResponseSet(name: name, label: label, kind: kind, variables: variables))
        }
        return sets
    }

    /// "<length> <bytes>"; the length counts UTF-8 bytes.
    static func countedString(_ rest: inout Substring) -> String? {
        let digits = rest.prefix { $0.isNumber }
        guard let length = Int(digits), rest.dropFirst(digits.count).first == " " else { return nil }
        let utf8 = rest.dropFirst(digits.count + 1).utf8
        guard utf8.count >= length else { return nil }
        let end = utf8.index(utf8.startIndex, offsetBy: length)
        guard let value = String(utf8[utf8.startIndex..<end]) else { return nil }
        rest = Substring(utf8[end...])
        return value
    }
}

/// Bytes to text in the file's declared encoding; invalid UTF-8 is refused, naming where.
struct TextDecoder {
    enum Encoding {
        case utf8, windows1252, latin1

        var name: String {
            switch self {
            case .utf8: "UTF-8"
            case .windows1252: "windows-1252"
            case .latin1: "ISO-8859-1"
            }
        }
    }

    let encoding: Encoding
    let file: String

    /// The length of an incomplete UTF-8 sequence at the end (a lead byte whose continuation bytes
    /// were cut off), or nil when the end is not such a sequence.
    static func incompleteTail(_ bytes: [UInt8]) -> Int? {
        for back in 1...min(3, bytes.count) {
            let byte = bytes[bytes.count - back]
            if byte & 0xC0 == 0x80 { continue }  // a continuation byte; look further back
            let needed =
                (0xC2...0xDF).contains(byte)
                ? 2 : (0xE0...0xEF).contains(byte) ? 3 : (0xF0...0xF4).contains(byte) ? 4 : 0
            return needed > back ? back : nil
        }
        return nil
    }

    mutating func text(_ bytes: [UInt8], what: String, allowCutTail: Bool = false) throws(FormatError) -> String {
        if bytes.allSatisfy({ $0 < 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
        switch encoding {
        case .utf8:
            if let text = String(validating: bytes, as: UTF8.self) { return text }
            // SPSS cuts strings at their width in bytes, which may split the last character.
            if allowCutTail, let cut = Self.incompleteTail(bytes),
                let text = String(validating: bytes.dropLast(cut), as: UTF8.self)
            {
                return text
            }
            let bad = bytes.first { $0 >= 0x80 }.map { "0x" + String($0, radix: 16, uppercase: true) } ?? "?"
            throw .located(
                FileLocation(file: file),
                "\(what) is not valid UTF-8 (byte \(bad)) although the file says it is UTF-8; it is probably Windows-1252 text in a file marked as Unicode. Re-save it from SPSS in Unicode mode"
            )
        case .windows1252:
            var scalars = String.UnicodeScalarView()
            for byte in bytes { scalars.append(Windows1252.scalar(for: byte) ?? "\u{FFFD}") }
            return String(scalars)
        case .latin1:
            var scalars = String.UnicodeScalarView()
            for byte in bytes { scalars.append(Unicode.Scalar(byte)) }
            return String(scalars)
        }
    }
}
