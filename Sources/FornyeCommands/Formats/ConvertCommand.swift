import ArgumentParser
import FornyeBarometer
import FornyeFormats
import FornyeStatistics
import Foundation

/// `fornye convert`: one dataset file format to another.
struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert a dataset between CSV, Excel (.xlsx), SPSS (.sav) and JSON.",
        discussion: """
            The format follows the file extension. A CSV file comes with its codebook: by default the
            YAML file beside it (survey.csv → survey.codebook.yaml); an Excel workbook needs --codebook.
            SPSS and JSON files carry their own codebook.

            What is kept: variable names and labels (bokmål, and English where the format has room),
            value labels, "vet ikke" / "ikke relevant" codes as SPSS user-missing values, multiple-choice
            questions as SPSS multiple-dichotomy sets, and the synthetic-data label.

            Text that Excel would run as a formula (starting with = + - @) is written with a leading '
            in CSV and as a plain string cell in Excel.

            Examples:
              fornye convert --from bolge2018.csv --to bolge2018.sav
              fornye convert --from bolge2018.sav --to bolge2018.xlsx
            """
    )

    @Option(name: .customLong("from"), help: "The dataset to read (.csv, .xlsx, .sav, .json).") var source: String
    @Option(name: .customLong("to"), help: "The file to write (.csv, .xlsx, .sav, .json).") var target: String
    @Option(help: "Codebook (YAML or JSON) for a CSV or Excel input.") var codebook: String?
    @Flag(help: "Write an SPSS file without bytecode compression (.sav to .sav copies only).") var uncompressed = false

    func run() throws {
        let input = URL(fileURLWithPath: source)
        let output = URL(fileURLWithPath: target)
        guard DatasetFileFormat.of(output) != nil else {
            throw ValidationError("--to must end in .csv, .xlsx, .sav or .json")
        }
        if DatasetFileFormat.of(input) == .sav, DatasetFileFormat.of(output) == .sav {
            try DatasetExport.copySAV(from: input, to: output, compressed: !uncompressed)
            print("Copied \(input.path) to \(output.path) (\(uncompressed ? "uncompressed" : "compressed"))")
            return
        }
        let codebookValue = try codebook.map { try CodebookReader.read(contentsOf: URL(fileURLWithPath: $0)) }
        let dataset = try DatasetExport.read(input, codebook: codebookValue)
        try DatasetExport.write(dataset, to: output)
        var message =
            "Wrote \(dataset.rowCount) rows and \(dataset.codebook.variables.count) variables to \(output.path)"
        if DatasetFileFormat.of(output) == .csv {
            message += " (codebook: \(DatasetExport.codebookURL(for: output).path))"
        }
        if dataset.codebook.synthetic { message += ". \(SyntheticLabel.marker): the output is labelled synthetic." }
        print(message)
    }
}
