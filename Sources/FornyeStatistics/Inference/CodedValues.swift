/// The categories of a coded variable as one analysis sees them: the labelled codes and
/// the missing codes that the policy puts in the base, in codebook order.
struct CodedValues {
    /// Category codes in display order: labelled codes, then included missing codes ascending.
    let categories: [Int]
    /// Index into `categories` of each row, or nil when the row is not in the base.
    let categoryOfRow: [Int?]

    init(_ name: String, in dataset: Dataset, missing: MissingPolicy) throws(StatisticsError) {
        let variable = try dataset.variable(named: name)
        guard variable.kind.isCoded else {
            throw .wrongKind(variable: name, expected: "a coded variable", actual: variable.kind)
        }
        let codes = try dataset.codes(of: name)
        let categories = variable.categoryCodes(including: missing)
        var index: [Int32: Int] = [:]
        for (position, code) in categories.enumerated() { index[Int32(code)] = position }
        self.categories = categories
        categoryOfRow = codes.map { index[$0] }
    }

    /// The position of a code among the categories, or an error naming the variable.
    func position(of code: Int, variable: String) throws(StatisticsError) -> Int {
        guard let position = categories.firstIndex(of: code) else {
            throw .invalidArgument(
                "\(variable) has no category \(code) under this missing policy (categories: \(categories))")
        }
        return position
    }
}
