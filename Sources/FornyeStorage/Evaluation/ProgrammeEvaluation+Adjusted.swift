public import FornyeBarometer
public import FornyeStatistics

/// The parts of an evaluation beyond the raw first-to-last DiD: balance on the register's
/// baseline covariates with entropy balancing of the comparison group, the DiD on the balanced
/// design, and (three or more waves) the event study with its pre-trend test.
extension ProgrammeEvaluation {
    /// One covariate in the baseline wave, before and after entropy balancing.
    public struct BalanceLine: Sendable, Codable, Hashable {
        public var covariate: ProgrammeCovariate
        public var participantMean: Double
        public var comparisonMean: Double
        public var differenceBefore: Double
        /// After reweighting; nil when the balancing failed.
        public var comparisonMeanAfter: Double?
        public var differenceAfter: Double?
    }

    /// The balance of the groups in the first wave.
    public struct BalanceSummary: Sendable, Codable, Hashable {
        public var wave: String
        public var participantResponses: Int
        public var comparisonResponses: Int
        public var lines: [BalanceLine]
        /// Why the comparison group could not be reweighted (nil when it was).
        public var reweightingFailed: String?
    }

    /// The effect in one wave relative to the reference wave.
    public struct EventEffect: Sendable, Codable, Hashable {
        public var wave: String
        /// Waves after (positive) or before (negative) the reference, not years.
        public var relativeWave: Int
        public var effect: PanelContrast
    }

    public struct EventStudyResult: Sendable, Codable, Hashable {
        public var reference: String
        public var effects: [EventEffect]
        public var preTrend: WaldTest?
    }

    /// The reference wave of an event study: the last wave whose structure date lies before the
    /// earliest participant's project start; nil with a reason when there is none or no wave after it.
    static func eventReference(
        dates: [CalendarDay], applications: [ProgrammeApplication], groups: ProgrammeGroups, structureYear: Int,
        register: MunicipalityRegister
    ) -> (reference: Int?, note: String?) {
        guard dates.count >= 3 else {
            return (nil, "an event study needs three or more waves; with two, the pre-programme trend cannot be tested")
        }
        let starts = applications.compactMap { application -> CalendarDay? in
            guard application.status == .granted, let start = application.projectStart,
                case .municipality(let number) = application.applicant(inStructureOf: structureYear, register: register),
                groups.participants.contains(number)
            else { return nil }
            return start
        }
        guard let start = starts.min() else { return (nil, "no participant has a project start") }
        guard let reference = dates.lastIndex(where: { $0 < start }) else {
            return (
                nil, "the programme started (\(start)) before the first wave, so no wave measures the trend before it"
            )
        }
        guard reference < dates.count - 1 else {
            return (nil, "no wave lies after the programme started (\(start))")
        }
        return (reference, nil)
    }

    /// The balance table of the first wave and the entropy-balanced design (nil with the reason
    /// when the covariates are missing, a group is below the minimum base, or raking fails).
    static func balance(
        pooled: PooledWaves, panel: EvaluationPanel, slugs: [String], rules: DisclosureRules
    ) -> (summary: BalanceSummary?, design: SurveyDesign?, withheld: String?) {
        guard !pooled.covariates.isEmpty else {
            return (nil, nil, "the register gives no covariate for every municipality in the groups")
        }
        let counts = [true, false].map { participant in
            pooled.waveOfRow.indices.count { pooled.waveOfRow[$0] == 0 && pooled.isParticipant[$0] == participant }
        }
        if let small = counts.min(), small < rules.minimumBaseCount {
            return (
                nil, nil,
                "withheld: a group in \(slugs[0]) has \(small) response(s), fewer than \(rules.minimumBaseCount)"
            )
        }
        let names = pooled.covariates.map(\.name)
        do throws(StatisticsError) {
            let before = try Balance.table(panel, covariates: names, wave: 0)
            var after: BalanceTable?
            var design: SurveyDesign?
            var failed: String?
            do throws(StatisticsError) {
                let balanced = try Balance.entropyBalanced(panel, covariates: names, lonelyPSU: .adjust)
                after = try Balance.table(panel, covariates: names, wave: 0, weights: balanced.weights)
                design = balanced.design
            } catch {
                failed = error.description
            }
            let lines = zip(pooled.covariates, before.rows).enumerated().map { index, pair in
                BalanceLine(
                    covariate: pair.0, participantMean: pair.1.participantMean, comparisonMean: pair.1.comparisonMean,
                    differenceBefore: pair.1.standardisedDifference,
                    comparisonMeanAfter: after?.rows[index].comparisonMean,
                    differenceAfter: after?.rows[index].standardisedDifference)
            }
            return (
                BalanceSummary(
                    wave: slugs[0], participantResponses: counts[0], comparisonResponses: counts[1], lines: lines,
                    reweightingFailed: failed), design, nil
            )
        } catch {
            return (nil, nil, error.description)
        }
    }

    /// The event study of one indicator, or why it is withheld (a cell below the minimum base).
    static func eventStudy(
        _ indicator: ProgrammeIndicator, reference: Int, pooled: PooledWaves, panel: EvaluationPanel, slugs: [String],
        rules: DisclosureRules, level: Double
    ) -> (EventStudyResult?, String?) {
        let values = (try? panel.dataset.measurements(of: indicator.id)) ?? []
        for wave in slugs.indices {
            for participant in [true, false] {
                let rows = values.indices.count {
                    !values[$0].isNaN && pooled.waveOfRow[$0] == wave && pooled.isParticipant[$0] == participant
                }
                if rows < rules.minimumBaseCount {
                    let group = participant ? "participants" : "the comparison group"
                    return (
                        nil,
                        "withheld: \(group) in \(slugs[wave]) have \(rows) response(s), fewer than \(rules.minimumBaseCount)"
                    )
                }
            }
        }
        do throws(StatisticsError) {
            let study = try EventStudy.estimate(
                .mean, of: indicator.id, panel: panel, reference: reference,
                design: try panel.design(lonelyPSU: .adjust), level: level)
            return (
                EventStudyResult(
                    reference: slugs[reference],
                    effects: study.effects.map {
                        EventEffect(wave: slugs[$0.wave], relativeWave: $0.relativeWave, effect: $0.contrast)
                    }, preTrend: study.preTrend), nil
            )
        } catch {
            return (nil, error.description)
        }
    }
}
