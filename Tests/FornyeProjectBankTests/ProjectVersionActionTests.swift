import FornyeProjectBank
import Testing

@Suite struct ProjectVersionActionTests {
    @Test func everyActionHasTwoLabelsAndAUniqueCodeThatReadsBack() {
        let all = ProjectVersionAction.all
        #expect(all.count == 6 + ProjectStatus.allCases.count)
        #expect(Set(all.map(\.code)).count == all.count)
        #expect(Set(all.map(\.labels.nb)).count == all.count)
        #expect(Set(all.map(\.labels.en)).count == all.count)
        for action in all {
            #expect(ProjectVersionAction(code: action.code) == action)
            #expect(!action.labels.nb.isEmpty && !action.labels.en.isEmpty)
            #expect(!action.labels.nb.contains(":") && !action.labels.en.contains(":"))
        }
        #expect(ProjectVersionAction(code: "status.submitted") == nil)
    }
}
