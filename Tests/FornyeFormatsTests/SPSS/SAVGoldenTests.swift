import FornyeStatistics
import Foundation
import Testing

@testable import FornyeFormats

/// Files written by GNU PSPP 1.6 from scripts/spss/golden.sps and latin1.sps.
@Suite("SPSS files written by PSPP")
struct SAVGoldenTests {
    static func fixture(_ name: String) throws -> URL {
        try #require(Bundle.module.url(forResource: name, withExtension: "sav", subdirectory: "Fixtures/spss"))
    }

    static let longText = String(repeating: "abcdefghij", count: 29) + "ø12345"

    @Test(
        "Compressed and uncompressed PSPP files read the same values, labels and sets",
        arguments: [
            "pspp-compressed", "pspp-uncompressed",
        ])
    func golden(name: String) throws {
        let file = try SAVReader.read(contentsOf: Self.fixture(name))
        #expect(file.fileLabel == "SYNTETISKE DATA golden")
        #expect(file.encoding == "UTF-8")
        #expect(
            file.variables.map(\.name) == ["id", "sektor", "fornoyd", "q_1", "q_2", "q_3", "ansatte", "tekst", "lang"])
        let fornoyd = try #require(file.variables.first { $0.name == "fornoyd" })
        #expect(fornoyd.label == "Hvor fornøyd er du?")
        #expect(fornoyd.missing.discrete == [8, 9])
        #expect(fornoyd.measure == .ordinal)
        #expect(fornoyd.valueLabels.map(\.label) == ["Lite", "Noe", "Mye", "Vet ikke", "Ikke relevant"])
        #expect(fornoyd.values.sameValues(as: .numbers([3, 8, 9, .nan])))
        let ansatte = try #require(file.variables.first { $0.name == "ansatte" })
        #expect(ansatte.values.sameValues(as: .numbers([12.5, 3, .nan, 1000.25])))
        #expect(ansatte.decimals == 2)
        let tekst = try #require(file.variables.first { $0.name == "tekst" })
        #expect(tekst.values == .strings(["Hei på deg", "æøå ÆØÅ", "", "Ikke relevant"]))
        let lang = try #require(file.variables.first { $0.name == "lang" })
        #expect(lang.width == 300)
        #expect(lang.values == .strings([Self.longText, "x", "", "y"]))
        #expect(
            file.multipleResponseSets == [
                SAVMultipleResponseSet(
                    name: "type", label: "Type innovasjon", kind: .dichotomy(countedValue: "1"),
                    variables: ["q_1", "q_2", "q_3"])
            ])

        let dataset = try SAVDatasetMapping.dataset(from: file, source: name)
        #expect(dataset.codebook.synthetic)
        #expect(try dataset.variable(named: "fornoyd").kind == .ordinal)
        #expect(try dataset.variable(named: "fornoyd").missingCodes == [8: .dontKnow, 9: .notApplicable])
        #expect(try dataset.variable(named: "q_2").kind == .multipleChoiceItem)
        #expect(try dataset.variable(named: "sektor").kind == .singleChoice)
        #expect(try dataset.variable(named: "ansatte").kind == .numeric)
        #expect(try dataset.codes(of: "q_3") == [1, 0, Column.systemMissing, 0])
        #expect(dataset.codebook.multipleResponseSets.first?.items == ["q_1", "q_2", "q_3"])
    }

    @Test("A missing range reads as its whole-number codes")
    func missingRange() throws {
        let file = try SAVReader.read(contentsOf: Self.fixture("pspp-range"))
        let fornoyd = try #require(file.variables.first { $0.name == "fornoyd" })
        #expect(fornoyd.missing.range == 7...9)
        let dataset = try SAVDatasetMapping.dataset(from: file, source: "pspp-range")
        #expect(try dataset.variable(named: "fornoyd").missingCodes.keys.sorted() == [7, 8, 9])
    }

    @Test("A Windows-1252 file from an older SPSS is read with its æøå")
    func windows1252() throws {
        let file = try SAVReader.read(contentsOf: Self.fixture("pspp-windows1252"))
        #expect(file.encoding == "windows-1252")
        #expect(file.variables[1].values == .strings(["Bodø", "Ålesund"]))
        #expect(file.variables[0].label == "Sektor på kryss")
        #expect(file.variables[0].valueLabels.map(\.label) == ["Kommune på land", "Fylke"])
    }
}
