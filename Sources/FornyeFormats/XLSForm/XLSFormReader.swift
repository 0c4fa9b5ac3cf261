public import FornyeBarometer
import FornyeStatistics
public import Foundation

/// Reads an instrument from an XLSForm workbook (the open standard of ODK, KoboToolbox and
/// others): sheets `survey`, `choices` and `settings`.
///
/// Supported survey types: `select_one`, `select_multiple`, `integer`, `decimal`, `text`,
/// `note`, `begin_group`/`end_group` (one level). A `select_one` with appearance `likert` is a
/// scale item; a `text` with `bind::fornye:type` = `municipality` is a municipality number; a
/// `calculation` on a select or number question makes it derived. Metadata types (`start`,
/// `end`, `today`, `deviceid`, ...) are skipped. Choice names must be whole numbers; a
/// `missing` column on the choices sheet marks `dontKnow` and `notApplicable` codes. Constraints
/// and appearances other than `likert` are not kept. Every other type is refused with its sheet
/// and row, as is anything the instrument's validation finds.
///
/// ```swift
/// let instrument = try XLSFormReader.read(contentsOf: URL(fileURLWithPath: "barometer.xlsx"))
/// ```
public enum XLSFormReader {
    /// Reads and validates the XLSForm at `url`.
    public static func read(contentsOf url: URL) throws(InstrumentError) -> Instrument {
        let sheets: [XLSXSheet]
        do {
            sheets = try XLSXReader.read(contentsOf: url)
        } catch {
            throw InstrumentError(
                InstrumentIssue(error.message, part: .instrument, location: InstrumentSourceLocation(file: url.path)))
        }
        return try read(sheets, file: url.path)
    }

    /// Reads an instrument from sheets already loaded; `file` names the source in errors.
    public static func read(_ sheets: [XLSXSheet], file: String) throws(InstrumentError) -> Instrument {
        var reader = XLSFormSheetReader(sheets: sheets, file: file)
        let instrument = reader.instrument()
        if !reader.issues.isEmpty { throw InstrumentError(reader.issues) }
        do {
            try instrument.validate()
        } catch {
            throw error.located { reader.locations[$0.part] }
        }
        return instrument
    }
}

/// One pass over the sheets, collecting issues as it goes so that a person sees them all.
struct XLSFormSheetReader {
    let sheets: [XLSXSheet]
    let file: String
    var issues: [InstrumentIssue] = []
    /// Where each part of the instrument came from, to locate validation issues.
    var locations: [InstrumentPart: InstrumentSourceLocation] = [:]

    init(sheets: [XLSXSheet], file: String) {
        self.sheets = sheets
        self.file = file
    }

    static let metadataTypes: Set<String> = [
        "start", "end", "today", "deviceid", "subscriberid", "simserial", "phonenumber", "username", "email",
        "audit", "start-geopoint", "background-audio",
    ]

    mutating func instrument() -> Instrument {
        let settings = sheet("settings")
        let settingsHeader = XLSFormHeader(settings?.rows.first?.cells ?? [], defaultLanguage: "nb")
        let settingsRow = settings?.rows.dropFirst().first
        let cells = settingsRow?.cells ?? []
        let defaultLanguage =
            XLSFormHeader.languageCode(settingsHeader.value("default_language", in: cells)) ?? "nb"
        let fileStem = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        let id = settingsHeader.value("form_id", in: cells)
        let title = settingsHeader.value("form_title", in: cells)
        let titleEnglish = settingsHeader.value(XLSFormColumns.titleEnglish, in: cells)
        locations[.instrument] = location("settings", row: settingsRow?.number ?? 1)

        let choiceLists = readChoices(defaultLanguage: defaultLanguage)
        let sections = readSurvey(defaultLanguage: defaultLanguage, choiceLists: choiceLists)
        return Instrument(
            id: id.isEmpty ? fileStem : id,
            version: settingsHeader.value("version", in: cells),
            title: LocalizedText(
                nb: title.isEmpty ? (id.isEmpty ? fileStem : id) : title, en: titleEnglish.isEmpty ? nil : titleEnglish),
            choiceLists: choiceLists, sections: sections)
    }

    private func sheet(_ name: String) -> XLSXSheet? {
        sheets.first { $0.name.lowercased() == name }
    }

    private func location(_ sheet: String, row: Int) -> InstrumentSourceLocation {
        InstrumentSourceLocation(file: file, sheet: sheet, line: row)
    }

