import FornyeBarometer
import Foundation
import Testing

@testable import FornyeFormats

@Suite("XLSForm export and import")
struct XLSFormRoundTripTests {
    @Test("the 2018 barometer written as .xlsx reads back equal")
    func barometerRoundTrip() throws {
        let instrument = try Instrument.innovasjonsbarometer2018
        let data = try XLSFormWriter.data(instrument)
        let sheets = try XLSXReader.read(data)
        #expect(sheets.map(\.name) == ["survey", "choices", "settings"])
        #expect(try XLSFormReader.read(sheets, file: "barometer.xlsx") == instrument)
        // For checking the file in other readers: scripts/xlsform/check-export.py.
        if let path = ProcessInfo.processInfo.environment["FORNYE_XLSFORM_EXPORT"] {
            try XLSFormWriter.write(instrument, to: URL(fileURLWithPath: path))
        }
    }

    @Test("every question type, hints, a calculation and questions outside groups survive the round trip")
    func everyType() throws {
        let yesNo = ChoiceList(
            name: "yn",
            choices: [
                Choice(code: 1, label: LocalizedText(nb: "Ja", en: "Yes")),
                Choice(code: 2, label: LocalizedText(nb: "Nei")),
                Choice(code: 8, label: LocalizedText(nb: "Vet ikke"), missing: .dontKnow),
                Choice(code: 9, label: LocalizedText(nb: "Ikke relevant"), missing: .notApplicable),
            ])
        let instrument = Instrument(
            id: "all_types", version: "3.2", title: LocalizedText(nb: "Alle typer"), choiceLists: [yesNo],
            sections: [
                Section(
                    name: "",
                    questions: [
                        Question(
                            name: "kommune", type: .municipality,
                            label: LocalizedText(nb: "Kommune", en: "Municipality"),
                            hint: LocalizedText(nb: "Fire sifre", en: "Four digits"), required: true),
                        Question(name: "a", type: .singleChoice, label: LocalizedText(nb: "A & <b>"), choiceList: "yn"),
                    ]),
                Section(
                    name: "group", label: LocalizedText(nb: "Gruppe", en: "Group"),
                    relevance: try RoutingExpression("${a} = 1"),
                    questions: [
                        Question(name: "m", type: .multipleChoice, label: LocalizedText(nb: "M"), choiceList: "yn"),
                        Question(name: "s", type: .scale, label: LocalizedText(nb: "S"), choiceList: "yn"),
                        Question(
                            name: "n", type: .integer, label: LocalizedText(nb: "N"),
                            relevance: try RoutingExpression("selected(${m}, '2') or count-selected(${m}) > 1")),
                        Question(name: "d", type: .decimal, label: LocalizedText(nb: "D")),
                        Question(name: "t", type: .text, label: LocalizedText(nb: "  T med mellomrom  ")),
                        Question(name: "note", type: .note, label: LocalizedText(nb: "Takk", en: "Thanks")),
                        Question(
                            name: "c", type: .singleChoice, label: LocalizedText(nb: "C"), choiceList: "yn",
                            calculation: try CalculationExpression("if(${n} > 3, 1, 2)")),
                    ]),
                Section(name: "", questions: [Question(name: "last", type: .text, label: LocalizedText(nb: "Sist"))]),
            ])
        try instrument.validate()
        let read = try XLSFormReader.read(XLSXReader.read(XLSFormWriter.data(instrument)), file: "all.xlsx")
        #expect(read == instrument)
    }

    @Test("a hand-made XLSForm in the usual layout: plain label column, aliases, metadata and field-list")
    func readsHandMadeForm() throws {
        let sheets = [
            XLSXSheet(
                name: "survey",
                cells: [
                    ["type", "name", "label", "label::English (en)", "Required", "relevant", "appearance"],
                    ["start", "start"],
                    ["select one yn", "innovated", "Innovert?", "Innovated?", "TRUE"],
                    ["begin group", "grid", "Faktorer", "", "", "${innovated} = '1'", "field-list"],
                    ["select_one   yn", "f1", "Ledelse", "Leadership", "", "", "likert"],
                    ["end group"],
                    ["int", "staff", "Ansatte", "", "false()"],
                    [],
                    ["string", "comment", "Kommentar"],
                ]),
            XLSXSheet(
                name: "choices",
                cells: [
                    ["list name", "name", "label", "label::English (en)"],
                    ["yn", "1", "Ja", "Yes"], ["yn", "2", "Nei", "No"],
                ]),
            XLSXSheet(name: "settings", cells: [["form_title", "form_id", "version"], ["Liten", "small", "2024-1"]]),
        ]
        let instrument = try XLSFormReader.read(sheets, file: "small.xlsx")
        #expect(instrument.id == "small")
        #expect(instrument.title == LocalizedText(nb: "Liten"))
        #expect(instrument.sections.map(\.name) == ["", "grid", ""])
        #expect(instrument.questions.map(\.name) == ["innovated", "f1", "staff", "comment"])
        #expect(instrument.questions.map(\.type) == [.singleChoice, .scale, .integer, .text])
        #expect(instrument.questions[0].required)
        #expect(instrument.questions[0].label == LocalizedText(nb: "Innovert?", en: "Innovated?"))
        #expect(instrument.sections[1].relevance?.evaluate(["innovated": .code(1)]) == true)
    }
}
