import ArgumentParser
import Testing

@testable import FornyeCommands

@Suite("fornye command")
struct FornyeCommandTests {
    @Test("the root command explains itself")
    func rootHelp() {
        #expect(FornyeCommand.helpMessage().contains("Norwegian municipalities"))
    }
}
