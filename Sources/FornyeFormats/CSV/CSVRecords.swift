import CSV

/// A CSV text split into records by CSV.swift, each record with the physical line it starts on.
///
/// CSV.swift reports no positions and recovers silently from broken quoting: it drops the
/// character after a stray closing quote, and runs an unclosed quoted field to the end of the
/// file. So every record it returns is walked against the text once more: the walk counts lines
/// and refuses any field whose written form does not match what the reader made of it.
struct CSVRecords {
    var header: [String]
    var rows: [[String]]
    /// The 1-based physical line on which each row starts (the header is line 1).
    var lines: [Int]

    /// The physical line on which a field starts: its row's line plus the line breaks inside
    /// the quoted fields before it.
    func line(ofRow row: Int, column: Int) -> Int {
        lines[row] + rows[row].prefix(column).reduce(0) { $0 + Self.lineBreaks(in: $1) }
    }

    static func lineBreaks(in field: String) -> Int {
        var count = 0
        var previousWasCR = false
        for scalar in field.unicodeScalars {
            if scalar == "\r" || (scalar == "\n" && !previousWasCR) { count += 1 }
            previousWasCR = scalar == "\r"
        }
        return count
    }

    /// Splits `text` at `delimiter`.
    ///
    /// - Parameters:
    ///   - invalid: The first invalid UTF-8 sequence of the file; reported in the field it falls in.
    ///   - maximumFieldLength: The longest field accepted, in Unicode scalars.
    ///   - limits: When given, the text's columns, rows and cells are counted against them
    ///     before it is split (`CSVShape`), so a hostile file is refused before it is held.
    static func read(
        _ text: String, file: String, delimiter: Unicode.Scalar, maximumFieldLength: Int, invalid: InvalidUTF8?,
        limits: TableLimits? = nil
    ) throws(FormatError) -> CSVRecords {
        let records: CSVRecords
        do throws(FormatError) {
            if let limits { try CSVShape.check(text, file: file, delimiter: delimiter, limits: limits) }
            records = try split(
                text, file: file, delimiter: delimiter, maximumFieldLength: maximumFieldLength, invalid: invalid)
        } catch {
            // A broken encoding explains every later oddity, so it is reported first: in its field
            // when the walk got there, by its line otherwise.
            if let invalid, case .located(_, let message) = error, message != invalid.message {
                throw .located(FileLocation(file: file, line: invalid.line), invalid.message)
            }
            throw error
        }
        if let invalid {
            throw .located(FileLocation(file: file, line: invalid.line), invalid.message)
        }
        return records
    }

    private static func split(
        _ text: String, file: String, delimiter: Unicode.Scalar, maximumFieldLength: Int, invalid: InvalidUTF8?
    ) throws(FormatError) -> CSVRecords {
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, hasHeaderRow: true, delimiter: delimiter)
        } catch {
            throw .located(FileLocation(file: file), describe(error))
        }
        guard let header = reader.headerRow, header != [""] else {
            throw .located(FileLocation(file: file, line: 1), "the header line is empty")
        }
        var walk = Walk(
            text: text, file: file, delimiter: delimiter, maximumFieldLength: maximumFieldLength,
            watchedOffset: invalid?.scalarOffset, watchedMessage: invalid?.message ?? "")
        try walk.verify(header, names: nil)
        let names = header.map { $0.trimmingWhitespace }
        var rows: [[String]] = []
        var lines: [Int] = []
        while let row = reader.next() {
            lines.append(walk.line)
            try walk.verify(row, names: names)
            rows.append(row)
        }
        if let error = reader.error {
            throw .located(FileLocation(file: file, line: walk.line), describe(error))
        }
        try walk.verifyEnd()
        // Excel leaves `;;;` rows below the data when cells there were ever touched.
        if header.count > 1 {
            while let last = rows.last, last.allSatisfy(\.isEmpty) {
                rows.removeLast()
                lines.removeLast()
            }
        }
        return CSVRecords(header: header, rows: rows, lines: lines)
    }

    /// What CSV.swift's errors mean to someone holding the file.
    static func describe(_ error: any Error) -> String {
        guard let error = error as? CSVError else { return "cannot read the CSV text: \(error)" }
        return switch error {
        case .cannotReadHeaderRow: "the file is empty"
        case .unicodeDecoding: "not UTF-8; re-save as UTF-8 (in Excel: \"CSV UTF-8\")"
        case .stringEncodingMismatch, .stringEndianMismatch: "the text encoding does not match its byte order mark"
        case .cannotOpenFile, .cannotReadFile: "cannot read the file"
        case .cannotWriteStream: "cannot write the file"
        case .streamErrorHasOccurred(let underlying): "cannot read the file: \(underlying.localizedDescription)"
        }
    }
}