    private mutating func issue(_ message: String, sheet: String, row: Int, field: String? = nil, column: Int? = nil) {
        issues.append(
            InstrumentIssue(
                message, part: .instrument, field: field, expressionColumn: column, location: location(sheet, row: row))
        )
    }

    // MARK: choices

    private mutating func readChoices(defaultLanguage: String) -> [ChoiceList] {
        guard let sheet = sheet("choices"), let headerRow = sheet.rows.first else { return [] }
        let header = XLSFormHeader(headerRow.cells, defaultLanguage: defaultLanguage)
        let listColumn = header.has("list_name") ? "list_name" : "list name"
        var lists: [ChoiceList] = []
        var listIndex: [String: Int] = [:]
        for row in sheet.rows.dropFirst() {
            let listName = header.value(listColumn, in: row.cells)
            let name = header.value("name", in: row.cells)
            if listName.isEmpty && name.isEmpty { continue }
            guard !listName.isEmpty else {
                issue("choice \(name) has no list_name", sheet: sheet.name, row: row.number, field: "list_name")
                continue
            }
            guard let code = Int(name) else {
                issue(
                    "choice \"\(name)\" of list \(listName) is not a whole number; Fornye stores answers as integer codes",
                    sheet: sheet.name, row: row.number, field: "name")
                continue
            }
            var missing: MissingKind?
            let missingText = header.value("missing", in: row.cells)
            if !missingText.isEmpty {
                guard let kind = MissingKind(rawValue: missingText), kind != .system else {
                    issue(
                        "missing must be dontKnow or notApplicable, not \(missingText)", sheet: sheet.name,
                        row: row.number, field: "missing")
                    continue
                }
                missing = kind
            }
            let choice = Choice(
                code: code, label: localized("label", header, row.cells) ?? LocalizedText(nb: ""), missing: missing)
            if let index = listIndex[listName] {
                locations[.choice(list: index, index: lists[index].choices.count)] = location(
                    sheet.name, row: row.number)
                lists[index].choices.append(choice)
            } else {
                listIndex[listName] = lists.count
                locations[.choiceList(lists.count)] = location(sheet.name, row: row.number)
                locations[.choice(list: lists.count, index: 0)] = location(sheet.name, row: row.number)
                lists.append(ChoiceList(name: listName, choices: [choice]))
            }
        }
        return lists
    }

    private func localized(_ column: String, _ header: XLSFormHeader, _ cells: [String]) -> LocalizedText? {
        let nb = header.value(column, language: "nb", in: cells)
        let en = header.value(column, language: "en", in: cells)
        if nb.isEmpty && en.isEmpty { return nil }
        return LocalizedText(nb: nb, en: en.isEmpty ? nil : en)
    }

    // MARK: survey

    private mutating func readSurvey(defaultLanguage: String, choiceLists: [ChoiceList]) -> [Section] {
        guard let sheet = sheet("survey"), let headerRow = sheet.rows.first else {
            issues.append(
                InstrumentIssue(
                    "the workbook has no survey sheet", part: .instrument,
                    location: InstrumentSourceLocation(file: file)))
            return []
        }
        let header = XLSFormHeader(headerRow.cells, defaultLanguage: defaultLanguage)
        var sections: [Section] = []
        var openGroup: (section: Section, row: Int)?
        var loose: Section?

        func flushLoose() {
            if let section = loose { sections.append(section) }
            loose = nil
        }

        for row in sheet.rows.dropFirst() {
            let type = header.value("type", in: row.cells).split(whereSeparator: \.isWhitespace).joined(separator: " ")
            let name = header.value("name", in: row.cells)
            if type.isEmpty {
                if !name.isEmpty {
                    issue("\(name) has no type", sheet: sheet.name, row: row.number, field: "type")
                }
                continue
            }
            let lowered = type.lowercased()
            switch lowered {
            case "begin_group", "begin group":
                if let open = openGroup {
                    issue(
                        "group \(name) is inside group \(open.section.name) (row \(open.row)); Fornye supports one level of groups",
                        sheet: sheet.name, row: row.number, field: "type")
                    continue
                }
                flushLoose()
                let relevance = expression(
                    header.value("relevant", in: row.cells), sheet: sheet.name, row: row.number, field: "relevant",
                    parse: RoutingExpression.init)
                openGroup = (
                    Section(
                        name: name, label: localized("label", header, row.cells), relevance: relevance, questions: []),
                    row.number
                )
                locations[.section(sections.count)] = location(sheet.name, row: row.number)
            case "end_group", "end group":
                guard let open = openGroup else {
                    issue("end_group without begin_group", sheet: sheet.name, row: row.number, field: "type")
                    continue
                }
                sections.append(open.section)
                openGroup = nil
            case _ where Self.metadataTypes.contains(lowered):
                continue
            default:
                guard let question = question(type: type, name: name, header: header, row: row, sheet: sheet.name)
                else { continue }
                if openGroup != nil {
                    locations[.question(section: sections.count, index: openGroup!.section.questions.count)] =
                        location(sheet.name, row: row.number)
                    openGroup!.section.questions.append(question)
                } else {
                    if loose == nil { loose = Section(name: "", questions: []) }
                    locations[.question(section: sections.count, index: loose!.questions.count)] =
                        location(sheet.name, row: row.number)
                    loose!.questions.append(question)
                }
            }
        }
        if let open = openGroup {
            issue("group \(open.section.name) has no end_group", sheet: sheet.name, row: open.row, field: "type")
            sections.append(open.section)
        }
        flushLoose()
        return sections
    }

