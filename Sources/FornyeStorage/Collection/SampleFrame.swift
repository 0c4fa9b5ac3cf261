public import FornyeBarometer
import FornyeFormats
public import Foundation

/// One unit of a sample frame as read from a file, before it is stored.
public struct SampleUnit: Sendable, Hashable {
    /// The 1-based row in the file (the header is row 1).
    public var row: Int
    public var name: String
    public var kommunenummer: String?
    public var sector: Int
    public var unitType: Int
    public var contactEmail: String
    public var contactName: String?

    public init(
        row: Int, name: String, kommunenummer: String?, sector: Int, unitType: Int, contactEmail: String,
        contactName: String?
    ) {
        self.row = row
        self.name = name
        self.kommunenummer = kommunenummer
        self.sector = sector
        self.unitType = unitType
        self.contactEmail = contactEmail
        self.contactName = contactName
    }
}

/// A problem in a sample frame file, located at a row and column.
public struct SampleFrameIssue: Sendable, Hashable, CustomStringConvertible {
    /// 1-based row; nil for the file as a whole.
    public var row: Int?
    /// The column's header as in the file; nil when the issue is not about one column.
    public var column: String?
    public var message: String

    public init(row: Int?, column: String?, message: String) {
        self.row = row
        self.column = column
        self.message = message
    }

    public var description: String {
        var parts: [String] = []
        if let row { parts.append("row \(row)") }
        if let column { parts.append("column «\(column)»") }
        return (parts.isEmpty ? "" : parts.joined(separator: ", ") + ": ") + message
    }
}

/// Reads a sample frame: a table with a header row and one row per unit. Every problem is
/// reported with its row and column; a frame with any problem is refused whole.
///
/// Columns (bokmål or English headers, any order): `enhet`/`unit_name`, `kommunenummer`/
/// `municipality_number` (may be empty for county-run units), `sektor`/`sector` and
/// `enhetstype`/`unit_type` (the instrument's code or its bokmål or English label),
/// `epost`/`email`, and optionally `kontaktperson`/`contact_name`.
public struct SampleFrame: Sendable {
    public var units: [SampleUnit]
    public var issues: [SampleFrameIssue]

    /// The most units a frame may have: far more than any wave of the barometer reaches (every
    /// municipal unit of the country is some tens of thousands), so a longer file is a mistake.
    public static let maximumUnits = 100_000
    /// Issues listed at most; a file with more is refused with these and a note that more exist.
    public static let maximumIssues = 200
    /// The reader's limits for a frame file: a handful of columns are read, so a few hundred is
    /// already generous; cells follow from the units.
    static let limits = TableLimits(
        maximumColumns: 200, maximumHeaderLength: 200, maximumCells: 200 * (maximumUnits + 1),
        maximumRows: maximumUnits, maximumCellLength: 1_000)

    enum Field: CaseIterable {
        case name, kommunenummer, sector, unitType, email, contactName

        var headers: [String] {
            switch self {
            case .name: ["enhet", "unit_name", "navn", "name"]
            case .kommunenummer: ["kommunenummer", "municipality_number", "knr"]
            case .sector: ["sektor", "sector"]
            case .unitType: ["enhetstype", "unit_type"]
            case .email: ["epost", "e-post", "email", "e-mail"]
            case .contactName: ["kontaktperson", "contact_name", "kontakt"]
            }
        }

        var required: Bool { self != .contactName }
    }

