import ArgumentParser
import FornyeBarometer
import FornyeFormats
import FornyeStorage
import Foundation

extension ProgrammeCommand {
    /// `fornye programme import FILE [--replace]`.
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import register lines from CSV (, or ;) or XLSX, all or none.",
            discussion: """
                Columns: \(ProgrammeField.allCases.map(\.rawValue).joined(separator: ", ")). \
                Required: kommunenummer or fylkesnummer, utlysning, soknadsdato, status \
                (granted / rejected / not applied, or Tilsagn / Avslag / Ikke søkt). \
                Every problem is reported with its row and column, and nothing is imported until all are fixed.
                """)

        @Argument(help: "A .csv or .xlsx file.") var file: String
        @Flag(help: "Replace the whole register instead of appending to it.") var replace = false
        @Option(help: "The workbook sheet to read (default: the first).") var sheet: String?
        @OptionGroup var storage: StorageOptions

        func run() async throws {
            let url = URL(fileURLWithPath: file)
            let register = try MunicipalityRegister.bundled()
            let lines: [ProgrammeApplication]
            do {
                lines = try ProgrammeTable.applications(
                    try SourceReader.read(url, format: ProgrammeTable.sourceFormat(for: file), sheet: sheet),
                    register: register)
            } catch let error as FormatError {
                throw ValidationError(error.description)
            } catch let error as ProgrammeFileError {
                throw ValidationError(error.description)
            }
            try await withProgramme(storage, register: register) { repository in
                try await repository.importApplications(
                    lines, replace: replace, actor: nil, source: "cli: \(url.lastPathComponent)")
                let synthetic = lines.contains(where: \.synthetic) ? " \(SyntheticLabel.marker)." : ""
                print(
                    "\(file): imported \(lines.count) line(s)\(replace ? ", replacing the register" : "").\(synthetic)")
            }
        }
    }
}
