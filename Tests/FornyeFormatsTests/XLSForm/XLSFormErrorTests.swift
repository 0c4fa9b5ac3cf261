import FornyeBarometer
import FornyeFormats
import Foundation
import Testing

/// A form whose survey rows each test supplies (header first), with a yes/no list and settings.
private func form(_ survey: [[String]], choices: [[String]]? = nil, settings: [[String]]? = nil) -> [XLSXSheet] {
    [
        XLSXSheet(name: "survey", cells: [["type", "name", "label", "required", "relevant", "calculation"]] + survey),
        XLSXSheet(
            name: "choices",
            cells: [["list_name", "name", "label", "missing"]] + (choices ?? [["yn", "1", "Ja"], ["yn", "2", "Nei"]])),
        XLSXSheet(
            name: "settings", cells: settings ?? [["form_title", "form_id", "version"], ["Skjema", "form", "1"]]),
    ]
}

private func messages(_ sheets: [XLSXSheet]) -> [String] {
    do {
        _ = try XLSFormReader.read(sheets, file: "form.xlsx")
        return []
    } catch {
        return error.issues.map(\.description)
    }
}

private let supported =
    "Fornye reads select_one, select_multiple, integer, decimal, text, note and begin_group/end_group"

@Suite("XLSForm bad input")
struct XLSFormErrorTests {
    @Test(
        "unsupported types name the sheet, the row and the type",
        arguments: [
            (["geopoint", "where", "Hvor?"], "type geopoint (where) is not supported; \(supported)"),
            (
                ["select_one_from_file kommuner.csv", "k", "Kommune"],
                "type select_one_from_file (k) is not supported; \(supported)"
            ),
            (["date", "when", "Når?"], "type date (when) is not supported; \(supported)"),
            (["image", "photo", "Bilde"], "type image (photo) is not supported; \(supported)"),
            (
                ["begin_repeat", "people", "Personer"],
                "repeat groups (begin_repeat) are not supported; one response is one row"
            ),
            (
                ["calculate", "total", ""],
                "type calculate (total) is not supported; put the calculation on a select_one, integer or decimal question"
            ),
            (
                ["select_one yn or_other", "q", "Q"],
                "select_one yn or_other needs exactly one choice list name (or-other and file lists are not supported)"
            ),
        ])
    func unsupportedType(row: [String], message: String) {
        let sheets = form([["select_one yn", "first", "Først"], row])
        #expect(messages(sheets) == ["form.xlsx, sheet survey, row 3, type: \(message)"])
    }

