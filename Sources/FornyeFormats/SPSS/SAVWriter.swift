public import Foundation

/// Writes an SPSS system file (.sav), version 2 layout, little-endian, UTF-8 (record 7/20),
/// bytecode-compressed or not. Long names (7/13), very long strings (7/14), display parameters
/// (7/11), multiple-response sets (7/7), attributes (7/17, 7/18) and documents (6) are written
/// as PSPP and SPSS write them, so both read the files back (checked by scripts/spss/).
public enum SAVWriter {
    /// Largest string width SPSS accepts.
    public static let maximumStringWidth = 32_767

    public static func write(_ file: SAVFile, to url: URL, compressed: Bool = true) throws(FormatError) {
        let bytes = try data(file, compressed: compressed)
        do {
            try bytes.write(to: url, options: .atomic)
        } catch {
            throw .unreadableFile(file: url.path, reason: "cannot write: \(error.localizedDescription)")
        }
    }

    /// The bytes of the file. `created` fills the header's date and time (fixed in tests).
    public static func data(
        _ file: SAVFile, compressed: Bool = true, created: Date = Date()
    ) throws(FormatError) -> Data {
        let layout = try Layout(file)
        var out = ByteWriter()
        writeHeader(file, layout: layout, compressed: compressed, created: created, to: &out)
        for variable in layout.variables { writeVariableRecords(variable, to: &out) }
        writeValueLabels(layout, to: &out)
        if !file.documents.isEmpty {
            out.int32(6)
            out.int32(Int32(file.documents.count))
            for line in file.documents { out.padded(line, to: 80) }
        }
        writeExtensions(file, layout: layout, to: &out)
        out.int32(999)
        out.int32(0)
        if compressed {
            writeCompressedCases(layout, to: &out)
        } else {
            writeCases(layout, to: &out)
        }
        return Data(out.bytes)
    }

    // MARK: Dictionary

