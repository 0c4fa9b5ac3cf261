import FornyeStatistics
import Testing

@testable import FornyeReport

/// The weighting section documents the calibrated design it is given and rakes nothing itself.
@Suite("Weighting section")
struct WeightingTablesTests {
    static let margins = [
        PopulationMargin(variable: "sector", totals: [1: 3000, 2: 5000]),
        PopulationMargin(variable: "landsdel", totals: [1: 3600, 2: 2400, 3: 1000, 4: 1000]),
    ]

    static func weightsFigure(_ wave: Wave) throws -> ReportFigure {
        try #require(BarometerReport.build(wave).figures.first { $0.id == "ny-tab-vekter" })
    }

    @Test("the weights before raking are shown when known, else only the raking report's Kish figures")
    func beforeColumn() throws {
        let fixture = try BarometerFixture(rows: 300, seed: 7)
        let weighting = try CalibratedDesign(raking: try fixture.wave().design, data: fixture.dataset, to: Self.margins)
        let known = try Self.weightsFigure(Wave(title: "Kjent", dataset: fixture.dataset, weighting: weighting))
        var reportOnly = weighting
        reportOnly.beforeRaking = nil
        let unknown = try Self.weightsFigure(Wave(title: "Ukjent", dataset: fixture.dataset, weighting: reportOnly))
        #expect(known.table.columns.map(\.header) == ["Før raking", "Etter raking"])
        #expect(unknown.table.columns.map(\.header) == ["Før raking", "Etter raking"])
        let sum = { (figure: ReportFigure) in figure.table.rows.first { $0.header == "Sum av vektene" }?.cells }
        let deff = { (figure: ReportFigure) in
            figure.table.rows.first { $0.header == "Kish' designeffekt (deff)" }?.cells
        }
        #expect(sum(known)?[0] != "–")
        #expect(sum(unknown)?[0] == "–")
        #expect(deff(known)?[0] == deff(unknown)?[0])
        #expect(sum(known)?[1] == sum(unknown)?[1])
        #expect(known.caption.contains("Rakingen til populasjonsmarginene konvergerte"))
    }

    @Test("a wave whose weights are used as given gets one column and no raking text")
    func asGiven() throws {
        let figure = try Self.weightsFigure(try BarometerFixture(rows: 300, seed: 7).wave())
        #expect(figure.table.columns.map(\.header) == ["Vekter"])
        #expect(!figure.caption.contains("Rakingen"))
    }
}
