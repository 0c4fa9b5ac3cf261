extension SimilarityTerms {
    /// The vector as stored beside its record (migration 0088): `term<TAB>weight` lines in term
    /// order, each weight written so that it reads back as the same `Double`. Index terms hold
    /// letters and digits only, so neither separator occurs in one.
    public var stored: String {
        weights.keys.sorted().map { "\($0)\t\(weights[$0]!)" }.joined(separator: "\n")
    }

    /// Reads ``stored``; nil when a line is not `term<TAB>weight` with a finite weight.
    public init?(stored text: String) {
        var weights: [String: Double] = [:]
        for line in text.split(separator: "\n") {
            guard let tab = line.firstIndex(of: "\t"), let weight = Double(line[line.index(after: tab)...]),
                weight.isFinite, tab != line.startIndex
            else { return nil }
            weights[String(line[..<tab])] = weight
        }
        self.init(weights: weights)
    }
}