    private static func writeHeader(
        _ file: SAVFile, layout: Layout, compressed: Bool, created: Date, to out: inout ByteWriter
    ) {
        out.raw(Array("$FL2".utf8))
        out.padded("@(#) SPSS DATA FILE Fornye", to: 60)
        out.int32(2)
        out.int32(Int32(layout.unitsPerCase))
        out.int32(compressed ? 1 : 0)
        out.int32(0)
        out.int32(Int32(clamping: file.rowCount))
        out.double(100)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: created)
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ value: Int?) -> String { String(format: "%02d", value ?? 0) }
        out.padded("\(two(parts.day)) \(months[(parts.month ?? 1) - 1]) \(two((parts.year ?? 0) % 100))", to: 9)
        out.padded("\(two(parts.hour)):\(two(parts.minute)):\(two(parts.second))", to: 8)
        out.padded(file.fileLabel, to: 64)
        out.raw([0, 0, 0])
    }

    private static func format(type: Int32, width: Int, decimals: Int) -> Int32 {
        (type << 16) | Int32(min(width, 255) << 8) | Int32(min(decimals, 16))
    }

    private static func writeVariableRecords(_ variable: Layout.Variable, to out: inout ByteWriter) {
        let source = variable.source
        for (index, segment) in variable.segments.enumerated() {
            out.int32(2)
            out.int32(Int32(segment.width))
            let label = index == 0 ? source.label : nil
            out.int32(label == nil ? 0 : 1)
            let missing = index == 0 && source.width == 0 ? source.missing : .init()
            let missingCount: Int32 =
                missing.range == nil ? Int32(missing.discrete.count) : (missing.discrete.isEmpty ? -2 : -3)
            out.int32(missingCount)
            let printFormat =
                segment.width == 0
                ? format(
                    type: 5, width: min(40, max(source.printWidth, source.decimals == 0 ? 1 : source.decimals + 2)),
                    decimals: source.decimals)
                : format(type: 1, width: segment.width, decimals: 0)
            out.int32(printFormat)
            out.int32(printFormat)
            out.padded(segment.shortName, to: 8)
            if let label {
                let bytes = Array(ByteWriter.truncated(label, toBytes: 255).utf8)
                out.int32(Int32(bytes.count))
                out.raw(bytes)
                out.zeros((4 - bytes.count % 4) % 4)
            }
            if let range = missing.range {
                out.double(range.lowerBound)
                out.double(range.upperBound)
            }
            for value in missing.discrete { out.double(value) }
            // Continuation records for the rest of this segment's 8-byte units.
            for _ in 1..<max(1, segment.units) {
                out.int32(2)
                out.int32(-1)
                out.zeros(16)
                out.raw(Array(repeating: 0x20, count: 8))
            }
        }
    }

    private static func writeValueLabels(_ layout: Layout, to out: inout ByteWriter) {
        for variable in layout.variables where variable.source.width == 0 && !variable.source.valueLabels.isEmpty {
            out.int32(3)
            out.int32(Int32(variable.source.valueLabels.count))
            for (value, label) in variable.source.valueLabels {
                out.double(value)
                let bytes = Array(ByteWriter.truncated(label, toBytes: 120).utf8)
                out.raw([UInt8(bytes.count)])
                out.raw(bytes)
                out.raw(Array(repeating: 0x20, count: (8 - (bytes.count + 1) % 8) % 8))
            }
            out.int32(4)
            out.int32(1)
            out.int32(Int32(variable.firstUnit + 1))
        }
    }

    private static func writeExtensions(_ file: SAVFile, layout: Layout, to out: inout ByteWriter) {
        // 7/3 machine integers: version, machine -1, IEEE floats, compression 1, little-endian, UTF-8.
        out.extensionRecord(subtype: 3, size: 4, count: 8) { $0.int32s([1, 0, 0, -1, 1, 1, 2, 65001]) }
        // 7/4 machine floats: system missing, highest, lowest.
        out.extensionRecord(subtype: 4, size: 8, count: 3) {
            $0.double(-Double.greatestFiniteMagnitude)
            $0.double(Double.greatestFiniteMagnitude)
            $0.double((-Double.greatestFiniteMagnitude).nextUp)
        }
        if !file.multipleResponseSets.isEmpty {
            var text = ""
            for set in file.multipleResponseSets {
                let label = Array(set.label.utf8)
                text += "$\(set.name)="
                switch set.kind {
                case .dichotomy(let value): text += "D\(value.utf8.count) \(value) "
                case .category: text += "C "
                }
                // Members are named by their short names in lower case, as SPSS and PSPP write them.
                let members = set.variables.map { name in
                    (layout.variables.first { $0.source.name == name }?.segments[0].shortName ?? name).lowercased()
                }
                text += "\(label.count) \(set.label) " + members.joined(separator: " ") + "\n"
            }
            out.textRecord(subtype: 7, text)
        }
        // 7/11 display parameters: one triple per segment.
        let segments = layout.variables.flatMap { variable in variable.segments.map { (variable.source, $0) } }
        out.extensionRecord(subtype: 11, size: 4, count: segments.count * 3) { out in
            for (variable, segment) in segments {
                let measure: SAVVariable.Measure =
                    variable.measure == .unknown ? (variable.width == 0 ? .scale : .nominal) : variable.measure
                out.int32s([
                    measure.rawValue, Int32(segment.width == 0 ? 8 : min(segment.width, 32)),
                    segment.width == 0 ? 1 : 0,
                ])
            }
        }
        out.textRecord(
            subtype: 13,
            layout.variables.map { "\($0.segments[0].shortName)=\($0.source.name)" }.joined(separator: "\t"))
        let veryLong = layout.variables.filter { $0.source.width > 255 }
        if !veryLong.isEmpty {
            out.textRecord(
                subtype: 14,
                veryLong.map { "\($0.segments[0].shortName)=\(String(format: "%05d", $0.source.width))\0\t" }.joined())
        }
        if !file.fileAttributes.isEmpty {
            out.textRecord(subtype: 17, attributeText(file.fileAttributes))
        }
        let withAttributes = layout.variables.filter { !$0.source.attributes.isEmpty }
        if !withAttributes.isEmpty {
            out.textRecord(
                subtype: 18,
                withAttributes.map { "\($0.source.name):" + attributeText($0.source.attributes) }.joined(separator: "/")
            )
        }
        out.textRecord(subtype: 20, "UTF-8")
    }

    /// `name('value'\n'value'\n)` for each attribute, names sorted so that output is stable.
    private static func attributeText(_ attributes: [String: [String]]) -> String {
        attributes.keys.sorted().map { name in
            let values = attributes[name]!.map { value in
                // A value ends at a quote followed by a line break; neither may appear inside.
                "'" + value.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ") + "'\n"
            }
            return name + "(" + values.joined() + ")"
        }.joined()
    }

    // MARK: Cases

    private static func writeCases(_ layout: Layout, to out: inout ByteWriter) {
        var units: [[UInt8]] = []
        for row in 0..<layout.rowCount {
            for variable in layout.variables {
                variable.appendUnits(row: row, to: &units)
                for unit in units { out.raw(unit) }
                units.removeAll(keepingCapacity: true)
            }
        }
    }

    private static func writeCompressedCases(_ layout: Layout, to out: inout ByteWriter) {
        var commands: [UInt8] = []
        var pending: [UInt8] = []
        commands.reserveCapacity(8)
        func flush() {
            guard !commands.isEmpty else { return }
            out.raw(commands + Array(repeating: 0, count: 8 - commands.count))
            out.raw(pending)
            commands.removeAll(keepingCapacity: true)
            pending.removeAll(keepingCapacity: true)
        }
        func emit(_ command: UInt8, _ raw: [UInt8]? = nil) {
            commands.append(command)
            if let raw { pending += raw }
            if commands.count == 8 { flush() }
        }
        var units: [[UInt8]] = []
        for row in 0..<layout.rowCount {
            for variable in layout.variables {
                if case .numbers(let values) = variable.source.values {
                    let value = values[row]
                    if value.isNaN {
                        emit(255)
                    } else if value == value.rounded(), value >= -99, value <= 151,
                        !(value == 0 && value.sign == .minus)
                    {
                        emit(UInt8(Int(value) + 100))
                    } else {
                        emit(253, ByteWriter.doubleBytes(value))
                    }
                    continue
                }
                variable.appendUnits(row: row, to: &units)
                for unit in units {
                    if unit.allSatisfy({ $0 == 0x20 }) { emit(254) } else { emit(253, unit) }
                }
                units.removeAll(keepingCapacity: true)
            }
        }
        flush()
    }
}

