import Testing

@testable import FornyeStatistics

@Suite("Rao–Scott test of independence")
struct RaoScottTestTests {
    let golden = InferenceGolden.shared

    @Test("agrees with R svychisq (F and Chisq) on every golden design")
    func matchesR() throws {
        let dataset = try golden.dataset
        #expect(golden.chisq.count >= 8)
        for expected in golden.chisq {
            let what = "\(expected.design) \(expected.rows)×\(expected.columns) \(expected.statistic)"
            let test = try RaoScottTest.test(
                expected.rows, by: expected.columns, dataset: dataset, design: golden.design(expected.design),
                missing: MissingPolicy(includeDontKnow: expected.includeDontKnow),
                statistic: try #require(RaoScottTest.Statistic(rawValue: expected.statistic)))
            #expect(test.table.rowCodes == expected.rowCodes, "\(what)")
            #expect(test.table.columnCodes == expected.columnCodes, "\(what)")
            for (row, counts) in expected.table.enumerated() {
                for (column, count) in counts.enumerated() {
                    expectClose(test.table.weightedCounts[row][column], count, "\(what) cell")
                }
            }
            expectClose(test.numeratorDegreesOfFreedom, expected.ndf, "\(what) ndf")
            expectClose(test.pValue, expected.pValue, "\(what) p")
            switch test.statistic {
            case .f:
                expectClose(test.value, try #require(expected.value), "\(what) F")
                expectClose(
                    try #require(test.denominatorDegreesOfFreedom), try #require(expected.ddf), "\(what) ddf")
            case .chiSquared:
                expectClose(test.pearsonChiSquared, try #require(expected.pearson), "\(what) X²")
                expectClose(test.value, test.pearsonChiSquared / test.meanDesignEffect, "\(what) adjusted X²")
                #expect(test.denominatorDegreesOfFreedom == nil)
            }
        }
    }

    @Test("the interaction contrasts are orthogonal to the main effects and of full rank")
    func contrasts() throws {
        let contrasts = RaoScottTest.interactionContrasts(rows: 3, columns: 4)
        #expect(contrasts.rows == 12 && contrasts.columns == 6)
        for column in 0..<contrasts.columns {
            var rowSums = [Double](repeating: 0, count: 3)
            var columnSums = [Double](repeating: 0, count: 4)
            for cell in 0..<12 {
                rowSums[cell % 3] += contrasts[cell, column]
                columnSums[cell / 3] += contrasts[cell, column]
            }
            #expect((rowSums + columnSums).allSatisfy { abs($0) < 1e-12 })
        }
        let gram = contrasts.transposed * contrasts
        #expect(gram.diagonal.allSatisfy { $0 > 0.1 })
    }

    @Test("under simple random sampling with equal weights the design effect is n/(n − 1)")
    func simpleRandomSample() throws {
        let rows: [Int32] = [1, 1, 1, 2, 2, 2, 1, 2, 1, 2, 1, 1]
        let columns: [Int32] = [1, 2, 1, 2, 2, 1, 1, 2, 2, 2, 1, 1]
        let dataset = try twoVariableDataset(rows, columns)
        let design = try SurveyDesign(rowCount: rows.count)
        let test = try RaoScottTest.test("r", by: "c", dataset: dataset, design: design, statistic: .chiSquared)
        // With one contrast, Δ is the design effect of the interaction, n/(n − 1) without clustering.
        let n = Double(rows.count)
        #expect(abs(test.meanDesignEffect - n / (n - 1)) < 1e-12)
        #expect(abs(test.value - test.pearsonChiSquared * (n - 1) / n) < 1e-12)
        #expect(test.table.unweightedCounts == [[5, 2], [1, 4]])
    }

    @Test("a variable with one observed category cannot be tested")
    func singleCategory() throws {
        let dataset = try twoVariableDataset([1, 1, 1, 1], [1, 2, 1, 2])
        let design = try SurveyDesign(rowCount: 4)
        #expect(throws: StatisticsError.self) {
            try RaoScottTest.test("r", by: "c", dataset: dataset, design: design)
        }
    }

    private func twoVariableDataset(_ rows: [Int32], _ columns: [Int32]) throws -> Dataset {
        let labels = [ValueLabel(code: 1, label: "en"), ValueLabel(code: 2, label: "to")]
        let codebook = Codebook(variables: [
            Variable(name: "r", label: "R", kind: .singleChoice, valueLabels: labels),
            Variable(name: "c", label: "C", kind: .singleChoice, valueLabels: labels),
        ])
        return try Dataset(codebook: codebook, columns: ["r": .codes(rows), "c": .codes(columns)])
    }
}
