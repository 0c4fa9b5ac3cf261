import FornyeStatistics

extension Dataset {
    /// The same data with more variables (their columns must have the dataset's length).
    func adding(_ additions: [(variable: Variable, column: Column)]) throws(StatisticsError) -> Dataset {
        var codebook = self.codebook
        var columns: [String: Column] = [:]
        for variable in codebook.variables { columns[variable.name] = try column(named: variable.name) }
        for (variable, column) in additions {
            codebook.variables.append(variable)
            columns[variable.name] = column
        }
        return try Dataset(codebook: codebook, columns: columns)
    }
}
