import Foundation

/// Colours and fill patterns of the charts. Every fill has at least 3:1 contrast against the white
/// background (WCAG 2.1 non-text contrast) and every text colour at least 4.5:1; series differ by
/// pattern as well as colour, so that nothing is told by colour alone.
enum ChartStyle {
    static let background = "#ffffff"
    static let text = "#1a1a1a"
    static let mutedText = "#4a4a4a"
    static let grid = "#c8c8c8"
    static let axis = "#4a4a4a"
    static let intervalStroke = "#000000"

    /// A series fill: a colour and a pattern of white marks over it.
    struct Fill: Hashable {
        enum Pattern: Hashable {
            case solid, diagonal, reverseDiagonal, dots, crosshatch, horizontal
        }
        let colour: String
        let pattern: Pattern
        let name: String
    }

    /// Fills for the series of a grouped chart, in order.
    static let series: [Fill] = [
        Fill(colour: "#1f4e8c", pattern: .solid, name: "s0"),
        Fill(colour: "#b34700", pattern: .diagonal, name: "s1"),
        Fill(colour: "#2d6a30", pattern: .dots, name: "s2"),
        Fill(colour: "#6a3d8f", pattern: .crosshatch, name: "s3"),
        Fill(colour: "#7a5c00", pattern: .horizontal, name: "s4"),
        Fill(colour: "#8c1f4e", pattern: .reverseDiagonal, name: "s5"),
    ]

    /// Diverging charts: hindering to the left in warm colours, promoting to the right in blue;
    /// "to some extent" is lighter and hatched, "to a large extent" dark and solid.
    static let hinderLarge = Fill(colour: "#9e2a00", pattern: .solid, name: "hl")
    static let hinderSome = Fill(colour: "#d2560f", pattern: .diagonal, name: "hs")
    static let promoteLarge = Fill(colour: "#123f75", pattern: .solid, name: "pl")
    static let promoteSome = Fill(colour: "#3a78b8", pattern: .diagonal, name: "ps")

    /// The value of `fill` for a shape: a colour, or a reference to the chart's pattern.
    static func paint(_ fill: Fill, chartID: String) -> String {
        fill.pattern == .solid ? fill.colour : "url(#\(chartID)-\(fill.name))"
    }

    /// Pattern definitions for the fills that need one, with ids unique to the chart (several
    /// charts share one document).
    static func definitions(_ fills: [Fill], chartID: String, into writer: inout MarkupWriter) {
        let patterned = fills.filter { $0.pattern != .solid }
        guard !patterned.isEmpty else { return }
        writer.open("defs")
        for fill in patterned {
            writer.open(
                "pattern",
                [
                    "id": "\(chartID)-\(fill.name)", "patternUnits": "userSpaceOnUse", "width": "8", "height": "8",
                    "patternTransform": fill.pattern == .diagonal
                        ? "rotate(45)" : fill.pattern == .reverseDiagonal ? "rotate(-45)" : nil,
                ])
            writer.empty("rect", ["width": "8", "height": "8", "fill": fill.colour])
            switch fill.pattern {
            case .solid: break
            case .diagonal, .horizontal:
                writer.empty("rect", ["x": "0", "y": "0", "width": "8", "height": "2", "fill": "#ffffff"])
            case .reverseDiagonal:
                writer.empty("rect", ["x": "0", "y": "0", "width": "8", "height": "1.2", "fill": "#ffffff"])
                writer.empty("rect", ["x": "0", "y": "4", "width": "8", "height": "1.2", "fill": "#ffffff"])
            case .dots:
                writer.empty("circle", ["cx": "4", "cy": "4", "r": "1.6", "fill": "#ffffff"])
            case .crosshatch:
                writer.empty("rect", ["x": "0", "y": "3", "width": "8", "height": "1.5", "fill": "#ffffff"])
                writer.empty("rect", ["x": "3", "y": "0", "width": "1.5", "height": "8", "fill": "#ffffff"])
            }
            writer.close("pattern")
        }
        writer.close("defs")
    }

    /// The WCAG 2.1 contrast ratio of two `#rrggbb` colours, from 1 to 21.
    static func contrast(_ first: String, _ second: String) -> Double {
        let (a, b) = (luminance(first), luminance(second))
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)
    }

    /// WCAG relative luminance of a `#rrggbb` colour.
    static func luminance(_ hex: String) -> Double {
        let digits = Array(hex.dropFirst())
        func channel(_ offset: Int) -> Double {
            let value = Double(Int(String(digits[offset..<offset + 2]), radix: 16) ?? 0) / 255
            return value <= 0.03928 ? value / 12.92 : pow((value + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4)
    }
}
