public import FornyeBarometer
import Foundation

/// Answers as a draft stores them: `{"question": {"c": 1}}` for a code, `{"m": [1, 3]}` for a
/// multiple choice, `{"n": 2.5}` for a number, `{"t": "..."}` for a text; and the page the
/// respondent was on as `{"@page": {"t": "section"}}` (drafts saved before it have none).
public enum DraftAnswers {
    struct Value: Codable {
        var c: Int?
        var m: [Int]?
        var n: Double?
        var t: String?
    }

    /// The key of the page: not a valid question name, so no answer can take it.
    static let pageKey = "@page"
    /// The page after the last section, the review of the answers.
    public static let reviewPage = "@review"

    /// A saved draft: the answers and the page (a section's name, or `reviewPage`) to resume on.
    public struct Saved: Sendable, Equatable {
        public var answers: AnswerSet
        public var page: String?

        public init(answers: AnswerSet, page: String? = nil) {
            self.answers = answers
            self.page = page
        }
    }

    public static func encode(_ answers: AnswerSet, page: String? = nil) -> String {
        var values: [String: Value] = [:]
        if let page { values[pageKey] = Value(t: page) }
        for (name, answer) in answers.answers {
            switch answer {
            case .code(let code): values[name] = Value(c: code)
            case .codes(let codes): values[name] = Value(m: codes.sorted())
            case .number(let number): values[name] = Value(n: number)
            case .text(let text): values[name] = Value(t: text)
            }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: (try? encoder.encode(values)) ?? Data("{}".utf8), as: UTF8.self)
    }

    public static func decode(_ json: String) -> AnswerSet {
        decodeSaved(json).answers
    }

    public static func decodeSaved(_ json: String) -> Saved {
        guard var values = try? JSONDecoder().decode([String: Value].self, from: Data(json.utf8)) else {
            return Saved(answers: AnswerSet())
        }
        let page = values.removeValue(forKey: pageKey)?.t
        var answers = AnswerSet()
        for (name, value) in values {
            if let code = value.c {
                answers[name] = .code(code)
            } else if let codes = value.m {
                answers[name] = .codes(Set(codes))
            } else if let number = value.n {
                answers[name] = .number(number)
            } else if let text = value.t {
                answers[name] = .text(text)
            }
        }
        return Saved(answers: answers, page: page)
    }
}

/// The instruments a wave can be collected with, by `id@version`.
public enum CollectionInstruments {
    public static func available() throws -> [Instrument] {
        [try Instrument.innovasjonsbarometer2018]
    }

    public static func key(_ instrument: Instrument) -> String { "\(instrument.id)@\(instrument.version)" }

    public static func instrument(key: String) throws -> Instrument? {
        try available().first { Self.key($0) == key }
    }
}
