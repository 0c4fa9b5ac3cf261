import FornyeBarometer
import FornyeStatistics

/// The waves' responses stacked for an `EvaluationPanel`: only responses in a participating or
/// comparison municipality, with the municipality in the common structure, each wave's calibrated
/// weights and strata, one numeric 0/1 column per indicator (named by its id), and the baseline
/// covariates the register gives for the municipality in the common structure
/// (``ProgrammeCovariate``), so that every row of one municipality has the same values.
struct PooledWaves {
    let dataset: Dataset
    /// The wave's position in the list (0 = the first).
    let waveOfRow: [Int?]
    let isParticipant: [Bool?]
    let clusterOfRow: [String]
    let stratumOfRow: [String]?
    let weights: [Double]
    let usedPerWave: [Int]
    let leftOut: Int
    /// Indicators some wave lacks, with why.
    let missingIndicators: [String: String]
    /// Covariates with a value for every used row (the others are in `covariatesLeftOut`).
    let covariates: [ProgrammeCovariate]
    let covariatesLeftOut: [ProgrammeCovariate]

    init(
        _ waves: [StoredWave], dates: [CalendarDay], target: CalendarDay, groups: ProgrammeGroups,
        comparison: ProgrammeComparison, indicators: [ProgrammeIndicator], register: MunicipalityRegister
    ) throws {
        var waveOfRow: [Int?] = []
        var isParticipant: [Bool?] = []
        var clusters: [String] = []
        var strata: [String] = []
        var weights: [Double] = []
        var outcomes = [String: [Double]]()
        var missing: [String: String] = [:]
        var usedPerWave: [Int] = []
        var leftOut = 0
        var covariateValues = [String: [Double]]()
        var attributes: [String: Municipality?] = [:]
        for indicator in indicators {
            if let wave = waves.first(where: { $0.dataset.codebook.variable(named: indicator.variable) == nil }) {
                missing[indicator.id] = "wave «\(wave.slug)» has no variable \(indicator.variable)"
            }
        }
        for (position, wave) in waves.enumerated() {
            guard case .texts(let numbers)? = try? wave.dataset.column(named: ProgrammeEvaluation.municipalityVariable)
            else { throw ProgrammeEvaluationError.noMunicipality(wave.slug) }
            let calibrated = try wave.calibrated().design.weights
            var values: [String: [Double]] = [:]
            for indicator in indicators where missing[indicator.id] == nil {
                values[indicator.id] = try indicator.values(in: wave.dataset)
            }
            var carried: [String: String?] = [:]
            var used = 0
            for row in 0..<wave.dataset.rowCount {
                guard let number = numbers[row] else {
                    leftOut += 1
                    continue
                }
                if carried[number] == nil {
                    let successors = try? register.successors(number: number, from: dates[position], to: target)
                    carried[number] = successors?.count == 1 ? successors?[0] : String?.none
                }
                guard let municipality = carried[number] ?? nil,
                    let participant = groups.isParticipant(municipality, comparison: comparison)
                else {
                    leftOut += 1
                    continue
                }
                used += 1
                waveOfRow.append(position)
                isParticipant.append(participant)
                clusters.append(municipality)
                strata.append(wave.strata?[row] ?? "")
                weights.append(calibrated[row])
                for (id, column) in values { outcomes[id, default: []].append(column[row]) }
                if attributes[municipality] == nil {
                    attributes[municipality] = try? register.municipality(number: municipality, on: target)
                }
                for covariate in ProgrammeCovariate.all {
                    covariateValues[covariate.name, default: []].append(
                        (attributes[municipality] ?? nil).flatMap(covariate.value) ?? .nan)
                }
            }
            usedPerWave.append(used)
        }
        var variables = [Variable(name: "wave", label: "Bølge (wave position)", kind: .numeric)]
        var columns: [String: Column] = ["wave": .numbers(waveOfRow.map { Double($0 ?? 0) })]
        for indicator in indicators where missing[indicator.id] == nil {
            variables.append(Variable(name: indicator.id, label: indicator.name, kind: .numeric))
            columns[indicator.id] = .numbers(outcomes[indicator.id] ?? [])
        }
        let complete = ProgrammeCovariate.all.filter { covariate in
            !(covariateValues[covariate.name] ?? []).contains(where: \.isNaN)
        }
        for covariate in complete {
            variables.append(Variable(name: covariate.name, label: covariate.label, kind: .numeric))
            columns[covariate.name] = .numbers(covariateValues[covariate.name] ?? [])
        }
        covariates = complete
        covariatesLeftOut = ProgrammeCovariate.all.filter { !complete.contains($0) }
        dataset = try Dataset(
            codebook: Codebook(synthetic: waves.contains(where: \.synthetic), variables: variables), columns: columns)
        self.waveOfRow = waveOfRow
        self.isParticipant = isParticipant
        clusterOfRow = clusters
        stratumOfRow = waves.contains(where: { $0.strata != nil }) ? strata : nil
        self.weights = weights
        self.usedPerWave = usedPerWave
        self.leftOut = leftOut
        missingIndicators = missing
    }
}
