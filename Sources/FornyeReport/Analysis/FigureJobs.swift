import Dispatch
import FornyeStatistics
import Synchronization

/// Independent pieces of a report, computed on all cores (`DispatchQueue.concurrentPerform`) and
/// read back by handle, so the report is assembled in its own order whatever order they finished in.
struct FigureJobs {
    struct Handle<Value: Sendable>: Sendable {
        let index: Int
        let name: String
    }

    /// Each job's outcome, a `Result<Value, StatisticsError>` for its handle's `Value`.
    struct Outcomes {
        fileprivate let values: [any Sendable]

        func outcome<Value>(_ handle: Handle<Value>) -> Result<Value, StatisticsError> {
            // The value at a handle's index was made by that handle's job.
            values[handle.index] as! Result<Value, StatisticsError>
        }
    }

    private var work: [@Sendable () -> any Sendable] = []

    mutating func add<Value: Sendable>(
        _ name: String, _ make: @escaping @Sendable () throws(StatisticsError) -> Value
    ) -> Handle<Value> {
        // The workers are threads, not child tasks: each job gets the caller's number language.
        let language = NorwegianFormat.language
        work.append {
            NorwegianFormat.$language.withValue(language) {
                do throws(StatisticsError) {
                    return Result<Value, StatisticsError>.success(try make())
                } catch {
                    return Result<Value, StatisticsError>.failure(error)
                }
            }
        }
        return Handle(index: work.count - 1, name: name)
    }

    func run() -> Outcomes {
        let work = work
        let slots = Mutex<[(any Sendable)?]>(Array(repeating: nil, count: work.count))
        DispatchQueue.concurrentPerform(iterations: work.count) { index in
            let value = work[index]()
            slots.withLock { $0[index] = value }
        }
        return Outcomes(values: slots.withLock { $0.map { $0! } })
    }
}
