import FornyeStatistics

/// The flags a reader sees. Primary and secondary suppression look alike in every output, as in
/// Statistics Norway's and Eurostat's tables: telling them apart would show which hidden cells
/// are the small ones and undo the secondary suppression.
enum PublishedFlags {
    static func names(of cell: EstimateCell) -> [String] {
        Set(
            cell.flags.map { flag in
                switch flag {
                case .suppressedPrimary, .suppressedSecondary: "suppressed"
                default: flag.rawValue
                }
            }
        ).sorted()
    }
}
