import ArgumentParser
import FornyeProjectBank
import FornyeStorage
import Foundation

/// `fornye projects`: load and export the project bank.
struct ProjectsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "projects",
        abstract: "Import and export the project bank (docs/PROJECTBANK.md).",
        subcommands: [ImportIPSX.self, Import.self, Export.self, EvalSearchCommand.self, EvalSimilarCommand.self])

    struct ImportIPSX: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import-ipsx",
            abstract: "Import the EU JRC IPS-X cases (cases.csv, EUPL-1.2) as published projects, all or none.")

        @Argument(help: "The IPS-X cases CSV, e.g. ../shared/data/ipsx/ipsx_cases.csv.") var file: String
        @OptionGroup var storage: StorageOptions

        func run() async throws {
            try await importProjects(file: file, storage: storage) { text, name in
                try ProjectImportMapping.ipsx.documents(text, file: name)
            }
        }
    }

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import projects from Fornye's CSV export format or JSON (an array of documents), all or none.")

        @Argument(help: "A .csv or .json file.") var file: String
        @Option(help: "Status of the imported projects: draft or published.") var status: String = "draft"
        @Option(
            help: ArgumentHelp(
                "For another system's CSV, or JSON array of flat objects: a JSON object from Fornye's column to the file's.",
                discussion: #"E.g. {"title": "Prosjektnavn", "summary": "Beskrivelse", "stage": "Fase"}"#,
                valueName: "mapping.json")) var columns: String?
        @OptionGroup var storage: StorageOptions

        func run() async throws {
            guard let status = ProjectStatus(rawValue: status), [.draft, .published].contains(status) else {
                throw ValidationError("--status must be draft or published")
            }
            var mapping = ProjectImportMapping.fornyeCSV
            if let columns {
                let names: [String: String]
                do {
                    names = try JSONDecoder().decode(
                        [String: String].self, from: Data(contentsOf: URL(fileURLWithPath: columns)))
                } catch {
                    throw ValidationError(
                        "\(columns): not a JSON object of column names (\(error.localizedDescription))")
                }
                do {
                    mapping = try ProjectImportMapping.renamed(names)
                } catch {
                    throw ValidationError("\(columns): \(error.description)")
                }
            }
            let mapped = columns != nil
            try await importProjects(file: file, storage: storage, status: status) { text, name in
                switch (name.hasSuffix(".json"), mapped) {
                case (true, true): try mapping.documents(json: Data(text.utf8), file: name)
                case (true, false): try ProjectJSONImport.documents(Data(text.utf8), file: name)
                case (false, _): try mapping.documents(text, file: name)
                }
            }
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Write the published projects as CSV or JSON.")

        @Option(help: "csv, excel-csv (byte order mark and semicolons, as Norwegian Excel opens it) or json.")
        var format: String = "csv"
        @Option(help: "Output file; standard output if left out.") var output: String?
        @OptionGroup var storage: StorageOptions

        func run() async throws {
            guard ["csv", "excel-csv", "json"].contains(format) else {
                throw ValidationError("--format must be csv, excel-csv or json")
            }
            let runtime = try StorageRuntime(configuration: try storage.configuration())
            do {
                try await runtime.migrate()
                let records = try await ProjectRepository(database: runtime.database).list(statuses: [.published])
                let attachments = try await ProjectAttachmentStore(database: runtime.database).list(projects: records)
                let data =
                    format == "json"
                    ? try ProjectExport.json(records, attachments: attachments)
                    : Data(
                        try ProjectExport.csv(records, attachments: attachments, forExcel: format == "excel-csv").utf8)
                if let output {
                    try data.write(to: URL(fileURLWithPath: output))
                } else {
                    FileHandle.standardOutput.write(data)
                }
            } catch {
                await runtime.shutdown()
                throw error
            }
            await runtime.shutdown()
        }
    }
}

private func importProjects(
    file: String, storage: StorageOptions, status: ProjectStatus = .published,
    parse: (String, String) throws -> [ProjectDocument]
) async throws {
    let url = URL(fileURLWithPath: file)
    let text: String
    do {
        text = try String(contentsOf: url, encoding: .utf8)
    } catch {
        throw ValidationError("\(file): cannot read as UTF-8 text (\(error.localizedDescription))")
    }
    let documents: [ProjectDocument]
    do {
        documents = try parse(text, url.lastPathComponent)
    } catch let error as ProjectError {
        throw ValidationError(error.description)
    }
    let runtime = try StorageRuntime(configuration: try storage.configuration())
    do {
        try await runtime.migrate()
        try await ProjectRepository(database: runtime.database).createAll(documents, by: .importer, status: status)
        print("\(file): imported \(documents.count) project(s) as \(status.rawValue).")
    } catch {
        await runtime.shutdown()
        if let error = error as? ProjectError { throw ValidationError(error.description) }
        throw error
    }
    await runtime.shutdown()
}
