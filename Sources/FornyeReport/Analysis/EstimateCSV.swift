import FornyeBarometer
import FornyeStatistics

/// Estimate tables in one long CSV: one line per cell, every number unrounded.
enum EstimateCSV {
    static let header = [
        "tabell", "maal", "variabel", "domene", "domene_kode", "kategori", "kategori_kode", "n_grunnlag", "n_celle",
        "vektet_grunnlag", "estimat", "standardfeil", "ki_nedre", "ki_ovre", "ki_niva", "ki_metode", "designeffekt",
        "designeffekt_referanse", "frihetsgrader", "flagg",
    ]

    /// Named tables as CSV; a synthetic dataset adds a `datakilde` column that says so on every line.
    /// `category` and `domain` give the labels in the report's language (the estimates' bokmål ones by default).
    static func csv(
        _ tables: [(name: String, table: EstimateTable)], synthetic: Bool,
        category: (FornyeStatistics.Category, EstimateTable) -> String = {
            FigureKit.option($0.label, setLabel: $1.label)
        },
        domain: (DomainValue) -> String = \.label
    ) -> FigureCSV {
        var csv = FigureCSV(header: header + (synthetic ? ["datakilde"] : []))
        for (name, table) in tables {
            for cell in table.cells {
                var record = [name, table.kind.rawValue, table.variable]
                record.append(cell.domain.map { "\($0.variable)=\(domain($0))" }.joined(separator: ";"))
                record.append(cell.domain.map { String($0.code) }.joined(separator: ";"))
                record.append(cell.category.map { category($0, table) } ?? "")
                record.append(cell.category.map { $0.code.map(String.init) ?? $0.item ?? "" } ?? "")
                record.append(cell.baseCount < 0 ? "" : String(cell.baseCount))
                record.append(cell.cellCount < 0 ? "" : String(cell.cellCount))
                let numbers: [Double] = [cell.weightedBase, cell.estimate, cell.standardError, cell.lower, cell.upper]
                record += numbers.map(NorwegianFormat.machine)
                record += [String(table.confidenceLevel), table.intervalMethod.rawValue]
                record.append(cell.designEffect.map(NorwegianFormat.machine) ?? "")
                record.append(table.designEffectReference?.rawValue ?? "")
                record.append(cell.degreesOfFreedom < 0 ? "" : String(cell.degreesOfFreedom))
                record.append(cell.flags.map(\.rawValue).sorted().joined(separator: ";"))
                if synthetic { record.append(SyntheticLabel.marker) }
                csv.rows.append(record)
            }
        }
        return csv
    }
}

extension ReportContext {
    /// The tables' CSV with their labels in the report's language.
    func estimateCSV(_ tables: [(name: String, table: EstimateTable)]) -> FigureCSV {
        guard language == .en else { return EstimateCSV.csv(tables, synthetic: synthetic) }
        return EstimateCSV.csv(
            tables, synthetic: synthetic, category: { label(of: $0, in: $1.variable) }, domain: { label(of: $0) })
    }
}
