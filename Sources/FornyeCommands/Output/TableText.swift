import FornyeBarometer
import FornyeStatistics
import Foundation

/// Renders estimate tables as aligned plain text for people reading a terminal.
enum TableText {
    static func render(_ table: EstimateTable) -> String {
        let isShare = table.kind != .mean && table.kind != .total
        var header = table.breakdowns
        if table.kind != .mean && table.kind != .total { header.append("category") }
        header += isShare ? ["n", "count"] : ["n"]
        header += [isShare ? "%" : "estimate", "SE", "CI low", "CI high", "deff", "df", "flags"]
        var rows: [[String]] = []
        for cell in table.cells {
            var row = cell.domain.map(\.label)
            if let category = cell.category { row.append(category.label) }
            let scale = isShare ? 100.0 : 1.0
            let hidden = cell.isSuppressed
            row.append(hidden ? "–" : String(cell.baseCount))
            if isShare { row.append(hidden ? "–" : String(cell.cellCount)) }
            row.append(hidden ? "–" : number(cell.estimate * scale))
            row.append(hidden ? "–" : number(cell.standardError * scale))
            row.append(hidden ? "–" : number(cell.lower * scale))
            row.append(hidden ? "–" : number(cell.upper * scale))
            row.append(hidden ? "–" : cell.designEffect.map { number($0) } ?? "")
            row.append(hidden ? "–" : String(cell.degreesOfFreedom))
            row.append(PublishedFlags.names(of: cell).joined(separator: ","))
            rows.append(row)
        }
        var lines: [String] = []
        if table.synthetic { lines.append(SyntheticLabel.bilingual) }
        let kindText: String =
            switch table.kind {
            case .share: "shares (% of respondents in the base)"
            case .shareOfRespondents: "multiple response, % of respondents"
            case .shareOfResponses: "multiple response, % of responses"
            case .mean: "mean"
            case .total: "total"
            }
        let by = table.breakdowns.isEmpty ? "" : " by \(table.breakdowns.joined(separator: " × "))"
        lines.append("\(table.variable): \(table.label) — \(kindText)\(by)")
        lines.append(
            "\(Int((table.confidenceLevel * 100).rounded())) % CI, \(isShare ? table.intervalMethod.rawValue : "t") method; n = unweighted base"
        )
        if let reference = table.designEffectReference { lines.append("deff against \(reference.description)") }
        if let method = table.varianceMethod { lines.append("variance: \(method.description)") }
        lines.append(contentsOf: align([header] + rows))
        return lines.joined(separator: "\n")
    }

    private static func number(_ value: Double) -> String {
        value.isFinite ? String(format: "%.2f", value) : "NA"
    }

    /// Left-aligns text columns and right-aligns numeric ones.
    private static func align(_ rows: [[String]]) -> [String] {
        let columnCount = rows.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: columnCount)
        for row in rows {
            for (index, text) in row.enumerated() { widths[index] = max(widths[index], text.count) }
        }
        let numeric = (0..<columnCount).map { column in
            rows.dropFirst().allSatisfy { row in
                column >= row.count || row[column].isEmpty || Double(row[column]) != nil || row[column] == "–"
                    || row[column] == "NA"
            }
        }
        return rows.map { row in
            row.enumerated().map { index, text in
                let padding = String(repeating: " ", count: widths[index] - text.count)
                return numeric[index] ? padding + text : text + padding
            }.joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }
    }
}
