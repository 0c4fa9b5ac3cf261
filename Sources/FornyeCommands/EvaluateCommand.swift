import ArgumentParser
import FornyeBarometer
import FornyeFormats
import FornyeStatistics
import FornyeStorage
import Foundation

/// `fornye evaluate`: issue 14's difference-in-differences of the hypothesis indicators between
/// two stored waves, participants in the programme against a chosen comparison group (the
/// analysis is `ProgrammeEvaluation`'s; this file only formats it).
struct EvaluateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract:
            "Difference-in-differences of H1–H3 between stored waves: programme participants vs a comparison group.",
        discussion: """
            Participants: municipalities with a granted application whose project started before the \
            last wave's structure date. Comparison: rejected (rejected applicants, none granted), \
            not_applied, or others (every municipality not granted). Kommunenummer are carried across \
            mergers to the last wave's structure; municipalities are the clusters that link the waves. \
            A DiD with a cell below the minimum base is withheld. See docs/EVALUATION.md.
            """)

    static let parallelTrends =
        "Forutsetning (assumption): parallelle trender – uten programmet ville deltakerne ha endret seg som sammenligningsgruppen; dette kan ikke testes med to bølger."

    @Option(help: "Stored wave slugs in time order, comma-separated (the first is the baseline).")
    var waves = "\(DemoContent.baselineSlug),\(DemoContent.followUpSlug)"
    @Option(help: "Comparison group: rejected, not_applied or others.") var comparison = "rejected"
    @Option(help: "Output format: text, json or csv.") var format: EvaluationFormat = .text
    @Option(help: "Confidence level of the intervals.") var level = 0.95
    @Option(help: "Write to this file instead of standard output.") var output: String?
    @Flag(
        help: "Store the synthetic demo waves and register first when the database has none (as `fornye serve` does).")
    var seedDemo = false
    @OptionGroup var storage: StorageOptions

    enum EvaluationFormat: String, ExpressibleByArgument, CaseIterable { case text, json, csv }

    func validate() throws {
        guard level > 0 && level < 1 else { throw ValidationError("--level must be between 0 and 1, e.g. 0.95") }
        guard ProgrammeComparison(rawValue: comparison) != nil else {
            throw ValidationError("--comparison must be rejected, not_applied or others")
        }
        guard slugs.count >= 2 else { throw ValidationError("--waves needs two or more slugs, e.g. 2018-x,2020-x") }
    }

    var slugs: [String] {
        waves.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    func run() async throws {
        let runtime = try StorageRuntime(configuration: try storage.configuration())
        let evaluation: ProgrammeEvaluation
        do {
            try await runtime.migrate()
            if seedDemo {
                try await DemoContent.seedIfEmpty(runtime.database)
                try await ProgrammeDemoContent.seedIfEmpty(runtime.database)
            }
            evaluation = try await ProgrammeEvaluation.evaluate(
                waves: slugs, comparison: ProgrammeComparison(rawValue: comparison) ?? .rejected,
                database: runtime.database,
                register: try MunicipalityRegister.bundled(), level: level)
        } catch {
            await runtime.shutdown()
            if let error = error as? ProgrammeEvaluationError { throw ValidationError(error.description) }
            if let error = error as? StorageError { throw ValidationError(error.description) }
            throw error
        }
        await runtime.shutdown()
        let text: String
        switch format {
        case .text: text = Self.text(evaluation)
        case .json: text = try JSONText.encode(EvaluationJSON(evaluation))
        case .csv: text = CSVTable.write(Self.csvRows(evaluation))
        }
        if let output {
            try Data(text.utf8).write(to: URL(fileURLWithPath: output))
            print("\(output): wrote the evaluation\(evaluation.synthetic ? " (\(SyntheticLabel.marker))" : "").")
        } else {
            print(text, terminator: text.hasSuffix("\n") ? "" : "\n")
        }
    }

    /// Percent with one decimal.
    static func percent(_ value: Double?) -> String { value.map { TextGrid.fixed($0 * 100, 1) } ?? "" }

    static func text(_ evaluation: ProgrammeEvaluation) -> String {
        var lines: [String] = []
        if evaluation.synthetic { lines.append(SyntheticLabel.bilingual) }
        let slugs = evaluation.waves.map(\.slug)
        lines.append("Programmeevaluering (programme evaluation): \(slugs.joined(separator: " → "))")
        lines.append(
            "Deltakere (participants): \(evaluation.participants.count) kommuner med tilsagn og prosjektstart før \(evaluation.structureDate)"
        )
        lines.append(
            "Sammenligningsgruppe (comparison): \(evaluation.comparison.label), \(evaluation.comparisonMunicipalities.count) kommuner med svar"
        )
        lines.append(
            "Kommunestruktur \(evaluation.structureDate); svar utenfor begge grupper eller uten kommunenummer: \(evaluation.responsesLeftOut); registerlinjer ikke ført over: \(evaluation.registerLinesLeftOut)"
        )
        lines.append(parallelTrends)
        let level = Int((evaluation.confidenceLevel * 100).rounded())
        for result in evaluation.results {
            lines.append("")
            lines.append("\(result.indicator.name): \(result.indicator.measure)")
            if !result.cells.isEmpty {
                var rows = [["gruppe (group)", "bølge (wave)", "andel %", "n", "kommuner"]]
                for cell in result.cells {
                    rows.append([
                        cell.participant ? "deltakere" : "sammenligning", cell.wave, percent(cell.share),
                        String(cell.responses), String(cell.municipalities),
                    ])
                }
                lines += TextGrid.align(rows).map { "  " + $0 }
            }
            if let effect = result.difference?.effect {
                lines.append(
                    "  DiD \(TextGrid.fixed(effect.estimate * 100, 1)) prosentpoeng (pp), \(level) % KI "
                        + "\(TextGrid.fixed(effect.lower * 100, 1)) til \(TextGrid.fixed(effect.upper * 100, 1)), "
                        + "p = \(TextGrid.fixed(effect.pValue, 3)), df \(effect.degreesOfFreedom)")
            } else {
                lines.append("  DiD ikke vist (not shown): \(result.withheld ?? "")")
            }
        }
        return lines.joined(separator: "\n")
    }

    static func csvRows(_ evaluation: ProgrammeEvaluation) -> [[String]] {
        var header = ["indicator", "name", "comparison", "before", "after"]
        for cell in ["participants_before", "participants_after", "comparison_before", "comparison_after"] {
            header += ["\(cell)_percent", "\(cell)_n", "\(cell)_municipalities"]
        }
        header += ["did_pp", "ci_lower_pp", "ci_upper_pp", "p_value", "df", "confidence_level", "withheld"]
        if evaluation.synthetic { header.append("datakilde") }
        var rows = [header]
        for result in evaluation.results {
            var row = [
                result.indicator.id, result.indicator.name, evaluation.comparison.rawValue,
                evaluation.waves.first?.slug ?? "", evaluation.waves.last?.slug ?? "",
            ]
            for cell in result.cells.count == 4 ? result.cells : [] {
                row += [percent(cell.share), String(cell.responses), String(cell.municipalities)]
            }
            if result.cells.count != 4 { row += [String](repeating: "", count: 12) }
            let effect = result.difference?.effect
            row += [
                effect.map { TextGrid.fixed($0.estimate * 100, 2) } ?? "",
                effect.map { TextGrid.fixed($0.lower * 100, 2) } ?? "",
                effect.map { TextGrid.fixed($0.upper * 100, 2) } ?? "",
                effect.map { TextGrid.fixed($0.pValue, 4) } ?? "", effect.map { String($0.degreesOfFreedom) } ?? "",
                String(evaluation.confidenceLevel), result.withheld ?? "",
            ]
            if evaluation.synthetic { row.append(SyntheticLabel.marker) }
            rows.append(row)
        }
        return rows
    }
}

