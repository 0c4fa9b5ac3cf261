public import ArgumentParser
import FornyeBarometer
import FornyeFormats
import FornyeStatistics
import Foundation

/// A survey read for one command: the codebook, the data with their design columns, and the design.
struct LoadedSurvey {
    let codebook: Codebook
    let loaded: LoadedData
    let design: SurveyDesign
    /// The codebook file, for messages that name where a variable should have been.
    let codebookFile: String
    /// Replicate weights read from the data's columns (`--replicate-columns`), one array per column.
    let replicateColumns: [[Double]]?

    var dataset: Dataset { loaded.dataset }

    /// Reads a CSV data file and its codebook and builds the design the options describe. Every
    /// refusal names the file, and for a bad cell its line and field.
    ///
    /// - Parameter replicateColumns: The prefix of replicate weight columns to read as well.
    init(data: String, codebook: String, design options: DesignOptions, replicateColumns prefix: String? = nil) throws {
        let codebookValue = try CodebookReader.read(contentsOf: URL(fileURLWithPath: codebook))
        let specification = options.specification
        let replicateNames = try prefix.map {
            try ReplicateColumns.names(prefix: $0, inCSV: URL(fileURLWithPath: data))
        }
        let loaded = try DatasetReader.read(
            csv: URL(fileURLWithPath: data), codebook: codebookValue,
            extraColumns: specification.extraColumns(for: codebookValue)
                + (replicateNames ?? []).filter { codebookValue.variable(named: $0) == nil },
            options: CSVOptions(decimalSeparator: options.decimal.separator))
        self.codebook = codebookValue
        self.loaded = loaded
        self.design = try specification.design(for: loaded)
        self.codebookFile = codebook
        self.replicateColumns = try replicateNames.map { try ReplicateColumns.weights($0, in: loaded) }
    }

    /// Runs an analysis, turning a refused data value (reported by 1-based row and variable)
    /// into an error naming the file, line and field.
    func locatingErrors<T>(_ analysis: () throws -> T) throws -> T {
        do {
            return try analysis()
        } catch let error as StatisticsError {
            if case .invalidValue(let variable, let row, let message) = error, loaded.source.columns[variable] != nil {
                throw loaded.source.error(row: row - 1, column: variable, message)
            }
            throw error
        }
    }

    /// One line describing the design, printed above text output.
    var designSummary: String {
        "Design: \(design.rowCount) rows, \(design.stratumCount) strata, \(design.psuCount) PSUs, "
            + "\(design.degreesOfFreedom) df, Kish deff \(String(format: "%.3f", design.kishDesignEffect))"
    }

    /// The banner every text output on generated data starts with.
    var syntheticBanner: [String] { codebook.synthetic ? [SyntheticLabel.bilingual] : [] }

    /// A codebook variable, or an error naming the option that gave it and the codebook searched.
    func variable(_ name: String, option: String) throws -> Variable {
        guard let variable = codebook.variable(named: name) else {
            throw InputError("\(option) \(name): no such variable in \(codebookFile)")
        }
        return variable
    }

    /// A coded variable (single choice, ordinal or multiple-choice item), or an error saying why not.
    func codedVariable(_ name: String, option: String) throws -> Variable {
        let variable = try variable(name, option: option)
        guard variable.kind.isCoded else {
            throw InputError(
                "\(option) \(name): \(name) is \(variable.kind.rawValue), not a coded variable (single choice, ordinal or multiple-choice item)"
            )
        }
        return variable
    }
}

/// A problem with the input found after the options were parsed: an unknown variable, a code
/// that is not a category. Unlike `ValidationError` it prints without the usage text.
struct InputError: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) { self.description = description }
}

/// Design options shared by every command that estimates.
struct DesignOptions: ParsableArguments {
    @Option(help: "Column of sampling weights (inverse inclusion probabilities); unweighted if absent.")
    var weight: String?
    @Option(help: "Column of strata.") var strata: String?
    @Option(help: "Column of first-stage clusters (PSUs), read within strata.") var cluster: String?
    @Option(
        help: "Column of the finite population correction: stratum population size in PSUs, or sampling fraction (≤ 1)."
    )
    var fpc: String?
    @Option(
        help:
            "Strata with one PSU: fail, remove, adjust (centre at the grand mean), average, certainty (R's survey.lonely.psu)."
    )
    var lonelyPSU: LonelyPSUPolicy = .fail
    @Option(
        help:
            "Separator before decimals in the data: auto (',' when fields are separated by ';', '.' otherwise), period or comma."
    )
    var decimal: DecimalChoice = .auto

    var specification: DesignSpecification {
        DesignSpecification(weight: weight, strata: strata, cluster: cluster, fpc: fpc, lonelyPSU: lonelyPSU)
    }
}

/// Which missing codes count as answers, for the commands that test and model.
struct MissingOptions: ParsableArguments {
    @Flag(help: "Count \"vet ikke\" codes as a category instead of missing.") var includeDontKnow = false
    @Flag(help: "Count \"ikke relevant\" codes as a category instead of missing.") var includeNotApplicable = false

    var policy: MissingPolicy {
        MissingPolicy(includeDontKnow: includeDontKnow, includeNotApplicable: includeNotApplicable)
    }
}

/// `--decimal`: the decimal separator of a data file, for `;` files written with `.` decimals.
enum DecimalChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, period, comma

    var separator: CSVOptions.DecimalSeparator {
        switch self {
        case .auto: .automatic
        case .period: .period
        case .comma: .comma
        }
    }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

extension IntervalMethod: ExpressibleByArgument {}
extension CalibrationFunction: ExpressibleByArgument {}
extension DesignEffectReference: ExpressibleByArgument {}
extension LonelyPSUPolicy: ExpressibleByArgument {}
extension MultipleResponseBase: ExpressibleByArgument {}
extension ReplicateRecipe.Kind: ExpressibleByArgument {}
extension ReplicateWeights.Method: ExpressibleByArgument {}
