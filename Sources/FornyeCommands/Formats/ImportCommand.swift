import ArgumentParser
import FornyeBarometer
import FornyeFormats
import FornyeStatistics
import Foundation

/// `fornye import`: response files from survey tools, through a saved mapping.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Check and preview response files from SurveyXact, LimeSurvey, Kobo, SPSS or CSV.",
        discussion: """
            A mapping (YAML) says which column answers which question, how to recode values, which
            columns hold the options of a multiple-choice question, and which columns to ignore. Save it
            with the data: the next wave from the same tool imports the same way.

            preview  shows the first rows as they would be stored and every problem found.
            check    checks every row; exits with status 1 and a list of problems (file, sheet, row,
                     column, question, value, what was expected) if any row is bad. With --output it
                     writes the responses as a dataset (.csv, .xlsx, .sav, .json). Nothing is written
                     unless every row is good.
            """,
        subcommands: [Preview.self, Check.self]
    )

    struct Options: ParsableArguments {
        @Option(help: "The response file (.csv, .xlsx, .sav).") var file: String
        @Option(help: "The mapping (YAML).") var mapping: String
        @Option(help: "The instrument (YAML); default: the bundled Innovasjonsbarometer 2018.") var instrument: String?
        @Option(
            help:
                "The kind of file: csv, limesurvey, kobo, surveyxact, sav, xlsx; default from the mapping or extension."
        )
        var format: String?
        @Option(help: "The sheet to read in a workbook.") var sheet: String?

        func load() throws -> (SourceTable, ImportMapping, Instrument) {
            let mappingValue = try ImportMapping.read(contentsOf: URL(fileURLWithPath: mapping))
            let instrumentValue =
                try instrument.map { try InstrumentFile.read(contentsOf: URL(fileURLWithPath: $0)) }
                ?? Instrument.innovasjonsbarometer2018
            var sourceFormat = mappingValue.format
            if let format {
                guard let chosen = SourceFormat(rawValue: format) else {
                    throw ValidationError(
                        "--format must be one of " + SourceFormat.allCases.map(\.rawValue).joined(separator: ", "))
                }
                sourceFormat = chosen
            }
            let table = try SourceReader.read(
                URL(fileURLWithPath: file), format: sourceFormat, sheet: sheet ?? mappingValue.sheet)
            return (table, mappingValue, instrumentValue)
        }
    }

    struct Preview: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show the first rows as they would be stored, and every problem.")

        @OptionGroup var options: Options
        @Option(help: "Rows to show.") var rows = 10

        func run() throws {
            let (table, mapping, instrument) = try options.load()
            let preview = ResponseImporter.preview(table, mapping: mapping, instrument: instrument, rows: rows)
            print("\(table.file)\(table.sheet.map { ", sheet \"\($0)\"" } ?? ""): \(preview.rowCount) rows")
            print("Columns → questions:")
            for binding in preview.bindings { print("  \(binding.column) → \(binding.variable)") }
            if !preview.ignored.isEmpty { print("Ignored: " + preview.ignored.joined(separator: ", ")) }
            let questions = Array(
                Set(preview.bindings.map { $0.variable.split(separator: "[").first.map(String.init) ?? $0.variable })
            )
            .sorted()
            for (index, row) in preview.rows.enumerated() {
                print(
                    "Row \(table.rowNumbers[index]): "
                        + questions.compactMap { name in
                            row[name].flatMap { $0.isEmpty ? nil : "\(name)=\($0)" }
                        }.joined(separator: "; "))
            }
            if preview.problems.isEmpty {
                print("No problems: every row can be imported.")
            } else {
                print(
                    "\(preview.problems.count)\(preview.problemsTruncated ? "+" : "") problem(s); nothing would be imported:"
                )
                for problem in preview.problems { print("  " + problem.description) }
                throw ExitCode(1)
            }
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check every row; with --output, write the responses as a dataset.")

        @OptionGroup var options: Options
        @Option(help: "Write the imported responses here (.csv, .xlsx, .sav, .json).") var output: String?

        func run() throws {
            let (table, mapping, instrument) = try options.load()
            let imported: ImportedResponses
            do {
                imported = try ResponseImporter.run(table, mapping: mapping, instrument: instrument)
            } catch {
                FileHandle.standardError.write(Data((error.description + "\n").utf8))
                throw ExitCode(1)
            }
            print("\(table.file): all \(imported.answers.count) rows are good.")
            if let output {
                try DatasetExport.write(imported.dataset, to: URL(fileURLWithPath: output))
                print("Wrote \(output)")
            }
        }
    }
}
