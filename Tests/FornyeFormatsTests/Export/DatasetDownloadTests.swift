import FornyeStatistics
import Foundation
import Testing

@testable import FornyeFormats

/// Web downloads: one file per format, read back with Fornye's own readers.
@Suite struct DatasetDownloadTests {
    func dataset(synthetic: Bool) throws -> Dataset {
        let codebook = Codebook(
            title: "Test", synthetic: synthetic,
            variables: [
                Variable(
                    name: "sector", label: "Sektor", kind: .singleChoice,
                    valueLabels: [ValueLabel(code: 1, label: "Helse"), ValueLabel(code: 2, label: "Skole")]),
                Variable(name: "note", label: "Notat", kind: .text),
            ])
        return try Dataset(
            codebook: codebook,
            columns: ["sector": .codes([1, 2, Column.systemMissing]), "note": .texts(["=x", nil, "ok"])])
    }

    @Test(arguments: DatasetFileFormat.allCases)
    func everyFormatReadsBack(format: DatasetFileFormat) throws {
        let original = try dataset(synthetic: false)
        let download = try DatasetDownload.make(original, format: format, name: "bølge 2026/\"x\"")
        #expect(download.filename.hasPrefix("b-lge-2026--x-"))
        #expect(download.filename.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) })
        let (read, entries) = try DatasetDownload.read(
            download.data, format: format, file: download.filename, codebook: original.codebook)
        #expect(read.rowCount == 3)
        #expect(try read.codes(of: "sector") == [1, 2, Column.systemMissing])
        if format == .csv { #expect(entries.sorted() == ["b-lge-2026--x-.codebook.yaml", "b-lge-2026--x-.csv"]) }
    }

    @Test func syntheticDownloadsSaySo() throws {
        let synthetic = try dataset(synthetic: true)
        let zip = try DatasetDownload.make(synthetic, format: .csv, name: "demo")
        #expect(zip.filename == "demo-syntetisk-csv.zip")
        let (read, entries) = try DatasetDownload.read(zip.data, format: .csv, file: zip.filename)
        #expect(entries.contains("SYNTETISKE-DATA.txt"))
        #expect(read.codebook.synthetic)
        let sav = try DatasetDownload.make(synthetic, format: .sav, name: "demo")
        #expect(try SAVReader.read(sav.data, file: "demo.sav").fileLabel.hasPrefix("SYNTETISKE DATA"))
    }
}
