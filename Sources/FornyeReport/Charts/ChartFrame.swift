import FornyeBarometer

/// The `<svg>` element every chart is drawn in: an image with a title and a description that
/// screen readers announce (`role="img"`, `aria-labelledby` naming both), and the synthetic-data
/// mark when the numbers are not real.
struct ChartFrame {
    let id: String
    let title: String
    let description: String
    let width: Double
    let height: Double
    let synthetic: Bool

    func open(into writer: inout MarkupWriter) {
        writer.open(
            "svg",
            [
                "xmlns": "http://www.w3.org/2000/svg", "id": id, "class": "chart", "role": "img",
                "aria-labelledby": "\(id)-title \(id)-desc",
                "viewBox": "0 0 \(ChartText.format(width)) \(ChartText.format(height))",
                "width": ChartText.format(width), "height": ChartText.format(height),
                "font-family": ChartText.fontFamily, "font-size": ChartText.format(ChartText.fontSize),
            ])
        writer.element("title", ["id": "\(id)-title"], text: title)
        writer.element("desc", ["id": "\(id)-desc"], text: description)
        writer.empty(
            "rect",
            [
                "x": "0", "y": "0", "width": ChartText.format(width), "height": ChartText.format(height),
                "fill": ChartStyle.background,
            ])
    }

    func close(into writer: inout MarkupWriter) {
        if synthetic {
            writer.element(
                "text",
                [
                    "x": ChartText.format(width - 6), "y": ChartText.format(height - 6), "text-anchor": "end",
                    "class": "synthetic-mark", "fill": ChartStyle.mutedText, "font-size": "11",
                ], text: SyntheticLabel.marker)
        }
        writer.close("svg")
    }

    /// Vertical gridlines and their per cent labels along the top of a plot area.
    static func grid(
        _ scale: ChartScale, left: Double, width: Double, top: Double, bottom: Double, into writer: inout MarkupWriter
    ) {
        writer.open("g", ["class": "grid", "aria-hidden": "true"])
        for tick in scale.ticks {
            let x = left + scale.length(of: tick, in: width)
            writer.empty(
                "line",
                [
                    "x1": ChartText.format(x), "y1": ChartText.format(top), "x2": ChartText.format(x),
                    "y2": ChartText.format(bottom), "stroke": tick == 0 ? ChartStyle.axis : ChartStyle.grid,
                    "stroke-width": "1",
                ])
            writer.element(
                "text",
                [
                    "x": ChartText.format(x), "y": ChartText.format(top - 6), "text-anchor": "middle",
                    "fill": ChartStyle.mutedText, "font-size": "11",
                ], text: NorwegianFormat.percent(tick))
        }
        writer.close("g")
    }

    /// A confidence interval as a horizontal whisker: black over a white halo, so it shows on any fill.
    static func whisker(from start: Double, to end: Double, y: Double, into writer: inout MarkupWriter) {
        let (x1, x2, yy) = (ChartText.format(start), ChartText.format(end), ChartText.format(y))
        let (top, bottom) = (ChartText.format(y - 4), ChartText.format(y + 4))
        writer.open("g", ["class": "interval", "aria-hidden": "true"])
        for (stroke, width) in [("#ffffff", "3.5"), (ChartStyle.intervalStroke, "1.5")] {
            writer.empty(
                "line", ["x1": x1, "y1": yy, "x2": x2, "y2": yy, "stroke": stroke, "stroke-width": width])
            writer.empty(
                "line", ["x1": x1, "y1": top, "x2": x1, "y2": bottom, "stroke": stroke, "stroke-width": width])
            writer.empty(
                "line", ["x1": x2, "y1": top, "x2": x2, "y2": bottom, "stroke": stroke, "stroke-width": width])
        }
        writer.close("g")
    }
}
