import FornyeProjectBank
import Testing

@Suite struct ProjectWorkflowTests {
    @Test func workflowTable() {
        let oslo = ProjectActor.editor(municipality: "0301")
        #expect(ProjectWorkflow.targets(for: oslo, from: .draft, owner: "0301") == [.submitted])
        #expect(ProjectWorkflow.targets(for: oslo, from: .draft, owner: "4601").isEmpty)
        #expect(ProjectWorkflow.targets(for: .admin, from: .submitted, owner: nil) == [.draft, .published])
        #expect(ProjectWorkflow.targets(for: .admin, from: .archived, owner: nil) == [.draft])
        for status in ProjectStatus.allCases {
            #expect(!ProjectWorkflow.isAllowed(from: status, to: status))
        }
        #expect(ProjectWorkflow.mayEdit(oslo, status: .draft, owner: "0301"))
        #expect(!ProjectWorkflow.mayEdit(oslo, status: .published, owner: "0301"))
        #expect(!ProjectWorkflow.mayCreate(oslo, owner: "4601"))
    }
}