/// Short names, segments and unit positions of the variables to write.
private struct Layout {
    struct Segment {
        var shortName: String
        /// 0 numeric, else the segment's string width.
        var width: Int
        /// 8-byte units the segment occupies.
        var units: Int
        /// Bytes of the value this segment carries, from `offset`: 255 per segment, consecutively
        /// (the last segment's width, `width - 252 * (n - 1)`, leaves room to spare).
        var offset: Int
        var used: Int
    }

    struct Variable {
        var source: SAVVariable
        var segments: [Segment]
        var firstUnit: Int
        /// Each row's string in the file's bytes, cut to the width.
        var encoded: [[UInt8]]

        func appendUnits(row: Int, to units: inout [[UInt8]]) {
            if case .numbers(let values) = source.values {
                units.append(ByteWriter.doubleBytes(values[row].isNaN ? -Double.greatestFiniteMagnitude : values[row]))
                return
            }
            let bytes = encoded[row]
            for segment in segments {
                var chunk = [UInt8](repeating: 0x20, count: segment.units * 8)
                let end = min(bytes.count, segment.offset + segment.used)
                if end > segment.offset {
                    chunk.replaceSubrange(0..<(end - segment.offset), with: bytes[segment.offset..<end])
                }
                for unit in 0..<segment.units { units.append(Array(chunk[(unit * 8)..<(unit * 8 + 8)])) }
            }
        }
    }

    var variables: [Variable] = []
    var unitsPerCase = 0
    var rowCount = 0