    @Test("every unsupported row is reported, not only the first")
    func allReported() {
        let sheets = form([["geopoint", "a", "A"], ["text", "b", "B"], ["begin_repeat", "r", "R"], ["end_repeat"]])
        #expect(
            messages(sheets) == [
                "form.xlsx, sheet survey, row 2, type: type geopoint (a) is not supported; \(supported)",
                "form.xlsx, sheet survey, row 4, type: repeat groups (begin_repeat) are not supported; one response is one row",
                "form.xlsx, sheet survey, row 5, type: repeat groups (end_repeat) are not supported; one response is one row",
            ])
    }

    @Test("groups: nested, not closed, closed without opening")
    func groups() {
        #expect(
            messages(
                form([
                    ["begin_group", "outer", "Ytre"], ["begin_group", "inner", "Indre"], ["end_group"], ["end_group"],
                ]))
                == [
                    "form.xlsx, sheet survey, row 3, type: group inner is inside group outer (row 2); Fornye supports one level of groups",
                    "form.xlsx, sheet survey, row 5, type: end_group without begin_group",
                ])
        #expect(
            messages(form([["begin_group", "g", "G"], ["text", "t", "T"]]))
                == ["form.xlsx, sheet survey, row 2, type: group g has no end_group"])
    }

    @Test("choice names must be integer codes; missing must be dontKnow or notApplicable")
    func choices() {
        let sheets = form(
            [["select_one yn", "q", "Q"]],
            choices: [["yn", "yes", "Ja"], ["yn", "2", "Nei"], ["yn", "8", "Vet ikke", "unknown"]])
        #expect(
            messages(sheets) == [
                "form.xlsx, sheet choices, row 2, name: choice \"yes\" of list yn is not a whole number; "
                    + "Fornye stores answers as integer codes",
                "form.xlsx, sheet choices, row 4, missing: missing must be dontKnow or notApplicable, not unknown",
            ])
    }

    @Test("a conditional required and a routing syntax error are located with the expression column")
    func expressions() {
        let sheets = form([
            ["select_one yn", "a", "A"], ["text", "b", "B", "${a} = 1"], ["text", "c", "C", "", "${a} = = 1"],
            ["select_one yn", "d", "D", "", "", "if(${a} = 1, 1)"],
        ])
        #expect(
            messages(sheets) == [
                "form.xlsx, sheet survey, row 3, required: required must be yes or no; conditional required (${a} = 1) is not supported",
                "form.xlsx, sheet survey, row 4, relevant, column 8 of the expression: "
                    + "expected ${question}, a number or 'text', found =",
                "form.xlsx, sheet survey, row 5, calculation, column 15 of the expression: "
                    + "expected , between the two values of if(, found )",
            ])
    }

    @Test("routing to an unknown or later question, and a cycle, are located at the question's row")
    func routing() {
        let sheets = form([
            ["select_one yn", "a", "A", "", "${b} = 1"], ["select_one yn", "b", "B"],
            ["select_one yn", "c", "C", "", "${nope} = 1"], ["select_one yn", "d", "D", "", "${e} = 1"],
            ["select_one yn", "e", "E", "", "${d} = 2"],
        ])
        #expect(
            messages(sheets) == [
                "form.xlsx, sheet survey, row 2, question a, relevant, column 1 of the expression: "
                    + "${b} is asked later; routing can only read earlier answers",
                "form.xlsx, sheet survey, row 4, question c, relevant, column 1 of the expression: "
                    + "${nope} is not a question in this instrument",
                "form.xlsx, sheet survey, row 5, question d, relevant: routing cycle: d → e → d",
            ])
    }

    @Test("a duplicate code, a duplicate name, an unknown list and a missing version are located")
    func validation() {
        let sheets = form(
            [["select_one yn", "a", "A"], ["select_one yesno", "b", "B"], ["text", "a", "A igjen"]],
            choices: [["yn", "1", "Ja"], ["yn", "2", "Nei"], ["yn", "1", "Ja igjen"]],
            settings: [["form_title", "form_id"], ["Skjema", "form"]])
        #expect(
            messages(sheets) == [
                "form.xlsx, sheet settings, row 2, version: the instrument has no version",
                "form.xlsx, sheet choices, row 4, choice list yn, code: code 1 appears twice",
                "form.xlsx, sheet survey, row 3, question b, choices: choice list yesno does not exist",
                "form.xlsx, sheet survey, row 4, question a, name: the name is already used by an earlier question",
            ])
    }

    @Test("a workbook without a survey sheet, a file that is no workbook, and a file that does not exist")
    func files() throws {
        #expect(
            messages([XLSXSheet(name: "Sheet1", cells: [["a"]])]) == ["form.xlsx: the workbook has no survey sheet"])
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fornye-xlsform-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let csv = directory.appendingPathComponent("form.xlsx")
        try Data("type,name\n".utf8).write(to: csv)
        #expect {
            try XLSFormReader.read(contentsOf: csv)
        } throws: { error in
            "\(error)" == "\(csv.path): not an .xlsx file (not a zip archive)"
        }
        let absent = directory.appendingPathComponent("absent.xlsx")
        #expect {
            try XLSFormReader.read(contentsOf: absent)
        } throws: { error in
            "\(error)".hasPrefix("\(absent.path): cannot read the file:")
        }
    }

    @Test("an instrument written to a file and read back from it is equal")
    func fileRoundTrip() throws {
        let instrument = try XLSFormReader.read(
            form([["select_one yn", "a", "A"], ["text", "b", "B", "yes", "${a} = 2"]]), file: "f")
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("fornye-\(UUID()).xlsx")
        defer { try? FileManager.default.removeItem(at: url) }
        try XLSFormWriter.write(instrument, to: url)
        #expect(try XLSFormReader.read(contentsOf: url) == instrument)
    }
}
