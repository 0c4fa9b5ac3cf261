import Testing

@testable import FornyeStatistics

/// `ReplicateEngine` sums fixed chunks of rows on all cores and adds them in chunk order: the
/// numbers must be bit for bit the same whatever the number of threads, equal to 1e-12 for any
/// chunk size (only the order of additions changes), and equal to the replicate variance worked
/// out the long way, one whole estimation per replicate.
@Suite("Replicate variances in chunks and threads")
struct ReplicateChunkingTests {
    static let survey = try! RandomSurvey(rows: 600, seed: 11)
    static let breakdownSets = [[], ["region"], ["region", "sector"]]

    /// Rao–Wu bootstrap of the stratified rows and JK1-style jackknife of the clustered design.
    static func cases() throws -> [(name: String, design: SurveyDesign, replicates: ReplicateWeights)] {
        let stratified = try survey.design(clustered: false)
        let clustered = try survey.design(clustered: true)
        return [
            ("bootstrap", stratified, try ReplicateWeights.bootstrap(stratified, replicates: 20, seed: 3)),
            ("jackknife", clustered, try ReplicateWeights.jackknife(clustered)),
        ]
    }

    /// Every kind of table the replicate pass serves: shares (its fast path), means, totals and
    /// both multiple-response kinds (its general path, with values and denominators).
    static func tables(_ estimator: Estimator) throws -> [EstimateTable] {
        try estimator.sharesTables(of: "answer", byEach: breakdownSets)
            + estimator.measurementTables(.mean, of: "amount", byEach: breakdownSets)
            + estimator.measurementTables(.total, of: "amount", byEach: breakdownSets)
            + estimator.multipleResponseTables("options", kind: .shareOfRespondents, byEach: breakdownSets)
            + estimator.multipleResponseTables("options", kind: .shareOfResponses, byEach: breakdownSets)
    }

    static func numbers(_ cell: EstimateCell) -> [Double] {
        [
            cell.estimate, cell.standardError, cell.lower, cell.upper, cell.weightedBase,
            cell.designEffect ?? .nan,
        ]
    }

    /// The tables with the replicate pass cut and shared as given.
    static func tables(
        _ design: SurveyDesign, _ replicates: ReplicateWeights, rows: Int, workers: Int?, partialBytes: Int = 1 << 26
    ) throws -> [EstimateTable] {
        let chunking = ReplicateEngine.Chunking(rows: rows, workers: workers, partialBytes: partialBytes)
        return try ReplicateEngine.$chunking.withValue(chunking) {
            try tables(Estimator(dataset: survey.dataset, design: design, replicates: replicates))
        }
    }

    @Test("the same bits with one, two, three, five or Dispatch's threads", arguments: [7, 64, 1 << 14])
    func threadsDoNotMatter(chunkRows: Int) throws {
        for (name, design, replicates) in try Self.cases() {
            let serial = try Self.tables(design, replicates, rows: chunkRows, workers: 1)
            for workers in [2, 3, 5, nil] {
                let threaded = try Self.tables(design, replicates, rows: chunkRows, workers: workers)
                #expect(threaded.count == serial.count)
                for (a, b) in zip(threaded, serial) {
                    for (x, y) in zip(a.cells, b.cells) {
                        let place = "\(name), \(chunkRows) rows, \(String(describing: workers)) workers: \(x.domain)"
                        #expect(x.baseCount == y.baseCount && x.cellCount == y.cellCount, "\(place)")
                        for (u, v) in zip(Self.numbers(x), Self.numbers(y)) {
                            #expect(u.bitPattern == v.bitPattern, "\(place): \(u) against \(v)")
                        }
                    }
                }
            }
        }
    }

