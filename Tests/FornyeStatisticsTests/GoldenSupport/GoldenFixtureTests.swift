import FornyeStatistics
import Testing

/// The fixture and the designs as the golden tests build them, checked against what R recorded
/// about them, so that a failing estimate cannot be blamed on a misread fixture.
@Suite("Golden fixture and designs")
struct GoldenFixtureTests {
    static let designs = ["srs", "weighted", "stratclust", "poststrat", "raked", "lonely"]

    @Test("the fixture reads as 400 synthetic rows with the codebook's multiple-response set")
    func fixture() throws {
        let fixture = try GoldenFixture.shared()
        #expect(fixture.rowCount == 400)
        #expect(fixture.dataset.codebook.synthetic)
        #expect(fixture.dataset.codebook.multipleResponseSet(named: "mr")?.items.count == 5)
        let innov = try fixture.dataset.codes(of: "innov")
        #expect(innov.count(where: { $0 == 8 }) == 34)
        #expect(innov.count(where: { $0 == Column.systemMissing }) == 10)
    }

    @Test("rows, design degrees of freedom, Σw and Kish's deff agree with R", arguments: designs)
    func design(_ name: String) throws {
        let golden = try GoldenFile.load(name)
        #expect(golden.synthetic)
        #expect(golden.generator.surveyVersion == "4.1.1")
        let design = try GoldenFixture.shared().design(for: golden, lonelyPSU: .remove)
        #expect(design.rowCount == golden.rows)
        #expect(design.degreesOfFreedom == golden.degf, "\(name): degf")
        expectClose(design.weights.reduce(0, +), golden.sumWeights, relative: 1e-12, "\(name): Σw")
        expectClose(design.kishDesignEffect, golden.kishDeff, relative: 1e-12, "\(name): Kish deff")
    }

    @Test("the subset fixture keeps only the accepted rows")
    func subset() throws {
        let fixture = try GoldenFixture.load(keepingRows: { $0 < 10 })
        #expect(fixture.rowCount == 10)
        #expect(try fixture.dataset.measurements(of: "id") == (1...10).map(Double.init))
    }
}
