/// Makes an estimate table fit to publish: hides what could identify respondents and flags
/// or hides what is too unreliable to read. docs/DISCLOSURE.md has the reasoning and sources.
///
/// The steps, in order:
///
/// 1. **Primary suppression.** A domain with 1 to `minimumBaseCount − 1` respondents is hidden
///    whole, base included. In the other domains a cell counting 1 to `minimumCellCount − 1`
///    respondents is hidden; for the share of respondents choosing an option of a
///    multiple-response set, so is a cell whose non-choosers number 1 to `minimumCellCount − 1`.
///    Zero cells are published: in a sample with non-response an empty category says nothing
///    about an identifiable respondent.
/// 2. **Secondary suppression** (when `secondarySuppression`). The counts are tied by published
///    sums, called lines: the categories of a single-choice variable add up to the domain base
///    (for shares of all responses the shares add up to 1), and the domains of a breakdown add
///    up to the margin table published beside this one (a margin that would itself be
///    suppressed counts as unknown). Repeated until nothing changes:
///    - a line that gives a hidden count away on its own gets its smallest non-zero published
///      cell hidden: one hidden cell in a domain takes the smallest other cell of the domain with
///      it, one hidden category across domains takes the same category where it is smallest, a
///      hidden domain takes the smallest other domain whole. "Gives away" includes what the
///      flags reveal: two primary cells, each at least 1, that must add up to 2;
///    - when no line does, an audit of all lines together (a small linear programme with the
///      bounds the flags reveal) finds primary counts that still cannot take another value,
///      and hides the nearest published cell.
///    Multiple-response shares of respondents have no within-domain line; the across-domain
///    lines apply to every kind, means and totals included.
/// 3. **Reliability** (when `applyNCHSStandards`), for the cells still shown: shares follow the
///    NCHS presentation standards for proportions; means and totals are hidden below 30
///    respondents and flagged `unreliable` above a 30 % relative standard error.
///
/// Hidden cells keep their domain, category and flags. For confidentiality their estimate,
/// standard error, interval and design effect become NaN or nil and their count −1; a domain
/// hidden whole also loses its base (−1), weighted base (NaN) and degrees of freedom (−1).
/// Unreliable cells lose only the estimate, standard error, interval and design effect.
///
/// This is a greedy heuristic, not the optimal cell suppression of τ-ARGUS (a linear programme
/// for the cheapest complements) or GaussSuppression: it hides more than they would, protects
/// each breakdown signature of the table on its own and does not coordinate with other tables.
/// With no or one breakdown, no primary count can be recomputed from the published counts and
/// margins, even by a reader who knows which cells are primary, unless the margins alone give
/// it away; with two breakdowns the same holds for real-valued solutions. Public output should
/// still show one symbol for primary and secondary suppression.
///
/// ```swift
/// let published = DisclosureControl.apply(DisclosureRules(), to: table)
/// let hidden = published.cells.filter(\.isSuppressed)
/// ```
public enum DisclosureControl {
    /// Applies the rules to a table straight from the estimator.
    ///
    /// - Parameters:
    ///   - rules: The minimum counts and which steps to take.
    ///   - table: Estimates with their true counts.
    /// - Returns: The table to publish.
    public static func apply(_ rules: DisclosureRules, to table: EstimateTable) -> EstimateTable {
        apply(rules, to: table, witness: true)
    }

    /// - Parameter witness: let the audit look for a small balanced move before it solves a
    ///   linear programme (`SuppressionGrid.hasWitness`); false only to check that this changes no
    ///   result, or to time the programme alone (the baseline of `fornye-profile-benchmark`).
    public static func apply(_ rules: DisclosureRules, to table: EstimateTable, witness: Bool) -> EstimateTable {
        var published = table
        for (dimensions, cellIndices) in cellsBySignature(table) {
            var grid = SuppressionGrid(table: table, cellIndices: cellIndices, dimensions: dimensions, rules: rules)
            grid.usesWitness = witness
            grid.suppressPrimary(kind: table.kind, rules: rules)
            if rules.secondarySuppression { grid.suppressSecondary(rules: rules) }
            for item in grid.items where item.hidden {
                guard let index = item.cell else { continue }
                let wholeDomain = grid.baseOfDomain[item.domain].map { grid.items[$0].hidden } ?? true
                published.cells[index].withhold(
                    as: item.primary ? .suppressedPrimary : .suppressedSecondary, wholeDomain: wholeDomain)
            }
        }
        guard rules.applyNCHSStandards else { return published }
        for index in published.cells.indices where !published.cells[index].isSuppressed {
            let flags = ReliabilityStandards.flags(for: published.cells[index], in: table)
            published.cells[index].flags.formUnion(flags)
            if flags.contains(.suppressedUnreliable) { published.cells[index].hideEstimate() }
        }
        return published
    }

    /// Cells grouped by which breakdown variables their domain names, so that an overall row
    /// kept in a broken-down table is its own table (the margin of the others).
    private static func cellsBySignature(_ table: EstimateTable) -> [(dimensions: Int, cells: [Int])] {
        var groups: [[String]: Int] = [:]
        var result: [(dimensions: Int, cells: [Int])] = []
        for (index, cell) in table.cells.enumerated() {
            let signature = cell.domain.map(\.variable)
            if let group = groups[signature] {
                result[group].cells.append(index)
            } else {
                groups[signature] = result.count
                result.append((signature.count, [index]))
            }
        }
        return result
    }
}

extension EstimateCell {
    /// Removes every number that could give the cell's respondents away.
    mutating func withhold(as flag: CellFlag, wholeDomain: Bool) {
        hideEstimate()
        cellCount = -1
        if wholeDomain {
            baseCount = -1
            weightedBase = .nan
            degreesOfFreedom = -1
        }
        flags.insert(flag)
    }

    mutating func hideEstimate() {
        estimate = .nan
        standardError = .nan
        lower = .nan
        upper = .nan
        designEffect = nil
    }
}
