import Foundation
import Testing

@testable import FornyeStatistics

@Suite("Disclosure: published JSON")
struct DisclosureJSONTests {
    @Test("the JSON of a published table holds no number of a hidden cell")
    func noHiddenNumberInJSON() throws {
        // Domain 1 is below the minimum base (hidden whole, and domain 2 with it); domain 3
        // has a small count and its complement.
        let table = DisclosureTables.shares(
            domains: [[1], [2], [3], [4]], counts: [[2, 5, 1], [12, 30, 9], [3, 40, 37], [22, 21, 15]])
        let published = DisclosureControl.apply(DisclosureRules(applyNCHSStandards: false), to: table)
        let hidden = published.cells.indices.filter { published.cells[$0].isSuppressed }
        #expect(hidden.count >= 4)
        #expect(hidden.contains { published.cells[$0].baseCount == -1 })
        #expect(hidden.contains { published.cells[$0].baseCount > 0 })

        let encoder = JSONEncoder()
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        let data = try encoder.encode(published)
        let text = String(decoding: data, as: UTF8.self)

        // Every number of a hidden cell is gone from the text.
        let numbers = Set(
            text.split(whereSeparator: { !"0123456789.eE+-".contains($0) }).map(String.init))
        let unprotected = String(decoding: try encoder.encode(table), as: UTF8.self)
        let unprotectedNumbers = Set(
            unprotected.split(whereSeparator: { !"0123456789.eE+-".contains($0) }).map(String.init))
        for index in hidden {
            let original = table.cells[index]
            // The check would see them: they are in the table before disclosure control.
            #expect(unprotectedNumbers.contains(String(describing: original.estimate)))
            var secrets = [original.estimate, original.standardError, original.lower, original.upper]
            if published.cells[index].baseCount == -1 { secrets.append(original.weightedBase) }
            for secret in secrets {
                #expect(!numbers.contains(String(describing: secret)), "cell \(index) leaks \(secret)")
            }
        }

        // And field by field, a hidden cell carries only placeholders.
        let object = try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
        let cells = try #require(object["cells"] as? [[String: Any]])
        for index in hidden {
            let cell = cells[index]
            #expect(cell["cellCount"] as? Int == -1)
            for key in ["estimate", "standardError", "lower", "upper"] {
                #expect(cell[key] as? String == "NaN", "cell \(index) \(key)")
            }
            #expect(cell["designEffect"] == nil)
            if published.cells[index].baseCount == -1 {
                #expect(cell["weightedBase"] as? String == "NaN")
                #expect(cell["degreesOfFreedom"] as? Int == -1)
            } else {
                #expect(cell["baseCount"] as? Int == table.cells[index].baseCount)
            }
        }
        // A published cell keeps its numbers.
        let shown = try #require(published.cells.indices.first { !published.cells[$0].isSuppressed })
        #expect(cells[shown]["cellCount"] as? Int == table.cells[shown].cellCount)
        #expect(numbers.contains(String(describing: table.cells[shown].estimate)))
    }
}
