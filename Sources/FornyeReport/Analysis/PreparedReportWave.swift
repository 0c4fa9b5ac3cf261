import FornyeStatistics

/// A wave made ready for its reports once: the report's derived variables (`AnalysisData`). They
/// do not depend on the report's options (only on the schema that names the variables), so
/// every filtered page of one wave and data version can start from the same value: what is left
/// per page is the domain's restriction, the figures and the text. The wave comes calibrated
/// (`Wave.weighting`): the whole wave is raked once, and every domain is estimated with the full design.
///
/// Hold one per wave and data version and drop it when the wave's responses or weights change
/// (the web app keeps it in its prepared wave, which is forgotten on every change). It holds the
/// wave's own columns (shared with `wave`, not copied) plus about one derived column per
/// factor item and per newest-innovation type: `derivedByteCount` says how much.
///
/// ```swift
/// let prepared = try BarometerReport.prepare(wave)
/// let county = try BarometerReport.build(prepared, options: ReportOptions(domain: domain))
/// ```
public struct PreparedReportWave: Sendable {
    /// The wave as given.
    public let wave: Wave
    /// The variable names the derived variables were made with; a report asked for with
    /// another schema is prepared afresh.
    public let schema: BarometerSchema
    let data: AnalysisData

    init(wave: Wave, schema: BarometerSchema) throws(StatisticsError) {
        self.wave = wave
        self.schema = schema
        data = try AnalysisData(wave.dataset, schema: schema)
    }

    /// Bytes held beyond the wave itself: the derived columns (the source's columns are shared).
    public var derivedByteCount: Int {
        let source = Set(wave.dataset.codebook.variables.map(\.name))
        var bytes = 0
        for variable in data.dataset.codebook.variables where !source.contains(variable.name) {
            switch try? data.dataset.column(named: variable.name) {
            case .codes(let codes): bytes += codes.count * MemoryLayout<Int32>.stride
            case .numbers(let values): bytes += values.count * MemoryLayout<Double>.stride
            case .texts(let texts): bytes += texts.count * MemoryLayout<String?>.stride
            case nil: break
            }
        }
        return bytes
    }
}
