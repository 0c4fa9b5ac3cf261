import ArgumentParser
import FornyeBarometer
import FornyeFormats
import FornyeStorage
import Foundation

extension ProgrammeCommand {
    /// `fornye programme cases [--themes] [--format text|csv]`.
    struct Cases: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show the interviewed cases, or with --themes their coded themes counted by status group.")

        @Flag(help: "Count the coded themes by status group instead of listing the cases.") var themes = false
        @Option(help: "text or csv (semicolons, for Norwegian Excel).") var format: String = "text"
        @OptionGroup var storage: StorageOptions

        func validate() throws {
            guard ["text", "csv"].contains(format) else { throw ValidationError("--format must be text or csv") }
        }

        func run() async throws {
            try await withProgramme(storage, register: try MunicipalityRegister.bundled()) { repository in
                let cases = try await repository.cases().map(\.record)
                let rows =
                    themes
                    ? InterviewCaseTable.themeRows(ThemeCountTable(cases: cases)) : InterviewCaseTable.rows(cases)
                if format == "csv" {
                    FileHandle.standardOutput.write(Data(CSVTable.writeForExcel(rows).utf8))
                    return
                }
                if cases.contains(where: \.synthetic) { print(SyntheticLabel.bilingual) }
                TextGrid.align(rows).forEach { print($0) }
            }
        }
    }
}
