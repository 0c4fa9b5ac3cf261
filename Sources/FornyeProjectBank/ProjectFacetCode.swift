/// The small integers that search keeps for a project's facets (FornyeStorage's
/// `ProjectFacetCodes`, one row per project), and how they pack into one number.
public enum ProjectFacetCode {
    /// A code's position in its list + 1, so that 0 stays "none or unknown".
    public static func of<Code: ProjectCode>(_ value: Code) -> Int {
        (Array(Code.allCases).firstIndex(of: value) ?? -1) + 1
    }

    public static let discontinued = of(ProjectStage.discontinued)
    public static let unknownStage = of(ProjectStage.unknown)

    /// A yes/no fact as a facet code: 1 yes, 2 no, 0 unknown (no filter value matches it).
    public static func answer(_ value: Bool?) -> Int { value.map { $0 ? 1 : 2 } ?? 0 }

    /// Innovation types as bits: type t is bit t − 1; codes outside 1–4 are left out.
    public static func typeBits(_ types: [Int]) -> Int {
        types.filter { (1...4).contains($0) }.reduce(0) { $0 | 1 << ($1 - 1) }
    }

    /// The facet values in one integer: types bits 0–3, stage 4–7, sector 8–11, county 12–19,
    /// centrality 20–23, research 24–27, evaluated 28–29 (1 yes, 2 no, 0 unknown), Los themes
    /// 30–43 (a mask, ``LosThemes``; migration 0092); search reads one number per match and
    /// counts every facet from it.
    public static func packed(
        types: Int, stage: Int, sector: Int, county: Int, centrality: Int, research: Int, evaluated: Int,
        themes: Int = 0
    ) -> Int {
        types + 16 * stage + 256 * sector + 4096 * county + 1_048_576 * centrality + 16_777_216 * research
            + 268_435_456 * evaluated + themesFactor * themes
    }

    /// The factor of the themes mask in the packed codes (bit 30).
    public static let themesFactor = 1_073_741_824

    /// The values of a document not yet stored that "similar projects" compares, as the packed
    /// number holds them.
    public static func values(of document: ProjectDocument) -> (types: Int, sector: Int, stage: Int) {
        (typeBits(document.innovationTypes), document.sector ?? 0, of(document.stage))
    }
}
