public import FornyeStatistics

/// Which columns of a data file describe the sampling design, as written beside the codebook:
///
/// ```yaml
/// weight: vekt
/// strata: stratum
/// cluster: kommune
/// fpc: populasjon
/// lonely_psu: adjust
/// ```
///
/// Each name is an extra column of the file (read as raw text, see `DatasetReader`) or a codebook
/// variable: weights and fpc from a numeric one, strata and clusters from any variable.
public struct DesignSpecification: Sendable, Codable, Hashable {
    /// Sampling weights; every row weighs 1 when nil.
    public var weight: String?
    /// Stratum of each row; one stratum when nil.
    public var strata: String?
    /// First-stage cluster (PSU) of each row, read within strata; each row its own PSU when nil.
    public var cluster: String?
    /// Population size of the stratum in PSUs, or the sampling fraction (see `SurveyDesign`).
    public var fpc: String?
    public var lonelyPSU: LonelyPSUPolicy

    public init(
        weight: String? = nil, strata: String? = nil, cluster: String? = nil, fpc: String? = nil,
        lonelyPSU: LonelyPSUPolicy = .fail
    ) {
        self.weight = weight
        self.strata = strata
        self.cluster = cluster
        self.fpc = fpc
        self.lonelyPSU = lonelyPSU
    }

    enum CodingKeys: String, CodingKey {
        case weight, strata, cluster, fpc
        case lonelyPSU = "lonely_psu"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        weight = try container.decodeIfPresent(String.self, forKey: .weight)
        strata = try container.decodeIfPresent(String.self, forKey: .strata)
        cluster = try container.decodeIfPresent(String.self, forKey: .cluster)
        fpc = try container.decodeIfPresent(String.self, forKey: .fpc)
        lonelyPSU = try container.decodeIfPresent(LonelyPSUPolicy.self, forKey: .lonelyPSU) ?? .fail
    }

    /// The design columns that are not codebook variables: what to pass as `extraColumns` when
    /// reading the data.
    ///
    /// ```swift
    /// let data = try DatasetReader.read(csv: url, codebook: codebook, extraColumns: spec.extraColumns(for: codebook))
    /// ```
    public func extraColumns(for codebook: Codebook) -> [String] {
        var seen = Set<String>()
        return [weight, strata, cluster, fpc].compactMap { $0 }.filter { name in
            codebook.variable(named: name) == nil && seen.insert(name).inserted
        }
    }

    /// Builds the survey design of loaded data. Every refusal names the file, and for a bad
    /// cell (a missing or negative weight, an empty stratum) its line, column and field.
    ///
    /// ```swift
    /// let data = try DatasetReader.read(csv: url, codebook: codebook, extraColumns: ["vekt", "stratum"])
    /// let design = try DesignSpecification(weight: "vekt", strata: "stratum").design(for: data)
    /// ```
    public func design(for data: LoadedData) throws(FormatError) -> SurveyDesign {
        let source = data.source
        guard data.dataset.rowCount > 0 else {
            throw .located(FileLocation(file: source.file), "the file has no data rows; a design needs at least one")
        }
        let weights = try weight.map { name throws(FormatError) in try numbers(name, role: "weight", in: data) }
        if let weight, let weights, let row = weights.firstIndex(where: { $0 < 0 }) {
            throw source.error(row: row, column: weight, "weight \(weights[row]) is negative")
        }
        let fpcValues = try fpc.map { name throws(FormatError) in try numbers(name, role: "fpc", in: data) }
        if let fpc, let fpcValues, let row = fpcValues.firstIndex(where: { $0 <= 0 }) {
            throw source.error(row: row, column: fpc, "fpc \(fpcValues[row]) must be positive")
        }
        let strataLabels = try strata.map { name throws(FormatError) in try labels(name, role: "stratum", in: data) }
        let clusterLabels = try cluster.map { name throws(FormatError) in try labels(name, role: "cluster", in: data) }
        do {
            return try SurveyDesign(
                rowCount: data.dataset.rowCount, weights: weights, strata: strataLabels, clusters: clusterLabels,
                fpc: fpcValues, lonelyPSU: lonelyPSU)
        } catch {
            if case .invalidValue(let role, let row, let message) = error,
                let column = role == "fpc" ? fpc : weight
            {
                throw source.error(row: row - 1, column: column, message)
            }
            throw .located(FileLocation(file: source.file), error.description)
        }
    }

    /// A numeric design column: an extra column parsed as numbers, or a numeric variable.
    private func numbers(_ name: String, role: String, in data: LoadedData) throws(FormatError) -> [Double] {
        let source = data.source
        if let raw = data.extraColumns[name] {
            let separator: Character = source.decimalSeparator == .comma ? "," : "."
            return try raw.enumerated().map { (row, field) throws(FormatError) in
                let text = field.trimmingWhitespace
                guard !text.isEmpty else { throw source.error(row: row, column: name, "the \(role) is missing") }
                guard case .success(let value) = CSVValueParsing.number(text, decimalSeparator: separator) else {
                    throw source.error(
                        row: row, column: name,
                        "the \(role) \"\(field)\" is not a number with \"\(separator)\" before decimals")
                }
                return value
            }
        }
        let variable = try variable(name, role: role, in: data)
        guard variable.kind == .numeric, let values = try? data.dataset.measurements(of: name) else {
            throw .located(
                FileLocation(file: source.file, line: 1, column: source.columns[name], field: name),
                "the \(role) must be a numeric variable or an extra column, but \(name) is \(variable.kind.rawValue)")
        }
        if let row = values.firstIndex(where: \.isNaN) {
            throw source.error(row: row, column: name, "the \(role) is missing")
        }
        return values
    }

    /// A grouping design column: an extra column's text, or a variable's codes or values.
    private func labels(_ name: String, role: String, in data: LoadedData) throws(FormatError) -> [String] {
        let source = data.source
        let labels: [String?]
        if let raw = data.extraColumns[name] {
            labels = raw.map { field in
                let text = field.trimmingWhitespace
                return text.isEmpty ? nil : text
            }
        } else {
            let variable = try variable(name, role: role, in: data)
            let dataset = data.dataset
            labels = (0..<dataset.rowCount).map { row in
                guard (try? dataset.missingKind(of: name, row: row)) == .some(nil) else { return nil }
                return switch try? dataset.column(named: name) {
                case .codes(let codes): String(codes[row])
                case .numbers(let values): variable.kind == .numeric ? "\(values[row])" : nil
                case .texts(let texts): texts[row]
                case nil: nil
                }
            }
        }
        if let row = labels.firstIndex(of: nil) {
            throw source.error(row: row, column: name, "the \(role) is missing")
        }
        return labels.map { $0 ?? "" }
    }

    private func variable(_ name: String, role: String, in data: LoadedData) throws(FormatError) -> Variable {
        guard let variable = data.dataset.codebook.variable(named: name) else {
            throw .located(
                FileLocation(file: data.source.file, line: 1, field: name),
                "the \(role) column \"\(name)\" is neither a codebook variable nor an extra column read with the data")
        }
        return variable
    }
}
