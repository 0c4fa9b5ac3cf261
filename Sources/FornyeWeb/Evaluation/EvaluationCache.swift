import FornyeBarometer
import FornyeStorage
import Synchronization

/// Programme evaluations already computed, so the page, its CSV, the API and the English page
/// of one choice share one computation (seconds) instead of repeating it on every request.
///
/// The key holds everything the numbers depend on: the waves and comparison group asked for,
/// the barometer store's `dataVersion` (a changed or new wave makes older entries unreachable,
/// and the store empties this cache when it notices one) and the programme register's lines
/// (an import changes an evaluation without changing any wave; they are read on every request,
/// one small query). The language is not in the key: the evaluation holds both languages' labels
/// and the pages are rendered from it. At most `capacity` evaluations are kept; when full the
/// cache is emptied and refills with what is asked for.
final class EvaluationCache: Sendable {
    struct Key: Hashable, Sendable {
        var slugs: [String]
        var comparison: ProgrammeComparison
        var dataVersion: Int
        var applications: [ProgrammeApplication]
    }

    private struct State {
        var entries: [Key: ProgrammeEvaluation] = [:]
        var computed = 0
    }

    let capacity: Int
    private let state = Mutex(State())

    init(capacity: Int = 16) {
        self.capacity = capacity
    }

    /// The cached evaluation for `key`, or the one `compute` makes, kept for the next request.
    /// Two first requests at once both compute (rare; the result is the same).
    func evaluation(
        for key: Key, compute: () async throws -> ProgrammeEvaluation
    ) async throws -> ProgrammeEvaluation {
        if let cached = state.withLock({ $0.entries[key] }) { return cached }
        let evaluation = try await compute()
        state.withLock { state in
            if state.entries.count >= capacity { state.entries.removeAll(keepingCapacity: true) }
            state.entries[key] = evaluation
            state.computed += 1
        }
        return evaluation
    }

    func removeAll() {
        state.withLock { $0.entries.removeAll(keepingCapacity: true) }
    }

    /// How many evaluations were computed (cache misses), for tests and metrics.
    var computedCount: Int { state.withLock { $0.computed } }
    var count: Int { state.withLock { $0.entries.count } }
}
