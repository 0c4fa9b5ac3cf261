import FornyeBarometer
public import FornyeStatistics
public import Foundation

/// Converts between a `Dataset` with its `Codebook` and an SPSS system file.
///
/// Coded variables become numeric variables with value labels; their "vet ikke" / "ikke relevant"
/// codes become SPSS user-missing values (discrete, or a range when there are more than three)
/// with a label naming the kind. Measurement levels follow the kind (nominal, ordinal, scale),
/// multiple-response sets become multiple-dichotomy sets counting 1, text becomes strings (very
/// long ones when needed). What SPSS has no slot for (English labels, the variable kind, the
/// missing kind of each code) is kept in variable attributes, so that Fornye reads its own files
/// back exactly and other tools still see an ordinary file.
///
/// Synthetic data are marked in the file label, a document and a file attribute.
public enum SAVDatasetMapping {
    // MARK: Dataset → SAV

    public static func file(from dataset: Dataset) throws(FormatError) -> SAVFile {
        let codebook = dataset.codebook
        var variables: [SAVVariable] = []
        for variable in codebook.variables {
            let column: Column
            do { column = try dataset.column(named: variable.name) } catch {
                throw .located(FileLocation(file: "(dataset)", field: variable.name), error.description)
            }
            var attributes: [String: [String]] = ["fornye_kind": [variable.kind.rawValue]]
            if let english = variable.labelEnglish { attributes["label_en"] = [english] }
            let english = variable.valueLabels.compactMap { value in value.labelEnglish.map { "\(value.code)=\($0)" } }
            if !english.isEmpty { attributes["value_labels_en"] = english }
            if !variable.missingCodes.isEmpty {
                attributes["fornye_missing"] = variable.missingCodes.keys.sorted().map {
                    "\($0)=\(variable.missingCodes[$0]!.rawValue)"
                }
            }
            var sav = SAVVariable(
                name: variable.name, label: variable.label == variable.name ? nil : variable.label,
                values: .numbers([]),
                attributes: attributes)
            switch column {
            case .codes(let codes):
                sav.values = .numbers(codes.map { $0 == Column.systemMissing ? .nan : Double($0) })
                sav.measure = variable.kind == .ordinal ? .ordinal : .nominal
            case .numbers(let values):
                sav.values = .numbers(values)
                sav.measure = .scale
                sav.decimals = values.allSatisfy { $0.isNaN || $0 == $0.rounded() } ? 0 : 2
            case .texts(let texts):
                sav.values = .strings(texts.map { $0 ?? "" })
                let widest = texts.reduce(1) { max($0, $1?.utf8.count ?? 0) }
                guard widest <= SAVWriter.maximumStringWidth else {
                    throw .located(
                        FileLocation(file: "(dataset)", field: variable.name),
                        "a text of \(widest) bytes is longer than SPSS's \(SAVWriter.maximumStringWidth)")
                }
                sav.width = widest
                sav.measure = .nominal
            }
            if variable.kind != .text {
                sav.valueLabels = variable.valueLabels.map { (Double($0.code), $0.label) }
                for code in variable.missingCodes.keys.sorted() where variable.kind.isCoded {
                    sav.valueLabels.append((Double(code), missingLabel(variable.missingCodes[code]!)))
                }
                sav.missing = try missingValues(variable)
            }
            variables.append(sav)
        }
        var file = SAVFile(
            fileLabel: codebook.title ?? "", variables: variables,
            multipleResponseSets: codebook.multipleResponseSets.map {
                SAVMultipleResponseSet(
                    name: $0.name, label: $0.label, kind: .dichotomy(countedValue: "1"), variables: $0.items)
            })
        if codebook.synthetic {
            if !file.fileLabel.uppercased().contains(SyntheticLabel.marker) {
                file.fileLabel = SyntheticLabel.marker + (file.fileLabel.isEmpty ? "" : " – " + file.fileLabel)
            }
            file.documents = [
                "\(SyntheticLabel.marker): genererte svar, ikke virkelige kommuner eller personer.",
                "SYNTHETIC DATA: generated responses, not real municipalities or people.",
            ]
            file.fileAttributes["fornye_synthetic"] = ["1"]
        }
        let englishSets = codebook.multipleResponseSets.compactMap { set in set.labelEnglish.map { "\(set.name)=\($0)" }
        }
        if !englishSets.isEmpty { file.fileAttributes["mrset_labels_en"] = englishSets }
        if let title = codebook.title { file.fileAttributes["fornye_title"] = [title] }
        return file
    }

