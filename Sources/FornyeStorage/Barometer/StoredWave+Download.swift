public import FornyeStatistics

extension StoredWave {
    /// The wave as analysts download it: the answers followed by the design, so the file can be
    /// analysed as Fornye analyses it (R: `svydesign(ids = ~psu, strata = ~stratum, weights = ~weight)`).
    ///
    /// - `weight`: the weight every estimate uses, raked to the wave's population margins when it has any;
    /// - `weight_before_raking`: the stored weight, only when the wave is raked;
    /// - `stratum` and `psu`: only when the design has them.
    ///
    /// A name the instrument already uses gets the prefix `design_`, so no answer is overwritten.
    public func downloadDataset() throws(StatisticsError) -> Dataset {
        let calibrated = try calibrated()
        var codebook = dataset.codebook
        var columns: [String: Column] = [:]
        for variable in codebook.variables { columns[variable.name] = try dataset.column(named: variable.name) }
        let taken = Set(codebook.variables.map(\.name))
        func add(_ name: String, _ label: String, _ english: String, _ kind: VariableKind, _ column: Column) {
            let free = taken.contains(name) ? "design_" + name : name
            codebook.variables.append(Variable(name: free, label: label, labelEnglish: english, kind: kind))
            columns[free] = column
        }
        add(
            "weight", margins.isEmpty ? "Vekt" : "Vekt, kalibrert til populasjonstallene",
            margins.isEmpty ? "Weight" : "Weight, raked to the population margins", .numeric,
            .numbers(calibrated.design.weights))
        if !margins.isEmpty {
            add("weight_before_raking", "Vekt før kalibrering", "Weight before raking", .numeric, .numbers(weights))
        }
        if let strata { add("stratum", "Stratum", "Stratum", .text, .texts(strata)) }
        if let clusters {
            add("psu", "Primær utvalgsenhet (klynge)", "Primary sampling unit (cluster)", .text, .texts(clusters))
        }
        return try Dataset(codebook: codebook, columns: columns)
    }
}
