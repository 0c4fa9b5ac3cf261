import Dispatch
import Synchronization

extension ReportDocument {
    /// Every chart's SVG by figure id, drawn on all cores: the charts are the larger part of
    /// rendering a page, and each depends on its own figure only.
    public func chartSVGs() -> [String: String] {
        let charts = figures.compactMap { figure in figure.chart.map { (id: figure.id, chart: $0) } }
        let drawn = Mutex<[String: String]>([:])
        DispatchQueue.concurrentPerform(iterations: charts.count) { index in
            let svg = charts[index].chart.svg()
            drawn.withLock { $0[charts[index].id] = svg }
        }
        return drawn.withLock { $0 }
    }
}
