import FornyeStatistics
import FornyeTestRandom
import Testing

@testable import FornyeBarometer

/// Team mode's rules: nothing below five members, no question fewer than five answered, the
/// members' shares and quartiles counted from their answers, and codes without look-alikes.
@Suite struct SelfTestTeamTests {
    static let profile = SelfTestProfile(sector: 2, unitType: 4)

    static func member(_ index: Int) -> AnswerSet {
        var answers = SelfTestAnalysisTests.innovator
        // Members differ: leadership 1…5 in turn, the first two also chose trigger 5.
        answers["factor_leadership"] = .code(index % 5 + 1)
        if index < 2 { answers["trigger"] = .codes([2, 5, 11]) }
        return answers
    }

    @Test func fourMembersShowNothingFiveShowTheTeam() throws {
        let analysis = try SelfTestAnalysisTests.analysis()
        let four = (0..<4).map(Self.member)
        #expect(
            try analysis.teamResult(four, profile: Self.profile, scope: .unitType, waveTitle: "t", synthetic: true)
                == nil)
        let five = (0..<5).map(Self.member)
        let result = try #require(
            try analysis.teamResult(five, profile: Self.profile, scope: .unitType, waveTitle: "t", synthetic: true))
        #expect(result.memberCount == 5)
        let trigger5 = try #require(result.options.first { $0.question == "trigger" && $0.code == 5 })
        #expect(trigger5.chosenBy == 2 && trigger5.answered == 5)
        let trigger2 = try #require(result.options.first { $0.question == "trigger" && $0.code == 2 })
        #expect(trigger2.chosenBy == 5)
        // The peers' and the nation's shares are the single test's: the same engine and control.
        let single = try analysis.result(
            Self.member(0), profile: Self.profile, scope: .unitType, waveTitle: "t", synthetic: true)
        let singleTrigger2 = try #require(single.options.first { $0.question == "trigger" && $0.code == 2 })
        #expect(trigger2.peers == singleTrigger2.peers && trigger2.national == singleTrigger2.national)
        // Leadership answers 1, 2, 3, 4, 5: quartiles by the engine's rule.
        let leadership = try #require(result.factors.first { $0.question == "factor_leadership" })
        #expect(leadership.memberQuartiles == [2, 3, 4])
        #expect(leadership.answered == 5)
    }

    @Test func questionsFewerThanFiveAnsweredAreLeftOut() throws {
        let analysis = try SelfTestAnalysisTests.analysis()
        var members = (0..<5).map(Self.member)
        // Two members did not innovate: the "newest innovation" questions are routed past for them.
        for index in 0..<2 {
            members[index] = [
                "innovated_service": .code(2), "innovated_product": .code(2), "innovated_organisation": .code(2),
                "innovated_communication": .code(2), "development_underway": .code(1),
            ]
        }
        let result = try #require(
            try analysis.teamResult(members, profile: Self.profile, scope: .unitType, waveTitle: "t", synthetic: true))
        #expect(!result.options.contains { $0.question == "trigger" })
        #expect(result.factors.isEmpty)
        #expect(result.options.allSatisfy { $0.answered >= SelfTestTeamResult.minimumMembers })
        #expect(result.options.contains { $0.question == "innovated_service" && $0.chosenBy == 3 })
    }

    @Test func codesUseOnlyUnambiguousCharactersAndReadBackAsTyped() {
        var generator = SeededGenerator(seed: 16)
        for _ in 0..<200 {
            let code = TeamCode.generate(using: &generator)
            #expect(code.count == TeamCode.length)
            #expect(code.allSatisfy(TeamCode.alphabet.contains))
            #expect(!code.contains { "0O1IL2Z5S6G8B".contains($0) })
            let typed = code.prefix(3).lowercased() + " - " + code.dropFirst(3)
            #expect(TeamCode.normalized(typed) == code)
        }
        #expect(TeamCode.normalized("ACD47") == nil)
        #expect(TeamCode.normalized("ACD4O7") == nil)
        #expect(TeamCode.normalized(String(repeating: " ", count: 40) + "ACD479") == nil)
    }
}
