import FornyeFormats
import FornyeStatistics
import Foundation
import Testing

@testable import FornyeStorage

@Suite struct AnswerRowsTests {
    static let texts: [String?] = [
        "plain", nil, "«æøå» \"quoted\" back\\slash / slash", "line\nbreak\ttab\r\u{01}\u{1F}", "😀 emoji", "",
    ]

    func dataset() throws -> Dataset {
        let codebook = Codebook(
            title: "Svar (syntetisk)", synthetic: true,
            variables: [
                Variable(
                    name: "zeta", label: "Z", kind: .singleChoice,
                    valueLabels: [1, -3, 0, 2_000_000, 7].map { ValueLabel(code: $0, label: "kode \($0)") }),
                Variable(name: "alpha", label: "A", kind: .numeric),
                Variable(name: "Beta", label: "B", kind: .text),
                Variable(name: "m_1", label: "M", kind: .multipleChoiceItem),
            ])
        let numbers: [Double] = [1, .nan, 0.1, -2.5e-7, 123_456_789_012, 1e300]
        return try Dataset(
            codebook: codebook,
            columns: [
                "zeta": .codes([1, Column.systemMissing, -3, 0, 2_000_000, 7]),
                "alpha": .numbers(numbers),
                "Beta": .texts(Self.texts),
                "m_1": .codes([0, 1, Column.systemMissing, 1, 0, 1]),
            ])
    }

    @Test("Written answers decode to exactly what the Codable route stores, row by row")
    func sameAsCodable() throws {
        let dataset = try dataset()
        let rows = try AnswerRows(dataset)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        for row in 0..<dataset.rowCount {
            let expected = try ResponseAnswers.answers(of: dataset, row: row)
            let written = try rows.json(row: row)
            let decoded = try JSONDecoder().decode([String: AnswerValue].self, from: Data(written.utf8))
            #expect(decoded == expected, "row \(row): \(written)")
            // Keys come out in the same order, so stored text stays comparable across writers.
            let codable = String(decoding: try encoder.encode(expected), as: UTF8.self)
            let keys = { (json: String) in
                try (JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]).map { $0.keys.sorted() }
            }
            #expect(try keys(written) == keys(codable))
        }
        // Row 1: every value missing but the multiple-choice item.
        #expect(try rows.json(row: 1) == #"{"m_1":1}"#)
    }

    @Test("Numbers are written as JSONEncoder writes them; NaN and infinities are refused")
    func numbers() throws {
        for (number, text) in [(1.0, "1"), (-0.0, "0"), (0.1, "0.1"), (-2.5e-7, "-2.5e-07"), (1e300, "1e+300")] {
            var out = ""
            #expect(JSONLiteral.appendNumber(number, to: &out))
            #expect(out == text)
            #expect(try JSONDecoder().decode(Double.self, from: Data(out.utf8)) == number)
        }
        var out = ""
        #expect(!JSONLiteral.appendNumber(.infinity, to: &out))
        #expect(!JSONLiteral.appendNumber(.nan, to: &out))
        #expect(out.isEmpty)
    }
}
