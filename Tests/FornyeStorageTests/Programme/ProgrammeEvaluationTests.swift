import FluentKit
import FornyeBarometer
import FornyeStatistics
import FornyeTestSupport
import Foundation
import Testing

@testable import FornyeStorage

@Suite struct ProgrammeEvaluationTests {
    @Test(arguments: TestDatabase.all)
    func theDemoWavesAndRegisterGiveADiDOfTheFourCells(database: TestDatabase) async throws {
        try await database.withRuntime { runtime in
            try await DemoContent.seedIfEmpty(runtime.database)
            try await ProgrammeDemoContent.seedIfEmpty(runtime.database)
            let register = try MunicipalityRegister.bundled()
            let lines = try await ProgrammeRepository(database: runtime.database, register: register).list()
                .map(\.application)
            func carried(_ status: ProgrammeStatus) -> Set<String> {
                Set(
                    lines.filter { $0.status == status }.compactMap {
                        $0.applicant(inStructureOf: 2020, register: register).number
                    })
            }
            var evaluations: [ProgrammeComparison: ProgrammeEvaluation] = [:]
            for comparison in ProgrammeComparison.allCases {
                evaluations[comparison] = try await ProgrammeEvaluation.evaluate(
                    waves: [DemoContent.baselineSlug, DemoContent.followUpSlug], comparison: comparison,
                    database: runtime.database, register: register)
            }
            let rejected = try #require(evaluations[.rejected])
            #expect(rejected.synthetic && rejected.structureDate == "2020-01-01")
            #expect(Set(rejected.participants) == carried(.granted) && rejected.participants.count == 18)
            #expect(Set(rejected.comparisonMunicipalities) == carried(.rejected))
            #expect(Set(try #require(evaluations[.notApplied]).comparisonMunicipalities) == carried(.notApplied))
            let others = try #require(evaluations[.others])
            #expect(others.comparisonMunicipalities.count > carried(.rejected).count + carried(.notApplied).count)
            #expect(rejected.results.map(\.indicator.id) == ["H1", "H2", "H3"])

            for evaluation in evaluations.values {
                let h1 = try #require(evaluation.results.first)
                let did = try #require(h1.difference, "\(h1.withheld ?? "")")
                #expect(h1.cells.allSatisfy { $0.responses >= evaluation.minimumBaseCount && $0.municipalities > 0 })
                #expect(h1.cells.filter(\.participant).allSatisfy { $0.municipalities <= 18 })
                let shares = h1.cells.map { $0.share ?? .nan }
                #expect(abs(did.effect.estimate - ((shares[1] - shares[0]) - (shares[3] - shares[2]))) < 1e-12)
                #expect(did.participantBefore.rows == h1.cells[0].responses)
                #expect(did.effect.lower < did.effect.estimate && did.effect.estimate < did.effect.upper)
                #expect(did.sharedClusters > 0)
            }
            // Another comparison group changes the comparison cells, not the participants'.
            let h1Rejected = rejected.results[0].cells
            let h1Others = others.results[0].cells
            #expect(h1Rejected[0].responses == h1Others[0].responses)
            #expect(h1Rejected[2].responses < h1Others[2].responses)
            #expect(rejected.responsesLeftOut > others.responsesLeftOut)
        }
    }

