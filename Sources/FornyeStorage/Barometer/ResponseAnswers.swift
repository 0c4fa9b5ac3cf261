import FornyeBarometer
import FornyeFormats
import FornyeStatistics
import Foundation

/// One response's answers as the JSON object stored with it, and back into dataset columns.
enum ResponseAnswers {
    typealias Value = AnswerValue

    /// The stored text of one response's answers: keys sorted, as every writer of `answers_json` does.
    static func json(_ answers: [String: Value]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(answers), as: UTF8.self)
    }

    /// An anonymous response's answers: the sample frame's answers (`SampleFrameQuestions`)
    /// dropped, the released background in their place.
    static func anonymised(_ answers: [String: Value], background: [String: Int]) -> [String: Value] {
        var answers = answers
        for name in SampleFrameQuestions.names { answers[name] = nil }
        for (name, code) in background { answers[name] = .number(Double(code)) }
        return answers
    }

    /// The answers of row `row`; system-missing values are left out.
    static func answers(of dataset: Dataset, row: Int) throws -> [String: Value] {
        var answers: [String: Value] = [:]
        for variable in dataset.codebook.variables {
            switch try dataset.column(named: variable.name) {
            case .codes(let codes):
                if codes[row] != Column.systemMissing { answers[variable.name] = .number(Double(codes[row])) }
            case .numbers(let values):
                if !values[row].isNaN { answers[variable.name] = .number(values[row]) }
            case .texts(let texts):
                if let text = texts[row] { answers[variable.name] = .text(text) }
            }
        }
        return answers
    }

    /// Columns for `codebook` from each response's answers, in order.
    static func columns(codebook: Codebook, answers: [[String: Value]]) throws -> [String: Column] {
        var columns: [String: Column] = [:]
        for variable in codebook.variables {
            let name = variable.name
            switch variable.kind {
            case .singleChoice, .ordinal, .multipleChoiceItem:
                columns[name] = .codes(
                    try answers.enumerated().map { row, values in
                        switch values[name] {
                        case nil: return Column.systemMissing
                        case .number(let number):
                            guard number.rounded() == number, let code = Int32(exactly: number) else {
                                throw StorageError.corruptResponse(
                                    row: row + 1, variable: name, "\(number) is not a code")
                            }
                            return code
                        case .text(let text):
                            throw StorageError.corruptResponse(
                                row: row + 1, variable: name, "text «\(text)» for a code")
                        }
                    })
            case .numeric:
                columns[name] = .numbers(
                    try answers.enumerated().map { row, values in
                        switch values[name] {
                        case nil: return .nan
                        case .number(let number): return number
                        case .text(let text):
                            throw StorageError.corruptResponse(
                                row: row + 1, variable: name, "text «\(text)» for a number")
                        }
                    })
            case .text:
                columns[name] = .texts(
                    answers.map { values in
                        switch values[name] {
                        case nil: return nil
                        case .number(let number): return String(number)
                        case .text(let text): return text
                        }
                    })
            }
        }
        return columns
    }
}
