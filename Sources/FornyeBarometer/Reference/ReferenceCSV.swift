/// Reads the bundled reference tables: comma-separated, unquoted, UTF-8, LF or CRLF line ends.
/// They are small and fixed, so a byte splitter is enough and keeps loading fast in debug builds.
struct ReferenceCSV {
    let file: String
    let header: [String]
    /// Data rows with their 1-based line number (the header is line 1).
    let rows: [(line: Int, fields: [String])]

    init(file: String, bytes: [UInt8]) throws(ReferenceDataError) {
        self.file = file
        var lines: [[String]] = []
        var fields: [String] = []
        var start = 0
        var index = 0
        func field(_ end: Int) -> String {
            var stop = end
            if stop > start, bytes[stop - 1] == UInt8(ascii: "\r") { stop -= 1 }
            return String(decoding: bytes[start..<stop], as: UTF8.self)
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: ",") {
                fields.append(field(index))
                start = index + 1
            } else if byte == UInt8(ascii: "\n") {
                fields.append(field(index))
                lines.append(fields)
                fields = []
                start = index + 1
            }
            index += 1
        }
        if start < bytes.count {
            fields.append(field(bytes.count))
            lines.append(fields)
        }
        guard let header = lines.first else {
            throw .corruptResource(file: file, line: nil, message: "empty file")
        }
        self.header = header
        var rows: [(line: Int, fields: [String])] = []
        rows.reserveCapacity(lines.count - 1)
        for (offset, fields) in lines.dropFirst().enumerated() where fields != [""] {
            guard fields.count == header.count else {
                throw .corruptResource(
                    file: file, line: offset + 2, message: "\(fields.count) fields, header has \(header.count)")
            }
            rows.append((offset + 2, fields))
        }
        self.rows = rows
    }

    /// Position of a named column.
    func column(_ name: String) throws(ReferenceDataError) -> Int {
        guard let index = header.firstIndex(of: name) else {
            throw .corruptResource(file: file, line: 1, message: "no column \"\(name)\"")
        }
        return index
    }

    func integer(_ text: String, line: Int, column name: String) throws(ReferenceDataError) -> Int {
        guard let value = Int(text) else {
            throw .corruptResource(file: file, line: line, message: "\(name) \"\(text)\" is not a whole number")
        }
        return value
    }

    func day(_ text: String, line: Int, column name: String) throws(ReferenceDataError) -> CalendarDay {
        guard let value = CalendarDay(text) else {
            throw .corruptResource(file: file, line: line, message: "\(name) \"\(text)\" is not a date")
        }
        return value
    }
}
