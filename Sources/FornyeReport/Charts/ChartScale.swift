/// The value axis of a share chart: from 0 to a round maximum that holds every estimate and
/// interval, with gridlines at round steps.
struct ChartScale {
    let maximum: Double
    let step: Double

    /// The smallest round maximum at or above `reach` (shares: at most 1).
    init(reach: Double) {
        let candidates: [(maximum: Double, step: Double)] = [
            (0.1, 0.02), (0.2, 0.05), (0.3, 0.1), (0.4, 0.1), (0.5, 0.1), (0.6, 0.1), (0.8, 0.2), (1.0, 0.2),
        ]
        let choice = candidates.first { $0.maximum >= reach - 1e-12 } ?? candidates[candidates.count - 1]
        maximum = choice.maximum
        step = choice.step
    }

    var ticks: [Double] {
        let count = Int((maximum / step).rounded())
        return (0...count).map { Double($0) * step }
    }

    /// The length in points of `value` on an axis `length` long; values beyond the axis are clamped.
    func length(of value: Double, in length: Double) -> Double {
        min(max(value, 0), maximum) / maximum * length
    }
}
