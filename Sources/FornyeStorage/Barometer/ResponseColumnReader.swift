import FornyeFormats
import FornyeStatistics
import Foundation

/// Dataset columns read straight from the stored responses' JSON (`answers_json`), each member
/// into its variable's column: no dictionary per response. Loading a wave made one per row and
/// then looked every variable up in every row (issue 17: a profile's cold time). The columns, and
/// the error for a bad row, are those `ResponseAnswers.columns` gives on the rows decoded
/// (`ResponseColumnReaderTests` compares them); a row the flat reader declines is decoded by
/// JSONDecoder, as before.
struct ResponseColumnReader {
    private enum Kind {
        case codes, numbers, texts
    }

    private let names: [String]
    private let nameBytes: [[UInt8]]
    private let index: [String: Int]
    private let kinds: [Kind]
    /// Each variable's place in `codes`, `numbers` or `texts`.
    private let slots: [Int]
    private var codes: [[Int32]] = []
    private var numbers: [[Double]] = []
    private var texts: [[String?]] = []
    /// The row each variable last had a value in: a second value in one row is a duplicate key.
    private var seen: [Int]
    /// The variables of the last row's members in order (-1: not in the codebook). Rows are stored
    /// with sorted keys, so a key is usually the one at the same place in the row before: compared
    /// as bytes, it needs no String.
    private var order: [Int] = []
    /// The first bad value in the order `ResponseAnswers.columns` meets it: by variable, then row.
    private var firstError: (variable: Int, error: StorageError)?
    private(set) var rowCount = 0
    let capacity: Int

    init(codebook: Codebook, rowCount capacity: Int) {
        self.capacity = capacity
        var kinds: [Kind] = []
        var slots: [Int] = []
        var codes: [[Int32]] = []
        var numbers: [[Double]] = []
        var texts: [[String?]] = []
        for variable in codebook.variables {
            switch variable.kind {
            case .singleChoice, .ordinal, .multipleChoiceItem:
                kinds.append(.codes)
                slots.append(codes.count)
                codes.append(Array(repeating: Column.systemMissing, count: capacity))
            case .numeric:
                kinds.append(.numbers)
                slots.append(numbers.count)
                numbers.append(Array(repeating: .nan, count: capacity))
            case .text:
                kinds.append(.texts)
                slots.append(texts.count)
                texts.append(Array(repeating: nil, count: capacity))
            }
        }
        names = codebook.variables.map(\.name)
        nameBytes = names.map { Array($0.utf8) }
        index = Dictionary(names.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        self.kinds = kinds
        self.slots = slots
        self.codes = codes
        self.numbers = numbers
        self.texts = texts
        seen = Array(repeating: -1, count: names.count)
    }

    /// Reads the next response's answers. Throws what JSONDecoder throws for a row neither reader
    /// reads; a bad value for its variable is kept for `columns()` to throw, as the rows before
    /// were read whole first.
    mutating func append(_ json: String) throws {
        precondition(rowCount < capacity, "more rows than the reader was made for")
        let row = rowCount
        rowCount += 1
        var rowError: (variable: Int, error: StorageError)?
        var position = 0
        var unknown: Set<String> = []
        let read = AnswerValue.readFlatJSONObject(json) { key, value in
            let place = position
            position += 1
            var variable = place < order.count ? order[place] : -1
            if variable < 0 || !Self.equal(nameBytes[variable], key) {
                // As `flatJSONObject`: a key that is not UTF-8 is JSONDecoder's to judge.
                guard let name = String(validating: key, as: UTF8.self) else { return false }
                variable = index[name] ?? -1
                if place < order.count { order[place] = variable } else { order.append(variable) }
                if variable < 0 {
                    // Not in the codebook: ignored, as before, but a duplicate all the same.
                    return unknown.insert(name).inserted
                }
            }
            guard seen[variable] != row else { return false }
            seen[variable] = row
            if let error = store(value, variable: variable, row: row),
                rowError.map({ variable < $0.variable }) ?? true
            {
                rowError = (variable, error)
            }
            return true
        }
        if !read {
            // Members read before the reader gave up are overwritten: the row is read again whole.
            let answers = try JSONDecoder().decode([String: AnswerValue].self, from: Data(json.utf8))
            rowError = nil
            for variable in names.indices {
                clear(variable: variable, row: row)
                if let value = answers[names[variable]], let error = store(value, variable: variable, row: row),
                    rowError == nil
                {
                    rowError = (variable, error)
                }
            }
        }
        // Rows come in order, so an earlier row's error for the same variable stays.
        if let rowError, firstError.map({ rowError.variable < $0.variable }) ?? true { firstError = rowError }
    }

    /// The columns of the rows read, or the first bad value's error.
    func columns() throws -> [String: Column] {
        if let firstError { throw firstError.error }
        var columns: [String: Column] = [:]
        for (variable, name) in names.enumerated() {
            let slot = slots[variable]
            switch kinds[variable] {
            case .codes: columns[name] = .codes(Array(codes[slot].prefix(rowCount)))
            case .numbers: columns[name] = .numbers(Array(numbers[slot].prefix(rowCount)))
            case .texts: columns[name] = .texts(Array(texts[slot].prefix(rowCount)))
            }
        }
        return columns
    }

    /// Stores one value, or returns why it does not fit its variable (the messages of `ResponseAnswers.columns`).
    private mutating func store(_ value: AnswerValue, variable: Int, row: Int) -> StorageError? {
        let slot = slots[variable]
        switch (kinds[variable], value) {
        case (.codes, .number(let number)):
            guard number.rounded() == number, let code = Int32(exactly: number) else {
                return .corruptResponse(row: row + 1, variable: names[variable], "\(number) is not a code")
            }
            codes[slot][row] = code
        case (.codes, .text(let text)):
            return .corruptResponse(row: row + 1, variable: names[variable], "text «\(text)» for a code")
        case (.numbers, .number(let number)):
            numbers[slot][row] = number
        case (.numbers, .text(let text)):
            return .corruptResponse(row: row + 1, variable: names[variable], "text «\(text)» for a number")
        case (.texts, .number(let number)):
            texts[slot][row] = String(number)
        case (.texts, .text(let text)):
            texts[slot][row] = text
        }
        return nil
    }

    private mutating func clear(variable: Int, row: Int) {
        let slot = slots[variable]
        switch kinds[variable] {
        case .codes: codes[slot][row] = Column.systemMissing
        case .numbers: numbers[slot][row] = .nan
        case .texts: texts[slot][row] = nil
        }
    }

    private static func equal(_ name: [UInt8], _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        guard name.count == key.count else { return false }
        return name.withUnsafeBufferPointer { name in
            for offset in 0..<name.count where name[offset] != key[offset] { return false }
            return true
        }
    }
}
