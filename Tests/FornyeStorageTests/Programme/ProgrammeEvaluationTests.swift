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
}
