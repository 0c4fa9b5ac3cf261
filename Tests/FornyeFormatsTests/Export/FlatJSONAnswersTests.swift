import FornyeFormats
import FornyeTestRandom
import Foundation
import Testing

/// The stored answers' fast reader against JSONDecoder: where it answers, it answers as
/// JSONDecoder does; where it declines, JSONDecoder is asked (and may still fail).
@Suite struct FlatJSONAnswersTests {
    func decoded(_ text: String) -> [String: AnswerValue]? {
        try? JSONDecoder().decode([String: AnswerValue].self, from: Data(text.utf8))
    }

    /// Same keys and values, with numbers compared bit for bit (so -0 and 0 differ).
    func same(_ fast: [String: AnswerValue], _ slow: [String: AnswerValue]) -> Bool {
        guard fast.count == slow.count else { return false }
        for (key, value) in fast {
            switch (value, slow[key]) {
            case (.number(let a), .number(let b)?): if a.bitPattern != b.bitPattern { return false }
            case (.text(let a), .text(let b)?): if a != b { return false }
            default: return false
            }
        }
        return true
    }

    @Test func storedRowsReadAsJSONDecoderReadsThem() throws {
        let row = #"{"centrality":3,"kommunenummer":"3014","weight":1.25,"tiny":-2.5e-7,"open":"Ærlig, åpen øving"}"#
        let fast = try #require(AnswerValue.flatJSONObject(row))
        #expect(same(fast, try #require(decoded(row))))
        #expect(fast["kommunenummer"] == .text("3014"))
        #expect(fast["centrality"] == .number(3))
        #expect(AnswerValue.flatJSONObject("{}") == [:])
        #expect(AnswerValue.flatJSONObject(" { \"a\" : 1 ,\n\"b\":\t\"x\" } ") == ["a": .number(1), "b": .text("x")])
    }

    @Test func whatItDeclinesIsLeftToJSONDecoder() {
        let declined = [
            #"{"a":"line\nbreak"}"#, #"{"a":null}"#, #"{"a":true}"#, #"{"a":[1]}"#, #"{"a":{"b":1}}"#,
            #"{"a":1,"a":2}"#, #"{"a":1e400}"#, #"{"a":+1}"#, #"{"a":01}"#, #"{"a":1.}"#, #"{"a":.5}"#,
            #"{"a":1,}"#, #"{"a":1} x"#, #"{"a" 1}"#, #"["a"]"#, "", "{", "{\"a\":\"\u{01}\"}", #"{"a":-}"#,
        ]
        for text in declined { #expect(AnswerValue.flatJSONObject(text) == nil, "\(text)") }
        // Escapes are JSONDecoder's: it still reads them.
        #expect(decoded(#"{"a":"line\nbreak"}"#) == ["a": .text("line\nbreak")])
    }

    @Test func randomRowsAgreeWithJSONDecoder() throws {
        var random = SeededGenerator(seed: 17)
        let alphabet = Array("abcæøåÆØÅ 0123456789,.;:-_é😀\"\\\n/")
        var answered = 0
        for _ in 0..<2_000 {
            var parts: [String] = []
            for index in 0..<Int.random(in: 0...12, using: &random) {
                let key = "v\(index)"
                let value: String
                switch Int.random(in: 0..<6, using: &random) {
                case 0: value = String(Int.random(in: -1_000_000...1_000_000, using: &random))
                case 1:
                    value = String(Int64.random(in: -999_999_999_999_999_999...999_999_999_999_999_999, using: &random))
                case 2: value = "\(Double.random(in: -1e6...1e6, using: &random))"
                case 3:
                    let mantissa = Int.random(in: 1...99_999, using: &random)
                    value = "\(mantissa)e\(Int.random(in: -330...330, using: &random))"
                case 4: value = ["-0", "0", "0.0", "-0.0", "1E2", "1e+2", "2.5E-3"].randomElement(using: &random)!
                default:
                    let text = String(
                        (0..<Int.random(in: 0...8, using: &random)).map { _ in alphabet.randomElement(using: &random)! }
                    )
                    let encoded = try JSONEncoder().encode(text)
                    value = String(decoding: encoded, as: UTF8.self)
                }
                parts.append("\"\(key)\":\(value)")
            }
            let row = "{" + parts.joined(separator: ",") + "}"
            let slow = decoded(row)
            if let fast = AnswerValue.flatJSONObject(row) {
                answered += 1
                let expected = try #require(slow, "\(row)")
                #expect(same(fast, expected), "\(row)")
            }
        }
        // Most rows take the fast path (those with escapes or huge exponents do not).
        #expect(answered > 1_000)
    }
}
