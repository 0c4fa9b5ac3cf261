/// Counts a CSV text's records and fields before CSV.swift splits it: CSV.swift holds every field
/// of a record (and every record) as it reads, so a file of a million empty columns would be a
/// million strings before any check could refuse it. The count is quote-aware (a delimiter or
/// line break inside quotes belongs to its field), runs over the UTF-8 bytes (delimiters, quotes
/// and line ends are ASCII), and stops at the first limit passed.
///
/// The count only bounds the work: the text is still split and checked field by field by
/// `CSVRecords`, which refuses any quoting the count may have read differently.
enum CSVShape {
    static func check(
        _ text: String, file: String, delimiter: Unicode.Scalar, limits: TableLimits
    ) throws(FormatError) {
        var text = text
        text.makeContiguousUTF8()
        let result = text.utf8.withContiguousStorageIfAvailable { bytes in
            count(bytes, file: file, delimiter: UInt8(truncatingIfNeeded: delimiter.value), limits: limits)
        }
        if let error = result ?? nil { throw error }
    }

    private static func count(
        _ bytes: UnsafeBufferPointer<UInt8>, file: String, delimiter: UInt8, limits: TableLimits
    ) -> FormatError? {
        let quote = UInt8(ascii: "\""), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        var line = 1
        var recordLine = 1
        var records = 0
        var fields = 1
        var cells = 0
        var atFieldStart = true
        var inQuotes = false
        var index = 0
        func endOfRecord() -> FormatError? {
            records += 1
            cells += fields
            if records - 1 > limits.maximumRows {
                return .located(FileLocation(file: file, line: recordLine), "more than \(limits.maximumRows) rows")
            }
            if cells > limits.maximumCells {
                return .located(
                    FileLocation(file: file, line: recordLine),
                    "the file has more than \(limits.maximumCells) cells (rows × columns); split it into smaller files")
            }
            return nil
        }
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if inQuotes {
                if byte == quote {
                    if index < bytes.count && bytes[index] == quote { index += 1 } else { inQuotes = false }
                } else if byte == lf || byte == cr {
                    line += 1
                    if byte == cr && index < bytes.count && bytes[index] == lf { index += 1 }
                }
                continue
            }
            switch byte {
            case quote where atFieldStart:
                inQuotes = true
                atFieldStart = false
            case delimiter:
                fields += 1
                atFieldStart = true
                if fields > limits.maximumColumns {
                    return .located(
                        FileLocation(file: file, line: recordLine),
                        records == 0
                            ? "the header has more than \(limits.maximumColumns) columns, the most a file may have; is the delimiter right?"
                            : "the row has more than \(limits.maximumColumns) fields, the most a file may have")
                }
            case lf, cr:
                if byte == cr && index < bytes.count && bytes[index] == lf { index += 1 }
                if let error = endOfRecord() { return error }
                line += 1
                recordLine = line
                fields = 1
                atFieldStart = true
            default:
                atFieldStart = false
            }
        }
        // A last record without a line end.
        if !(atFieldStart && fields == 1) || inQuotes { return endOfRecord() }
        return nil
    }
}
