import Testing

@testable import FornyeStatistics

@Suite("Evaluation refuses what it cannot estimate, with named errors")
struct EvaluationErrorTests {
    let golden = EvaluationGolden.shared

    /// The golden panel with only the rows `keep` accepts.
    func panel(keeping keep: (Int) -> Bool, strata: Bool = true) throws -> EvaluationPanel {
        let full = try golden.panel(strata ? "linkedStratified" : "linkedUnstratified")
        let rows = (0..<full.dataset.rowCount).filter(keep)
        let dataset = try golden.dataset
        var columns: [String: Column] = [:]
        for variable in dataset.codebook.variables {
            switch try dataset.column(named: variable.name) {
            case .codes(let codes): columns[variable.name] = .codes(rows.map { codes[$0] })
            case .numbers(let values): columns[variable.name] = .numbers(rows.map { values[$0] })
            case .texts(let texts): columns[variable.name] = .texts(rows.map { texts[$0] })
            }
        }
        return try EvaluationPanel(
            dataset: Dataset(codebook: dataset.codebook, columns: columns), wave: "wave", group: "group",
            participantCodes: [1], cluster: "kommune", strata: strata ? "stratum" : nil, weight: "w")
    }

    @Test("a group without rows in a wave is an empty base naming the group and wave")
    func emptyGroup() throws {
        let data = golden.data
        let panel = try panel(keeping: { !(data.wave[$0] == 2022 && data.group[$0] == 1) })
        #expect(
            throws: StatisticsError.emptyBase(
                "difference-in-differences of y: participants have no row with an outcome and positive weight in wave 2022"
            )
        ) {
            try DifferenceInDifferences.estimate(.mean, of: "y", panel: panel, before: 2020, after: 2022)
        }
    }

    @Test("a wave that is not in the data is an empty base; equal waves and a foreign reference are refused")
    func wavesRefused() throws {
        let panel = try golden.panel("linkedStratified")
        #expect(throws: StatisticsError.self) {
            try DifferenceInDifferences.estimate(.mean, of: "y", panel: panel, before: 2020, after: 2030)
        }
        #expect(
            throws: StatisticsError.invalidArgument(
                "difference-in-differences of y needs two or more different waves, not [2020, 2020]")
        ) {
            try DifferenceInDifferences.estimate(.mean, of: "y", panel: panel, before: 2020, after: 2020)
        }
        #expect(
            throws: StatisticsError.invalidArgument(
                "the reference wave 2019 is not among the waves [2018, 2020, 2022, 2024]")
        ) {
            try EventStudy.estimate(.mean, of: "y", panel: panel, reference: 2019)
        }
    }

    @Test("a stratum with one municipality fails unless a lonely-PSU rule is chosen")
    func lonelyStratum() throws {
        let data = golden.data
        let lonely = data.kommune.first { data.stratum[data.kommune.firstIndex(of: $0)!] == "A" }!
        let panel = try panel(keeping: { data.stratum[$0] != "A" || data.kommune[$0] == lonely })
        #expect(throws: StatisticsError.lonelyPSU(stratum: "A")) {
            try DifferenceInDifferences.estimate(.mean, of: "score", panel: panel, before: 2018, after: 2024)
        }
        let design = try panel.design(lonelyPSU: .adjust)
        let result = try DifferenceInDifferences.estimate(
            .mean, of: "score", panel: panel, before: 2018, after: 2024, design: design)
        #expect(result.effect.standardError > 0)
    }

    @Test("too few municipalities for the saturated model's degrees of freedom")
    func tooFewClusters() throws {
        let data = golden.data
        // Two participating and two comparison municipalities seen in 2018 and 2024: 4 PSUs give
        // degf 3, and the four cell means leave 3 + 1 − 4 = 0 degrees of freedom.
        func seenInBoth(_ group: Int) -> [String] {
            let answered = { (wave: Int) in
                Set(
                    data.kommune.indices.filter {
                        data.wave[$0] == wave && data.group[$0] == group && data.score[$0] != nil
                    }
                    .map { data.kommune[$0] })
            }
            return answered(2018).intersection(answered(2024)).sorted()
        }
        let kept = Set(seenInBoth(1).prefix(2) + seenInBoth(0).prefix(2))
        let panel = try panel(keeping: { kept.contains(data.kommune[$0]) }, strata: false)
        #expect {
            try DifferenceInDifferences.estimate(.mean, of: "score", panel: panel, before: 2018, after: 2024)
        } throws: { error in
            guard case StatisticsError.invalidArgument(let message) = error else { return false }
            return message.contains("span 3 design degrees of freedom")
        }
    }

    @Test("panel inputs are checked: lengths, participant codes, clusters")
    func panelChecks() throws {
        let dataset = try golden.dataset
        #expect(throws: StatisticsError.lengthMismatch(variable: "wave", expected: dataset.rowCount, actual: 1)) {
            try EvaluationPanel(dataset: dataset, waveOfRow: [2018], isParticipant: [], clusterOfRow: [])
        }
        #expect(throws: StatisticsError.self) {
            try EvaluationPanel(
                dataset: dataset, wave: "wave", group: "group", participantCodes: [7], cluster: "kommune")
        }
    }

    @Test("entropy balancing to means the comparison group cannot reach does not converge")
    func unreachableBalance() throws {
        let data = golden.data
        // Leave only small comparison municipalities: the participants' mean size is out of reach.
        let panel = try panel(keeping: { data.group[$0] == 1 || data.size[$0] < 8 })
        #expect {
            try Balance.entropyBalanced(panel, covariates: ["size"])
        } throws: { error in
            guard case StatisticsError.notConverged = error else { return false }
            return true
        }
    }

    @Test("inverse-probability weights refuse a category the baseline model never saw")
    func unseenCategory() throws {
        let data = golden.data
        let panel = try panel(keeping: { !(data.wave[$0] == 2018 && data.region[$0] == 3) })
        #expect {
            try Balance.inverseProbabilityWeighted(panel, covariates: ["size", "region"], baseline: 2018)
        } throws: { error in
            guard case StatisticsError.invalidValue(let variable, _, let message) = error else { return false }
            return variable == "region" && message.contains("category 3")
        }
    }
}
