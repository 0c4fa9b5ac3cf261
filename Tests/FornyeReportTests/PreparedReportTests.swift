import FornyeStatistics
import Testing

@testable import FornyeReport

/// A prepared wave (derived variables and weighting made once) must give every filtered page
/// exactly the bytes a report built from the wave alone gives: the server reuses one prepared
/// wave for every filter combination.
@Suite("Prepared wave")
struct PreparedReportTests {
    static let sector = PopulationMargin(variable: "sector", totals: [1: 3000, 2: 5000])
    static let landsdel = PopulationMargin(variable: "landsdel", totals: [1: 3600, 2: 2400, 3: 1000, 4: 1000])

    /// Filters a results page offers, in an order that revisits the whole wave after a domain,
    /// each with whether small cells are suppressed.
    static func filters(_ dataset: Dataset) throws -> [(DomainFilter?, suppressed: Bool)] {
        [
            (try DomainFilter([.init(variable: "county", codes: [3])], in: dataset), true),
            (nil, true),
            (
                try DomainFilter(
                    [.init(variable: "county", codes: [12]), .init(variable: "sector", codes: [1])], in: dataset),
                false
            ),
        ]
    }

    /// Raked with the weights before raking known (as `fornye report --population` rakes) and
    /// with only the raking's report known (as the server prepares waves), so both ways the
    /// weighting section documents the weights are covered.
    static func waves() throws -> [(String, Wave)] {
        let fixture = try BarometerFixture(rows: 400, seed: 5)
        let weighting = try CalibratedDesign(
            raking: try fixture.wave().design, data: fixture.dataset, to: [sector, landsdel])
        let rakedHere = Wave(title: "Testbølge", dataset: fixture.dataset, weighting: weighting)
        var reportOnly = weighting
        reportOnly.beforeRaking = nil
        let calibrated = Wave(title: "Kalibrert", dataset: fixture.dataset, weighting: reportOnly)
        return [("raked with the weights before", rakedHere), ("calibrated", calibrated)]
    }

    @Test("every filtered page from one prepared wave equals the page built from the wave alone")
    func samePages() throws {
        for (name, wave) in try Self.waves() {
            let prepared = try BarometerReport.prepare(wave)
            var pages = Set<String>()
            for (domain, suppressed) in try Self.filters(wave.dataset) {
                let options = ReportOptions(disclosure: suppressed ? DisclosureRules() : nil, domain: domain)
                let reused = HTMLRenderer.render(try BarometerReport.build(prepared, options: options))
                let scratch = HTMLRenderer.render(try BarometerReport.build(wave, options: options))
                #expect(reused == scratch, "\(name), \(String(describing: domain?.conditions))")
                pages.insert(reused)
            }
            // The filters really make different pages (the comparison is not of one page with itself).
            #expect(pages.count == 3, "\(name)")
        }
    }

    @Test("a report asked for with another schema is prepared afresh")
    func otherSchema() throws {
        let (_, wave) = try Self.waves()[1]
        let prepared = try BarometerReport.prepare(wave)
        var schema = BarometerSchema()
        schema.factorPrefix = "no_such_prefix_"
        let options = ReportOptions(schema: schema)
        let reused = HTMLRenderer.render(try BarometerReport.build(prepared, options: options))
        #expect(reused == HTMLRenderer.render(try BarometerReport.build(wave, options: options)))
        #expect(reused != HTMLRenderer.render(try BarometerReport.build(prepared)))
    }

    @Test("the prepared wave counts the derived columns it holds")
    func size() throws {
        let wave = try BarometerFixture(rows: 200, seed: 5).wave()
        let prepared = try BarometerReport.prepare(wave)
        let derived = prepared.data.dataset.codebook.variables.count - wave.dataset.codebook.variables.count
        #expect(derived > 10)
        #expect(prepared.derivedByteCount >= derived * wave.dataset.rowCount * MemoryLayout<Int32>.stride)
        #expect(prepared.derivedByteCount <= derived * wave.dataset.rowCount * MemoryLayout<Double>.stride)
    }
}
