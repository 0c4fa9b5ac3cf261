public import FluentKit
public import FornyeBarometer
public import FornyeStatistics
import Foundation

/// Issue 14's analysis from stored data: the barometer waves and the programme register set side by
/// side in one municipal structure, and the difference-in-differences of each hypothesis indicator
/// between the first and the last wave, participants against a chosen comparison group.
///
/// - Every response's kommunenummer (valid on its wave's structure date) is carried to the last
///   wave's structure (`MunicipalityRegister.successors`); a response in an area split since is
///   left out, as are register lines not carried to one municipality (see ``ProgrammeGroups``).
/// - Participants and the comparison group follow ``ProgrammeGroups``; responses in
///   municipalities in neither are left out.
/// - Weights are each wave's calibrated weights (`StoredWave.calibrated()`), strata the waves'
///   own, and the municipality in the common structure is the cluster that links the waves.
/// - A DiD whose any cell has fewer than `DisclosureRules.minimumBaseCount` responses is withheld.
///
/// - Balance: the register's baseline covariates (``ProgrammeCovariate``, from the kommunenummer)
///   compared in the first wave, and the comparison group entropy-balanced to the participants'
///   means in every wave; each indicator's DiD is also given on the balanced design.
/// - Three or more waves: an event study per indicator, relative to the last wave before the
///   earliest participant's project start, with the pre-trend test.
public struct ProgrammeEvaluation: Sendable, Codable {
    public struct Wave: Sendable, Codable, Hashable {
        public var slug: String
        public var title: String
        public var structureDate: String
        public var responses: Int
        /// Responses in a participating or comparison municipality, carried to the common structure.
        public var used: Int
        public var synthetic: Bool
    }

    /// One group in one wave for one indicator.
    public struct Cell: Sendable, Codable, Hashable {
        public var participant: Bool
        public var wave: String
        /// Responses in the indicator's base.
        public var responses: Int
        public var municipalities: Int
        /// The weighted share; nil when the DiD is withheld.
        public var share: Double?
    }

    public struct Result: Sendable, Codable {
        public var indicator: ProgrammeIndicator
        /// Participants before and after, then the comparison group before and after.
        public var cells: [Cell]
        public var difference: DifferenceInDifferences?
        /// Why there is no DiD (a small cell, a missing variable, an estimation refusal).
        public var withheld: String?
        /// The DiD with the comparison group entropy-balanced on `covariates`; nil when the DiD or
        /// the balancing is missing.
        public var balanced: PanelContrast?
        public var eventStudy: EventStudyResult?
        /// Why the event study is missing, when it was attempted.
        public var eventStudyWithheld: String?
    }

    public var waves: [Wave]
    public var comparison: ProgrammeComparison
    /// The municipal structure every number is in (the last wave's structure date).
    public var structureDate: String
    /// Participating municipalities (kommunenummer in the common structure).
    public var participants: [String]
    /// Comparison municipalities with a response in some wave.
    public var comparisonMunicipalities: [String]
    /// Responses left out: no kommunenummer, an area split since, or neither group.
    public var responsesLeftOut: Int
    public var registerLinesLeftOut: Int
    public var minimumBaseCount: Int
    public var confidenceLevel: Double
    /// True when any wave or register line is synthetic.
    public var synthetic: Bool
    public var results: [Result]
    /// The baseline covariates of the balance table and the reweighting.
    public var covariates: [ProgrammeCovariate]
    /// Covariates the register lacks for some municipality in the groups.
    public var covariatesLeftOut: [ProgrammeCovariate]
    public var balance: BalanceSummary?
    /// Why there is no balance table.
    public var balanceWithheld: String?
    /// The event study's reference wave (slug), or nil with `eventStudyNote` saying why none.
    public var eventReference: String?
    public var eventStudyNote: String?

    /// The variable holding each response's kommunenummer.
    public static let municipalityVariable = "kommunenummer"

    /// Loads the waves (slugs in time order) and the register from the database and evaluates.
    public static func evaluate(
        waves slugs: [String], comparison: ProgrammeComparison, database: any Database,
        register: MunicipalityRegister, indicators: [ProgrammeIndicator] = ProgrammeIndicator.all,
        rules: DisclosureRules = DisclosureRules(), level: Double = 0.95
    ) async throws -> ProgrammeEvaluation {
        guard slugs.count >= 2 else { throw ProgrammeEvaluationError.tooFewWaves(slugs) }
        var waves: [StoredWave] = []
        for slug in slugs { waves.append(try await WaveRepository(database: database).load(slug: slug)) }
        let lines = try await ProgrammeRepository(database: database, register: register).list().map(\.application)
        return try evaluate(
            waves: waves, applications: lines, comparison: comparison, register: register, indicators: indicators,
            rules: rules, level: level)
    }

