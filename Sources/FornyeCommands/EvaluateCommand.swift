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
        case .json: text = try JSONText.encode(ProgrammeEvaluationJSON(evaluation))
        case .csv: text = CSVTable.write(evaluation.csvRows())
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
        lines.append(ParallelTrends.short)
        lines.append(
            "Kovariater (covariates, from the register): "
                + (evaluation.covariates.isEmpty ? "ingen" : evaluation.covariates.map(\.label).joined(separator: ", "))
                + (evaluation.balanceWithheld.map { "; ingen balansetabell: \($0)" } ?? ""))
        if let balance = evaluation.balance {
            for line in balance.lines {
                lines.append(
                    "  \(line.covariate.label) i \(balance.wave): deltakere \(TextGrid.fixed(line.participantMean, 2)), "
                        + "sammenligning \(TextGrid.fixed(line.comparisonMean, 2)), SMD \(TextGrid.fixed(line.differenceBefore, 2))"
                        + (line.differenceAfter.map { ", etter omvekting \(TextGrid.fixed($0, 2))" } ?? ""))
            }
            if let failed = balance.reweightingFailed {
                lines.append("  omvekting feilet (reweighting failed): \(failed)")
            }
        }
        if let note = evaluation.eventStudyNote { lines.append("Hendelsesstudie (event study): \(note)") }
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
            if let balanced = result.balanced {
                lines.append(
                    "  DiD omvektet (entropy-balanced): \(TextGrid.fixed(balanced.estimate * 100, 1)) pp, \(level) % KI "
                        + "\(TextGrid.fixed(balanced.lower * 100, 1)) til \(TextGrid.fixed(balanced.upper * 100, 1)), "
                        + "p = \(TextGrid.fixed(balanced.pValue, 3))")
            }
            if let study = result.eventStudy {
                for effect in study.effects {
                    lines.append(
                        "  bølge \(effect.wave) (\(effect.relativeWave > 0 ? "+" : "")\(effect.relativeWave) fra \(study.reference)): "
                            + "\(TextGrid.fixed(effect.effect.estimate * 100, 1)) pp, KI \(TextGrid.fixed(effect.effect.lower * 100, 1)) "
                            + "til \(TextGrid.fixed(effect.effect.upper * 100, 1))")
                }
                if let test = study.preTrend {
                    lines.append(
                        "  forhåndstrend (pre-trend test): F = \(TextGrid.fixed(test.f, 2)) på \(test.numeratorDegreesOfFreedom) og "
                            + "\(test.denominatorDegreesOfFreedom) df, p = \(TextGrid.fixed(test.pValue, 3))")
                }
            } else if let withheld = result.eventStudyWithheld {
                lines.append("  hendelsesstudie ikke vist (event study not shown): \(withheld)")
            }
        }
        return lines.joined(separator: "\n")
    }
}
