import FornyeFormats
import FornyeStatistics
import Foundation
import Testing

/// Every kind of bad input is refused with the file, the line and, where there is one, the column
/// and field; never with a crash or a silent NaN.
@Suite("Dataset reader errors")
struct DatasetReaderErrorTests {
    typealias Failure = (location: FileLocation, message: String)

    /// Checks the structured location and that the printed error carries all of it.
    func expectFailure(
        _ failure: Failure?, line: Int?, column: Int?, field: String?, saying phrase: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        guard let failure else {
            Issue.record(
                "expected an error saying \"\(phrase)\", but the file was read", sourceLocation: sourceLocation)
            return
        }
        #expect(
            failure.location == FileLocation(file: "test.csv", line: line, column: column, field: field),
            "\(failure.message)", sourceLocation: sourceLocation)
        #expect(failure.message.contains(phrase), "\(failure.message)", sourceLocation: sourceLocation)
        let printed = "\(FormatError.located(failure.location, failure.message))"
        var parts = ["test.csv"]
        if let line { parts.append("line \(line)") }
        if let column { parts.append("column \(column)") }
        if let field { parts.append("field \"\(field)\"") }
        for part in parts {
            #expect(printed.contains(part), "\(printed)", sourceLocation: sourceLocation)
        }
    }

    let header = CSVFixtures.header

    @Test("an unterminated quote names the line and field where it opens")
    func unterminatedQuote() {
        let text = "\(header)\n1,2,0,1,3,ok\n1,2,0,1,3,\"never closed\n2,2,0,1,3,x\n"
        expectFailure(
            CSVFixtures.failure(text), line: 3, column: 6, field: "kommentar", saying: "never closed")
    }

    @Test("text after a closing quote is refused, not silently dropped")
    func textAfterClosingQuote() {
        let text = "\(header)\n1,2,0,1,3,\"ab\"c\n2,2,0,1,3,\"x\"\n"
        expectFailure(
            CSVFixtures.failure(text), line: 2, column: 6, field: "kommentar", saying: "closing quote")
        let inner = "\(header)\n1,2,0,1,\"3\"4,x\n"
        expectFailure(CSVFixtures.failure(inner), line: 2, column: 5, field: "ansatte", saying: "\"4\" follows it")
    }

    @Test("a row with too many fields names the first extra column")
    func tooManyFields() {
        let text = "\(header)\n1,2,0,1,3,x\n1,2,0,1,3,5,x\n"
        expectFailure(
            CSVFixtures.failure(text), line: 3, column: 7, field: nil, saying: "7 fields but the header has 6")
    }

    @Test("a row with too few fields names the first missing column")
    func tooFewFields() {
        let text = "\(header)\n1,2,0,1,3,x\n1,2,0\n"
        expectFailure(
            CSVFixtures.failure(text), line: 3, column: 4, field: "r2", saying: "3 fields but the header has 6")
    }

    @Test("an empty line between rows is refused")
    func emptyLine() {
        let text = "\(header)\n1,2,0,1,3,x\n\n1,2,0,1,3,x\n"
        expectFailure(CSVFixtures.failure(text), line: 3, column: nil, field: nil, saying: "the line is empty")
    }

    @Test("lines after a quoted field with line breaks keep their physical numbers")
    func linesAfterMultilineField() {
        let text = "\(header)\n1,2,0,1,3,\"a\nb\r\nc\rd\"\n1,7,0,1,3,x\n"
        expectFailure(CSVFixtures.failure(text), line: 6, column: 2, field: "tilfreds", saying: "(data row 2)")
    }

    @Test("a codebook variable missing from the header")
    func missingVariable() {
        let text = "sektor,tilfreds,r1,ansatte,kommentar\n1,2,0,3,x\n"
        expectFailure(
            CSVFixtures.failure(text), line: 1, column: nil, field: "r2", saying: "no column for codebook variable")
    }

    @Test("a duplicate header name names its second column")
    func duplicateHeader() {
        let text = "\(header),r1\n1,2,0,1,3,x,1\n"
        expectFailure(CSVFixtures.failure(text), line: 1, column: 7, field: "r1", saying: "repeats column 3")
    }

    @Test("an unknown column is refused unless listed as an extra column")
    func unknownColumn() throws {
        let text = "\(header),vekt\n1,2,0,1,3,x,1.5\n"
        expectFailure(CSVFixtures.failure(text), line: 1, column: 7, field: "vekt", saying: "extra column")
        let loaded = try DatasetReader.parse(
            csv: text, file: "test.csv", codebook: CSVFixtures.codebook, extraColumns: ["vekt"])
        #expect(loaded.extraColumns["vekt"] == ["1.5"])
        let misspelt = "Sektor,tilfreds,r1,r2,ansatte,kommentar\n1,2,0,1,3,x\n"
        expectFailure(
            CSVFixtures.failure(misspelt), line: 1, column: 1, field: "Sektor", saying: "did you mean \"sektor\"")
    }

    @Test("a requested extra column missing from the header")
    func missingExtraColumn() {
        let text = "\(header)\n1,2,0,1,3,x\n"
        expectFailure(
            CSVFixtures.failure(text, extraColumns: ["vekt"]), line: 1, column: nil, field: "vekt",
            saying: "asked for as an extra column")
    }

    @Test("an unnamed column in the header")
    func unnamedColumn() {
        let text = "\(header),\n1,2,0,1,3,x,\n"
        expectFailure(CSVFixtures.failure(text), line: 1, column: 7, field: nil, saying: "no name")
    }

    @Test("a tab-separated file read with the default options says so")
    func tabSeparatedHint() {
        let text = header.replacing(",", with: "\t") + "\n1\t2\t0\t1\t3\tx\n"
        expectFailure(
            CSVFixtures.failure(text), line: 1, column: 1, field: header.replacing(",", with: "\t"),
            saying: "tab-separated")
    }

    @Test("a non-numeric value in a numeric column", arguments: ["abc", "NaN", "inf", "0x10", "1 000", "1e", "--1"])
    func nonNumeric(value: String) {
        let text = "\(header)\n1,2,0,1,3,x\n1,2,0,1,\(value),x\n"
        expectFailure(CSVFixtures.failure(text), line: 3, column: 5, field: "ansatte", saying: "is not a number")
    }

    @Test("a number with the other decimal separator")
    func wrongDecimalSeparator() {
        let text = "sektor;tilfreds;r1;r2;ansatte;kommentar\n1;2;0;1;1.5;x\n"
        expectFailure(
            CSVFixtures.failure(text), line: 2, column: 5, field: "ansatte", saying: "use \",\" before decimals")
        let comma = "\(header)\n1,2,0,1,\"1,5\",x\n"
        expectFailure(
            CSVFixtures.failure(comma), line: 2, column: 5, field: "ansatte", saying: "use \".\" before decimals")
        let huge = "\(header)\n1,2,0,1,1e999,x\n"
        expectFailure(CSVFixtures.failure(huge), line: 2, column: 5, field: "ansatte", saying: "too large")
    }

    @Test("a code that is not a whole number", arguments: ["3.5", "3.0", "x", "1e2", "NA"])
    func nonIntegerCode(value: String) {
        let text = "\(header)\n1,\(value),0,1,3,x\n"
        expectFailure(
            CSVFixtures.failure(text), line: 2, column: 2, field: "tilfreds",
            saying: "neither a whole-number code nor a value label")
    }

    @Test("a missing-value marker gets a hint")
    func missingMarkerHint() {
        let text = "\(header)\n1,NA,0,1,3,x\n"
        expectFailure(CSVFixtures.failure(text), line: 2, column: 2, field: "tilfreds", saying: "leave the cell empty")
    }

    @Test("a code that is neither labelled nor a missing code")
    func unknownCode() {
        let text = "\(header)\n1,2,0,1,3,x\n7,2,0,1,3,x\n"
        expectFailure(
            CSVFixtures.failure(text), line: 3, column: 1, field: "sektor",
            saying: "code 7 is neither a labelled value (1, 2, 3)")
        let huge = "\(header)\n99999999999,2,0,1,3,x\n"
        expectFailure(CSVFixtures.failure(huge), line: 2, column: 1, field: "sektor", saying: "code 99999999999")
    }

    @Test("a multiple-choice item holds 0, 1 or a missing code")
    func multipleChoiceItem() throws {
        let text = "\(header)\n1,2,2,1,3,x\n"
        expectFailure(
            CSVFixtures.failure(text), line: 2, column: 3, field: "r1", saying: "holds 0, 1 or a missing code (9)")
        let loaded = try DatasetReader.parse(
            csv: "\(header)\n1,2,9,,3,x\n", file: "test.csv", codebook: CSVFixtures.codebook)
        #expect(try loaded.dataset.codes(of: "r1") == [9])
        #expect(try loaded.dataset.codes(of: "r2") == [Column.systemMissing])
    }

    @Test("invalid UTF-8 names the line and field, and does not guess Latin-1")
    func invalidUTF8() {
        var data = Data("\(header)\n1,2,0,1,3,ok\n1,2,0,1,3,\"bl".utf8)
        data.append(0xE5)  // "å" in Latin-1
        data.append(contentsOf: Data("\"\n".utf8))
        let failure = CSVFixtures.failure(data: data)
        expectFailure(failure, line: 3, column: 6, field: "kommentar", saying: "not UTF-8; re-save as UTF-8")
        #expect(failure?.message.contains("0xE5") == true)
        #expect(failure?.message.contains("\"å\" in Windows-1252") == true)

        var inHeader = Data("sektor,tilfreds,r1,r2,ansatte,kommentar,st".utf8)
        inHeader.append(0xF8)
        inHeader.append(contentsOf: Data("rrelse\n".utf8))
        expectFailure(CSVFixtures.failure(data: inHeader), line: 1, column: 7, field: nil, saying: "not UTF-8")
    }

    @Test("invalid UTF-8 inside broken quoting still reports the encoding, by line")
    func invalidUTF8InBrokenQuoting() {
        var data = Data("\(header)\n1,2,0,1,3,\"x\"y\n1,2,0,1,3,".utf8)
        data.append(0xC3)  // a lead byte with no continuation
        let failure = CSVFixtures.failure(data: data)
        #expect(failure?.location.line == 3)
        #expect(failure?.message.hasPrefix("not UTF-8; re-save as UTF-8") == true)
    }

    @Test("UTF-16 and Excel workbooks are recognised, not misread")
    func foreignFormats() {
        let utf16 = Data([0xFF, 0xFE]) + (header.data(using: .utf16LittleEndian) ?? Data())
        #expect(CSVFixtures.failure(data: utf16)?.message.contains("UTF-16") == true)
        let xlsx = Data([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00])
        #expect(CSVFixtures.failure(data: xlsx)?.message.contains("Excel workbook") == true)
    }

    @Test("an empty file", arguments: [Data(), Data([0xEF, 0xBB, 0xBF])])
    func emptyFile(data: Data) {
        expectFailure(CSVFixtures.failure(data: data), line: nil, column: nil, field: nil, saying: "empty")
        expectFailure(CSVFixtures.failure(""), line: nil, column: nil, field: nil, saying: "empty")
    }

    @Test("an empty header line")
    func emptyHeader() {
        expectFailure(CSVFixtures.failure("\n1,2\n"), line: 1, column: nil, field: nil, saying: "header line is empty")
    }

    @Test("a NUL byte names its line and field")
    func nulByte() {
        let text = "\(header)\n1,2,0,1,3,x\n1,2,0,1,3,a\0b\n"
        expectFailure(CSVFixtures.failure(text), line: 3, column: 6, field: "kommentar", saying: "NUL")
        let data = Data("\(header)\n1,2,0,1,\0,x\n".utf8)
        expectFailure(CSVFixtures.failure(data: data), line: 2, column: 5, field: "ansatte", saying: "NUL")
    }

    @Test("a field longer than the limit is refused")
    func longField() {
        let long = String(repeating: "x", count: 2_001)
        let text = "\(header)\n1,2,0,1,3,\"\(long)\"\n"
        expectFailure(
            CSVFixtures.failure(text, options: CSVOptions(maximumFieldLength: 2_000)), line: 2, column: 6,
            field: "kommentar", saying: "2001 characters long")
        let atDefault = "\(header)\n1,2,0,1,3,\(String(repeating: "y", count: 100_001))\n"
        expectFailure(
            CSVFixtures.failure(atDefault), line: 2, column: 6, field: "kommentar", saying: "more than the 100000")
    }

    @Test("Windows-1252 with a UTF-8 byte order mark is a contradiction")
    func bomWithWindows1252() {
        let data = Data("\u{FEFF}\(header)\n".utf8)
        #expect(
            CSVFixtures.failure(data: data, options: CSVOptions(encoding: .windows1252))?.message.contains(
                "byte order mark") == true)
    }

    @Test("bad arguments: an extra column that is a variable, an invalid codebook")
    func badArguments() {
        #expect(
            CSVFixtures.failure("\(header)\n", extraColumns: ["sektor"])?.message.contains("also a codebook variable")
                == true)
        let broken = Codebook(variables: [
            Variable(name: "a", label: "A", kind: .text), Variable(name: "a", label: "A", kind: .text),
        ])
        #expect {
            try DatasetReader.parse(csv: "a\nx\n", file: "test.csv", codebook: broken)
        } throws: { error in
            "\(error)".contains("test.csv") && "\(error)".contains("defined twice")
        }
    }
}
