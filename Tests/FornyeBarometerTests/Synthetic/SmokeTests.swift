import FornyeBarometer
import FornyeStatistics
import Foundation
import Testing

@Suite("Synthetic smoke")
struct SyntheticSmokeTests {
    @Test func generates() throws {
        let codebook = try Instrument.innovasjonsbarometer2018.codebook()
        _ = FrameScaffolding.frame2018
        _ = try SyntheticBarometer.baseline2018(codebook: codebook, frame: FrameScaffolding.frame2018)
        let start = Date()
        let wave = try SyntheticBarometer.baseline2018(codebook: codebook, frame: FrameScaffolding.frame2018)
        print("elapsed", Date().timeIntervalSince(start))
        print("unfilled", wave.unfilledVariables)
        let design = try SurveyDesign(rowCount: wave.dataset.rowCount)
        let estimator = Estimator(dataset: wave.dataset, design: design)
        for name in ["innovated", "landsdel", "population_size", "spread", "centrality"] {
            let table = try estimator.shares(of: name)
            print(name, table.cells.map { "\($0.category!.label)=\($0.cellCount)/\($0.baseCount)" })
        }
        let byCounty = try estimator.shares(of: "innovated", by: ["county"])
        for cell in byCounty.cells where cell.category?.code == 1 {
            print(cell.domain[0].label, cell.cellCount, cell.baseCount, String(format: "%.1f", cell.estimate * 100))
        }
        let byCentrality = try estimator.shares(of: "innovated", by: ["centrality"])
        for cell in byCentrality.cells where cell.category?.code == 1 {
            print(cell.domain[0].label, cell.cellCount, cell.baseCount, String(format: "%.1f", cell.estimate * 100))
        }
        for set in ["newest_type", "trigger", "financing", "results", "partners"] {
            let table = try estimator.multipleResponse(set, kind: .shareOfRespondents)
            print(set, table.cells.map { "\($0.category!.item!)=\($0.cellCount)/\($0.baseCount)" })
        }
    }
}