    @Test func aCellBelowTheMinimumBaseWithholdsTheDiDAndSaysWhy() throws {
        let (baseline, followUp) = try DemoContent.generated.get()
        let register = try MunicipalityRegister.bundled()
        let lines = try ProgrammeDemoContent.generated.get()
        let waves = [baseline, followUp].map { wave in
            StoredWave(
                slug: "\(wave.structureDate.year)", title: "t", shortTitle: "t",
                structureDate: wave.structureDate.description, dataset: wave.dataset, weights: wave.design.weights)
        }
        let evaluation = try ProgrammeEvaluation.evaluate(
            waves: waves, applications: lines, comparison: .rejected, register: register,
            rules: DisclosureRules(minimumCellCount: 5, minimumBaseCount: 100_000))
        #expect(
            evaluation.results.allSatisfy { $0.difference == nil && $0.withheld?.contains("fewer than 100000") == true }
        )
        #expect(evaluation.results.allSatisfy { $0.cells.allSatisfy { $0.share == nil } })
        #expect(throws: ProgrammeEvaluationError.self) {
            try ProgrammeEvaluation.evaluate(
                waves: waves.reversed(), applications: lines, comparison: .rejected, register: register)
        }
    }

    @Test func balanceAndReweightingUseTheRegistersCovariates() throws {
        let (baseline, followUp) = try DemoContent.generated.get()
        let register = try MunicipalityRegister.bundled()
        let lines = try ProgrammeDemoContent.generated.get()
        let waves = [baseline, followUp].map { wave in
            StoredWave(
                slug: "\(wave.structureDate.year)", title: "t", shortTitle: "t",
                structureDate: wave.structureDate.description, dataset: wave.dataset, weights: wave.design.weights)
        }
        let evaluation = try ProgrammeEvaluation.evaluate(
            waves: waves, applications: lines, comparison: .others, register: register)
        #expect(evaluation.covariates == ProgrammeCovariate.all && evaluation.covariatesLeftOut.isEmpty)
        let balance = try #require(evaluation.balance, "\(evaluation.balanceWithheld ?? "")")
        #expect(balance.wave == "2018" && balance.lines.count == 2 && balance.reweightingFailed == nil)
        for line in balance.lines {
            // Entropy balancing makes the comparison group's means the participants'.
            #expect(abs((line.comparisonMeanAfter ?? .nan) - line.participantMean) < 1e-6)
            #expect(abs(line.differenceAfter ?? .nan) < 1e-6)
        }
        for result in evaluation.results {
            let balanced = try #require(result.balanced)
            #expect(balanced.lower < balanced.estimate && balanced.estimate < balanced.upper)
            #expect(result.eventStudy == nil && result.eventStudyWithheld == nil)
        }
        #expect(evaluation.eventReference == nil && evaluation.eventStudyNote?.contains("three or more") == true)
    }

    @Test func threeWavesGiveAnEventStudyWithAPreTrendTest() throws {
        let (baseline, followUp) = try DemoContent.generated.get()
        let register = try MunicipalityRegister.bundled()
        let lines = try ProgrammeDemoContent.generated.get()
        // A second pre-programme wave: the baseline's answers under other weights (synthetic).
        let reweighted = baseline.design.weights.enumerated().map { $1 * (1 + 0.5 * sin(Double($0))) }
        let waves = [
            StoredWave(
                slug: "a", title: "a", shortTitle: "a", structureDate: baseline.structureDate.description,
                dataset: baseline.dataset, weights: baseline.design.weights),
            StoredWave(
                slug: "b", title: "b", shortTitle: "b", structureDate: baseline.structureDate.description,
                dataset: baseline.dataset, weights: reweighted),
            StoredWave(
                slug: "c", title: "c", shortTitle: "c", structureDate: followUp.structureDate.description,
                dataset: followUp.dataset, weights: followUp.design.weights),
        ]
        let starts = lines.filter { $0.status == .granted }.compactMap(\.projectStart)
        try #require(starts.allSatisfy { $0 > baseline.structureDate })
        let evaluation = try ProgrammeEvaluation.evaluate(
            waves: waves, applications: lines, comparison: .others, register: register)
        #expect(evaluation.eventReference == "b" && evaluation.eventStudyNote == nil)
        for result in evaluation.results {
            let study = try #require(result.eventStudy, "\(result.eventStudyWithheld ?? "")")
            #expect(study.reference == "b" && study.effects.map(\.relativeWave) == [-1, 1])
            #expect(study.effects.map(\.wave) == ["a", "c"])
            let test = try #require(study.preTrend)
            #expect(test.numeratorDegreesOfFreedom == 1 && test.pValue >= 0 && test.pValue <= 1)
            // One tested effect: F is its t statistic squared.
            let before = study.effects[0].effect
            #expect(abs(test.f - before.tStatistic * before.tStatistic) < 1e-6 * max(1, test.f))
        }
    }
}
