import FornyeReport

/// A profile indicator's series as an accessible bar chart (one bar per wave, with its interval);
/// model estimates say so in their label. The table beside it holds the same numbers. Labels in
/// the page's language. `standalone` makes it a file of its own (`/kommuner/:nummer/figur/:id.svg`):
/// an XML declaration and the municipality in the title; the description (every value with its
/// interval) and the synthetic label are there either way.
enum ProfileChart {
    static func svg(
        series: MunicipalityProfile.Series, waves: [MunicipalityProfile.WaveInfo], municipality: String, id: String,
        language: Language, standalone: Bool = false
    ) -> String {
        var bars: [BarChart.Bar] = []
        for (index, wave) in waves.enumerated() {
            let point = series.points[index]
            let label =
                "\(municipality) \(wave.shortTitle)" + (wave.predecessors.isEmpty ? "" : " †")
                + (point?.isModel == true ? language.pick(" (modellestimat)", " (model estimate)") : "")
            let value: ChartValue =
                point?.estimate.map { ChartValue(estimate: $0, lower: point?.lower, upper: point?.upper) }
                ?? .missing(language.pick("ikke publisert", "not published"))
            bars.append(BarChart.Bar(label: label, value: value))
            if let national = series.national[index], let estimate = national.estimate {
                bars.append(
                    BarChart.Bar(
                        label: language.pick("Landet", "Norway") + " \(wave.shortTitle)",
                        value: ChartValue(estimate: estimate, lower: national.lower, upper: national.upper)))
            }
        }
        let name = language.pick(series.indicator.indicator.name, series.indicator.nameEnglish)
        var chart = BarChart(
            id: "\(id)-chart", title: standalone ? "\(name) – \(municipality)" : name,
            summary: language.pick(series.indicator.indicator.measure, series.indicator.measureEnglish) + ".",
            bars: bars, synthetic: waves.contains(where: \.synthetic), width: 640
        )
        chart.english = language == .en
        return standalone ? #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n" + chart.svg() : chart.svg()
    }
}
