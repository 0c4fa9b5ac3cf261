import ArgumentParser

@testable import FornyeCommands

/// Parses and runs `fornye ARGUMENTS` as the executable would.
func runFornye(_ arguments: [String]) async throws {
    var command = try FornyeCommand.parseAsRoot(arguments)
    if var asyncCommand = command as? any AsyncParsableCommand {
        try await asyncCommand.run()
    } else {
        try command.run()
    }
}
