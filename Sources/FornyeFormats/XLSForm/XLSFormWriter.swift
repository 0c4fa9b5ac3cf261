public import FornyeBarometer
public import Foundation

/// Writes an instrument as an XLSForm workbook that `XLSFormReader` reads back equal and that
/// XLSForm tools (pyxform, KoboToolbox, ODK) accept.
///
/// Labels and hints go in `label::Norsk bokmål (nb)` and `label::English (en)` columns; a scale
/// item is a `select_one` with appearance `likert` (its group `field-list` when it holds only
/// scale items and notes); a municipality number is `text` with a four-digit constraint and the custom
/// bind attribute `fornye:type`; a calculated question is read-only with its `calculation`.
///
/// ```swift
/// try XLSFormWriter.write(instrument, to: URL(fileURLWithPath: "barometer.xlsx"))
/// ```
public enum XLSFormWriter {
    /// Writes the instrument as an .xlsx file.
    public static func write(_ instrument: Instrument, to url: URL) throws(XLSXError) {
        try XLSXWriter.write(sheets(instrument), to: url)
    }

    /// The instrument as the bytes of an .xlsx file.
    public static func data(_ instrument: Instrument) throws(XLSXError) -> Data {
        try XLSXWriter.data(sheets(instrument))
    }

    /// The survey, choices and settings sheets.
    public static func sheets(_ instrument: Instrument) -> [XLSXSheet] {
        [
            XLSXSheet(name: "survey", cells: [surveyColumns] + surveyRows(instrument)),
            XLSXSheet(name: "choices", cells: [choiceColumns] + choiceRows(instrument)),
            XLSXSheet(name: "settings", cells: [settingsColumns, settingsRow(instrument)]),
        ]
    }

    private static let nb = XLSFormColumns.bokmal
    private static let en = XLSFormColumns.english

    static let surveyColumns = [
        "type", "name", "label::\(nb)", "label::\(en)", "hint::\(nb)", "hint::\(en)", "required", "relevant",
        "calculation", "read_only", "appearance", "constraint", "constraint_message::\(nb)",
        "constraint_message::\(en)", XLSFormColumns.fornyeType, XLSFormColumns.fornyeSpecifies,
    ]

    static let choiceColumns = ["list_name", "name", "label::\(nb)", "label::\(en)", "missing"]

    static let settingsColumns = [
        "form_title", "form_id", "version", "default_language", "namespaces", XLSFormColumns.titleEnglish,
    ]

    private static func surveyRows(_ instrument: Instrument) -> [[String]] {
        var rows: [[String]] = []
        for section in instrument.sections {
            let grouped = !section.name.isEmpty
            if grouped {
                // A grid: scale items (and notes introducing them) on one screen.
                let isGrid =
                    section.questions.contains { $0.type == .scale }
                    && section.questions.allSatisfy { $0.type == .scale || $0.type == .note }
                rows.append(
                    row([
                        "type": "begin_group", "name": section.name, "label::\(nb)": section.label?.nb ?? "",
                        "label::\(en)": section.label?.en ?? "", "relevant": section.relevance?.source ?? "",
                        "appearance": isGrid ? "field-list" : "",
                    ]))
            }
            for question in section.questions { rows.append(row(question)) }
            if grouped { rows.append(row(["type": "end_group", "name": section.name])) }
        }
        return rows
    }

    private static func row(_ question: Question) -> [String] {
        var values: [String: String] = [
            "name": question.name, "label::\(nb)": question.label.nb, "label::\(en)": question.label.en ?? "",
            "hint::\(nb)": question.hint?.nb ?? "", "hint::\(en)": question.hint?.en ?? "",
            "required": question.required ? "yes" : "", "relevant": question.relevance?.source ?? "",
            "calculation": question.calculation?.source ?? "", "read_only": question.calculation == nil ? "" : "yes",
            XLSFormColumns.fornyeSpecifies: question.specifies ?? "",
        ]
        let list = question.choiceList ?? ""
        switch question.type {
        case .singleChoice: values["type"] = "select_one \(list)"
        case .scale:
            values["type"] = "select_one \(list)"
            values["appearance"] = "likert"
        case .multipleChoice: values["type"] = "select_multiple \(list)"
        case .integer: values["type"] = "integer"
        case .decimal: values["type"] = "decimal"
        case .text: values["type"] = "text"
        case .note: values["type"] = "note"
        case .municipality:
            values["type"] = "text"
            values["appearance"] = "numbers"
            values["constraint"] = "regex(., '^[0-9]{4}$')"
            values["constraint_message::\(nb)"] = "Kommunenummeret har fire sifre, for eksempel 0301."
            values["constraint_message::\(en)"] = "The municipality number has four digits, for example 0301."
            values[XLSFormColumns.fornyeType] = "municipality"
        }
        return row(values)
    }

    private static func row(_ values: [String: String]) -> [String] {
        var cells = surveyColumns.map { values[$0] ?? "" }
        while cells.last?.isEmpty == true { cells.removeLast() }
        return cells
    }

    private static func choiceRows(_ instrument: Instrument) -> [[String]] {
        instrument.choiceLists.flatMap { list in
            list.choices.map { choice in
                [
                    list.name, String(choice.code), choice.label.nb, choice.label.en ?? "",
                    choice.missing?.rawValue ?? "",
                ]
            }
        }
    }

    private static func settingsRow(_ instrument: Instrument) -> [String] {
        [
            instrument.title.nb, instrument.id, instrument.version, nb, XLSFormColumns.namespaceDeclaration,
            instrument.title.en ?? "",
        ]
    }
}
