import ArgumentParser
import FornyeBarometer
import FornyeFormats
import FornyeStorage
import Foundation

/// `fornye programme`: the programme register of issue 14 (who applied to which call, and what
/// came of it), imported from CSV/XLSX, listed and exported. Every change and export is audited.
struct ProgrammeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "programme",
        abstract: "Import, list and export the programme register (applications: granted, rejected, not applied).",
        subcommands: [Import.self, List.self, Export.self, Cases.self])

    static func filter(status: String?, municipality: String?) throws -> ProgrammeFilter {
        var filter = ProgrammeFilter(municipalityNumber: municipality)
        if let status {
            guard let parsed = ProgrammeStatus(text: status) else {
                throw ValidationError("--status must be granted, rejected or not_applied")
            }
            filter.status = parsed
        }
        return filter
    }
}

/// Opens the database, migrates it, and runs `body` on the register; storage refusals become
/// messages without a stack of types.
func withProgramme(
    _ storage: StorageOptions, register: MunicipalityRegister, _ body: (ProgrammeRepository) async throws -> Void
) async throws {
    let runtime = try StorageRuntime(configuration: try storage.configuration())
    do {
        try await runtime.migrate()
        try await body(ProgrammeRepository(database: runtime.database, register: register))
    } catch {
        await runtime.shutdown()
        if let error = error as? ProgrammeStorageError { throw ValidationError(error.description) }
        throw error
    }
    await runtime.shutdown()
}