    static func missingLabel(_ kind: MissingKind) -> String {
        switch kind {
        case .dontKnow: "Vet ikke"
        case .notApplicable: "Ikke relevant"
        case .system: "Mangler"
        }
    }

    private static func missingValues(_ variable: Variable) throws(FormatError) -> SAVVariable.Missing {
        let codes = variable.missingCodes.keys.sorted()
        if codes.count <= 3 { return .init(discrete: codes.map(Double.init)) }
        // More than three: a range over the highest codes plus at most one discrete code below it.
        let labelled = Set(variable.valueLabels.map(\.code))
        for split in 0...1 {
            let discrete = Array(codes.prefix(split))
            let ranged = Array(codes.dropFirst(split))
            if let low = ranged.first, let high = ranged.last, !labelled.contains(where: { (low...high).contains($0) }),
                Set(low...high) == Set(ranged)
            {
                return .init(discrete: discrete.map(Double.init), range: Double(low)...Double(high))
            }
        }
        throw .located(
            FileLocation(file: "(dataset)", field: variable.name),
            "SPSS holds at most three missing codes, or one range and one code; \(codes) cannot be written")
    }

    // MARK: SAV → Dataset

    /// The dataset a system file holds. Numeric variables with value labels become coded
    /// variables (ordinal when their measure is ordinal; items of a dichotomy set counting 1 become
    /// multiple-choice items); every value must then be a labelled or missing code.
    public static func dataset(from file: SAVFile, source: String) throws(FormatError) -> Dataset {
        let itemNames = Set(
            file.multipleResponseSets.filter { $0.kind == .dichotomy(countedValue: "1") }.flatMap(\.variables))
        var variables: [Variable] = []
        var columns: [String: Column] = [:]
        for sav in file.variables {
            let location = FileLocation(file: source, field: sav.name)
            var variable = Variable(
                name: sav.name, label: sav.label ?? sav.name, labelEnglish: sav.attributes["label_en"]?.first,
                kind: .numeric)
            let declaredKind = sav.attributes["fornye_kind"]?.first.flatMap(VariableKind.init(rawValue:))
            switch sav.values {
            case .strings(let strings):
                variable.kind = .text
                columns[sav.name] = .texts(strings.map { $0.isEmpty ? nil : $0 })
            case .numbers(let values):
                let missing = try missingCodes(sav, location: location)
                let missingSet = Set(missing.keys)
                // Value labels make a coded variable when every value in the data is a whole number
                // that is labelled or missing; otherwise the values are kept as measurements.
                let labelledCodes = Set(sav.valueLabels.compactMap { Int(exactly: $0.value) }).union(missingSet)
                let allCoded =
                    !labelledCodes.subtracting(missingSet).isEmpty
                    && values.allSatisfy { $0.isNaN || Int(exactly: $0).map(labelledCodes.contains) == true }
                let kind: VariableKind =
                    declaredKind
                    ?? (itemNames.contains(sav.name)
                        ? .multipleChoiceItem
                        : allCoded ? (sav.measure == .ordinal ? .ordinal : .singleChoice) : .numeric)
                variable.kind = kind
                variable.missingCodes = missing
                if kind == .text {
                    throw .located(location, "is numeric in the file but marked as text")
                }
                if kind.isCoded {
                    let english = Dictionary(
                        (sav.attributes["value_labels_en"] ?? []).compactMap { entry -> (Int, String)? in
                            let parts = entry.split(separator: "=", maxSplits: 1)
                            guard parts.count == 2, let code = Int(parts[0]) else { return nil }
                            return (code, String(parts[1]))
                        }, uniquingKeysWith: { first, _ in first })
                    for (value, label) in sav.valueLabels {
                        guard let code = Int(exactly: value) else {
                            throw .located(
                                location, "value label \"\(label)\" is for \(value), not a whole-number code")
                        }
                        if missingSet.contains(code) { continue }
                        variable.valueLabels.append(ValueLabel(code: code, label: label, labelEnglish: english[code]))
                    }
                    if kind == .multipleChoiceItem {
                        variable.valueLabels.removeAll { ![0, 1].contains($0.code) }
                        if variable.valueLabels.isEmpty {
                            variable.valueLabels = [
                                ValueLabel(code: 0, label: "Ikke valgt", labelEnglish: "Not selected"),
                                ValueLabel(code: 1, label: "Valgt", labelEnglish: "Selected"),
                            ]
                        }
                    }
                    var codes: [Int32] = []
                    codes.reserveCapacity(values.count)
                    for (row, value) in values.enumerated() {
                        if value.isNaN {
                            codes.append(Column.systemMissing)
                            continue
                        }
                        guard let code = Int32(exactly: value), code != Column.systemMissing else {
                            throw .located(
                                FileLocation(file: source, line: row + 1, field: sav.name),
                                "case \(row + 1): \(value) is not a whole-number code")
                        }
                        codes.append(code)
                    }
                    columns[sav.name] = .codes(codes)
                } else {
                    columns[sav.name] = .numbers(values)
                }
            }
            variables.append(variable)
        }
        let englishSets = Dictionary(
            (file.fileAttributes["mrset_labels_en"] ?? []).compactMap { entry -> (String, String)? in
                let parts = entry.split(separator: "=", maxSplits: 1)
                return parts.count == 2 ? (String(parts[0]), String(parts[1])) : nil
            }, uniquingKeysWith: { first, _ in first })
        let sets = file.multipleResponseSets.filter { $0.kind == .dichotomy(countedValue: "1") }.map {
            MultipleResponseSet(name: $0.name, label: $0.label, labelEnglish: englishSets[$0.name], items: $0.variables)
        }
        let synthetic =
            file.fileAttributes["fornye_synthetic"] == ["1"]
            || file.fileLabel.uppercased().contains(SyntheticLabel.marker)
        let title = file.fileAttributes["fornye_title"]?.first ?? (file.fileLabel.isEmpty ? nil : file.fileLabel)
        let codebook = Codebook(title: title, synthetic: synthetic, variables: variables, multipleResponseSets: sets)
        do {
            return try Dataset(codebook: codebook, columns: columns)
        } catch {
            if case .invalidValue(let variable, let row, let message) = error {
                throw .located(FileLocation(file: source, line: row, field: variable), "case \(row): \(message)")
            }
            throw .located(FileLocation(file: source), error.description)
        }
    }

