import ArgumentParser
import FornyeBarometer
import FornyeFormats
import FornyeStorage
import Foundation

extension ProgrammeCommand {
    /// `fornye programme list [--status] [--municipality]`.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show the register lines as a table.")

        @Option(help: "granted, rejected or not_applied.") var status: String?
        @Option(help: "Only this kommunenummer.") var municipality: String?
        @OptionGroup var storage: StorageOptions

        func run() async throws {
            let filter = try ProgrammeCommand.filter(status: status, municipality: municipality)
            let register = try MunicipalityRegister.bundled()
            try await withProgramme(storage, register: register) { repository in
                let lines = try await repository.list(filter).map(\.application)
                guard !lines.isEmpty else {
                    print("The programme register has no lines\(filter == ProgrammeFilter() ? "" : " that match").")
                    return
                }
                var rows = ProgrammeTable.rows(lines, register: register)
                // The call and the synthetic flag repeat on every line; the terminal shows them once.
                // The status leads, as the one column never empty (TextGrid trims a line's leading blanks).
                let keep = [5] + rows[0].indices.filter { ![3, 5, 10].contains($0) }
                rows = rows.map { row in keep.map { row[$0] } }
                if lines.contains(where: \.synthetic) { print(SyntheticLabel.bilingual) }
                for call in Set(lines.map(\.call)).sorted() { print("utlysning: \(call)") }
                TextGrid.align(rows).forEach { print($0) }
                let counts = ProgrammeStatus.allCases.map { status in
                    "\(status.label) \(lines.filter { $0.status == status }.count)"
                }
                print("\(lines.count) line(s): " + counts.joined(separator: ", "))
            }
        }
    }
}