    init(_ file: SAVFile) throws(FormatError) {
        rowCount = file.rowCount
        var used = Set<String>()
        func shortName(_ name: String) -> String {
            let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")
            var stem = String(name.uppercased().filter { allowed.contains($0) }.prefix(8))
            if stem.isEmpty || stem.first!.isNumber { stem = String(("V" + stem).prefix(8)) }
            var candidate = stem
            var counter = 1
            while used.contains(candidate) {
                let suffix = "_\(counter)"
                candidate = String(stem.prefix(8 - suffix.count)) + suffix
                counter += 1
            }
            used.insert(candidate)
            return candidate
        }
        var names = Set<String>()
        for variable in file.variables {
            let location = FileLocation(file: "(SPSS output)", field: variable.name)
            guard !variable.name.isEmpty, variable.name.utf8.count <= 64,
                names.insert(variable.name.lowercased()).inserted
            else {
                throw .located(location, "SPSS variable names must be unique (ignoring case) and 1 to 64 bytes long")
            }
            guard variable.values.count == file.rowCount else {
                throw .located(location, "has \(variable.values.count) values, the file has \(file.rowCount) rows")
            }
            var segments: [Segment] = []
            var encoded: [[UInt8]] = []
            switch variable.values {
            case .numbers:
                guard variable.width == 0 else { throw .located(location, "numeric values need width 0") }
                segments = [Segment(shortName: shortName(variable.name), width: 0, units: 1, offset: 0, used: 8)]
            case .strings(let strings):
                let width = variable.width
                guard (1...SAVWriter.maximumStringWidth).contains(width) else {
                    throw .located(location, "string width \(width) is outside 1–\(SAVWriter.maximumStringWidth)")
                }
                encoded = strings.map { Array(ByteWriter.truncated($0, toBytes: width).utf8) }
                if width <= 255 {
                    segments = [
                        Segment(
                            shortName: shortName(variable.name), width: width, units: (width + 7) / 8, offset: 0,
                            used: width)
                    ]
                } else {
                    let count = (width + 251) / 252
                    for index in 0..<count {
                        let segmentWidth = index < count - 1 ? 255 : width - index * 252
                        segments.append(
                            Segment(
                                shortName: shortName(
                                    index == 0 ? variable.name : String(variable.name.prefix(5)) + "\(index)"),
                                width: segmentWidth, units: (segmentWidth + 7) / 8, offset: index * 255,
                                used: min(255, width - index * 255)))
                    }
                }
            }
            variables.append(Variable(source: variable, segments: segments, firstUnit: unitsPerCase, encoded: encoded))
            unitsPerCase += segments.reduce(0) { $0 + $1.units }
        }
    }
}

/// Little-endian output.
struct ByteWriter {
    var bytes: [UInt8] = []

    mutating func raw(_ data: [UInt8]) { bytes += data }
    mutating func zeros(_ count: Int) { bytes += Array(repeating: 0, count: count) }
    mutating func int32(_ value: Int32) { withUnsafeBytes(of: value.littleEndian) { bytes += $0 } }
    mutating func int32s(_ values: [Int32]) { for value in values { int32(value) } }
    mutating func double(_ value: Double) { bytes += Self.doubleBytes(value) }

    static func doubleBytes(_ value: Double) -> [UInt8] {
        withUnsafeBytes(of: value.bitPattern.littleEndian) { Array($0) }
    }

    /// UTF-8 text cut to `count` bytes at a character boundary, padded with spaces.
    mutating func padded(_ text: String, to count: Int) {
        let cut = Array(Self.truncated(text, toBytes: count).utf8)
        bytes += cut + Array(repeating: 0x20, count: count - cut.count)
    }

    /// The longest prefix of `text` whose UTF-8 form has at most `limit` bytes.
    static func truncated(_ text: String, toBytes limit: Int) -> String {
        if text.utf8.count <= limit { return text }
        var result = ""
        var count = 0
        for character in text {
            let size = character.utf8.count
            if count + size > limit { break }
            result.append(character)
            count += size
        }
        return result
    }

    mutating func extensionRecord(subtype: Int32, size: Int32, count: Int, _ body: (inout ByteWriter) -> Void) {
        int32(7)
        int32(subtype)
        int32(size)
        int32(Int32(count))
        body(&self)
    }

    mutating func textRecord(subtype: Int32, _ text: String) {
        let data = Array(text.utf8)
        extensionRecord(subtype: subtype, size: 1, count: data.count) { $0.raw(data) }
    }
}
