import FornyeBarometer
import FornyeStatistics
import Testing

@Suite struct SyntheticProgrammeRegisterTests {
    @Test func theDemoRegisterIsSyntheticValidAndInBothWaves() throws {
        let register = try MunicipalityRegister.bundled()
        let baseline = try SyntheticBarometer.baseline2018()
        let followUp = try SyntheticBarometer.followUp2020()
        let lines = try SyntheticProgrammeRegister.generate(baseline: baseline, followUp: followUp, register: register)
        #expect(lines.count == 54)
        let byStatus = Dictionary(grouping: lines, by: \.status).mapValues(\.count)
        #expect(byStatus == [.granted: 18, .rejected: 12, .notApplied: 24])
        #expect(lines.allSatisfy { $0.synthetic && $0.call.contains(SyntheticLabel.marker) })
        #expect(Set(lines.compactMap(\.municipalityNumber)).count == 54)
        for line in lines {
            #expect(ProgrammeRules.problems(of: line, register: register).isEmpty, "\(line)")
        }
        func numbers(_ wave: SyntheticWave) throws -> Set<String> {
            guard case .texts(let values) = try wave.dataset.column(named: "kommunenummer") else { return [] }
            return Set(values.compactMap { $0 })
        }
        let before = try numbers(baseline)
        let after = try numbers(followUp)
        for line in lines {
            #expect(before.contains(line.municipalityNumber!))
            let carried = line.applicant(inStructureOf: 2020, register: register).number
            #expect(carried.map(after.contains) == true)
        }
        // The same seed gives the same register.
        #expect(
            try SyntheticProgrammeRegister.generate(baseline: baseline, followUp: followUp, register: register) == lines
        )
    }
}