    /// Reads rows (the first is the header) against the instrument's sector and unit type lists,
    /// checking kommunenummer in `register` on `date`.
    ///
    /// - Parameter rowNumbers: the file's row (or line) number of each row, header included;
    ///   default: the position in `rows`, 1-based.
    public init(
        rows: [[String]], rowNumbers: [Int]? = nil, instrument: Instrument, register: MunicipalityRegister?,
        on date: CalendarDay
    ) {
        units = []
        issues = []
        guard let header = rows.first else {
            issues.append(.init(row: nil, column: nil, message: "the file is empty; it needs a header row"))
            return
        }
        // An XLSX frame arrives here as rows; a CSV one was bounded by `limits` as it was read.
        guard rows.count - 1 <= Self.maximumUnits, header.count <= Self.limits.maximumColumns else {
            issues.append(
                .init(
                    row: nil, column: nil,
                    message: rows.count - 1 > Self.maximumUnits
                        ? "the file has \(rows.count - 1) rows; a sample frame may have at most \(Self.maximumUnits)"
                        : "the header has \(header.count) columns; a sample frame may have at most \(Self.limits.maximumColumns)"
                ))
            return
        }
        let normalized = header.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        var index: [Field: Int] = [:]
        for field in Field.allCases {
            if let position = normalized.firstIndex(where: field.headers.contains) {
                index[field] = position
            } else if field.required {
                issues.append(
                    .init(
                        row: 1, column: nil,
                        message: "the header has no column «\(field.headers[0])» (or «\(field.headers[1])»)"))
            }
        }
        guard issues.isEmpty else { return }
        let sectors = instrument.choiceList(named: "sector")?.choices ?? []
        let unitTypes = instrument.choiceList(named: "unit_type")?.choices ?? []
        var emails: [String: Int] = [:]
        for (offset, cells) in rows.enumerated().dropFirst() {
            if issues.count >= Self.maximumIssues {
                issues.append(
                    .init(
                        row: nil, column: nil,
                        message: "more problems than the \(Self.maximumIssues) listed; correct these and check again"))
                break
            }
            let rowNumber = rowNumbers.map { $0[offset] } ?? offset + 1
            if cells.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            func cell(_ field: Field) -> String {
                guard let position = index[field], position < cells.count else { return "" }
                return cells[position].trimmingCharacters(in: .whitespacesAndNewlines)
            }
            func issue(_ field: Field, _ message: String) {
                let column = index[field].map { header[$0] } ?? field.headers[0]
                issues.append(.init(row: rowNumber, column: column, message: message))
            }
            let name = cell(.name)
            if name.isEmpty { issue(.name, "the unit has no name") }
            let number = cell(.kommunenummer)
            if !number.isEmpty {
                if number.count != 4 || !number.allSatisfy(\.isASCII) || !number.allSatisfy(\.isNumber) {
                    issue(.kommunenummer, "«\(number)» is not a kommunenummer (four digits, e.g. 0301)")
                } else if let register {
                    do {
                        _ = try register.municipality(number: number, on: date)
                    } catch {
                        issue(.kommunenummer, "«\(number)»: \(error)")
                    }
                }
            }
            let sector = Self.code(cell(.sector), in: sectors)
            if sector == nil { issue(.sector, Self.codeMessage(cell(.sector), sectors)) }
            let unitType = Self.code(cell(.unitType), in: unitTypes)
            if unitType == nil { issue(.unitType, Self.codeMessage(cell(.unitType), unitTypes)) }
            let email = cell(.email)
            if !Self.isEmail(email) {
                issue(.email, email.isEmpty ? "the e-mail address is missing" : "«\(email)» is not an e-mail address")
            } else if let first = emails[email.lowercased()] {
                issue(.email, "«\(email)» is also on row \(first); each unit needs its own invitation")
            } else {
                emails[email.lowercased()] = rowNumber
            }
            let contact = cell(.contactName)
            if let sector, let unitType, !name.isEmpty, Self.isEmail(email) {
                units.append(
                    SampleUnit(
                        row: rowNumber, name: name, kommunenummer: number.isEmpty ? nil : number, sector: sector,
                        unitType: unitType, contactEmail: email, contactName: contact.isEmpty ? nil : contact))
            }
        }
        if issues.isEmpty && units.isEmpty {
            issues.append(.init(row: nil, column: nil, message: "the file has a header but no units"))
        }
    }

    /// Reads a CSV sample frame (`,` or `;`, UTF-8) with FornyeFormats' reader: broken quoting or
    /// encoding becomes one issue at its line and column; rows are named by their physical line.
    public init(
        csv data: Data, file: String, instrument: Instrument, register: MunicipalityRegister?, on date: CalendarDay
    ) {
        do {
            let table = try CSVTable.read(data, file: file, limits: Self.limits)
            self.init(
                rows: table.allRows, rowNumbers: [1] + table.lines, instrument: instrument, register: register,
                on: date)
        } catch {
            self.init(rows: [], instrument: instrument, register: register, on: date)
            issues = [Self.issue(error)]
        }
    }

    /// A CSV reading error as an issue at its line and column (the column's name when known).
    static func issue(_ error: FormatError) -> SampleFrameIssue {
        switch error {
        case .located(let location, let message):
            return SampleFrameIssue(
                row: location.line, column: location.field ?? location.column.map { "\($0)" }, message: message)
        case .unreadableFile(_, let reason):
            return SampleFrameIssue(row: nil, column: nil, message: reason)
        }
    }

    /// The frame is usable: no issues and at least one unit.
    public var isValid: Bool { issues.isEmpty && !units.isEmpty }

    static func code(_ text: String, in choices: [Choice]) -> Int? {
        if let code = Int(text), choices.contains(where: { $0.code == code }) { return code }
        let lowered = text.lowercased()
        return choices.first { $0.label.nb.lowercased() == lowered || $0.label.en?.lowercased() == lowered }?.code
    }

    static func codeMessage(_ text: String, _ choices: [Choice]) -> String {
        let allowed = choices.map { "\($0.code) = \($0.label.nb)" }.joined(separator: ", ")
        return text.isEmpty ? "missing; use one of \(allowed)" : "«\(text)» is not one of \(allowed)"
    }

    static func isEmail(_ text: String) -> Bool { TextRules.isEmailAddress(text) }
}
