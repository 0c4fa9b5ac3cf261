/// The outcome and model matrix of a regression, built from a dataset: the rows used, the
/// terms and one column of values per term (zero on rows not used).
struct ModelFrame {
    let terms: [ModelTerm]
    /// `columns[j][i]` is the value of term j on row i.
    let columns: [[Double]]
    let outcome: [Double]
    /// Rows with a value on the outcome and on every predictor.
    let used: [Bool]
    /// For each factor, the level index of each used row (0 = reference), to check separation.
    let factorLevels: [(variable: String, codes: [Int], levelOfRow: [Int?])]

    init(
        outcome outcomeValues: [Double], predictors: [Predictor], dataset: Dataset, weights: [Double],
        missing: MissingPolicy
    ) throws(StatisticsError) {
        let rowCount = dataset.rowCount
        var used = outcomeValues.map { !$0.isNaN }
        var numericValues: [String: [Double]] = [:]
        var factorValues: [String: CodedValues] = [:]
        var seen = Set<String>()
        for predictor in predictors {
            guard seen.insert(predictor.variable).inserted else {
                throw .invalidArgument("predictor \(predictor.variable) is given twice")
            }
            let variable = try dataset.variable(named: predictor.variable)
            let asFactor: Bool
            switch predictor.coding {
            case .automatic: asFactor = variable.kind.isCoded
            case .numeric: asFactor = false
            case .factor: asFactor = true
            }
            if asFactor {
                let values = try CodedValues(predictor.variable, in: dataset, missing: missing)
                for row in 0..<rowCount where values.categoryOfRow[row] == nil { used[row] = false }
                factorValues[predictor.variable] = values
            } else {
                guard variable.kind == .numeric || variable.kind.isCoded else {
                    throw .wrongKind(
                        variable: predictor.variable, expected: "a numeric or coded variable", actual: variable.kind)
                }
                let values = try dataset.measurements(of: predictor.variable)
                for row in 0..<rowCount where values[row].isNaN { used[row] = false }
                numericValues[predictor.variable] = values
            }
        }
        guard used.contains(true) else {
            throw .emptyBase("no row has a value on the outcome and on every predictor")
        }

        var terms = [ModelTerm(kind: .intercept, variable: nil, name: "(Intercept)", label: "(Intercept)")]
        var columns = [used.map { $0 ? 1.0 : 0.0 }]
        var factorLevels: [(variable: String, codes: [Int], levelOfRow: [Int?])] = []
        for predictor in predictors {
            let variable = try dataset.variable(named: predictor.variable)
            if let values = numericValues[predictor.variable] {
                terms.append(
                    ModelTerm(kind: .numeric, variable: variable.name, name: variable.name, label: variable.label))
                columns.append((0..<rowCount).map { used[$0] ? values[$0] : 0 })
                continue
            }
            guard let values = factorValues[predictor.variable] else { continue }
            // Levels are the categories present among the rows used, so that no column is all zero.
            var present = [Bool](repeating: false, count: values.categories.count)
            for row in 0..<rowCount where used[row] && weights[row] > 0 {
                if let category = values.categoryOfRow[row] { present[category] = true }
            }
            let levels = values.categories.indices.filter { present[$0] }
            guard levels.count >= 2 else {
                throw .invalidArgument(
                    "predictor \(variable.name) takes a single value among the rows used; it cannot enter the model")
            }
            let reference = values.categories[levels[0]]
            var levelOfCategory = [Int?](repeating: nil, count: values.categories.count)
            for (level, category) in levels.enumerated() { levelOfCategory[category] = level }
            let levelOfRow: [Int?] = (0..<rowCount).map { row in
                guard used[row], let category = values.categoryOfRow[row] else { return nil }
                return levelOfCategory[category]
            }
            factorLevels.append((variable.name, levels.map { values.categories[$0] }, levelOfRow))
            for (level, category) in levels.enumerated().dropFirst() {
                let code = values.categories[category]
                terms.append(
                    ModelTerm(
                        kind: .factorLevel, variable: variable.name, code: code, referenceCode: reference,
                        name: "\(variable.name)\(code)", label: "\(variable.label): \(variable.label(of: code))"))
                columns.append(levelOfRow.map { $0 == level ? 1 : 0 })
            }
        }
        self.terms = terms
        self.columns = columns
        self.used = used
        self.factorLevels = factorLevels
        outcome = outcomeValues.enumerated().map { used[$0.offset] ? $0.element : 0 }
    }
}
