import FornyeFormats
import FornyeStatistics

/// Each row of a dataset as the `answers_json` object stored with its response: keys sorted,
/// system-missing values left out, the same text `JSONEncoder` with `.sortedKeys` gave for
/// ``ResponseAnswers/answers(of:row:)``, written directly because the Codable route was a quarter
/// of a 100,000-row import.
struct AnswerRows {
    private let columns: [(name: String, column: Column)]

    init(_ dataset: Dataset) throws {
        columns = try dataset.codebook.variables.map { ($0.name, try dataset.column(named: $0.name)) }
            .sorted { $0.name < $1.name }
    }

    func json(row: Int) throws -> String {
        var out = "{"
        var first = true
        func key(_ name: String) {
            if !first { out += "," }
            first = false
            JSONText.appendString(name, to: &out)
            out += ":"
        }
        for (name, column) in columns {
            switch column {
            case .codes(let codes):
                guard codes[row] != Column.systemMissing else { continue }
                key(name)
                out += String(codes[row])
            case .numbers(let values):
                guard !values[row].isNaN else { continue }
                key(name)
                guard JSONText.appendNumber(values[row], to: &out) else {
                    throw StorageError.corruptResponse(row: row + 1, variable: name, "\(values[row]) is not a number")
                }
            case .texts(let texts):
                guard let text = texts[row] else { continue }
                key(name)
                JSONText.appendString(text, to: &out)
            }
        }
        return out + "}"
    }
}
