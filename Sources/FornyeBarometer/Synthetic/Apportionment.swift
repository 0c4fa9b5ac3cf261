/// Turning real-valued targets into exact integer counts, so that the generator can build the
/// report's counts exactly and its shares to the nearest respondent.
enum Apportionment {
    /// Splits `total` in proportion to `weights` by largest remainders (Hamilton's method); ties
    /// go to the earlier position. Zero weights get zero.
    static func largestRemainder(_ total: Int, weights: [Double]) -> [Int] {
        let sum = weights.reduce(0, +)
        guard total > 0, sum > 0 else { return weights.map { _ in 0 } }
        let quotas = weights.map { Double(total) * $0 / sum }
        var counts = quotas.map { Int($0.rounded(.down)) }
        let order = quotas.indices.sorted {
            let a = quotas[$0] - Double(counts[$0])
            let b = quotas[$1] - Double(counts[$1])
            return a != b ? a > b : $0 < $1
        }
        var left = total - counts.reduce(0, +)
        for index in order where left > 0 && weights[index] > 0 {
            counts[index] += 1
            left -= 1
        }
        return counts
    }

    /// Rounds a non-negative matrix to integers that add up to the given row and column totals,
    /// moving every cell only to its floor or ceiling where possible (controlled rounding; a
    /// solution exists whenever the totals are the rounded margins of the matrix, by Bacharach's
    /// theorem). Cells above `upper` are never produced. Cells with the largest fractions are
    /// rounded up first.
    ///
    /// - Returns: nil when no such rounding exists.
    static func controlledRounding(_ values: [[Double]], rowTotals: [Int], columnTotals: [Int], upper: [[Int]])
        -> [[Int]]?
    {
        let rows = values.count
        let columns = columnTotals.count
        guard rowTotals.reduce(0, +) == columnTotals.reduce(0, +) else { return nil }
        var result = values.enumerated().map { row, line in
            line.enumerated().map { column, value in min(Int(value.rounded(.down)), upper[row][column]) }
        }
        // Any remaining difference is a transport problem: rows send their deficit to columns,
        // each cell may take one more unit (or, on a second pass, as many as its bound allows).
        for allowFullBound in [false, true] {
            var flow = FlowNetwork(nodeCount: rows + columns + 2)
            let source = rows + columns
            let sink = source + 1
            for row in 0..<rows {
                let deficit = rowTotals[row] - result[row].reduce(0, +)
                if deficit < 0 { return nil }
                flow.addEdge(from: source, to: row, capacity: deficit)
            }
            var cellEdges: [(row: Int, column: Int, edge: Int)] = []
            let cells = (0..<rows).flatMap { row in (0..<columns).map { (row, $0) } }.sorted { a, b in
                let fa = values[a.0][a.1] - Double(result[a.0][a.1])
                let fb = values[b.0][b.1] - Double(result[b.0][b.1])
                return fa != fb ? fa > fb : (a.0, a.1) < (b.0, b.1)
            }
            for (row, column) in cells {
                let room = upper[row][column] - result[row][column]
                let capacity =
                    allowFullBound ? room : min(room, values[row][column] > Double(result[row][column]) ? 1 : 0)
                guard capacity > 0 else { continue }
                cellEdges.append((row, column, flow.addEdge(from: row, to: rows + column, capacity: capacity)))
            }
            var needed = 0
            for column in 0..<columns {
                let deficit = columnTotals[column] - (0..<rows).reduce(0) { $0 + result[$1][column] }
                if deficit < 0 { return nil }
                needed += deficit
                flow.addEdge(from: rows + column, to: sink, capacity: deficit)
            }
            let sent = flow.maximumFlow(from: source, to: sink)
            if sent == needed {
                for cell in cellEdges { result[cell.row][cell.column] += flow.flow(on: cell.edge) }
                return result
            }
        }
        return nil
    }
}

/// A small max-flow network (augmenting paths by depth-first search), enough for tables of a
/// few dozen rows and columns. Edges are tried in the order they were added, which makes the
/// result deterministic.
struct FlowNetwork {
    private var to: [Int] = []
    private var capacity: [Int] = []
    private var original: [Int] = []
    private var adjacency: [[Int]]

    init(nodeCount: Int) { adjacency = Array(repeating: [], count: nodeCount) }

    /// Adds an edge and returns its id.
    @discardableResult
    mutating func addEdge(from a: Int, to b: Int, capacity c: Int) -> Int {
        let id = to.count
        to.append(b)
        capacity.append(c)
        original.append(c)
        adjacency[a].append(id)
        to.append(a)
        capacity.append(0)
        original.append(0)
        adjacency[b].append(id + 1)
        return id
    }

    func flow(on edge: Int) -> Int { original[edge] - capacity[edge] }

    mutating func maximumFlow(from source: Int, to sink: Int) -> Int {
        var total = 0
        while true {
            var visited = [Bool](repeating: false, count: adjacency.count)
            let pushed = push(from: source, to: sink, limit: Int.max, visited: &visited)
            if pushed == 0 { return total }
            total += pushed
        }
    }

    private mutating func push(from node: Int, to sink: Int, limit: Int, visited: inout [Bool]) -> Int {
        if node == sink { return limit }
        visited[node] = true
        for edge in adjacency[node] where capacity[edge] > 0 && !visited[to[edge]] {
            let pushed = push(from: to[edge], to: sink, limit: min(limit, capacity[edge]), visited: &visited)
            if pushed > 0 {
                capacity[edge] -= pushed
                capacity[edge ^ 1] += pushed
                return pushed
            }
        }
        return 0
    }
}
