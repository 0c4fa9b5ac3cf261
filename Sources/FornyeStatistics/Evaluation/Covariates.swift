/// One column of a balance table: a numeric covariate's value, or one category of a coded
/// covariate as a 0/1 indicator (its mean is a share).
public struct CovariateColumn: Sendable, Codable, Hashable {
    public var variable: String
    /// The category, for a coded covariate; nil for a numeric one.
    public var code: Int?
    /// `size` or `region2`, as R names a factor level.
    public var name: String { code.map { "\(variable)\($0)" } ?? variable }
}

/// Covariates as numeric columns: numeric variables as they are, coded ones as one indicator per
/// substantive category. NaN marks a missing value.
struct CovariateMatrix {
    let columns: [CovariateColumn]
    let values: [[Double]]
    /// For each column, whether it is the first category of its variable (left out where an
    /// intercept or a group count already fixes the categories' sum).
    let isReference: [Bool]

    init(_ covariates: [String], dataset: Dataset) throws(StatisticsError) {
        guard !covariates.isEmpty else { throw .invalidArgument("balance needs at least one covariate") }
        guard Set(covariates).count == covariates.count else {
            throw .invalidArgument("a covariate is named twice in \(covariates)")
        }
        var columns: [CovariateColumn] = []
        var values: [[Double]] = []
        var isReference: [Bool] = []
        for name in covariates {
            let variable = try dataset.variable(named: name)
            switch variable.kind {
            case .numeric:
                columns.append(CovariateColumn(variable: name, code: nil))
                values.append(try dataset.measurements(of: name))
                isReference.append(false)
            case .singleChoice, .ordinal:
                let coded = try CodedValues(name, in: dataset, missing: .substantiveOnly)
                for (position, code) in coded.categories.enumerated() {
                    columns.append(CovariateColumn(variable: name, code: code))
                    values.append(coded.categoryOfRow.map { $0.map { $0 == position ? 1 : 0 } ?? .nan })
                    isReference.append(position == 0)
                }
            case .multipleChoiceItem, .text:
                throw .wrongKind(
                    variable: name, expected: "a numeric or single-choice covariate", actual: variable.kind)
            }
        }
        self.columns = columns
        self.values = values
        self.isReference = isReference
    }

    /// Refuses a row among `rows` without a value on some covariate.
    func requireComplete(_ rows: [Int], what: String) throws(StatisticsError) {
        for row in rows {
            if let column = values.indices.first(where: { values[$0][row].isNaN }) {
                throw .invalidValue(
                    variable: columns[column].variable, row: row + 1,
                    message: "\(what) needs every covariate on every row of the groups")
            }
        }
    }
}
