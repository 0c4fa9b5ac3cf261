import FornyeBarometer
import FornyeStatistics
import FornyeTestRandom
import Foundation
import Testing

@testable import FornyeFormats

@Suite("Hostile and broken files")
struct HostileFileTests {
    static func golden() throws -> Data {
        try Data(contentsOf: SAVGoldenTests.fixture("pspp-compressed"))
    }

    @Test("Every truncation of a .sav file is refused with a message, never a crash")
    func truncatedSAV() throws {
        let bytes = try Self.golden()
        var refused = 0
        for length in stride(from: 0, to: bytes.count, by: 7) {
            do {
                _ = try SAVReader.read(bytes.prefix(length), file: "cut.sav")
            } catch {
                refused += 1
                #expect(!error.description.isEmpty)
            }
        }
        #expect(refused > 0)
        #expect(throws: FormatError.self) { try SAVReader.read(bytes.prefix(bytes.count - 3), file: "cut.sav") }
    }

    @Test("Corrupt .sav bytes give a FormatError, never a crash")
    func corruptSAV() throws {
        let bytes = [UInt8](try Self.golden())
        // Seeded: a failure is reproduced by running the test again.
        var generator = SeededGenerator(seed: 20_261_206)
        var refused = 0
        var read = 0
        for _ in 0..<300 {
            var copy = bytes
            for _ in 0..<4 {
                copy[Int.random(in: 0..<copy.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
            }
            do throws(FormatError) {
                let file = try SAVReader.read(Data(copy), file: "corrupt.sav")
                _ = try SAVDatasetMapping.dataset(from: file, source: "corrupt.sav")
                read += 1
            } catch {
                #expect(!error.description.isEmpty)
                refused += 1
            }
        }
        // Four random bytes often land in data (still readable), sometimes in the dictionary.
        #expect(refused > 0, "no corruption was noticed")
        #expect(read > 0, "no corrupted copy was readable")
        #expect(refused + read == 300)
    }

    @Test("Not a .sav: CSV, xlsx and zsav are named")
    func foreignFiles() {
        #expect(throws: FormatError.self) { try SAVReader.read(Data("a,b\n1,2\n".utf8), file: "x.sav") }
        var zsav = Data("$FL3".utf8)
        zsav.append(Data(repeating: 0, count: 200))
        do {
            _ = try SAVReader.read(zsav, file: "x.zsav")
            Issue.record("a .zsav was read")
        } catch {
            #expect(error.description.contains("ZLIB"))
        }
    }

    @Test("A .sav that says UTF-8 but holds Windows-1252 bytes is refused with a hint")
    func mislabelledEncoding() throws {
        let file = SAVFile(variables: [SAVVariable(name: "navn", width: 8, values: .strings(["Bod"]))])
        var bytes = [UInt8](try SAVWriter.data(file, compressed: false))
        let position = try #require(bytes.lastIndex(of: UInt8(ascii: "d")))
        bytes[position] = 0xF8  // "ø" in Windows-1252, invalid as UTF-8
        bytes.insert(0x20, at: position + 1)
        bytes.removeLast()
        do {
            _ = try SAVReader.read(Data(bytes), file: "mislabelled.sav")
            Issue.record("invalid UTF-8 was accepted")
        } catch {
            #expect(error.description.contains("Windows-1252"))
        }
    }

    @Test("Truncated and corrupted workbooks give an error, never a trap (fuzzing found one in ZIPFoundation)")
    func corruptWorkbook() throws {
        let url = try #require(
            Bundle.module.url(forResource: "surveyxact", withExtension: "xlsx", subdirectory: "Fixtures/import"))
        let bytes = [UInt8](try Data(contentsOf: url))
        // Every cut short of the whole file is refused (typed throws: an XLSXError).
        for length in stride(from: 0, to: bytes.count, by: 97) {
            #expect(throws: XLSXError.self, "\(length) bytes") { try XLSXReader.read(Data(bytes.prefix(length))) }
        }
        var generator = SeededGenerator(seed: 20_261_207)
        var refused = 0
        for _ in 0..<100 {
            var copy = bytes
            // Corrupt the central directory and end record, where the offsets are.
            for _ in 0..<3 {
                copy[Int.random(in: (copy.count - 400)..<copy.count, using: &generator)] = UInt8.random(
                    in: 0...255, using: &generator)
            }
            do throws(FormatError) {
                _ = try SourceReader.read(Data(copy), file: "corrupt.xlsx", format: .surveyxact)
            } catch {
                #expect(!error.description.isEmpty)
                refused += 1
            }
        }
        #expect(refused > 0, "no corruption was noticed")
    }

    @Test("A deflate stream that ends early is refused, not inflated forever (fuzzing found the hang)")
    func truncatedDeflateStream() throws {
        let url = try #require(
            Bundle.module.url(
                forResource: "fuzz-truncated-deflate", withExtension: "xlsx", subdirectory: "Fixtures/import"))
        #expect(throws: FormatError.self) {
            try SourceReader.read(try Data(contentsOf: url), file: "hang.xlsx", format: .surveyxact)
        }
        // Halve each part's compressed size in the central directory: every stream now ends early.
        let workbook = [UInt8](try XLSXWriter.data([XLSXSheet(name: "a", cells: [["x", "y"], ["1", "2"]])]))
        let directory = workbook.indices.dropLast(4).filter {
            workbook[$0] == 0x50 && workbook[$0 + 1] == 0x4B && workbook[$0 + 2] == 1 && workbook[$0 + 3] == 2
        }
        let partsRead: Set = ["xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/worksheets/sheet1.xml"]
        var damaged = 0
        for header in directory {
            let nameLength = Int(workbook[header + 28]) | Int(workbook[header + 29]) << 8
            let name = String(decoding: workbook[(header + 46)..<(header + 46 + nameLength)], as: UTF8.self)
            guard partsRead.contains(name) else { continue }
            damaged += 1
            var copy = workbook
            let size = Int(copy[header + 20]) | Int(copy[header + 21]) << 8
            copy[header + 20] = UInt8((size / 2) & 0xFF)
            copy[header + 21] = UInt8((size / 2) >> 8)
            #expect(throws: XLSXError.self) { try XLSXReader.read(Data(copy)) }
        }
        #expect(damaged == partsRead.count)
    }

    @Test("A zip bomb is refused before it is inflated")
    func zipBomb() throws {
        // 3 MB of spaces deflate about a thousandfold; the ratio limit is lowered to match the size.
        let spaces = Data(repeating: 0x20, count: 3_000_000)
        let bomb = try XLSXWriter.package([("xl/workbook.xml", spaces)])
        #expect(bomb.count < 30_000)
        var limits = XLSXReader.Limits()
        limits.maximumCompressionRatio = 100
        do {
            _ = try XLSXReader.read(bomb, limits: limits)
            Issue.record("the bomb was read")
        } catch {
            #expect(error.message.contains("zip bomb"))
        }
        var small = XLSXReader.Limits()
        small.maximumUncompressedSize = 1_000
        let workbook = try XLSXWriter.data([XLSXSheet(name: "a", cells: [["x"]])])
        #expect(throws: XLSXError.self) { try XLSXReader.read(workbook, limits: small) }
    }

    @Test("Formulas in exported text are defused in CSV and stay strings in XLSX")
    func formulaInjection() throws {
        #expect(SpreadsheetFormula.defused("=HYPERLINK(\"http://x\")") == "'=HYPERLINK(\"http://x\")")
        #expect(SpreadsheetFormula.defused("+47 123") == "'+47 123")
        #expect(SpreadsheetFormula.defused("Hei") == "Hei")
        // Every writer goes through the policy; a CRLF inside a field (one Character) is quoted.
        #expect(CSVTable.write([["\r\n=1", "-2", "a\r\nb"]]) == "\"'\r\n=1\",-2,\"a\r\nb\"\r\n")
        #expect(DatasetCSVWriter.quoted("a\r\nb") == "\"a\r\nb\"")
        let dataset = try SAVRoundTripTests.sampleDataset()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = folder.appendingPathComponent("x.csv")
        try DatasetExport.write(dataset, to: csv)
        let text = try String(contentsOf: csv, encoding: .utf8)
        #expect(text.contains("'=SUM(A1:A2)"))
        #expect(!text.contains(",=SUM"))
        let xlsx = folder.appendingPathComponent("x.xlsx")
        try DatasetExport.write(dataset, to: xlsx)
        let sheets = try XLSXReader.read(contentsOf: xlsx)
        #expect(sheets.map(\.name) == ["SYNTETISKE DATA", "dataset", "variables", "labels"])
        // Written as a shared string: a text cell, never a formula.
        #expect(sheets[1].rows[3].cells.contains("=SUM(A1:A2)"))
    }

    @Test("Huge cells and cells outside the header are refused with their place")
    func hugeCells() throws {
        var limits = SourceReader.Limits()
        limits.maximumCellLength = 10
        let csv = Data("a,b\n1,\(String(repeating: "x", count: 50))\n".utf8)
        do {
            _ = try SourceReader.read(csv, file: "big.csv", format: .csv, limits: limits)
            Issue.record("a huge cell was accepted")
        } catch {
            #expect(error.description.contains("big.csv, line 2, column 2"))
        }
        let workbook = try XLSXWriter.data([XLSXSheet(name: "d", cells: [["a"], ["1", "stray"]])])
        #expect(throws: FormatError.self) { try SourceReader.read(workbook, file: "w.xlsx", format: .xlsx) }
    }

    @Test("A Windows-1252 CSV is refused with the line and a hint")
    func wrongEncodingCSV() {
        let bytes = Data([0x61, 0x0A, 0x42, 0x6F, 0x64, 0xF8, 0x0A])
        do {
            _ = try SourceReader.read(bytes, file: "latin.csv", format: .csv)
            Issue.record("accepted")
        } catch {
            #expect(error.description.contains("Windows-1252"))
        }
    }
}
