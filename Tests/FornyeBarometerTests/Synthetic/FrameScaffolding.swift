import FornyeBarometer
import Foundation

/// Temporary: a 2018 frame from the shared CSV files until the municipal register lands.
/// Population is the 2020 successor's shared equally; centrality is guessed from population.
enum FrameScaffolding {
    static let directory = URL(fileURLWithPath: "/work/shared/data")

    static func lines(_ name: String) -> [[String]] {
        let text = try! String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
        return text.split(whereSeparator: \.isNewline).dropFirst().map { $0.split(separator: ",").map(String.init) }
    }

    static let frame2018: SyntheticFrame = {
        let kommuner = lines("derived_no_kommuner_2018-01-01.csv")
        let mapping = lines("no_kommuner_2019_til_2020_kartverket.csv")
        let population2020 = Dictionary(
            lines("derived_no_kommuner2020_befolkning.csv").map { ($0[0], Int($0[4]) ?? 0) },
            uniquingKeysWith: { a, _ in a })
        var successor: [String: String] = [:]
        var predecessors: [String: Int] = [:]
        for line in mapping where successor[line[2]] == nil {
            successor[line[2]] = line[6]
            predecessors[line[6], default: 0] += 1
        }
        var counties: [Int: SyntheticFrame.County] = [:]
        let landsdel: [Int: Int] = [
            1: 1, 2: 1, 3: 1, 4: 1, 5: 1, 6: 1, 7: 1, 8: 1, 9: 2, 10: 2, 11: 2, 12: 2, 14: 2, 15: 3, 50: 3, 18: 4,
            19: 4, 20: 4,
        ]
        var municipalities: [SyntheticFrame.Municipality] = []
        for line in kommuner {
            let county = Int(line[2])!
            counties[county] = SyntheticFrame.County(number: county, name: line[3], landsdel: landsdel[county]!)
            let next = successor[line[0]]
            let population = next.map { (population2020[$0] ?? 4000) / max(predecessors[$0] ?? 1, 1) } ?? 2500
            let centrality =
                population >= 300_000
                ? 1
                : population >= 50_000
                    ? 2
                    : population >= 20_000
                        ? 3
                        : population >= 8000 ? 4 : population >= 3000 ? 5 : 6
            municipalities.append(
                SyntheticFrame.Municipality(
                    number: line[0], county: county, landsdel: landsdel[county]!, centrality: centrality,
                    sizeClass: ReportClassifications.populationSizeClass(of: population), population: population))
        }
        return SyntheticFrame(
            structureDate: "2018-01-01", municipalities: municipalities, counties: Array(counties.values))
    }()

    static let frame2020: SyntheticFrame = {
        let landsdel: [Int: Int] = [3: 1, 30: 1, 34: 1, 38: 1, 11: 2, 42: 2, 46: 2, 15: 3, 50: 3, 18: 4, 54: 4]
        var counties: [Int: SyntheticFrame.County] = [:]
        var municipalities: [SyntheticFrame.Municipality] = []
        for line in lines("derived_no_kommuner2020_befolkning.csv") {
            let county = Int(line[2])!
            counties[county] = SyntheticFrame.County(number: county, name: line[3], landsdel: landsdel[county]!)
            let population = Int(line[4]) ?? 3000
            let centrality =
                population >= 300_000
                ? 1
                : population >= 50_000
                    ? 2
                    : population >= 20_000
                        ? 3
                        : population >= 8000 ? 4 : population >= 3000 ? 5 : 6
            municipalities.append(
                SyntheticFrame.Municipality(
                    number: line[0], county: county, landsdel: landsdel[county]!, centrality: centrality,
                    sizeClass: ReportClassifications.populationSizeClass(of: population), population: population))
        }
        return SyntheticFrame(
            structureDate: "2020-01-01", municipalities: municipalities, counties: Array(counties.values))
    }()
}