    /// The evaluation of loaded waves (in time order) against register lines.
    public static func evaluate(
        waves: [StoredWave], applications: [ProgrammeApplication], comparison: ProgrammeComparison,
        register: MunicipalityRegister, indicators: [ProgrammeIndicator] = ProgrammeIndicator.all,
        rules: DisclosureRules = DisclosureRules(), level: Double = 0.95
    ) throws -> ProgrammeEvaluation {
        guard waves.count >= 2 else { throw ProgrammeEvaluationError.tooFewWaves(waves.map(\.slug)) }
        let dates = try waves.map { wave in
            guard let text = wave.structureDate, let day = CalendarDay(text) else {
                throw ProgrammeEvaluationError.noStructureDate(wave.slug)
            }
            return day
        }
        guard zip(dates, dates.dropFirst()).allSatisfy({ $0 <= $1 }) else {
            throw ProgrammeEvaluationError.notInTimeOrder(waves.map(\.slug))
        }
        let target = dates[dates.count - 1]
        let groups = ProgrammeGroups(applications, structureYear: target.year, cutoff: target, register: register)
        let pooled = try PooledWaves(
            waves, dates: dates, target: target, groups: groups, comparison: comparison, indicators: indicators,
            register: register)
        let panel = try EvaluationPanel(
            dataset: pooled.dataset, waveOfRow: pooled.waveOfRow, isParticipant: pooled.isParticipant,
            clusterOfRow: pooled.clusterOfRow, stratumOfRow: pooled.stratumOfRow, weights: pooled.weights)
        let slugs = waves.map(\.slug)
        let balance = Self.balance(pooled: pooled, panel: panel, slugs: slugs, rules: rules)
        let event = Self.eventReference(
            dates: dates, applications: applications, groups: groups, structureYear: target.year, register: register)
        let results = indicators.map { indicator in
            var result = result(indicator, pooled: pooled, panel: panel, slugs: slugs, rules: rules, level: level)
            if result.difference != nil, let design = balance.design {
                result.balanced =
                    try? DifferenceInDifferences.estimate(
                        .mean, of: indicator.id, panel: panel, before: 0, after: slugs.count - 1, design: design,
                        level: level
                    ).effect
            }
            if let reference = event.reference, pooled.missingIndicators[indicator.id] == nil {
                (result.eventStudy, result.eventStudyWithheld) = eventStudy(
                    indicator, reference: reference, pooled: pooled, panel: panel, slugs: slugs, rules: rules,
                    level: level)
            }
            return result
        }
        let comparisonMunicipalities = Set(
            zip(pooled.clusterOfRow, pooled.isParticipant).compactMap { $1 == false ? $0 : nil })
        return ProgrammeEvaluation(
            waves: zip(waves, pooled.usedPerWave).map { wave, used in
                Wave(
                    slug: wave.slug, title: wave.title, structureDate: wave.structureDate ?? "",
                    responses: wave.dataset.rowCount, used: used, synthetic: wave.synthetic)
            }, comparison: comparison, structureDate: target.description, participants: groups.participants.sorted(),
            comparisonMunicipalities: comparisonMunicipalities.sorted(), responsesLeftOut: pooled.leftOut,
            registerLinesLeftOut: groups.linesLeftOut, minimumBaseCount: rules.minimumBaseCount,
            confidenceLevel: level,
            synthetic: waves.contains(where: \.synthetic) || applications.contains(where: \.synthetic),
            results: results, covariates: pooled.covariates, covariatesLeftOut: pooled.covariatesLeftOut,
            balance: balance.summary, balanceWithheld: balance.withheld,
            eventReference: event.reference.map { slugs[$0] },
            eventStudyNote: event.note)
    }

    private static func result(
        _ indicator: ProgrammeIndicator, pooled: PooledWaves, panel: EvaluationPanel, slugs: [String],
        rules: DisclosureRules, level: Double
    ) -> Result {
        let first = 0
        let last = slugs.count - 1
        let keys = [(true, first), (true, last), (false, first), (false, last)]
        if let missing = pooled.missingIndicators[indicator.id] {
            return Result(indicator: indicator, cells: [], difference: nil, withheld: missing)
        }
        let values = (try? panel.dataset.measurements(of: indicator.id)) ?? []
        var cells = keys.map { participant, wave in
            var rows = 0
            var municipalities: Set<String> = []
            for row in values.indices
            where !values[row].isNaN && pooled.waveOfRow[row] == wave && pooled.isParticipant[row] == participant {
                rows += 1
                municipalities.insert(pooled.clusterOfRow[row])
            }
            return Cell(
                participant: participant, wave: slugs[wave], responses: rows,
                municipalities: municipalities.count, share: nil)
        }
        if let small = cells.first(where: { $0.responses < rules.minimumBaseCount }) {
            let group = small.participant ? "participants" : "the comparison group"
            return Result(
                indicator: indicator, cells: cells, difference: nil,
                withheld:
                    "withheld: \(group) in \(small.wave) have \(small.responses) response(s), fewer than \(rules.minimumBaseCount)"
            )
        }
        do throws(StatisticsError) {
            let difference = try DifferenceInDifferences.estimate(
                .mean, of: indicator.id, panel: panel, before: first, after: last,
                design: try panel.design(lonelyPSU: .adjust), level: level)
            let shares = [
                difference.participantBefore, difference.participantAfter, difference.comparisonBefore,
                difference.comparisonAfter,
            ].map(\.estimate)
            for index in cells.indices { cells[index].share = shares[index] }
            return Result(indicator: indicator, cells: cells, difference: difference, withheld: nil)
        } catch {
            return Result(indicator: indicator, cells: cells, difference: nil, withheld: error.description)
        }
    }
}

/// Why an evaluation cannot be built.
public enum ProgrammeEvaluationError: Error, Sendable, Equatable, CustomStringConvertible {
    case tooFewWaves([String])
    case noStructureDate(String)
    case notInTimeOrder([String])
    case noMunicipality(String)

    public var description: String {
        switch self {
        case .tooFewWaves(let slugs):
            "an evaluation needs two or more waves, not \(slugs.isEmpty ? "none" : slugs.joined(separator: ", "))"
        case .noStructureDate(let slug):
            "wave «\(slug)» has no structure date, so its kommunenummer cannot be carried across mergers"
        case .notInTimeOrder(let slugs):
            "the waves \(slugs.joined(separator: ", ")) are not in time order (by structure date)"
        case .noMunicipality(let slug):
            "wave «\(slug)» has no text variable \(ProgrammeEvaluation.municipalityVariable), so its responses cannot be linked to the register"
        }
    }
}
