/// The links between two consecutive municipal structures.
struct Succession: Sendable {
    /// Numbers in the later structure for each number in the earlier one.
    let forward: [String: [String]]
    /// Numbers in the earlier structure for each number in the later one.
    let backward: [String: [String]]
    /// For a link that splits a municipality back along older borders (Ålesund 1507 → Haram 1580 in
    /// 2024), the 2019 numbers whose area the new municipality covers.
    let areaOf2019: [Link: Set<String>]

    struct Link: Sendable, Hashable {
        let from: String
        let to: String
    }
}

extension MunicipalityRegister {
    /// Index of the 2019 structure, whose numbers name areas in ``Succession/areaOf2019``.
    static let snapshot2019 = 1

    /// Follows the municipal changes from snapshot `from` to snapshot `to` (either direction) and
    /// returns the numbers, sorted, that cover part of `number`'s area.
    func walk(_ number: String, from: Int, to: Int) -> [String] {
        guard from != to else { return [number] }
        // Each path carries the 2019 areas it is confined to, so that Haram 1534 (2019) reaches only
        // Haram 1580 (2024), not the Ålesund it was part of in 2020–2023.
        var frontier: [(number: String, area2019: Set<String>?)] = [
            (number, from == Self.snapshot2019 ? [number] : nil)
        ]
        let step = from < to ? 1 : -1
        var index = from
        while index != to {
            let link = step > 0 ? edges[index] : edges[index - 1]
            var next: [(number: String, area2019: Set<String>?)] = []
            for (current, area) in frontier {
                let targets = (step > 0 ? link.forward[current] : link.backward[current]) ?? []
                for target in targets {
                    let key = step > 0 ? Succession.Link(from: current, to: target) : .init(from: target, to: current)
                    var confined = area
                    if let restriction = link.areaOf2019[key] {
                        if let area, area.isDisjoint(with: restriction) { continue }
                        confined = area.map { $0.intersection(restriction) } ?? restriction
                    }
                    if index + step == Self.snapshot2019 {
                        if let confined, !confined.contains(target) { continue }
                        confined = [target]
                    }
                    next.append((target, confined))
                }
            }
            var seen: Set<String> = []
            frontier = next.filter { seen.insert($0.number).inserted }
            index += step
        }
        return frontier.map(\.number).sorted()
    }
}