    /// The integer missing codes of a numeric variable, with their kinds: from the attribute Fornye
    /// writes, else from the value label ("vet ikke", "ikke relevant"), else "vet ikke".
    private static func missingCodes(_ sav: SAVVariable, location: FileLocation) throws(FormatError) -> [Int:
        MissingKind]
    {
        var codes: [Int] = []
        for value in sav.missing.discrete {
            guard let code = Int(exactly: value) else {
                throw .located(
                    location, "missing value \(value) is not a whole number; Fornye keeps whole-number missing codes")
            }
            codes.append(code)
        }
        if let range = sav.missing.range {
            guard let low = Int(exactly: range.lowerBound.rounded(.up)),
                let high = Int(exactly: range.upperBound.rounded(.down)),
                high - low < 1000
            else {
                throw .located(
                    location,
                    "missing range \(range.lowerBound)–\(range.upperBound) is too wide; list the missing codes")
            }
            if low <= high { codes += Array(low...high) }
        }
        let declared = Dictionary(
            (sav.attributes["fornye_missing"] ?? []).compactMap { entry -> (Int, MissingKind)? in
                let parts = entry.split(separator: "=", maxSplits: 1)
                guard parts.count == 2, let code = Int(parts[0]), let kind = MissingKind(rawValue: String(parts[1])),
                    kind != .system
                else { return nil }
                return (code, kind)
            }, uniquingKeysWith: { first, _ in first })
        var result: [Int: MissingKind] = [:]
        for code in codes {
            if let kind = declared[code] {
                result[code] = kind
                continue
            }
            let label = sav.valueLabels.first { $0.value == Double(code) }?.label.lowercased() ?? ""
            result[code] =
                label.contains("relevant") || label.contains("not applicable") || label.contains("gjelder ikke")
                ? .notApplicable : .dontKnow
        }
        return result
    }

    /// Reads a .sav file into a dataset.
    public static func read(contentsOf url: URL) throws(FormatError) -> Dataset {
        try dataset(from: SAVReader.read(contentsOf: url), source: url.lastPathComponent)
    }

    /// Writes a dataset as a .sav file.
    public static func write(_ dataset: Dataset, to url: URL, compressed: Bool = true) throws(FormatError) {
        try SAVWriter.write(file(from: dataset), to: url, compressed: compressed)
    }
}
