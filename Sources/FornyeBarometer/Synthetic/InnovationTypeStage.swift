import Foundation

/// The types of innovation: the newest innovation's type(s) (Fig 4-2, exact counts), the four
/// "did you take into use" items consistent with them and with `innovated`, and, for
/// non-innovators, whether development is under way.
struct InnovationTypeStage {
    let targets: WaveTargets

    /// Type codes of `ReportClassifications.innovationType` and the item asking about each.
    static let typeItems = [
        1: "innovated_service", 2: "innovated_product", 3: "innovated_organisation", 4: "innovated_communication",
    ]

    func run(_ rows: inout WaveRows, routing: Routing, seed: UInt64) throws(SyntheticDataError) {
        var random = SeededRandom(seed: seed, stream: "types")
        let base = routing.newestType
        let counts = targets.newestType.map { $0.resolved(in: base.count) }
        let snapshot = rows
        var table = TickTable(rows: base, options: [1, 2, 3, 4], random: &random) { row, type in
            Double(counts[type - 1]) / Double(base.count) * Self.unitLean(snapshot.unitType[row], type)
        }
        table.ensureNonEmpty()
        let everyone = Array(base.indices)
        try NewestInnovationStage.calibrate(
            &table, counts: Dictionary(uniqueKeysWithValues: (1...4).map { ($0, counts[$0 - 1]) }),
            options: [1, 2, 3, 4],
            among: everyone)
        table.write(into: &rows, set: "newest_type")
        for (position, row) in base.enumerated() {
            for type in 1...4 where table.isTicked(type, at: position) { rows.newestTypes[row] |= 1 << UInt8(type - 1) }
        }
        typeItems(&rows, table: table, routing: routing, random: &random)
        developmentUnderway(&rows, random: &random)
    }

    /// Where the report is silent: welfare technology makes products likelier in care homes,
    /// digital contact with parents makes communication likelier in schools and kindergartens.
    static func unitLean(_ unitType: Int, _ type: Int) -> Double {
        switch (unitType, type) {
        case (1, 2), (2, 2): 1.5
        case (4, 4), (5, 4), (6, 4): 1.3
        case (3, 1): 1.3
        case (4, 2), (5, 2): 0.6
        default: 1
        }
    }

    /// The per-type items: every type of the newest innovation is a "Ja"; other types are "Ja"
    /// for some innovators (earlier innovations), otherwise mostly "Nei" with some "Vet ikke".
    /// Non-innovators answer "Nei" to all four, which is what makes `innovated` "Nei".
    private func typeItems(_ rows: inout WaveRows, table: TickTable, routing: Routing, random: inout SeededRandom) {
        let otherYes = [1: 0.35, 2: 0.25, 3: 0.45, 4: 0.3]
        var columns = [[Int32]](repeating: [Int32](repeating: 2, count: rows.count), count: 5)
        for row in 0..<rows.count where rows.innovated[row] {
            var answers: [Int: Int] = [:]
            for type in 1...4 {
                if rows.hasType(row, type) {
                    answers[type] = 1
                } else if random.unit() < otherYes[type]! * exp(0.3 * rows.drive[row]) {
                    answers[type] = 1
                } else {
                    answers[type] = random.unit() < 0.9 ? 2 : 8
                }
            }
            if !answers.values.contains(1) {
                answers[[1, 3, 4, 2][random.index(below: 4)]] = 1
            }
            for (type, answer) in answers { columns[type][row] = Int32(answer) }
        }
        for type in 1...4 { rows[Self.typeItems[type]!] = columns[type] }
    }

    private func developmentUnderway(_ rows: inout WaveRows, random: inout SeededRandom) {
        let pool = (0..<rows.count).filter { !rows.innovated[$0] }
        let snapshot = rows
        let assignment = CategoryAssignment.assign(
            pool, shares: targets.developmentUnderway, order: [1, 8, 2], random: &random
        ) { row, code in
            code == 1 ? exp(0.7 * snapshot.drive[row]) : exp(-0.6 * snapshot.diligence[row])
        }
        rows.assign("development_underway", assignment)
    }
}
