public import FornyeStatistics
public import Foundation

/// What replicate weight columns need beside them to give variances: the method, R's `scale`
/// and `rscales`, `mse` and the degrees of freedom. `fornye weight --replicate-type` writes it as
/// JSON next to the data (`<output>.replicates.json`); `--replicate-spec` reads it back. The
/// same numbers are R's `svrepdesign(repweights = "repw_[0-9]+", type =, scale =, rscales =)`.
public struct ReplicateSpecification: Codable, Sendable, Equatable {
    public var method: ReplicateWeights.Method
    /// The column prefix: the columns are `prefix1` … `prefixR`.
    public var prefix: String
    public var count: Int
    public var scale: Double
    public var rscales: [Double]
    public var mse: Bool
    public var degreesOfFreedom: Int
    public var synthetic: Bool

    public init(_ replicates: ReplicateWeights, prefix: String, synthetic: Bool) {
        method = replicates.method
        self.prefix = prefix
        count = replicates.count
        scale = replicates.scale
        rscales = replicates.rscales
        mse = replicates.mse
        degreesOfFreedom = replicates.degreesOfFreedom
        self.synthetic = synthetic
    }

    /// Reads a specification file; errors name it.
    public static func read(_ url: URL) throws(FormatError) -> ReplicateSpecification {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw .unreadableFile(file: url.path, reason: error.localizedDescription)
        }
        do {
            return try JSONDecoder().decode(ReplicateSpecification.self, from: data)
        } catch {
            throw .located(FileLocation(file: url.path), "not a replicate specification: \(error)")
        }
    }

    /// The JSON text written beside the data.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return try encoder.encode(self)
    }

    /// The replicate weights of `columns`, which must be as many as the specification says.
    public func weights(_ columns: [[Double]]) throws(StatisticsError) -> ReplicateWeights {
        guard columns.count == count else {
            throw .invalidArgument(
                "the specification lists \(count) replicates, the data have \(columns.count) columns")
        }
        return try ReplicateWeights(
            method: method, replicates: columns, scale: scale, rscales: rscales, mse: mse,
            degreesOfFreedom: degreesOfFreedom)
    }
}
