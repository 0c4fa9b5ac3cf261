import FornyeFormats
import FornyeStatistics
import FornyeTestRandom
import Foundation
import Testing

/// Random small CSV files, written with random quoting, delimiters, line ends and awkward text,
/// must read back exactly as written; one corrupted cell must be reported at the line and column
/// it was written to.
@Suite("CSV round trip")
struct CSVRoundTripTests {
    /// One generated file: its bytes, the values written per column and where a corrupted cell went.
    struct Case {
        var data = Data()
        var text = ""
        var values: [String: [String?]] = [:]
        var corrupted: (line: Int, column: Int, field: String)?
        var options = CSVOptions()
        var useData = false
    }

    static let textPieces = ["a", "b", "æ", "ø", "Å", "é", "🙂", " ", ",", ";", "\"", "\n", "\r\n", "\r", "\t"]

    func makeCase(_ random: inout SeededGenerator) -> Case {
        var generated = Case()
        let delimiter = Bool.random(using: &random) ? "," : ";"
        let decimalComma = delimiter == ";" || Int.random(in: 0..<4, using: &random) == 0
        generated.options = CSVOptions(
            delimiter: Bool.random(using: &random) ? .automatic : (delimiter == "," ? .comma : .semicolon),
            decimalSeparator: decimalComma ? .comma : .period)
        let lineEnd = Bool.random(using: &random) ? "\n" : "\r\n"
        var names = CSVFixtures.codebook.variables.map(\.name) + ["id"]
        names.shuffle(using: &random)
        let rowCount = Int.random(in: 0...6, using: &random)
        let corruptRow =
            Int.random(in: 0..<3, using: &random) == 0 && rowCount > 0
            ? Int.random(in: 0..<rowCount, using: &random) : nil
        let corruptColumn = names.firstIndex(of: ["sektor", "tilfreds", "r1", "r2"].randomElement(using: &random)!)!

        func quoted(_ field: String, force: Bool) -> String {
            // Scalars, not characters: "\r\n" is one character that equals neither "\r" nor "\n".
            let needs = field.unicodeScalars.contains {
                ["\"", "\n", "\r", delimiter.unicodeScalars.first!].contains($0)
            }
            guard needs || force || Int.random(in: 0..<4, using: &random) == 0 else { return field }
            return "\"" + field.replacing("\"", with: "\"\"") + "\""
        }
        func padded(_ field: String) -> String {
            Int.random(in: 0..<6, using: &random) == 0 ? " \(field) " : field
        }

        var text = names.map { quoted($0, force: false) }.joined(separator: delimiter)
        for row in 0..<rowCount {
            text += lineEnd
            for (position, name) in names.enumerated() {
                if position > 0 { text += delimiter }
                let value: String?
                var written: String
                switch name {
                case "sektor": value = [1, 2, 3, 8, 9, nil].randomElement(using: &random)!.map(String.init)
                case "tilfreds": value = [1, 2, 3, 4, 5, 8, nil].randomElement(using: &random)!.map(String.init)
                case "r1": value = [0, 1, 9, nil].randomElement(using: &random)!.map(String.init)
                case "r2": value = [0, 1, nil].randomElement(using: &random)!.map(String.init)
                case "ansatte":
                    let number: Double? =
                        switch Int.random(in: 0..<5, using: &random) {
                        case 0: nil
                        case 1: Double(Int.random(in: -50...5000, using: &random))
                        case 2: 999
                        case 3: Double.random(in: -1e-6...1e-6, using: &random)
                        default: Double.random(in: -1e9...1e9, using: &random)
                        }
                    value = number.map { String($0) }
                case "kommentar", "id":
                    let length = Int.random(in: name == "id" ? 1...6 : 0...8, using: &random)
                    let piece = (0..<length).map { _ in Self.textPieces.randomElement(using: &random)! }.joined()
                    value = name == "id" ? "id\(row)" + piece : (piece.isEmpty ? nil : piece)
                default: preconditionFailure("no generator for \(name)")
                }
                generated.values[name, default: []].append(value)
                switch name {
                case "kommentar", "id":
                    written = quoted(value ?? "", force: false)
                case "ansatte":
                    let number = decimalComma ? value?.replacing(".", with: ",") : value
                    written = quoted(padded(number ?? ""), force: decimalComma && delimiter == ",")
                default:
                    written = quoted(padded(value ?? ""), force: false)
                }
                if row == corruptRow && position == corruptColumn {
                    written = "x"
                    generated.corrupted = (1 + lineBreaks(in: text), position + 1, name)
                }
                text += written
            }
        }
        if Bool.random(using: &random) { text += lineEnd }
        generated.text = text
        generated.useData = Bool.random(using: &random)
        generated.data = Data(((Bool.random(using: &random) ? "\u{FEFF}" : "") + text).utf8)
        return generated
    }

    /// Physical lines as an editor counts them: LF, CRLF and a lone CR each end one.
    func lineBreaks(in text: String) -> Int {
        text.unicodeScalars.indices.count { index in
            let scalar = text.unicodeScalars[index]
            if scalar == "\r" { return true }
            return scalar == "\n"
                && (index == text.unicodeScalars.startIndex
                    || text.unicodeScalars[text.unicodeScalars.index(before: index)] != "\r")
        }
    }

    @Test("random files read back as written, and a bad cell is located where it was written")
    func roundTrip() throws {
        var random = SeededGenerator(seed: 20_260_412)
        var corruptedCases = 0
        var multilineCases = 0
        for caseNumber in 0..<300 {
            let generated = makeCase(&random)
            if generated.text.contains("\"") && generated.text.contains(where: \.isNewline) { multilineCases += 1 }
            let read = { () throws(FormatError) -> LoadedData in
                generated.useData
                    ? try DatasetReader.parse(
                        csv: generated.data, file: "test.csv", codebook: CSVFixtures.codebook,
                        extraColumns: ["id"], options: generated.options)
                    : try DatasetReader.parse(
                        csv: generated.text, file: "test.csv", codebook: CSVFixtures.codebook,
                        extraColumns: ["id"], options: generated.options)
            }
            if let corrupted = generated.corrupted {
                corruptedCases += 1
                let failure = CSVFixtures.failure(read)
                #expect(
                    failure?.location
                        == FileLocation(
                            file: "test.csv", line: corrupted.line, column: corrupted.column, field: corrupted.field),
                    "case \(caseNumber): \(failure?.message ?? "no error")\n\(generated.text.debugDescription)")
                continue
            }
            let loaded: LoadedData
            do {
                loaded = try read()
            } catch {
                Issue.record("case \(caseNumber): \(error)\n\(generated.text.debugDescription)")
                continue
            }
            let rowCount = generated.values["id"]?.count ?? 0
            #expect(loaded.dataset.rowCount == rowCount, "case \(caseNumber)")
            for variable in CSVFixtures.codebook.variables {
                let expected = generated.values[variable.name] ?? []
                let actual = try loaded.dataset.column(named: variable.name).comparable
                let normalised = variable.kind == .numeric ? expected.map { $0.map { String(Double($0)!) } } : expected
                #expect(
                    actual == normalised, "case \(caseNumber), \(variable.name)\n\(generated.text.debugDescription)")
            }
            #expect(loaded.extraColumns["id"] == (generated.values["id"] ?? []).map { $0 ?? "" }, "case \(caseNumber)")
        }
        // The generator must actually exercise what the test is about.
        #expect(corruptedCases > 50)
        #expect(multilineCases > 50)
    }
}
