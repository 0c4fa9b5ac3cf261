import Dispatch

/// The stratum sums of share tables when every row is its own PSU, gathered straight from the
/// variable's codes and the breakdowns' domains.
///
/// For a share, a row's PSU totals are a = w (in its category, else 0) and b = w, so every sum
/// `StratumSums` needs follows from four sums per stratum × domain × category: Σw, Σw², the rows
/// and the rows with positive weight (Σab = Σa², Σb and Σb² are sums over the categories). One
/// sweep over the rows updates these for every breakdown at once, with no per-row arrays of
/// domains or categories. The rows are cut into fixed chunks, summed on all cores and added up
/// in chunk order, so the result does not depend on the number of threads.
struct ShareSums {
    /// Rows per chunk: large enough that a chunk's work dwarfs its merge, small enough that one
    /// million rows give both cores several chunks.
    static let defaultChunkRows = 1 << 17

    /// The sums of one stratum × domain × category.
    struct Cell {
        var weight = 0.0
        var squares = 0.0
        var rows = 0
        var positive = 0
    }

    /// The codes' categories as positions in a dense table, and each breakdown set's domains.
    let codes: [Int32]
    let categoryOffset: Int
    let categoryOfCode: [Int32]
    let estimates: Int
    let domainsOfSets: [[Int32]]
    let domainOffsets: [Int]
    let domainCount: Int

    /// Nil when the category codes are too spread out for a dense table.
    init?(codes: [Int32], lookup: CodeLookup, estimates: Int, indexes: [DomainIndex]) {
        guard let table = lookup.denseTable else { return nil }
        self.codes = codes
        categoryOffset = table.offset
        categoryOfCode = table.positions
        self.estimates = estimates
        domainsOfSets = indexes.map(\.domainOfRow)
        var offsets: [Int] = []
        var count = 0
        for index in indexes {
            offsets.append(count)
            count += index.domains.count
        }
        domainOffsets = offsets
        domainCount = count
    }

    /// The sums of every stratum × domain × category, domains numbered across the sets.
    func stratumSums(design: SurveyDesign, chunkRows: Int = defaultChunkRows) -> StratumSums {
        let strata = design.stratumCount
        let cellCount = strata * domainCount * estimates
        let rowCount = codes.count
        let chunks = max((rowCount + chunkRows - 1) / chunkRows, 1)
        var partial = [Cell](repeating: Cell(), count: chunks * cellCount)
        partial.withUnsafeMutableBufferPointer { partial in
            let base = partial.baseAddress!
            if chunks == 1 {
                accumulate(rows: 0..<rowCount, design: design, into: base)
            } else {
                nonisolated(unsafe) let shared = base
                DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                    let rows = chunk * chunkRows..<min((chunk + 1) * chunkRows, rowCount)
                    accumulate(rows: rows, design: design, into: shared + chunk * cellCount)
                }
            }
        }
        for chunk in 1..<chunks {
            for cell in 0..<cellCount {
                let source = partial[chunk * cellCount + cell]
                partial[cell].weight += source.weight
                partial[cell].squares += source.squares
                partial[cell].rows += source.rows
                partial[cell].positive += source.positive
            }
        }
        return assemble(partial[0..<cellCount], strata: strata)
    }

    /// Adds the rows' sums to `cells` (stratum × domain × category, `cellCount` of them).
    private func accumulate(rows: Range<Int>, design: SurveyDesign, into cells: UnsafeMutablePointer<Cell>) {
        let estimates = estimates
        let domainCount = domainCount
        let categoryOffset = categoryOffset
        let sets = domainsOfSets.count
        withBuffers(domainsOfSets[...], collected: []) { domainColumns in
            codes.withUnsafeBufferPointer { codes in
                categoryOfCode.withUnsafeBufferPointer { categoryOfCode in
                    design.weights.withUnsafeBufferPointer { weights in
                        design.stratumOfRow.withUnsafeBufferPointer { stratumOfRow in
                            domainColumns.withUnsafeBufferPointer { domainColumns in
                                domainOffsets.withUnsafeBufferPointer { domainOffsets in
                                    let tableSize = UInt(categoryOfCode.count)
                                    for row in rows {
                                        let code = codes[row]
                                        if code == Column.systemMissing { continue }
                                        let position = Int(code) &- categoryOffset
                                        if UInt(bitPattern: position) >= tableSize { continue }
                                        let category = Int(categoryOfCode[position])
                                        if category < 0 { continue }
                                        let weight = weights[row]
                                        let square = weight * weight
                                        let positive = weight > 0 ? 1 : 0
                                        let stratumStart = Int(stratumOfRow[row]) &* domainCount
                                        for set in 0..<sets {
                                            let domain = Int(domainColumns[set][row])
                                            if domain < 0 { continue }
                                            let index =
                                                (stratumStart &+ domainOffsets[set] &+ domain) &* estimates &+ category
                                            cells[index].weight += weight
                                            cells[index].squares += square
                                            cells[index].rows &+= 1
                                            cells[index].positive &+= positive
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// The arrays' buffers, valid together while `body` runs.
    private func withBuffers<Result>(
        _ arrays: ArraySlice<[Int32]>, collected: [UnsafeBufferPointer<Int32>],
        _ body: ([UnsafeBufferPointer<Int32>]) -> Result
    ) -> Result {
        guard let first = arrays.first else { return body(collected) }
        return first.withUnsafeBufferPointer { buffer in
            withBuffers(arrays.dropFirst(), collected: collected + [buffer], body)
        }
    }

    /// `StratumSums` from the cells: a = w and b = w give Σab = Σa² and Σb, Σb² as sums over categories.
    private func assemble(_ cells: ArraySlice<Cell>, strata: Int) -> StratumSums {
        var sums = StratumSums(domains: domainCount, estimates: estimates, strata: strata)
        let perStratum = domainCount * estimates
        for stratum in 0..<strata {
            for domain in 0..<domainCount {
                let position = stratum * domainCount + domain
                var weight = 0.0
                var squares = 0.0
                var rows = 0
                var positive = 0
                for estimate in 0..<estimates {
                    let cell = domain * estimates + estimate
                    let sum = cells[cells.startIndex + stratum * perStratum + cell]
                    sums.sumA[stratum * perStratum + cell] = sum.weight
                    sums.sumAA[stratum * perStratum + cell] = sum.squares
                    sums.sumAB[stratum * perStratum + cell] = sum.squares
                    sums.numeratorTotal[cell] += sum.weight
                    sums.weightedSquares[cell] += sum.weight
                    sums.cellCount[cell] += sum.rows
                    weight += sum.weight
                    squares += sum.squares
                    rows += sum.rows
                    positive += sum.positive
                }
                sums.sumB[position] = weight
                sums.sumBB[position] = squares
                sums.present[position] = rows > 0
                sums.positivePSUs[position] = positive
                sums.weightedBase[domain] += weight
                sums.denominatorTotal[domain] += weight
                sums.baseCount[domain] += rows
                sums.positiveCount[domain] += positive
            }
        }
        return sums
    }
}
