import FornyeBarometer
import Foundation

/// The result as CSV (comma-separated, quoted, UTF-8): one row per option and per factor, with
/// a `data` column saying SYNTETISKE DATA when the wave is synthetic. Text cells pass the
/// spreadsheet-formula policy.
enum SelfTestCSV {
    static let header = [
        "data", "del", "sporsmal", "alternativ", "ditt_svar", "gruppe", "gruppe_n", "andel_gruppe",
        "nedre_gruppe", "ovre_gruppe", "andel_landet", "persentil", "median", "median_nedre", "median_ovre",
    ]

    static func render(_ result: SelfTestResult) -> String {
        let data = result.synthetic ? SyntheticLabel.bilingual : ""
        var lines = [header.map(cell).joined(separator: ",")]
        func number(_ value: Double?) -> String { value.map { String(format: "%.4f", $0) } ?? "" }
        for row in result.options {
            lines.append(
                [
                    data, "svar", row.question, row.optionLabel.nb, row.chosen ? "1" : "0", result.scope.rawValue,
                    "\(result.peerCount)", number(row.peers?.estimate), number(row.peers?.lower),
                    number(row.peers?.upper), number(row.national?.estimate), "", "", "", "",
                ].map(cell).joined(separator: ","))
        }
        for factor in result.factors {
            let median = factor.quartiles.count == 3 ? factor.quartiles[1] : nil
            lines.append(
                [
                    data, "faktor", factor.question, factor.label.nb, "\(factor.answer)", result.scope.rawValue,
                    "\(factor.peerCount)", "", "", "", "", number(factor.percentileRank), number(median?.estimate),
                    number(median?.lower), number(median?.upper),
                ].map(cell).joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    private static func cell(_ text: String) -> String {
        "\"" + SpreadsheetFormula.defused(text).replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
