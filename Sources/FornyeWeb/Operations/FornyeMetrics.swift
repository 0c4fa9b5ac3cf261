import Foundation
import Metrics
public import Prometheus
import Synchronization

/// The app's metrics: one Prometheus registry per `Application`, so tests that make many apps
/// stay independent. swift-metrics types write into it through a `PrometheusMetricsFactory` handed
/// to them explicitly; `fornye serve` also makes it the process-wide factory (once) so libraries
/// that report through swift-metrics land in the same registry.
public final class FornyeMetrics: Sendable {
    public let registry: PrometheusCollectorRegistry
    public let factory: PrometheusMetricsFactory

    /// Seconds; from 5 ms (static assets) to 10 s (a large report).
    static let latencyBuckets: [Duration] = [
        .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100),
        .milliseconds(250), .milliseconds(500), .seconds(1), .milliseconds(2500), .seconds(5), .seconds(10),
    ]

    public init() {
        registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.defaultDurationHistogramBuckets = Self.latencyBuckets
        self.factory = factory
    }

    private struct RequestSeries: Hashable {
        var method: String
        var route: String
        var status: Int
    }

    /// The counter and timer of each (method, route, status), made once: making them looks the
    /// series up in the registry by its label strings, which costs more than recording. The
    /// route is a pattern (or `(unmatched)`), so the number of entries is bounded.
    private let requestSeries = Mutex<[RequestSeries: (Metrics.Counter, Metrics.Timer)]>([:])

    /// Counts a request and records its latency, labelled by method, route pattern and status.
    func recordRequest(method: String, route: String, status: Int, elapsed: Duration) {
        let series = RequestSeries(method: method, route: route, status: status)
        let (counter, timer) = requestSeries.withLock { known in
            if let handles = known[series] { return handles }
            let dimensions = [("method", method), ("route", route), ("status", String(status))]
            let handles = (
                Metrics.Counter(label: "fornye_http_requests_total", dimensions: dimensions, factory: factory),
                Metrics.Timer(label: "fornye_http_request_duration_seconds", dimensions: dimensions, factory: factory)
            )
            known[series] = handles
            return handles
        }
        counter.increment()
        let nanoseconds = elapsed.components.seconds * 1_000_000_000 + elapsed.components.attoseconds / 1_000_000_000
        timer.recordNanoseconds(nanoseconds)
    }

    /// Whether the database answered `SELECT 1` at the last scrape, and how fast.
    func recordDatabasePing(up: Bool, elapsed: Duration) {
        gauge("fornye_database", "up", "1 when the database answered the last check").set(to: up ? 1 : 0)
        gauge("fornye_database_ping", "seconds", "Time of the last SELECT 1")
            .set(to: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }

    /// Process figures read from /proc at each scrape (Linux only; elsewhere nothing is reported).
    func recordProcess() {
        guard let sample = ProcessSample.current() else { return }
        gauge("process_cpu", "seconds", "User and system CPU time used by the process").set(to: sample.cpuSeconds)
        gauge("process_resident_memory", "bytes", "Resident memory size").set(to: sample.residentBytes)
        gauge("process_open", "fds", "Open file descriptors").set(to: sample.openFileDescriptors)
        gauge("process_start_time", "seconds", "Start time since the Unix epoch").set(to: sample.startTime)
    }

    private func gauge(_ name: String, _ unit: String, _ help: String) -> Prometheus.Gauge {
        registry.makeGauge(descriptor: MetricNameDescriptor(metricName: name, unitName: unit, helpText: help))
    }
}

/// One reading of /proc/self.
struct ProcessSample {
    var cpuSeconds: Double
    var residentBytes: Double
    var openFileDescriptors: Double
    var startTime: Double

    static func current() -> ProcessSample? {
        #if os(Linux)
            guard let stat = try? String(contentsOfFile: "/proc/self/stat", encoding: .utf8),
                let close = stat.lastIndex(of: ")")
            else { return nil }
            // Fields after "pid (comm)": state is field 3, so index i here is field i + 3.
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            let ticks = Double(sysconf(Int32(_SC_CLK_TCK)))
            let pageSize = Double(sysconf(Int32(_SC_PAGESIZE)))
            guard fields.count > 21, let utime = Double(fields[11]), let stime = Double(fields[12]),
                let start = Double(fields[19]), let rss = Double(fields[21])
            else { return nil }
            let bootTime =
                (try? String(contentsOfFile: "/proc/stat", encoding: .utf8))?
                .split(separator: "\n").first { $0.hasPrefix("btime ") }
                .flatMap { Double($0.dropFirst("btime ".count)) } ?? 0
            let fds = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").count) ?? 0
            return ProcessSample(
                cpuSeconds: (utime + stime) / ticks, residentBytes: rss * pageSize,
                openFileDescriptors: Double(fds), startTime: bootTime + start / ticks)
        #else
            return nil
        #endif
    }
}
