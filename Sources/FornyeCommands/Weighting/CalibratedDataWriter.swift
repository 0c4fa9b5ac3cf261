import FornyeFormats
import FornyeStatistics
import Foundation
import Yams

/// Writes calibrated data so that they read back as they were written: the data file (CSV, or
/// SPSS when its name ends in .sav) with the new weights as a numeric variable, and beside it the
/// codebook extended by that variable (and by the design weight, when it was a column outside
/// the codebook).
///
/// The data reader accepts only columns that the codebook or the design options name, so a
/// file with the old and the new weights as loose columns could not be read with either alone.
struct CalibratedDataWriter {
    let survey: LoadedSurvey
    let design: DesignOptions
    let weightColumn: String
    let weightLabel: String

    /// Writes the CSV and its codebook; with `replicates`, their weights as numeric variables
    /// `prefix1` … `prefixR` and their specification beside the CSV (`<csv>.replicates.json`).
    func write(
        weights: [Double], csv: URL, codebook codebookURL: URL,
        replicates: (weights: ReplicateWeights, prefix: String)? = nil
    ) throws {
        let source = survey.loaded.source
        var codebook = survey.codebook
        var columns: [String: Column] = [:]
        for variable in codebook.variables {
            columns[variable.name] = try survey.dataset.column(named: variable.name)
        }
        var extraNames = survey.loaded.extraColumns.keys.sorted {
            (source.columns[$0] ?? 0) < (source.columns[$1] ?? 0)
        }
        let otherRoles = [design.strata, design.cluster, design.fpc].compactMap { $0 }
        if let weight = design.weight, codebook.variable(named: weight) == nil, !otherRoles.contains(weight) {
            codebook.variables.append(
                Variable(name: weight, label: "Design weight before calibration", kind: .numeric))
            columns[weight] = .numbers(survey.design.weights)
            extraNames.removeAll { $0 == weight }
        }
        codebook.variables.append(Variable(name: weightColumn, label: weightLabel, kind: .numeric))
        columns[weightColumn] = .numbers(weights)
        if let (replicateWeights, prefix) = replicates {
            for (index, replicate) in replicateWeights.replicates.enumerated() {
                let name = "\(prefix)\(index + 1)"
                codebook.variables.removeAll { $0.name == name }
                codebook.variables.append(
                    Variable(
                        name: name, label: "Replicate weight \(index + 1) (\(replicateWeights.method.rawValue))",
                        kind: .numeric))
                columns[name] = .numbers(replicate)
                extraNames.removeAll { $0 == name }
            }
            let specification = ReplicateSpecification(
                replicateWeights, prefix: prefix, synthetic: survey.codebook.synthetic)
            try specification.encoded().write(to: Self.specificationURL(csv: csv), options: .atomic)
        }
        let extras = extraNames.map { name -> (name: String, values: [String]) in
            let values = survey.loaded.extraColumns[name] ?? []
            // The file is written with "." before decimals, whatever the input used.
            guard name == design.fpc, source.decimalSeparator == .comma else { return (name, values) }
            return (name, values.map { $0.replacingOccurrences(of: ",", with: ".") })
        }
        if DatasetFileFormat.of(csv) == .sav {
            try writeSAV(
                codebook: codebook, columns: columns, extras: extras, to: csv, codebook: codebookURL,
                replicates: replicates.map {
                    ReplicateSpecification($0.weights, prefix: $0.prefix, synthetic: survey.codebook.synthetic)
                })
            return
        }
        let dataset = try Dataset(codebook: codebook, columns: columns)
        try DatasetCSVWriter.write(dataset, extraColumns: extras, to: csv, codebookURL: codebookURL)
    }

    /// The same data as an SPSS file: the design columns outside the codebook (strata, clusters,
    /// fpc) become numeric variables (text when a value is not a number), and replicate columns
    /// are labelled with their method, scale and rscale (`ReplicateSpecification.annotate`). The
    /// codebook is written beside it too, as for CSV.
    private func writeSAV(
        codebook: Codebook, columns: [String: Column], extras: [(name: String, values: [String])], to url: URL,
        codebook codebookURL: URL, replicates: ReplicateSpecification?
    ) throws {
        var codebook = codebook
        var columns = columns
        for (name, values) in extras {
            let numbers = values.map { $0.isEmpty ? Double.nan : Double($0) }
            if numbers.allSatisfy({ $0 != nil }) {
                codebook.variables.append(Variable(name: name, label: name, kind: .numeric))
                columns[name] = .numbers(numbers.map { $0! })
            } else {
                codebook.variables.append(Variable(name: name, label: name, kind: .text))
                columns[name] = .texts(values.map { $0.isEmpty ? nil : $0 })
            }
        }
        let dataset = try Dataset(codebook: codebook, columns: columns)
        var file = try SAVDatasetMapping.file(from: dataset)
        try replicates?.annotate(&file)
        try SAVWriter.write(file, to: url)
        try YAMLEncoder().encode(dataset.codebook).write(to: codebookURL, atomically: true, encoding: .utf8)
    }

    /// Where the replicate specification of a written CSV goes.
    static func specificationURL(csv: URL) -> URL {
        csv.deletingPathExtension().appendingPathExtension("replicates.json")
    }
}
