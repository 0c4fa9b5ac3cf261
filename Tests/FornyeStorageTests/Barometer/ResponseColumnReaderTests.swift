import FornyeFormats
import FornyeStatistics
import FornyeTestRandom
import Foundation
import Testing

@testable import FornyeStorage

/// Loading a wave reads its stored answers straight into columns (`ResponseColumnReader`); the
/// reference is what loading did before: each row decoded to a dictionary (the flat reader, else
/// JSONDecoder), then `ResponseAnswers.columns`. The same columns, or the same error.
@Suite struct ResponseColumnReaderTests {
    static let codebook = Codebook(
        title: "Kolonner (syntetisk)", synthetic: true,
        variables: [
            Variable(name: "sector", label: "S", kind: .singleChoice),
            Variable(name: "innovated_service", label: "I", kind: .ordinal),
            Variable(name: "weight_hint", label: "W", kind: .numeric),
            Variable(name: "kommunenummer", label: "K", kind: .text),
            Variable(name: "partner_1", label: "P", kind: .multipleChoiceItem),
            Variable(name: "comment", label: "C", kind: .text),
        ])

    /// An error by its description, so two paths' errors compare.
    struct Failure: Error, Equatable {
        var text: String

        /// JSONDecoder's errors by kind only: it meets an object's members in the order of a
        /// dictionary it builds, which differs between two decodes of the same text (per-instance
        /// hash seeds), so which of a row's bad members it names varies from run to run.
        init(_ error: any Error) {
            text = error is DecodingError ? "DecodingError" : "\(error)"
        }
    }

    func reference(_ rows: [String]) -> Result<[String: Column], Failure> {
        do {
            let answers = try rows.map { row in
                try AnswerValue.flatJSONObject(row)
                    ?? JSONDecoder().decode([String: AnswerValue].self, from: Data(row.utf8))
            }
            return .success(try ResponseAnswers.columns(codebook: Self.codebook, answers: answers))
        } catch {
            return .failure(Failure(error))
        }
    }

    func read(_ rows: [String]) -> Result<[String: Column], Failure> {
        do {
            var reader = ResponseColumnReader(codebook: Self.codebook, rowCount: rows.count)
            for row in rows { try reader.append(row) }
            return .success(try reader.columns())
        } catch {
            return .failure(Failure(error))
        }
    }

    /// Equal columns, numbers compared bit for bit (NaN for missing).
    func same(_ a: Result<[String: Column], Failure>, _ b: Result<[String: Column], Failure>) -> Bool {
        switch (a, b) {
        case (.failure(let x), .failure(let y)): return x == y
        case (.success(let x), .success(let y)):
            guard x.keys.sorted() == y.keys.sorted() else { return false }
            for (name, column) in x {
                switch (column, y[name]) {
                case (.numbers(let p), .numbers(let q)?):
                    guard p.map({ $0.bitPattern }) == q.map({ $0.bitPattern }) else { return false }
                case (let p, let q?): guard p == q else { return false }
                default: return false
                }
            }
            return true
        default: return false
        }
    }

    @Test func storedRowsGiveTheColumnsTheyGaveBefore() throws {
        let rows = [
            #"{"innovated_service":1,"kommunenummer":"0301","partner_1":0,"sector":2,"weight_hint":1.5}"#,
            #"{"innovated_service":2,"kommunenummer":"1868","sector":1}"#,
            #"{"comment":"Ærlig","innovated_service":1,"kommunenummer":"3301","sector":2,"unknown":"x"}"#,
            #"{}"#,
            #"{"kommunenummer":4601,"sector":1,"comment":"line\nbreak"}"#,
        ]
        let columns = try read(rows).get()
        #expect(columns["sector"] == Column.codes([2, 1, 2, Column.systemMissing, 1]))
        #expect(columns["kommunenummer"] == Column.texts(["0301", "1868", "3301", nil, "4601.0"]))
        #expect(columns["comment"] == Column.texts([nil, nil, "Ærlig", nil, "line\nbreak"]))
        #expect(same(read(rows), reference(rows)))
    }

    @Test func badRowsFailWithTheSameError() {
        let cases: [[String]] = [
            [#"{"sector":1}"#, #"{"sector":1.5}"#, #"{"innovated_service":"x"}"#],
            [#"{"innovated_service":"x"}"#, #"{"sector":1.5}"#],
            [#"{"weight_hint":"tung"}"#, #"{"sector":3000000000}"#],
            [#"{"sector":1,"sector":2}"#],
            [#"{"sector":1,"other":1,"other":2}"#],
            [#"{"sector":1}"#, #"{"sector":"#, #"{"sector":"a"}"#],
            [#"{"sector":null}"#],
        ]
        for rows in cases {
            let expected = reference(rows)
            #expect(same(read(rows), expected), "\(rows): \(read(rows)) against \(expected)")
        }
    }

    @Test func randomRowsGiveTheSameColumnsOrError() throws {
        var random = SeededGenerator(seed: 2026)
        let names = Self.codebook.variables.map(\.name) + ["unknown", "sector2"]
        let values = [
            "1", "2", "-3", "0", "1.5", "2147483648", "1e2", "-0", #""x""#, #""0301""#, #""æ\"ø""#, "null",
            #""line\nbreak""#, "true",
        ]
        var failures = 0
        for _ in 0..<1_500 {
            var rows: [String] = []
            for _ in 0..<Int.random(in: 1...6, using: &random) {
                var keys = names.filter { _ in Bool.random(using: &random) }
                if Int.random(in: 0..<20, using: &random) == 0, let key = keys.first { keys.append(key) }
                if Bool.random(using: &random) { keys.sort() } else { keys.shuffle(using: &random) }
                // Mostly values that fit their variable, so that many sets of rows are read whole.
                let members = keys.map { key -> String in
                    let fitting = Int.random(in: 0..<8, using: &random) != 0
                    let value =
                        fitting
                        ? (key == "kommunenummer" || key == "comment" ? #""0301""# : "1")
                        : values.randomElement(using: &random)!
                    return "\"\(key)\":\(value)"
                }
                rows.append("{" + members.joined(separator: ",") + "}")
            }
            let expected = reference(rows)
            if case .failure = expected { failures += 1 }
            #expect(same(read(rows), expected), "\(rows)")
        }
        // Both outcomes were tried often.
        #expect(failures > 100 && failures < 1_400)
    }
}
