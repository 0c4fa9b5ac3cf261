/// A legend row of swatches with their names, laid out left to right and wrapped to the chart width.
struct ChartLegend {
    let entries: [(name: String, fill: ChartStyle.Fill)]

    static let rowHeight = 22.0
    private static let swatch = 14.0

    /// The rows the entries take at `width`, as entry index ranges.
    func rows(left: Double, width: Double) -> [[Int]] {
        var rows: [[Int]] = [[]]
        var x = left
        for (index, entry) in entries.enumerated() {
            let needed = Self.swatch + 6 + ChartText.width(of: entry.name) + 18
            if x + needed > left + width, !rows[rows.count - 1].isEmpty {
                rows.append([])
                x = left
            }
            rows[rows.count - 1].append(index)
            x += needed
        }
        return rows
    }

    func height(left: Double, width: Double) -> Double {
        Double(rows(left: left, width: width).count) * Self.rowHeight
    }

    func write(left: Double, top: Double, width: Double, chartID: String, into writer: inout MarkupWriter) {
        writer.open("g", ["class": "legend"])
        for (rowIndex, row) in rows(left: left, width: width).enumerated() {
            var x = left
            let y = top + Double(rowIndex) * Self.rowHeight
            for index in row {
                let entry = entries[index]
                writer.empty(
                    "rect",
                    [
                        "x": ChartText.format(x), "y": ChartText.format(y), "width": ChartText.format(Self.swatch),
                        "height": ChartText.format(Self.swatch), "fill": ChartStyle.paint(entry.fill, chartID: chartID),
                        "stroke": ChartStyle.text, "stroke-width": "0.5",
                    ])
                ChartText.write(
                    [entry.name], x: x + Self.swatch + 6, y: y + Self.swatch / 2, anchor: "start", into: &writer)
                x += Self.swatch + 6 + ChartText.width(of: entry.name) + 18
            }
        }
        writer.close("g")
    }
}
