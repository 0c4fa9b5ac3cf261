import ArgumentParser
import FornyeBarometer
import FornyeFormats
import FornyeStorage
import Foundation

extension ProgrammeCommand {
    /// `fornye programme export [--format csv|xlsx|json] [--output FILE]`.
    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the register as CSV (semicolons, for Norwegian Excel), XLSX or JSON.")

        @Option(help: "csv, xlsx or json.") var format: String = "csv"
        @Option(help: "Output file; standard output if left out (not for xlsx).") var output: String?
        @OptionGroup var storage: StorageOptions

        func validate() throws {
            guard ["csv", "xlsx", "json"].contains(format) else {
                throw ValidationError("--format must be csv, xlsx or json")
            }
            if format == "xlsx", output == nil { throw ValidationError("--format xlsx needs --output FILE") }
        }

        func run() async throws {
            let register = try MunicipalityRegister.bundled()
            try await withProgramme(storage, register: register) { repository in
                let lines = try await repository.export(format: format, actor: nil)
                let data: Data
                switch format {
                case "xlsx": data = try ProgrammeTable.xlsx(lines, register: register)
                case "json": data = Data((try ProgrammeJSONExport.text(lines) + "\n").utf8)
                default: data = Data(ProgrammeTable.csv(lines, register: register).utf8)
                }
                if let output {
                    try data.write(to: URL(fileURLWithPath: output))
                    let synthetic = lines.contains(where: \.synthetic) ? " (\(SyntheticLabel.marker))" : ""
                    print("\(output): wrote \(lines.count) line(s)\(synthetic).")
                } else {
                    FileHandle.standardOutput.write(data)
                }
            }
        }
    }
}

/// The register as JSON: the lines, and the synthetic label when any line is synthetic.
enum ProgrammeJSONExport {
    struct Document: Encodable {
        var label: String?
        var applications: [ProgrammeApplication]
    }

    static func text(_ lines: [ProgrammeApplication]) throws -> String {
        try JSONText.encode(
            Document(
                label: lines.contains(where: \.synthetic) ? SyntheticLabel.bilingual : nil, applications: lines))
    }
}
