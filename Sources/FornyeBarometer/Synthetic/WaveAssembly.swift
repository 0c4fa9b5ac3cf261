import FornyeStatistics

/// Turns the generated rows into a dataset on the instrument's codebook, with the derived
/// variables and the calibration weight added and the codebook marked synthetic.
struct WaveAssembly {
    let frame: SyntheticFrame
    let title: String

    /// Variables the generator adds to the instrument's codebook: derived from kommunenummer
    /// (or, without one, from the county) and the weight.
    func derivedVariables() -> [Variable] {
        RespondentAttributes.variables(counties: frame.counties.map { ($0.number, $0.name) }) + [
            Variable(
                name: "weight", label: "Kalibreringsvekt (raket til syntetiske populasjonstall)",
                labelEnglish: "Calibration weight (raked to synthetic population counts)", kind: .numeric)
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
        let (counties, regions, municipality) = (rows.county, rows.landsdel, rows.municipality)
        rows.assign("county") { counties[$0] }
        rows.assign("landsdel") { regions[$0] }
        rows.assign("centrality") { municipality[$0] < 0 ? nil : frame.municipalities[municipality[$0]].centrality }
        rows.assign("population_size") { municipality[$0] < 0 ? nil : frame.municipalities[municipality[$0]].sizeClass }
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
    func weights(for rows: WaveRows, codebook: Codebook, population: SyntheticPopulation) throws(SyntheticDataError)
        -> (SurveyDesign, RakingReport)
    {
        do {
            let names = population.margins.map(\.variable)
            var variables: [Variable] = []
            var columns: [String: Column] = [:]
            for name in names {
                guard let variable = codebook.variable(named: name) else {
                    throw SyntheticDataError.codebookMismatch("the weighting margin \(name) is not in the codebook")
                }
                variables.append(variable)
                columns[name] = .codes(rows[name])
            }
            let margins = try Dataset(codebook: Codebook(variables: variables), columns: columns)
            let unitTypes = rows["unit_type"]
            var respondents: [Int32: Double] = [:]
            for code in unitTypes { respondents[code, default: 0] += 1 }
            let start = unitTypes.map { population.unitTypes[Int($0)]! / respondents[$0]! }
            let design = try SurveyDesign(rowCount: rows.count, weights: start)
            return try Weighting.rake(design, data: margins, to: population.margins)
        } catch let error as SyntheticDataError {
            throw error
        } catch {
            throw .statistics("\(error)")
        }
    }
}
