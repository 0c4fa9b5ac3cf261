import ArgumentParser
import FornyeFormats
import FornyeStatistics
import Foundation

/// The variance choice shared by the commands that estimate: Taylor linearisation (none of
/// these options), replicate weights made from the design, or replicate weights read from
/// columns of the data file. Making and reading are the library's (`ReplicateRecipe`,
/// `ReplicateColumns`, `ReplicateSpecification`); these options only translate.
struct ReplicateOptions: ParsableArguments {
    @Option(
        help: """
            Standard errors from replicate weights made from the design: jackknife (JK1, or JKn with strata), \
            bootstrap (Rao–Wu), brr or fay. Without it (and --replicate-columns): Taylor linearisation.
            """)
    var replicateType: ReplicateRecipe.Kind?
    @Option(help: "Bootstrap replicates (2–1000; R's default 50).") var replicates = ReplicateRecipe.defaultCount
    @Option(help: "Seed of the bootstrap's draws, so that a run can be repeated.") var seed: UInt64 = 1
    @Option(help: "Fay's rho, strictly between 0 and 1.") var fayRho = 0.5
    @Option(
        help: """
            Read replicate weights from the data's columns PREFIX1, PREFIX2, … (e.g. repw_ for repw_1 … repw_80), \
            with --replicate-spec, or with --replicate-method and --replicate-scale.
            """)
    var replicateColumns: String?
    @Option(help: "The JSON file fornye weight wrote beside the replicate columns (method, scale, rscales, df).")
    var replicateSpec: String?
    @Option(
        help: "With --replicate-columns and no spec: the method, JK1, JKn, bootstrap, subbootstrap, BRR, Fay or other.")
    var replicateMethod: ReplicateWeights.Method?
    @Option(help: "With --replicate-columns and no spec: R's scale of the variance (each rscale is 1).")
    var replicateScale: Double?

    var isReplicated: Bool { replicateType != nil || replicateColumns != nil }

    func validate() throws {
        if replicateType != nil, replicateColumns != nil {
            throw ValidationError(
                "give --replicate-type (make replicate weights) or --replicate-columns (read them), not both")
        }
        if replicateColumns != nil {
            guard replicateSpec != nil || (replicateMethod != nil && replicateScale != nil) else {
                throw ValidationError(
                    "--replicate-columns needs --replicate-spec FILE, or --replicate-method and --replicate-scale")
            }
        } else if replicateSpec != nil || replicateMethod != nil || replicateScale != nil {
            throw ValidationError(
                "--replicate-spec, --replicate-method and --replicate-scale apply to --replicate-columns")
        }
        if let replicateScale, !(replicateScale > 0 && replicateScale.isFinite) {
            throw ValidationError("--replicate-scale must be a positive number, not \(replicateScale)")
        }
        _ = try recipe()
    }

    /// The recipe of --replicate-type, nil without it.
    func recipe() throws -> ReplicateRecipe? {
        guard let replicateType else { return nil }
        do {
            return try ReplicateRecipe(kind: replicateType, count: replicates, seed: seed, fayRho: fayRho)
        } catch {
            throw ValidationError(error.description)
        }
    }

    /// The replicate weights of the loaded survey's design (made, or read from its columns), nil
    /// for Taylor linearisation.
    func weights(for survey: LoadedSurvey) throws -> ReplicateWeights? {
        if let recipe = try recipe() { return try recipe.make(from: survey.design) }
        guard let columns = survey.replicateColumns else { return nil }
        if let replicateSpec {
            return try ReplicateSpecification.read(URL(fileURLWithPath: replicateSpec)).weights(columns)
        }
        guard let replicateMethod, let replicateScale else { return nil }
        return try ReplicateWeights(method: replicateMethod, replicates: columns, scale: replicateScale)
    }
}
