import Foundation

/// Aligned plain-text columns and number formats for the reports of `test`, `regress`,
/// `weight` and `compare`.
enum TextGrid {
    /// Left-aligns text columns and right-aligns columns whose cells below the header are numbers.
    static func align(_ rows: [[String]]) -> [String] {
        let columnCount = rows.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: columnCount)
        for row in rows {
            for (index, text) in row.enumerated() { widths[index] = max(widths[index], text.count) }
        }
        let numeric = (0..<columnCount).map { column in
            rows.dropFirst().allSatisfy { row in
                column >= row.count || row[column].isEmpty || isNumber(row[column])
            }
        }
        return rows.map { row in
            row.enumerated().map { index, text in
                let padding = String(repeating: " ", count: widths[index] - text.count)
                return numeric[index] ? padding + text : text + padding
            }.joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }
    }

    /// A number with a fixed count of decimals; NA when it is not finite.
    static func fixed(_ value: Double, _ decimals: Int = 2) -> String {
        value.isFinite ? String(format: "%.\(decimals)f", value) : "NA"
    }

    /// A number with four significant digits, for statistics whose size varies (X², F, SE).
    static func significant(_ value: Double) -> String {
        value.isFinite ? String(format: "%.4g", value) : "NA"
    }

    /// A p-value as statisticians read it: four decimals, or an upper bound when smaller.
    static func pValue(_ value: Double) -> String {
        guard value.isFinite else { return "NA" }
        return value < 0.0001 ? "<0.0001" : String(format: "%.4f", value)
    }

    private static func isNumber(_ text: String) -> Bool {
        Double(text) != nil || text == "NA" || text == "–" || text.hasPrefix("<") && Double(text.dropFirst()) != nil
    }
}