/// The second pass over the text, record by record, in step with CSV.swift.
private struct Walk {
    let scalars: String.UnicodeScalarView
    var index: String.UnicodeScalarView.Index
    let file: String
    let delimiter: Unicode.Scalar
    let maximumFieldLength: Int
    let watchedOffset: Int?
    let watchedMessage: String
    private(set) var line = 1
    private var offset = 0
    private var previousWasCR = false

    init(
        text: String, file: String, delimiter: Unicode.Scalar, maximumFieldLength: Int, watchedOffset: Int?,
        watchedMessage: String
    ) {
        scalars = text.unicodeScalars
        index = scalars.startIndex
        self.file = file
        self.delimiter = delimiter
        self.maximumFieldLength = maximumFieldLength
        self.watchedOffset = watchedOffset
        self.watchedMessage = watchedMessage
    }

    private var next: Unicode.Scalar? { index < scalars.endIndex ? scalars[index] : nil }

    private mutating func advance() {
        let scalar = scalars[index]
        scalars.formIndex(after: &index)
        offset += 1
        if scalar == "\r" || (scalar == "\n" && !previousWasCR) { line += 1 }
        previousWasCR = scalar == "\r"
    }

    /// Consumes one record's written form: its fields, their delimiters and the line end.
    mutating func verify(_ record: [String], names: [String]?) throws(FormatError) {
        for (position, field) in record.enumerated() {
            let column = position + 1
            let startLine = line
            func location() -> FileLocation {
                FileLocation(
                    file: file, line: startLine, column: column,
                    field: names.flatMap { position < $0.count ? $0[position] : nil })
            }
            let quoted = next == "\""
            if quoted { advance() }
            var length = 0
            for scalar in field.unicodeScalars {
                length += 1
                try expect(scalar, column: column, names: names)
                if quoted && scalar == "\"" {
                    guard next == "\"" else { throw textAfterClosingQuote(column: column, names: names) }
                    advance()
                }
            }
            if quoted {
                guard next == "\"" else {
                    throw .located(
                        location(),
                        next == nil
                            ? "the quote that opens this field is never closed; add the closing \""
                            : "the reader and the text disagree about quoting here")
                }
                advance()
            }
            if length > maximumFieldLength {
                throw .located(
                    location(),
                    "the field is \(length) characters long, more than the \(maximumFieldLength) allowed; a quote is probably misplaced"
                )
            }
            if position < record.count - 1 {
                guard next == delimiter else {
                    throw quoted
                        ? textAfterClosingQuote(column: column, names: names)
                        : .located(location(), "the reader and the text disagree about where this field ends")
                }
                advance()
            } else {
                try verifyLineEnd(column: column, quoted: quoted, names: names)
            }
        }
    }

    /// Where the walk stands now, in the field of `column`.
    private func here(column: Int, names: [String]?) -> FileLocation {
        FileLocation(
            file: file, line: line, column: column, field: names.flatMap { column <= $0.count ? $0[column - 1] : nil })
    }

    private mutating func expect(_ scalar: Unicode.Scalar, column: Int, names: [String]?) throws(FormatError) {
        if offset == watchedOffset {
            throw .located(here(column: column, names: names), watchedMessage)
        }
        guard next == scalar else {
            throw .located(here(column: column, names: names), "the reader and the text disagree about this field")
        }
        if scalar == "\0" {
            throw .located(
                here(column: column, names: names),
                "the field holds a NUL byte, which text never does; the file may be UTF-16 or binary: re-save as CSV UTF-8"
            )
        }
        advance()
    }

    private mutating func verifyLineEnd(column: Int, quoted: Bool, names: [String]?) throws(FormatError) {
        switch next {
        case nil: return
        case "\r":
            advance()
            if next == "\n" { advance() }
        case "\n": advance()
        default:
            throw quoted
                ? textAfterClosingQuote(column: column, names: names)
                : .located(
                    here(column: column, names: names), "the reader and the text disagree about where this line ends")
        }
    }

    private func textAfterClosingQuote(column: Int, names: [String]?) -> FormatError {
        let found = next.map { "\"\(Character($0))\"" } ?? "the end of the file"
        return .located(
            here(column: column, names: names),
            "a quoted field must end at its closing quote, but \(found) follows it; inside quotes, write a quote as \"\""
        )
    }

    func verifyEnd() throws(FormatError) {
        guard next == nil else {
            throw .located(FileLocation(file: file, line: line), "the reader stopped before the end of the file")
        }
    }
}

extension String {
    var trimmingWhitespace: String {
        // Most cells start and end with printable ASCII; they need no Unicode look-ups.
        guard let first = utf8.first, let last = utf8.last else { return self }
        if (0x21..<0x7F).contains(first) && (0x21..<0x7F).contains(last) { return self }
        var scalars = Substring(self).unicodeScalars
        while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
