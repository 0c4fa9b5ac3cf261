import FornyeBarometer
import FornyeStatistics
import Foundation
import Testing

@testable import FornyeFormats

@Suite("SPSS .sav round trips")
struct SAVRoundTripTests {
    static func sampleDataset(synthetic: Bool = true) throws -> Dataset {
        // SPSS pads strings with spaces, so trailing spaces do not survive; this text has none.
        let longText = String(repeating: "Lang tekst med æøå. ", count: 40) + "slutt"
        let codebook = Codebook(
            title: "Innovasjonsbarometeret – test", synthetic: synthetic,
            variables: [
                Variable(
                    name: "sektor", label: "Sektor", labelEnglish: "Sector", kind: .singleChoice,
                    valueLabels: [
                        ValueLabel(code: 1, label: "Kommune", labelEnglish: "Municipality"),
                        ValueLabel(code: 2, label: "Fylkeskommune", labelEnglish: "County"),
                    ]),
                Variable(
                    name: "samarbeid_med_andre_kommuner_i_regionen", label: "Hvor mye samarbeid?", kind: .ordinal,
                    valueLabels: [
                        ValueLabel(code: 1, label: "Lite"), ValueLabel(code: 2, label: "Noe"),
                        ValueLabel(code: 3, label: "Mye"),
                    ],
                    missingCodes: [8: .dontKnow, 9: .notApplicable]),
                Variable(
                    name: "mange_mangler", label: "Fem manglende koder", kind: .singleChoice,
                    valueLabels: [ValueLabel(code: 1, label: "Ja")],
                    missingCodes: [95: .dontKnow, 96: .dontKnow, 97: .notApplicable, 98: .notApplicable, 99: .dontKnow]),
                Variable(name: "type_1", label: "Type: tjeneste", kind: .multipleChoiceItem, valueLabels: itemLabels),
                Variable(name: "type_2", label: "Type: prosess", kind: .multipleChoiceItem, valueLabels: itemLabels),
                Variable(name: "ansatte", label: "Antall ansatte", kind: .numeric),
                Variable(name: "fritekst", label: "Beskriv", kind: .text),
                Variable(name: "lang_fritekst", label: "Lang tekst", kind: .text),
            ],
            multipleResponseSets: [
                MultipleResponseSet(
                    name: "type", label: "Type innovasjon", labelEnglish: "Type of innovation",
                    items: ["type_1", "type_2"])
            ])
        return try Dataset(
            codebook: codebook,
            columns: [
                "sektor": .codes([1, 2, Column.systemMissing, 1]),
                "samarbeid_med_andre_kommuner_i_regionen": .codes([3, 8, 9, Column.systemMissing]),
                "mange_mangler": .codes([1, 95, 99, 97]),
                "type_1": .codes([1, 0, Column.systemMissing, 1]),
                "type_2": .codes([0, 0, Column.systemMissing, 1]),
                "ansatte": .numbers([12.5, .nan, -3, 1e9 + 0.25]),
                "fritekst": .texts(["Hei på deg", nil, "=SUM(A1:A2)", "Ålesund \"sitat\""]),
                "lang_fritekst": .texts([longText, "kort", nil, longText + "ø"]),
            ])
    }

    static let itemLabels = [ValueLabel(code: 0, label: "Ikke valgt"), ValueLabel(code: 1, label: "Valgt")]

    static func expectSame(_ lhs: Dataset, _ rhs: Dataset) throws {
        #expect(lhs.codebook.title == rhs.codebook.title)
        #expect(lhs.codebook.synthetic == rhs.codebook.synthetic)
        #expect(lhs.codebook.multipleResponseSets == rhs.codebook.multipleResponseSets)
        #expect(lhs.codebook.variables.count == rhs.codebook.variables.count)
        for (left, right) in zip(lhs.codebook.variables, rhs.codebook.variables) { #expect(left == right) }
        #expect(lhs.rowCount == rhs.rowCount)
        for variable in lhs.codebook.variables {
            let left = try lhs.column(named: variable.name)
            let right = try rhs.column(named: variable.name)
            if case .numbers(let a) = left, case .numbers(let b) = right {
                #expect(a.count == b.count && zip(a, b).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) })
            } else {
                #expect(left == right, "\(variable.name)")
            }
        }
    }

    @Test("Dataset → .sav → Dataset is exact, compressed and uncompressed", arguments: [true, false])
    func roundTrip(compressed: Bool) throws {
        let dataset = try Self.sampleDataset()
        let file = try SAVDatasetMapping.file(from: dataset)
        let bytes = try SAVWriter.data(file, compressed: compressed)
        let read = try SAVReader.read(bytes, file: "test.sav")
        #expect(read == file)
        let back = try SAVDatasetMapping.dataset(from: read, source: "test.sav")
        try Self.expectSame(dataset, back)
    }

    @Test("Synthetic data are labelled in the file label, documents and attributes")
    func syntheticLabelled() throws {
        let file = try SAVDatasetMapping.file(from: Self.sampleDataset())
        #expect(file.fileLabel.hasPrefix("SYNTETISKE DATA"))
        #expect(file.documents.contains { $0.contains("SYNTHETIC DATA") })
        let read = try SAVReader.read(try SAVWriter.data(file), file: "s.sav")
        #expect(read.fileAttributes["fornye_synthetic"] == ["1"])
        let real = try SAVDatasetMapping.file(from: Self.sampleDataset(synthetic: false))
        #expect(!real.fileLabel.contains("SYNTETISKE"))
        #expect(real.documents.isEmpty)
    }

    @Test("Missing codes become SPSS user-missing values: discrete, or a range with one code")
    func missingValues() throws {
        let file = try SAVDatasetMapping.file(from: Self.sampleDataset())
        let ordinal = try #require(file.variables.first { $0.name.hasPrefix("samarbeid") })
        #expect(ordinal.missing.discrete == [8, 9])
        #expect(ordinal.measure == .ordinal)
        let many = try #require(file.variables.first { $0.name == "mange_mangler" })
        #expect(many.missing.range == 95...99)
        #expect(many.valueLabels.map(\.label).contains("Ikke relevant"))
    }

    @Test("The instrument's synthetic 2018 wave survives a round trip")
    func instrumentWave() throws {
        let dataset = try SyntheticBarometer.baseline2018().dataset
        #expect(dataset.rowCount > 1000)
        let back = try SAVDatasetMapping.dataset(
            from: SAVReader.read(SAVWriter.data(SAVDatasetMapping.file(from: dataset)), file: "w.sav"), source: "w.sav")
        try Self.expectSame(dataset, back)
    }
}