    private mutating func question(
        type: String, name: String, header: XLSFormHeader, row: XLSXSheet.Row, sheet: String
    ) -> Question? {
        let words = type.split(separator: " ").map(String.init)
        let keyword = words[0].lowercased()
        let appearance = header.value("appearance", in: row.cells).lowercased()
        let fornyeType = header.value(XLSFormColumns.fornyeType, in: row.cells).lowercased()
        var listName: String?
        let questionType: QuestionType
        switch keyword {
        case "select_one", "select_multiple", "select":
            // "select one list" and "select_one list" are both XLSForm.
            let isOne =
                keyword == "select_one" || (keyword == "select" && words.count > 1 && words[1].lowercased() == "one")
            let rest = keyword == "select" ? Array(words.dropFirst(2)) : Array(words.dropFirst())
            guard rest.count == 1 else {
                issue(
                    "\(type) needs exactly one choice list name (or-other and file lists are not supported)",
                    sheet: sheet, row: row.number, field: "type")
                return nil
            }
            listName = rest[0]
            questionType =
                isOne ? (appearance.split(separator: " ").contains("likert") ? .scale : .singleChoice) : .multipleChoice
        case "integer", "int": questionType = .integer
        case "decimal": questionType = .decimal
        case "text", "string": questionType = fornyeType == "municipality" ? .municipality : .text
        case "note": questionType = .note
        case "begin_repeat", "begin repeat", "end_repeat", "end repeat":
            issue(
                "repeat groups (\(keyword)) are not supported; one response is one row", sheet: sheet, row: row.number,
                field: "type")
            return nil
        case "calculate":
            issue(
                "type calculate (\(name)) is not supported; put the calculation on a select_one, integer or decimal question",
                sheet: sheet, row: row.number, field: "type")
            return nil
        default:
            issue(
                "type \(words[0]) (\(name.isEmpty ? "no name" : name)) is not supported; Fornye reads select_one, "
                    + "select_multiple, integer, decimal, text, note and begin_group/end_group",
                sheet: sheet, row: row.number, field: "type")
            return nil
        }
        guard let required = requiredFlag(header.value("required", in: row.cells), sheet: sheet, row: row.number) else {
            return nil
        }
        let specifies = header.value(XLSFormColumns.fornyeSpecifies, in: row.cells)
        return Question(
            name: name, type: questionType, label: localized("label", header, row.cells) ?? LocalizedText(nb: ""),
            hint: localized("hint", header, row.cells), choiceList: listName, required: required,
            relevance: expression(
                header.value("relevant", in: row.cells), sheet: sheet, row: row.number, field: "relevant",
                parse: RoutingExpression.init),
            calculation: expression(
                header.value("calculation", in: row.cells), sheet: sheet, row: row.number, field: "calculation",
                parse: CalculationExpression.init),
            specifies: specifies.isEmpty ? nil : specifies)
    }

    private mutating func requiredFlag(_ text: String, sheet: String, row: Int) -> Bool? {
        switch text.lowercased() {
        case "", "no", "false", "false()", "0": return false
        case "yes", "true", "true()", "1": return true
        default:
            issue(
                "required must be yes or no; conditional required (\(text)) is not supported", sheet: sheet, row: row,
                field: "required")
            return nil
        }
    }

    private mutating func expression<T>(
        _ text: String, sheet: String, row: Int, field: String, parse: (String) throws(RoutingSyntaxError) -> T
    ) -> T? {
        guard !text.isEmpty else { return nil }
        do {
            return try parse(text)
        } catch {
            issue(error.message, sheet: sheet, row: row, field: field, column: error.column)
            return nil
        }
    }
}