/// The JSON of `fornye evaluate`: shares and differences in percent and percentage points, as the
/// text shows them; numbers that do not exist are left out.
struct EvaluationJSON: Encodable {
    struct Cell: Encodable {
        var group: String
        var wave: String
        var sharePercent: Double?
        var responses: Int
        var municipalities: Int
    }

    struct Indicator: Encodable {
        var id: String
        var name: String
        var measure: String
        var cells: [Cell]
        var didPercentagePoints: Double?
        var standardErrorPercentagePoints: Double?
        var lowerPercentagePoints: Double?
        var upperPercentagePoints: Double?
        var pValue: Double?
        var degreesOfFreedom: Int?
        var municipalitiesInBothWaves: Int?
        var withheld: String?
    }

    var label: String?
    var synthetic: Bool
    var waves: [ProgrammeEvaluation.Wave]
    var comparison: String
    var comparisonLabel: String
    var structureDate: String
    var participants: [String]
    var comparisonMunicipalities: [String]
    var responsesLeftOut: Int
    var registerLinesLeftOut: Int
    var minimumBaseCount: Int
    var confidenceLevel: Double
    var assumption: String
    var indicators: [Indicator]

    init(_ evaluation: ProgrammeEvaluation) {
        label = evaluation.synthetic ? SyntheticLabel.bilingual : nil
        synthetic = evaluation.synthetic
        waves = evaluation.waves
        comparison = evaluation.comparison.rawValue
        comparisonLabel = evaluation.comparison.label
        structureDate = evaluation.structureDate
        participants = evaluation.participants
        comparisonMunicipalities = evaluation.comparisonMunicipalities
        responsesLeftOut = evaluation.responsesLeftOut
        registerLinesLeftOut = evaluation.registerLinesLeftOut
        minimumBaseCount = evaluation.minimumBaseCount
        confidenceLevel = evaluation.confidenceLevel
        assumption = EvaluateCommand.parallelTrends
        indicators = evaluation.results.map { result in
            let effect = result.difference?.effect
            return Indicator(
                id: result.indicator.id, name: result.indicator.name, measure: result.indicator.measure,
                cells: result.cells.map { cell in
                    Cell(
                        group: cell.participant ? "participants" : "comparison", wave: cell.wave,
                        sharePercent: cell.share.flatMap { finite($0 * 100) }, responses: cell.responses,
                        municipalities: cell.municipalities)
                }, didPercentagePoints: effect.flatMap { finite($0.estimate * 100) },
                standardErrorPercentagePoints: effect.flatMap { finite($0.standardError * 100) },
                lowerPercentagePoints: effect.flatMap { finite($0.lower * 100) },
                upperPercentagePoints: effect.flatMap { finite($0.upper * 100) },
                pValue: effect.flatMap { finite($0.pValue) }, degreesOfFreedom: effect?.degreesOfFreedom,
                municipalitiesInBothWaves: result.difference?.sharedClusters, withheld: result.withheld)
        }
    }
}
