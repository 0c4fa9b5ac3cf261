import FornyeFormats
import FornyeStatistics
import Foundation
import Testing

@Suite("Dataset reader")
struct DatasetReaderTests {
    /// What Norwegian Excel writes: a byte order mark, `;` between fields, decimal commas.
    static let excelText =
        "\u{FEFF}sektor;tilfreds;r1;r2;ansatte;kommentar;vekt;stratum\r\n"
        + "1;5;1;0;12,5;\"Bra; veldig \"\"bra\"\"\r\nny linje\";1,5;A\r\n"
        + "2;;0;1;;;2;B\r\n"
        + "8; 3 ;9;1;999;Ærlig talt 🙂;2,25;A\r\n"

    @Test("reads every variable kind from an Excel file with a BOM and ';'")
    func readsExcelFile() throws {
        let data = Data(Self.excelText.utf8)
        #expect(data.starts(with: [0xEF, 0xBB, 0xBF]))
        let loaded = try DatasetReader.parse(
            csv: data, file: "excel.csv", codebook: CSVFixtures.codebook, extraColumns: ["vekt", "stratum"])
        let dataset = loaded.dataset
        #expect(dataset.rowCount == 3)
        #expect(try dataset.codes(of: "sektor") == [1, 2, 8])
        #expect(try dataset.codes(of: "tilfreds") == [5, Column.systemMissing, 3])
        #expect(try dataset.codes(of: "r1") == [1, 0, 9])
        #expect(try dataset.codes(of: "r2") == [0, 1, 1])
        #expect(try dataset.column(named: "ansatte").comparable == ["12.5", nil, "999.0"])
        #expect(try dataset.missingKind(of: "ansatte", row: 2) == .dontKnow)
        #expect(try dataset.missingKind(of: "sektor", row: 2) == .dontKnow)
        #expect(
            try dataset.column(named: "kommentar") == .texts(["Bra; veldig \"bra\"\r\nny linje", nil, "Ærlig talt 🙂"]))
        #expect(loaded.extraColumns == ["vekt": ["1,5", "2", "2,25"], "stratum": ["A", "B", "A"]])
        #expect(loaded.source.lines == [2, 4, 5])
        #expect(loaded.source.columns["vekt"] == 7)
        #expect(loaded.source.decimalSeparator == .comma)
    }

    @Test("the same data read from text with ',' and decimal points gives the same dataset")
    func commaFileMatchesExcelFile() throws {
        let text = """
            kommentar,ansatte,r2,r1,tilfreds,sektor,stratum,vekt
            "Bra; veldig ""bra""\r
            ny linje",12.5,0,1,5,1,A,1.5
            ,,1,0,,2,B,2
            Ærlig talt 🙂,999,1,9, 3 ,8,A,2.25
            """
        let comma = try DatasetReader.parse(
            csv: text, file: "comma.csv", codebook: CSVFixtures.codebook, extraColumns: ["vekt", "stratum"])
        let excel = try DatasetReader.parse(
            csv: Self.excelText, file: "excel.csv", codebook: CSVFixtures.codebook, extraColumns: ["vekt", "stratum"])
        for variable in CSVFixtures.codebook.variables {
            #expect(
                try comma.dataset.column(named: variable.name).comparable
                    == excel.dataset.column(named: variable.name).comparable, "\(variable.name)")
        }
        #expect(comma.source.decimalSeparator == .period)
        #expect(comma.extraColumns["stratum"] == excel.extraColumns["stratum"])
    }

    @Test("reads a file from disk and names it by its path")
    func readsFile() throws {
        let url = FileManager.default.temporaryDirectory.appending(path: "fornye-\(UUID().uuidString).csv")
        try Data("\(CSVFixtures.header)\n1,2,0,1,3.5,hei\n".utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let loaded = try DatasetReader.read(csv: url, codebook: CSVFixtures.codebook)
        #expect(loaded.dataset.rowCount == 1)
        #expect(loaded.source.file == url.path)

        let missing = url.appending(path: "nope.csv")
        #expect {
            try DatasetReader.read(csv: missing, codebook: CSVFixtures.codebook)
        } throws: { error in
            "\(error)".contains("nope.csv") && "\(error)".contains("cannot read")
        }
    }

    @Test("a header-only file gives zero rows")
    func headerOnly() throws {
        for text in [CSVFixtures.header, CSVFixtures.header + "\n", CSVFixtures.header + "\r\n,,,,,\n"] {
            let loaded = try DatasetReader.parse(csv: text, file: "t.csv", codebook: CSVFixtures.codebook)
            #expect(loaded.dataset.rowCount == 0)
            #expect(try loaded.dataset.codes(of: "sektor").isEmpty)
        }
    }

    @Test("empty rows below the data are ignored, as Excel writes them")
    func trailingEmptyRows() throws {
        let text = "sektor;tilfreds;r1;r2;ansatte;kommentar\n1;2;0;1;3;x\n;;;;;\n\n;;;;;\n"
        let loaded = try DatasetReader.parse(csv: text, file: "t.csv", codebook: CSVFixtures.codebook)
        #expect(loaded.dataset.rowCount == 1)
    }

    @Test("an all-empty row between data rows is a row of system missing values")
    func innerEmptyRow() throws {
        let text = "\(CSVFixtures.header)\n1,2,0,1,3,x\n,,,,,\n2,2,0,1,3,y\n"
        let loaded = try DatasetReader.parse(csv: text, file: "t.csv", codebook: CSVFixtures.codebook)
        #expect(try loaded.dataset.codes(of: "sektor") == [1, Column.systemMissing, 2])
        #expect(try loaded.dataset.column(named: "kommentar") == .texts(["x", nil, "y"]))
    }

    @Test("the delimiter is detected from the header", arguments: [",", ";"])
    func detectsDelimiter(delimiter: String) throws {
        // Decimal commas inside quotes keep a comma file readable; the header decides.
        let header = CSVFixtures.header.replacing(",", with: delimiter)
        let row = ["1", "2", "0", "1", delimiter == ";" ? "4,5" : "4.5", "a,b;c"].joined(separator: delimiter)
        let text = "\(header)\n\(row.replacing("a,b;c", with: "\"a,b;c\""))\n"
        let loaded = try DatasetReader.parse(csv: text, file: "t.csv", codebook: CSVFixtures.codebook)
        #expect(try loaded.dataset.measurements(of: "ansatte") == [4.5])
        #expect(try loaded.dataset.column(named: "kommentar") == .texts(["a,b;c"]))
    }

    @Test("explicit options: tab delimiter, decimal comma in a comma file, Windows-1252")
    func explicitOptions() throws {
        let tab = "sektor\ttilfreds\tr1\tr2\tansatte\tkommentar\n1\t2\t0\t1\t1,25\tå\n"
        let fromTab = try DatasetReader.parse(
            csv: tab, file: "t.tsv", codebook: CSVFixtures.codebook,
            options: CSVOptions(delimiter: .tab, decimalSeparator: .comma))
        #expect(try fromTab.dataset.measurements(of: "ansatte") == [1.25])

        let comma = "\(CSVFixtures.header)\n1,2,0,1,\"1,25\",x\n"
        let fromComma = try DatasetReader.parse(
            csv: comma, file: "t.csv", codebook: CSVFixtures.codebook, options: CSVOptions(decimalSeparator: .comma))
        #expect(try fromComma.dataset.measurements(of: "ansatte") == [1.25])

        var latin = Data("sektor;tilfreds;r1;r2;ansatte;kommentar\n1;2;0;1;3;bl".utf8)
        latin.append(contentsOf: [0xE5, 0x20, 0x80])  // "å €" in Windows-1252
        let fromLatin = try DatasetReader.parse(
            csv: latin, file: "t.csv", codebook: CSVFixtures.codebook, options: CSVOptions(encoding: .windows1252))
        #expect(try fromLatin.dataset.column(named: "kommentar") == .texts(["blå €"]))
    }

    @Test("numbers: signs, exponents and spaces around them")
    func numberForms() throws {
        let values = ["-1.5", "+2", "1e3", "2.5E-1", " 7 ", ".5", "3."]
        let text = CSVFixtures.header + "\n" + values.map { "1,2,0,1,\($0),x" }.joined(separator: "\n")
        let loaded = try DatasetReader.parse(csv: text, file: "t.csv", codebook: CSVFixtures.codebook)
        #expect(try loaded.dataset.measurements(of: "ansatte") == [-1.5, 2, 1000, 0.25, 7, 0.5, 3])
    }

    @Test("a very long text field is read when the limit allows it")
    func longFieldWithinLimit() throws {
        let long = String(repeating: "æ", count: 50_000)
        let text = "\(CSVFixtures.header)\n1,2,0,1,3,\"\(long)\"\n"
        let loaded = try DatasetReader.parse(csv: text, file: "t.csv", codebook: CSVFixtures.codebook)
        #expect(try loaded.dataset.column(named: "kommentar") == .texts([long]))
    }
}
