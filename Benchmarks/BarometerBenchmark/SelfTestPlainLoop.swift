import FornyeBarometer
import FornyeStatistics

/// The baseline the self-test's result is timed beside, in the same process and under the same
/// load: a plain loop over the peer rows giving what the page shows as point estimates only,
/// every compared option's weighted share and every factor's weighted quartiles and the answer's
/// percentile, with no standard error, interval, reliability rule or disclosure control. The
/// engine's time over this loop's is the price of the intervals and the suppression.
struct SelfTestPlainLoop {
    let weights: [Double]
    /// Per compared question, the columns whose weighted share of "1" (items) or of each code is taken.
    let singles: [[Int32]]
    let items: [[Int32]]
    let factors: [[Double]]

    init(instrument: Instrument, dataset: Dataset, weights: [Double]) throws {
        self.weights = weights
        let sections = instrument.sections.filter { SelfTestAnalysis.sections.contains($0.name) }
        let factorNames = Set(sections.filter { $0.name == "factors" }.flatMap(\.questions).map(\.name))
        let questions = sections.flatMap(\.questions)
        var singles: [[Int32]] = []
        var items: [[Int32]] = []
        var factors: [[Double]] = []
        for question in questions {
            switch question.type {
            case .singleChoice where dataset.codebook.variable(named: question.name) != nil:
                singles.append(try dataset.codes(of: question.name))
            case .multipleChoice:
                for item in dataset.codebook.multipleResponseSet(named: question.name)?.items ?? [] {
                    items.append(try dataset.codes(of: item))
                }
            case .scale
            where factorNames.contains(question.name) && dataset.codebook.variable(named: question.name) != nil:
                factors.append(try dataset.measurements(of: question.name))
            default:
                continue
            }
        }
        (self.singles, self.items, self.factors) = (singles, items, factors)
    }

    /// Every share and quartile for the peers; returns a checksum so the work cannot be dropped.
    func run(peers: [Bool], answer: Double = 3) -> Double {
        let rows = peers.indices.filter { peers[$0] }
        var checksum = 0.0
        for codes in singles {
            var sums: [Int32: Double] = [:]
            var total = 0.0
            for row in rows where codes[row] >= 0 {
                sums[codes[row], default: 0] += weights[row]
                total += weights[row]
            }
            for sum in sums.values where total > 0 { checksum += sum / total }
        }
        for codes in items {
            var chosen = 0.0
            var total = 0.0
            for row in rows where codes[row] >= 0 {
                total += weights[row]
                if codes[row] == 1 { chosen += weights[row] }
            }
            if total > 0 { checksum += chosen / total }
        }
        for values in factors {
            var pairs: [(value: Double, weight: Double)] = []
            for row in rows where (1...5).contains(values[row]) { pairs.append((values[row], weights[row])) }
            pairs.sort { $0.value < $1.value }
            let total = pairs.reduce(0) { $0 + $1.weight }
            guard total > 0 else { continue }
            var cumulative = 0.0
            var next = 0
            let probabilities = [0.25, 0.5, 0.75]
            for pair in pairs {
                cumulative += pair.weight
                while next < probabilities.count && cumulative >= probabilities[next] * total {
                    checksum += pair.value
                    next += 1
                }
                if pair.value <= answer { checksum += pair.weight / total }
            }
        }
        return checksum
    }
}
