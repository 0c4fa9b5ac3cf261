import FornyeStatistics
import Testing

@testable import FornyeStorage

@Suite("A wave as analysts download it")
struct StoredWaveDownloadTests {
    /// Six responses in two strata and three PSUs; `weight` is also the name of an answer, so the
    /// design's weight must not overwrite it.
    static func wave(margins: [PopulationMargin]) throws -> StoredWave {
        let codebook = Codebook(
            variables: [
                Variable(
                    name: "sector", label: "Hvilken sektor?", kind: .singleChoice,
                    valueLabels: [ValueLabel(code: 1, label: "Helse"), ValueLabel(code: 2, label: "Skole")]),
                Variable(name: "weight", label: "Hvor mye veier enheten?", kind: .numeric),
            ])
        let dataset = try Dataset(
            codebook: codebook,
            columns: ["sector": .codes([1, 1, 1, 2, 2, 2]), "weight": .numbers([7, 7, 7, 7, 7, 7])])
        return StoredWave(
            slug: "w", title: "W", shortTitle: "W", structureDate: nil, dataset: dataset,
            weights: [1, 2, 1, 2, 1, 2], strata: ["a", "a", "a", "b", "b", "b"],
            clusters: ["p1", "p1", "p2", "p3", "p3", "p4"], margins: margins)
    }

    @Test("the design travels with the answers: raked weight, weight before raking, stratum and PSU")
    func rakedWave() throws {
        let wave = try Self.wave(margins: [PopulationMargin(variable: "sector", totals: [1: 60, 2: 40])])
        let download = try wave.downloadDataset()
        let names = download.codebook.variables.map(\.name)
        #expect(names == ["sector", "weight", "design_weight", "weight_before_raking", "stratum", "psu"])
        guard case .numbers(let answer) = try download.column(named: "weight"),
            case .numbers(let raked) = try download.column(named: "design_weight"),
            case .numbers(let before) = try download.column(named: "weight_before_raking"),
            case .texts(let strata) = try download.column(named: "stratum"),
            case .texts(let psus) = try download.column(named: "psu")
        else {
            Issue.record("design columns have the wrong kinds")
            return
        }
        #expect(answer == [7, 7, 7, 7, 7, 7])
        #expect(before == [1, 2, 1, 2, 1, 2])
        // Raked to the margins: the health units weigh 60 in all, the schools 40.
        #expect(abs(raked[0..<3].reduce(0, +) - 60) < 1e-9 && abs(raked[3..<6].reduce(0, +) - 40) < 1e-9)
        #expect(raked == (try wave.calibrated().design.weights))
        #expect(strata == ["a", "a", "a", "b", "b", "b"] && psus == ["p1", "p1", "p2", "p3", "p3", "p4"])
    }

    @Test("without margins the stored weight is the weight, and no before-raking column is added")
    func unrakedWave() throws {
        let download = try Self.wave(margins: []).downloadDataset()
        #expect(download.codebook.variable(named: "weight_before_raking") == nil)
        guard case .numbers(let weights) = try download.column(named: "design_weight") else {
            Issue.record("no weight column")
            return
        }
        #expect(weights == [1, 2, 1, 2, 1, 2])
    }
}
