import FornyeBarometer
import FornyeStatistics

/// The promoting/hindering factors as a dot plot on the 1–5 scale: for each factor the peers'
/// middle half (quartiles) as a bar, their median with its Woodruff interval as a line, and the
/// unit's answer as a dot. Hand-written SVG with presentation attributes (no inline styles, so
/// the CSP holds); the table beside it says the same in words.
struct SelfTestDotPlot {
    var factors: [SelfTestFactorPosition]
    var language: Language
    var labelText: (LocalizedText) -> String

    static let rowHeight = 34.0
    static let labelWidth = 260.0
    static let plotWidth = 420.0

    func x(_ value: Double) -> Double { Self.labelWidth + (value - 1) / 4 * Self.plotWidth }

    func render() -> Node {
        let shown = factors.filter { !$0.quartiles.isEmpty }
        guard !shown.isEmpty else { return .empty }
        let height = Double(shown.count) * Self.rowHeight + 40
        let width = Self.labelWidth + Self.plotWidth + 20
        let description = language.pick(
            "Prikkplott: svaret ditt (prikk) mot de sammenlignbare enhetenes kvartiler (stolpe) og median med 95 % konfidensintervall (strek), på skalaen 1 hemmet i stor grad til 5 fremmet i stor grad. Tabellen under viser de samme tallene.",
            "Dot plot: your answer (dot) against the peers' quartiles (bar) and median with its 95% confidence interval (line), on the scale 1 hindered to a large extent to 5 promoted to a large extent. The table below gives the same figures."
        )
        return el("figure", ["class": "selftest-dotplot"]) {
            el(
                "svg",
                [
                    "viewBox": "0 0 \(Int(width)) \(Int(height))", "role": "img", "aria-label": description,
                    "xmlns": "http://www.w3.org/2000/svg", "width": "100%",
                ]
            ) {
                for tick in 1...5 {
                    el(
                        "line",
                        [
                            "x1": fmt(x(Double(tick))), "x2": fmt(x(Double(tick))), "y1": "10", "y2": fmt(height - 25),
                            "stroke": "#8a8a8a", "stroke-width": "1",
                        ])
                    el(
                        "text",
                        [
                            "x": fmt(x(Double(tick))), "y": fmt(height - 8), "text-anchor": "middle", "font-size": "13",
                            "fill": "#1a1a1a",
                        ]
                    ) {
                        "\(tick)"
                    }
                }
                for (index, factor) in shown.enumerated() {
                    let y = 20 + Double(index) * Self.rowHeight
                    el("text", ["x": "0", "y": fmt(y + 5), "font-size": "13", "fill": "#1a1a1a"]) {
                        labelText(factor.label)
                    }
                    if factor.quartiles.count == 3 {
                        let (q1, median, q3) = (factor.quartiles[0], factor.quartiles[1], factor.quartiles[2])
                        el(
                            "rect",
                            [
                                "x": fmt(x(q1.estimate) - 3), "y": fmt(y - 6),
                                "width": fmt(max(x(q3.estimate) - x(q1.estimate), 0) + 6), "height": "12",
                                "fill": "#c9d7ea",
                            ])
                        if let lower = median.lower, let upper = median.upper {
                            el(
                                "line",
                                [
                                    "x1": fmt(x(lower) - 4), "x2": fmt(x(upper) + 4), "y1": fmt(y), "y2": fmt(y),
                                    "stroke": "#1d4f91", "stroke-width": "3",
                                ])
                        }
                        el(
                            "line",
                            [
                                "x1": fmt(x(median.estimate)), "x2": fmt(x(median.estimate)), "y1": fmt(y - 9),
                                "y2": fmt(y + 9), "stroke": "#1d4f91", "stroke-width": "3",
                            ])
                    }
                    el(
                        "circle",
                        [
                            "cx": fmt(x(Double(factor.answer))), "cy": fmt(y), "r": "7", "fill": "#b3261e",
                            "stroke": "#ffffff", "stroke-width": "2",
                        ])
                }
            }
        }
    }

    private func fmt(_ value: Double) -> String {
        String((value * 10).rounded() / 10)
    }
}