    @Test("any chunk size, including one forced by the memory bound, agrees to 1e-12")
    func chunkSizesAgree() throws {
        for (name, design, replicates) in try Self.cases() {
            let whole = try Self.tables(design, replicates, rows: 1_000_000, workers: 1)
            // A bound of one byte leaves room for a single chunk, whatever the rows asked for.
            let variants: [(rows: Int, workers: Int?, partialBytes: Int)] = [
                (1, nil, 1 << 26), (7, nil, 1 << 26), (64, 2, 1 << 26), (7, nil, 1),
            ]
            for variant in variants {
                let chunked = try Self.tables(
                    design, replicates, rows: variant.rows, workers: variant.workers, partialBytes: variant.partialBytes
                )
                #expect(chunked.count == whole.count)
                for (a, b) in zip(chunked, whole) {
                    for (x, y) in zip(a.cells, b.cells) {
                        let place = "\(name), \(variant): \(a.variable) \(x.domain)"
                        #expect(x.baseCount == y.baseCount && x.cellCount == y.cellCount, "\(place)")
                        #expect(x.degreesOfFreedom == y.degreesOfFreedom && x.flags == y.flags, "\(place)")
                        for (u, v) in zip(Self.numbers(x), Self.numbers(y)) where !(u.isNaN && v.isNaN) {
                            #expect(abs(u - v) <= 1e-12 * max(abs(u), abs(v)), "\(place): \(u) against \(v)")
                        }
                    }
                }
            }
        }
    }

    @Test("each SE is the spread of whole estimations with every replicate's weights")
    func agreesWithOneEstimationPerReplicate() throws {
        for (name, design, replicates) in try Self.cases() {
            let tables = try Self.tables(design, replicates, rows: 64, workers: nil)
            let full = try Self.tables(Estimator(dataset: Self.survey.dataset, design: design))
            let perReplicate = try (0..<replicates.count).map { replicate in
                try Self.tables(
                    Estimator(dataset: Self.survey.dataset, design: design.reweighted(replicates.replicate(replicate))))
            }
            for (tableIndex, table) in tables.enumerated() {
                for (cellIndex, cell) in table.cells.enumerated() {
                    let place = "\(name): \(table.kind) \(table.variable) \(cell.domain) \(cellIndex)"
                    let taylor = full[tableIndex].cells[cellIndex]
                    // The point estimates and counts come from the replicate pass too now.
                    #expect(cell.baseCount == taylor.baseCount && cell.cellCount == taylor.cellCount, "\(place)")
                    for (u, v) in [(cell.estimate, taylor.estimate), (cell.weightedBase, taylor.weightedBase)]
                    where !(u.isNaN && v.isNaN) {
                        #expect(abs(u - v) <= 1e-12 * max(abs(u), abs(v)), "\(place): \(u) against \(v)")
                    }
                    guard cell.baseCount > 0 else { continue }
                    let estimates = perReplicate.map { $0[tableIndex].cells[cellIndex].estimate }
                    let expected = replicates.variance(full: cell.estimate, replicateEstimates: estimates).squareRoot()
                    #expect(
                        abs(cell.standardError - expected) <= 1e-10 * max(expected, 1e-300),
                        "\(place): SE \(cell.standardError) against \(expected)")
                }
            }
        }
    }

    @Test("a replicate design does not consult the lonely-PSU rule, as R's svrepdesign does not")
    func lonelyPSUIsNotConsulted() throws {
        // Stratum b has one PSU: linearisation under `fail` refuses it; the replicates carry the design.
        let design = try SurveyDesign(rowCount: 4, weights: [1, 2, 3, 4], strata: ["a", "a", "a", "b"])
        let y = [2.0, 5, 7, 11]
        let dataset = try Dataset(
            codebook: Codebook(variables: [Variable(name: "y", label: "y", kind: .numeric)]),
            columns: ["y": .numbers(y)])
        let given: [[Double]] = [[0, 3, 4.5, 4], [1.5, 0, 4.5, 4], [1.5, 3, 0, 4], [1, 2, 3, 0]]
        let replicates = try ReplicateWeights(method: .jk1, replicates: given, scale: 3.0 / 4)
        #expect(throws: StatisticsError.self) { try Estimator(dataset: dataset, design: design).means(of: "y") }
        let cell = try Estimator(dataset: dataset, design: design, replicates: replicates).means(of: "y").cells[0]
        let mean = { (w: [Double]) in zip(w, y).reduce(0) { $0 + $1.0 * $1.1 } / w.reduce(0, +) }
        let expected = replicates.variance(full: mean(design.weights), replicateEstimates: given.map(mean)).squareRoot()
        #expect(abs(cell.estimate - mean(design.weights)) <= 1e-14)
        #expect(abs(cell.standardError - expected) <= 1e-14 * expected)
        #expect(cell.degreesOfFreedom == 3)
    }
}
