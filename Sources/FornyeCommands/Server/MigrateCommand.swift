import ArgumentParser
import FornyeStorage

struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Create or update the database schema (the numbered migrations not yet run).",
        discussion: "`fornye serve` runs the same migrations at start; run this to update the schema separately.")

    @OptionGroup var storage: StorageOptions

    func run() async throws {
        let configuration = try storage.configuration()
        let runtime = try StorageRuntime(configuration: configuration)
        do {
            let ran = try await runtime.migrate()
            print(
                ran.isEmpty
                    ? "\(configuration.displayName): the schema is up to date."
                    : "\(configuration.displayName): ran \(ran.count) migration(s): \(ran.joined(separator: ", ")).")
        } catch {
            await runtime.shutdown()
            throw error
        }
        await runtime.shutdown()
    }
}
