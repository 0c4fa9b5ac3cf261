import FornyeStatistics

/// Turns the generated rows into a dataset on the instrument's codebook, with the derived
/// variables and the calibration weight added and the codebook marked synthetic.
struct WaveAssembly {
    let frame: SyntheticFrame
    let title: String

    /// Variables the generator adds to the instrument's codebook: derived from kommunenummer
    /// (or, without one, from the county) and the weight.
    func derivedVariables() -> [Variable] {
        func coded(_ name: String, _ label: String, _ english: String, _ list: CodeList) -> Variable {
            Variable(
                name: name, label: label, labelEnglish: english, kind: .singleChoice,
                valueLabels: list.entries.map {
                    ValueLabel(code: $0.code, label: $0.label, labelEnglish: $0.labelEnglish)
                })
        }
        let counties = Variable(
            name: "county", label: "Fylke", labelEnglish: "County", kind: .singleChoice,
            valueLabels: frame.counties.map { ValueLabel(code: $0.number, label: $0.name) })
        return [
            counties,
            coded("landsdel", "Landsdel", "Region", ReportClassifications.landsdel),
            coded(
                "centrality", "Sentralitet (SSB)", "Centrality (Statistics Norway)", ReportClassifications.centrality),
            coded(
                "population_size", "Kommunens befolkningsstørrelse", "Municipal population",
                ReportClassifications.populationSize),
            Variable(
                name: "weight", label: "Kalibreringsvekt (raket til syntetiske populasjonstall)",
                labelEnglish: "Calibration weight (raked to synthetic population counts)", kind: .numeric),
        ]
    }

    /// The codebook of the wave: the instrument's variables, then the derived ones it lacks.
    func codebook(from instrument: Codebook) -> Codebook {
        var codebook = instrument
        codebook.title = title
        codebook.synthetic = true
        for variable in derivedVariables() where codebook.variable(named: variable.name) == nil {
            codebook.variables.append(variable)
        }
        return codebook
    }

    /// Fills the derived columns from the sampled municipality or, without one, the county.
    func addDerived(_ rows: inout WaveRows) {
        for row in 0..<rows.count {
            rows.set("county", row: row, rows.county[row])
            rows.set("landsdel", row: row, rows.landsdel[row])
            let index = rows.municipality[row]
            guard index >= 0 else { continue }
            rows.set("centrality", row: row, frame.municipalities[index].centrality)
            rows.set("population_size", row: row, frame.municipalities[index].sizeClass)
        }
    }

    /// The dataset with the given weights; every generated column must be in the codebook.
    /// - Returns: the dataset and the coded variables of the codebook the generator left empty.
    func dataset(_ rows: WaveRows, codebook: Codebook, weights: [Double]) throws(SyntheticDataError)
        -> (Dataset, unfilled: [String])
    {
        for name in rows.codes.keys.sorted() where codebook.variable(named: name) == nil {
            throw .codebookMismatch("the generator fills \(name), which the codebook does not define")
        }
        var columns: [String: Column] = [:]
        var unfilled: [String] = []
        for variable in codebook.variables {
            switch variable.kind {
            case .singleChoice, .ordinal, .multipleChoiceItem:
                if let codes = rows.codes[variable.name] {
                    columns[variable.name] = .codes(codes)
                } else {
                    unfilled.append(variable.name)
                    columns[variable.name] = .codes(Array(repeating: Column.systemMissing, count: rows.count))
                }
            case .numeric:
                if variable.name == "weight" {
                    columns[variable.name] = .numbers(weights)
                } else {
                    unfilled.append(variable.name)
                    columns[variable.name] = .numbers(Array(repeating: .nan, count: rows.count))
                }
            case .text:
                if variable.name == "kommunenummer" {
                    columns[variable.name] = .texts(
                        rows.municipality.map { $0 < 0 ? nil : frame.municipalities[$0].number })
                } else {
                    columns[variable.name] = .texts(Array(repeating: nil, count: rows.count))
                }
            }
        }
        do {
            return (try Dataset(codebook: codebook, columns: columns), unfilled)
        } catch {
            throw .statistics(error.description)
        }
    }

    /// Calibration weights: each unit type's population over its respondents, raked to the unit
    /// type and landsdel margins of the (made-up) population.
    func weights(for dataset: Dataset, population: SyntheticPopulation) throws(SyntheticDataError)
        -> (SurveyDesign, RakingReport)
    {
        do {
            let unitTypes = try dataset.codes(of: "unit_type")
            var respondents: [Int32: Double] = [:]
            for code in unitTypes { respondents[code, default: 0] += 1 }
            let start = unitTypes.map { population.unitTypes[Int($0)]! / respondents[$0]! }
            let design = try SurveyDesign(rowCount: dataset.rowCount, weights: start)
            let (raked, report) = try Weighting.rake(design, data: dataset, to: population.margins)
            return (raked, report)
        } catch {
            throw .statistics(error.description)
        }
    }
}
