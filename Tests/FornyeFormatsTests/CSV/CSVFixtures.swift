import FornyeFormats
import FornyeStatistics
import Foundation

/// A codebook with every variable kind, for the CSV reader tests.
enum CSVFixtures {
    static let codebook = Codebook(
        title: "Test",
        synthetic: true,
        variables: [
            Variable(
                name: "sektor", label: "Sektor", kind: .singleChoice,
                valueLabels: [
                    ValueLabel(code: 1, label: "Helse"), ValueLabel(code: 2, label: "Skole"),
                    ValueLabel(code: 3, label: "Teknisk"),
                ],
                missingCodes: [8: .dontKnow, 9: .notApplicable]),
            Variable(
                name: "tilfreds", label: "Tilfredshet", kind: .ordinal,
                valueLabels: (1...5).map { ValueLabel(code: $0, label: "\($0)") }, missingCodes: [8: .dontKnow]),
            Variable(
                name: "r1", label: "Kvalitet", kind: .multipleChoiceItem,
                valueLabels: [ValueLabel(code: 0, label: "Nei"), ValueLabel(code: 1, label: "Ja")],
                missingCodes: [9: .notApplicable]),
            Variable(name: "r2", label: "Effektivitet", kind: .multipleChoiceItem),
            Variable(name: "ansatte", label: "Ansatte", kind: .numeric, missingCodes: [999: .dontKnow]),
            Variable(name: "kommentar", label: "Kommentar", kind: .text),
        ],
        multipleResponseSets: [MultipleResponseSet(name: "resultater", label: "Resultater", items: ["r1", "r2"])]
    )

    static let header = "sektor,tilfreds,r1,r2,ansatte,kommentar"

    /// The location and message of the error reading `text` throws, or nil when it reads.
    static func failure(
        _ text: String, extraColumns: [String] = [], options: CSVOptions = .init()
    ) -> (location: FileLocation, message: String)? {
        failure { () throws(FormatError) in
            try DatasetReader.parse(
                csv: text, file: "test.csv", codebook: codebook, extraColumns: extraColumns, options: options)
        }
    }

    static func failure(
        data: Data, extraColumns: [String] = [], options: CSVOptions = .init()
    ) -> (location: FileLocation, message: String)? {
        failure { () throws(FormatError) in
            try DatasetReader.parse(
                csv: data, file: "test.csv", codebook: codebook, extraColumns: extraColumns, options: options)
        }
    }

    static func failure(_ body: () throws(FormatError) -> LoadedData) -> (location: FileLocation, message: String)? {
        do {
            _ = try body()
            return nil
        } catch {
            guard case .located(let location, let message) = error else { return nil }
            return (location, message)
        }
    }
}

extension Column {
    /// The values with NaN as nil, so that empty numeric cells compare equal.
    var comparable: [String?] {
        switch self {
        case .codes(let codes): codes.map { $0 == Column.systemMissing ? nil : String($0) }
        case .numbers(let values): values.map { $0.isNaN ? nil : String($0) }
        case .texts(let texts): texts
        }
    }
}
