import FornyeReport

/// A profile indicator's series as an accessible bar chart (one bar per wave, with its interval);
/// model estimates say so in their label. The table beside it holds the same numbers.
enum ProfileChart {
    static func svg(
        series: MunicipalityProfile.Series, waves: [MunicipalityProfile.WaveInfo], municipality: String, id: String
    ) -> String {
        var bars: [BarChart.Bar] = []
        for (index, wave) in waves.enumerated() {
            let point = series.points[index]
            let label =
                "\(municipality) \(wave.shortTitle)" + (wave.predecessors.isEmpty ? "" : " †")
                + (point?.isModel == true ? " (modellestimat)" : "")
            let value: ChartValue =
                point?.estimate.map { ChartValue(estimate: $0, lower: point?.lower, upper: point?.upper) }
                ?? .missing("ikke publisert")
            bars.append(BarChart.Bar(label: label, value: value))
            if let national = series.national[index], let estimate = national.estimate {
                bars.append(
                    BarChart.Bar(
                        label: "Landet \(wave.shortTitle)",
                        value: ChartValue(estimate: estimate, lower: national.lower, upper: national.upper)))
            }
        }
        return BarChart(
            id: "\(id)-chart", title: series.indicator.indicator.name,
            summary: series.indicator.indicator.measure + ".",
            bars: bars, synthetic: waves.contains(where: \.synthetic), width: 640
        ).svg()
    }
}
