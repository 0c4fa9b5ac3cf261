import Testing

@testable import FornyeStatistics

@Suite("Difference-in-differences and event studies against R svyglm")
struct DifferenceInDifferencesTests {
    let golden = EvaluationGolden.shared

    static func check(_ actual: PanelCell, _ expected: EvaluationGolden.Cell, _ what: String) {
        #expect(actual.wave == expected.wave && actual.participant == expected.participant, "\(what) cell")
        expectClose(actual.estimate, expected.estimate, "\(what) estimate")
        expectClose(actual.standardError, expected.standardError, "\(what) SE")
        #expect(actual.rows == expected.rows, "\(what) rows")
        expectClose(actual.weightedCount, expected.weightedCount, "\(what) Σw")
    }

    static func check(_ actual: PanelContrast, _ expected: EvaluationGolden.Contrast, _ what: String) {
        expectClose(actual.estimate, expected.estimate, "\(what) estimate")
        expectClose(actual.standardError, expected.standardError, "\(what) SE")
        #expect(actual.degreesOfFreedom == expected.degreesOfFreedom, "\(what) df")
        expectClose(actual.tStatistic, expected.t, "\(what) t")
        expectClose(actual.pValue, expected.pValue, "\(what) p")
        expectClose(actual.lower, expected.lower, "\(what) lower")
        expectClose(actual.upper, expected.upper, "\(what) upper")
    }

    static func check(_ result: DifferenceInDifferences, _ expected: EvaluationGolden.DiD) {
        let what = "\(expected.design) \(expected.outcome) \(expected.before)→\(expected.after)"
        check(result.participantBefore, expected.participantBefore, "\(what) participants before")
        check(result.participantAfter, expected.participantAfter, "\(what) participants after")
        check(result.comparisonBefore, expected.comparisonBefore, "\(what) comparison before")
        check(result.comparisonAfter, expected.comparisonAfter, "\(what) comparison after")
        check(result.participantChange, expected.participantChange, "\(what) participants' change")
        check(result.comparisonChange, expected.comparisonChange, "\(what) comparison change")
        check(result.effect, expected.effect, "\(what) DiD")
    }

    @Test("the DiD, the four cells and the two changes agree with svyglm(y ~ period * group) + svycontrast")
    func didMatchesR() throws {
        #expect(golden.synthetic)
        #expect(golden.differenceInDifferences.count == 6)
        for expected in golden.differenceInDifferences {
            let panel = try golden.panel(expected.design)
            let result = try DifferenceInDifferences.estimate(
                .mean, of: expected.outcome, panel: panel, before: expected.before, after: expected.after,
                level: expected.level)
            Self.check(result, expected)
            #expect(result.linked == (expected.design != "unlinked"))
            #expect((result.sharedClusters > 0) == result.linked)
        }
    }

    @Test("effects by wave and the pre-trend test agree with svyglm and regTermTest")
    func eventStudyMatchesR() throws {
        #expect(golden.eventStudies.count == 6)
        for expected in golden.eventStudies {
            let what = "\(expected.design) \(expected.outcome) reference \(expected.reference)"
            let study = try EventStudy.estimate(
                .mean, of: expected.outcome, panel: golden.panel(expected.design), reference: expected.reference,
                level: expected.level)
            #expect(study.effects.map(\.wave) == expected.effects.map(\.wave), "\(what) waves")
            for (effect, reference) in zip(study.effects, expected.effects) {
                Self.check(effect.contrast, reference.contrast, "\(what) wave \(effect.wave)")
            }
            let preTrend = try #require(study.preTrend, "\(what) pre-trend")
            let expectedTest = try #require(expected.preTrend)
            expectClose(preTrend.chiSquared, expectedTest.chiSquared, "\(what) Wald χ²")
            expectClose(preTrend.f, expectedTest.f, "\(what) F")
            #expect(preTrend.numeratorDegreesOfFreedom == expectedTest.ndf, "\(what) ndf")
            #expect(preTrend.denominatorDegreesOfFreedom == expectedTest.ddf, "\(what) ddf")
            expectClose(preTrend.pValue, expectedTest.pValue, "\(what) p")
        }
    }

    @Test("an event study on two waves is the DiD; its relative waves count waves, not years")
    func eventStudyOnTwoWavesIsTheDiD() throws {
        let panel = try golden.panel("linkedStratified")
        let did = try DifferenceInDifferences.estimate(.mean, of: "y", panel: panel, before: 2020, after: 2022)
        let study = try EventStudy.estimate(.mean, of: "y", panel: panel, reference: 2020, waves: [2020, 2022])
        #expect(study.preTrend == nil)
        #expect(study.effects.count == 1)
        expectClose(study.effects[0].contrast.estimate, did.effect.estimate, relative: 1e-12, "estimate")
        expectClose(study.effects[0].contrast.standardError, did.effect.standardError, relative: 1e-12, "SE")
        let full = try EventStudy.estimate(.mean, of: "y", panel: panel, reference: 2020)
        #expect(full.effects.map(\.relativeWave) == [-1, 1, 2])
    }

    @Test("linking changes the standard error but not the estimate")
    func linkingMatters() throws {
        let linked = try DifferenceInDifferences.estimate(
            .mean, of: "score", panel: golden.panel("linkedStratified"), before: 2018, after: 2024)
        let unlinked = try DifferenceInDifferences.estimate(
            .mean, of: "score", panel: golden.panel("unlinked"), before: 2018, after: 2024)
        expectClose(linked.effect.estimate, unlinked.effect.estimate, relative: 1e-12, "estimate")
        #expect(abs(linked.effect.standardError - unlinked.effect.standardError) > 1e-3 * unlinked.effect.standardError)
        #expect(!unlinked.linked && unlinked.sharedClusters == 0)
    }

    @Test("the share of a category of a coded outcome is the mean of its 0/1 indicator")
    func shareOfCategory() throws {
        let base = try golden.dataset
        let regions = try base.codes(of: "region")
        let dataset = try base.adding([
            (
                Variable(name: "region3", label: "Region 3", kind: .multipleChoiceItem),
                .codes(regions.map { $0 == 3 ? 1 : 0 })
            )
        ])
        let panel = try EvaluationPanel(
            dataset: dataset, wave: "wave", group: "group", participantCodes: [1], cluster: "kommune",
            strata: "stratum", weight: "w")
        let share = try DifferenceInDifferences.estimate(
            .share(category: 3), of: "region", panel: panel, before: 2018, after: 2024)
        let mean = try DifferenceInDifferences.estimate(.mean, of: "region3", panel: panel, before: 2018, after: 2024)
        expectClose(share.effect.estimate, mean.effect.estimate, relative: 1e-12, absolute: 1e-14, "estimate")
        expectClose(share.effect.standardError, mean.effect.standardError, relative: 1e-12, "SE")
        #expect(share.participantBefore.rows == mean.participantBefore.rows)
    }
}
