import FornyeTestRandom

@testable import FornyeStatistics

/// A random survey with every variable kind, missing kinds, routing and a stratified cluster design.
struct RandomSurvey {
    let dataset: Dataset
    let strata: [String]
    let clusters: [String]
    let weights: [Double]

    init(rows: Int, seed: UInt64) throws {
        var random = SeededGenerator(seed: seed)
        let codebook = Codebook(
            title: "Random test survey (synthetic)", synthetic: true,
            variables: [
                Variable(
                    name: "region", label: "Region", kind: .singleChoice,
                    valueLabels: (1...3).map { ValueLabel(code: $0, label: "R\($0)") }),
                Variable(
                    name: "sector", label: "Sector", kind: .singleChoice,
                    valueLabels: [ValueLabel(code: 1, label: "Helse"), ValueLabel(code: 2, label: "Skole")],
                    missingCodes: [9: .notApplicable]),
                Variable(
                    name: "answer", label: "Answer", kind: .ordinal,
                    valueLabels: (1...4).map { ValueLabel(code: $0, label: "A\($0)") },
                    missingCodes: [8: .dontKnow, 9: .notApplicable]),
                Variable(name: "amount", label: "Amount", kind: .numeric, missingCodes: [999: .dontKnow]),
                Variable(name: "m1", label: "Option 1", kind: .multipleChoiceItem),
                Variable(name: "m2", label: "Option 2", kind: .multipleChoiceItem),
                Variable(name: "m3", label: "Option 3", kind: .multipleChoiceItem),
            ],
            multipleResponseSets: [MultipleResponseSet(name: "options", label: "Options", items: ["m1", "m2", "m3"])])
        var region: [Int32] = []
        var sector: [Int32] = []
        var answer: [Int32] = []
        var amount: [Double] = []
        var items: [[Int32]] = [[], [], []]
        var strata: [String] = []
        var clusters: [String] = []
        var weights: [Double] = []
        for _ in 0..<rows {
            let stratum = Int.random(in: 0..<4, using: &random)
            strata.append("S\(stratum)")
            clusters.append("C\(Int.random(in: 0..<(3 + stratum * 2), using: &random))")
            weights.append(Double.random(in: 0.5...4, using: &random))
            region.append(
                Int.random(in: 0..<20, using: &random) == 0
                    ? Column.systemMissing : Int32.random(in: 1...3, using: &random))
            sector.append(Int.random(in: 0..<15, using: &random) == 0 ? 9 : Int32.random(in: 1...2, using: &random))
            let draw = Int.random(in: 0..<12, using: &random)
            answer.append(draw == 0 ? Column.systemMissing : draw == 1 ? 8 : draw == 2 ? 9 : Int32(1 + draw % 4))
            let amountDraw = Int.random(in: 0..<10, using: &random)
            amount.append(amountDraw == 0 ? .nan : amountDraw == 1 ? 999 : Double.random(in: 0...100, using: &random))
            let routed = Int.random(in: 0..<4, using: &random) == 0
            for item in 0..<3 {
                items[item].append(routed ? Column.systemMissing : Int32.random(in: 0...1, using: &random))
            }
        }
        dataset = try Dataset(
            codebook: codebook,
            columns: [
                "region": .codes(region), "sector": .codes(sector), "answer": .codes(answer),
                "amount": .numbers(amount), "m1": .codes(items[0]), "m2": .codes(items[1]), "m3": .codes(items[2]),
            ])
        self.strata = strata
        self.clusters = clusters
        self.weights = weights
    }

    /// With a lonely-PSU rule other than `fail`, every 37th row moves to a stratum of its own with
    /// a single cluster, so that the rule has something to act on.
    func design(clustered: Bool = true, lonelyPSU: LonelyPSUPolicy = .fail) throws -> SurveyDesign {
        var strata = strata
        var clusters = clusters
        if lonelyPSU != .fail {
            for row in stride(from: 0, to: strata.count, by: 37) {
                strata[row] = "L"
                clusters[row] = "only"
            }
        }
        return try SurveyDesign(
            rowCount: dataset.rowCount, weights: weights, strata: strata, clusters: clustered ? clusters : nil,
            lonelyPSU: lonelyPSU)
    }
}
