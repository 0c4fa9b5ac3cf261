import Foundation

@testable import FornyeStatistics

/// Hand-built estimate tables for the disclosure tests: unweighted shares with an SRS
/// standard error, so that every number is plausible and easy to recompute.
enum DisclosureTables {
    /// A table of shares with one cell per domain and category.
    ///
    /// - Parameters:
    ///   - domains: The breakdown codes of each domain, one code per breakdown.
    ///   - counts: Counts per domain and category.
    ///   - bases: Domain bases; the sum of the counts when nil (single choice).
    static func shares(
        kind: EstimateKind = .share, breakdowns: [String] = ["region"], domains: [[Int]], counts: [[Int]],
        bases: [Int]? = nil
    ) -> EstimateTable {
        var cells: [EstimateCell] = []
        for (domainIndex, codes) in domains.enumerated() {
            let base = bases?[domainIndex] ?? counts[domainIndex].reduce(0, +)
            for (categoryIndex, count) in counts[domainIndex].enumerated() {
                let category =
                    kind == .share
                    ? Category(code: categoryIndex + 1, label: "Kategori \(categoryIndex + 1)")
                    : Category(item: "q\(categoryIndex + 1)", label: "Tiltak \(categoryIndex + 1)")
                cells.append(
                    cell(
                        domain: domain(breakdowns, codes), category: category, count: count, base: base,
                        proportion: true))
            }
        }
        return table(kind: kind, breakdowns: breakdowns, cells: cells)
    }

    /// A table of means (or totals) with one cell per domain.
    static func means(
        kind: EstimateKind = .mean, breakdowns: [String] = ["region"], domains: [[Int]], bases: [Int]
    ) -> EstimateTable {
        let cells = zip(domains, bases).map { codes, base in
            cell(domain: domain(breakdowns, codes), category: nil, count: base, base: base, proportion: false)
        }
        return table(kind: kind, breakdowns: breakdowns, cells: cells)
    }

    static func domain(_ breakdowns: [String], _ codes: [Int]) -> [DomainValue] {
        zip(breakdowns, codes).map { DomainValue(variable: $0, code: $1, label: "\($0) \($1)") }
    }

    static func table(kind: EstimateKind, breakdowns: [String], cells: [EstimateCell]) -> EstimateTable {
        EstimateTable(
            kind: kind, variable: "q1", label: "Spørsmål 1", breakdowns: breakdowns, confidenceLevel: 0.95,
            intervalMethod: .logit, synthetic: true, cells: cells)
    }

    /// One cell whose numbers are all distinct, so that a leak shows up in the JSON.
    static func cell(
        domain: [DomainValue], category: Category?, count: Int, base: Int, proportion: Bool,
        degreesOfFreedom: Int? = nil
    ) -> EstimateCell {
        let n = Double(max(base, 1))
        let estimate = proportion ? Double(count) / n : 3.1 + Double(count) / 7.3
        let standardError =
            proportion ? (estimate * (1 - estimate) / n).squareRoot() * 1.17 : 0.41 / n.squareRoot()
        return EstimateCell(
            domain: domain, category: category, baseCount: base, cellCount: count,
            weightedBase: Double(base) * 12.37, estimate: estimate, standardError: standardError,
            lower: estimate - 1.96 * standardError, upper: estimate + 1.96 * standardError, designEffect: 1.3689,
            degreesOfFreedom: degreesOfFreedom ?? max(base - 1, 0))
    }
}

extension EstimateTable {
    /// The cell of a domain (by breakdown codes) and category index (0-based), if any.
    func cell(_ codes: [Int], _ categoryIndex: Int? = nil) -> EstimateCell {
        cells.first { cell in
            cell.domain.map(\.code) == codes
                && (categoryIndex.map { cell.category?.code == $0 + 1 || cell.category?.item == "q\($0 + 1)" }
                    ?? true)
        }!
    }

    var hiddenForConfidentiality: [EstimateCell] {
        cells.filter { $0.flags.contains(.suppressedPrimary) || $0.flags.contains(.suppressedSecondary) }
    }
}
