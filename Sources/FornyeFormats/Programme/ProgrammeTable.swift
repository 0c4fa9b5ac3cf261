public import FornyeBarometer
import Foundation

/// The programme register as a file (issue 14): one row per line of the register, one column per
/// ``ProgrammeField`` (named by its raw value, e.g. `kommunenummer`, `soknadsdato`), read from CSV
/// (`,` or `;`, with or without a byte order mark) or the first sheet of an .xlsx workbook, and
/// written as CSV for Norwegian Excel or as a workbook.
///
/// Exports add the applicant's number in the 2020 and 2024 structures (`kommune_2020`,
/// `kommune_2024`; a split area is written `delt: 1806 1875`), which an import ignores.
///
/// ```swift
/// let table = try SourceReader.read(url)
/// let lines = try ProgrammeTable.applications(table, register: .bundled())
/// ```
public enum ProgrammeTable {
    public static let maximumProblems = 100
    /// The later structures an export carries numbers to.
    public static let carriedYears = [2020, 2024]

    /// The format a register file is read as: a workbook by its extension (.xlsx, .xlsm),
    /// otherwise CSV (a register is never an SPSS file).
    public static func sourceFormat(for file: String) -> SourceFormat {
        SourceFormat.guess(for: URL(fileURLWithPath: file)) == .xlsx ? .xlsx : .csv
    }

    /// The columns an export writes, in order.
    public static var header: [String] {
        ProgrammeField.allCases.map(\.rawValue) + carriedYears.map { "kommune_\($0)" }
    }

    /// Every line of `table`, checked against ``ProgrammeRules``; all or nothing.
    ///
    /// - Throws: ``ProgrammeFileError`` with every problem at its row and column (up to
    ///   ``maximumProblems``): unknown or repeated columns, a missing required column, cells that
    ///   are no date, number or status, and broken rules.
    public static func applications(_ table: SourceTable, register: MunicipalityRegister) throws(ProgrammeFileError)
        -> [ProgrammeApplication]
    {
        let file = table.file
        var problems: [ProgrammeFileError.Problem] = []
        var columns: [ProgrammeField: Int] = [:]
        let derived = Set(carriedYears.map { "kommune_\($0)" })
        for (index, name) in table.columns.enumerated() {
            let key = name.lowercased()
            if derived.contains(key) { continue }
            guard let field = ProgrammeField(rawValue: key) ?? aliases[key] else {
                problems.append(
                    .init(
                        FileLocation(file: file, line: 1, column: index + 1, field: name),
                        "unknown column; the register's columns are "
                            + ProgrammeField.allCases.map(\.rawValue).joined(separator: ", ")))
                continue
            }
            if columns[field] != nil {
                problems.append(
                    .init(FileLocation(file: file, line: 1, column: index + 1, field: name), "the column repeats"))
            }
            columns[field] = index
        }
        for field in [ProgrammeField.call, .applicationDate, .status] where columns[field] == nil {
            problems.append(.init(FileLocation(file: file, line: 1), "the column \(field.rawValue) is missing"))
        }
        if columns[.municipality] == nil && columns[.county] == nil {
            problems.append(
                .init(FileLocation(file: file, line: 1), "the column kommunenummer (or fylkesnummer) is missing"))
        }
        guard problems.isEmpty else { throw ProgrammeFileError(problems: problems) }
        guard !table.rows.isEmpty else {
            throw ProgrammeFileError(problems: [.init(FileLocation(file: file), "the file has no rows")])
        }
        var applications: [ProgrammeApplication] = []
        var truncated = false
        for (position, cells) in table.rows.enumerated() {
            let line = table.rowNumbers[position]
            func location(_ field: ProgrammeField) -> FileLocation {
                FileLocation(
                    file: file, line: line, column: columns[field].map { $0 + 1 },
                    field: columns[field].map { table.columns[$0] } ?? field.rawValue)
            }
            let read = row(cells, columns: columns)
            var found = read.problems.map { ProgrammeFileError.Problem(location($0.field), $0.message) }
            if let application = read.application {
                found += ProgrammeRules.problems(of: application, register: register).map {
                    .init(location($0.field), $0.message)
                }
                if found.isEmpty { applications.append(application) }
            }
            for problem in found {
                guard problems.count < maximumProblems else {
                    truncated = true
                    break
                }
                problems.append(problem)
            }
        }
        guard problems.isEmpty else { throw ProgrammeFileError(problems: problems, truncated: truncated) }
        return applications
    }

    /// Column names in English accepted beside the register's own.
    static let aliases: [String: ProgrammeField] = [
        "municipality": .municipality, "county": .county, "units": .units, "call": .call,
        "application_date": .applicationDate, "project_start": .projectStart, "project_end": .projectEnd,
        "amount_nok": .amount, "project_slug": .projectSlug, "synthetic": .synthetic,
    ]

    /// One row read cell by cell: the line, unless a required cell is unreadable, and the cells' problems.
    static func row(_ cells: [String], columns: [ProgrammeField: Int]) -> (
        application: ProgrammeApplication?, problems: [ProgrammeProblem]
    ) {
        var problems: [ProgrammeProblem] = []
        func cell(_ field: ProgrammeField) -> String { columns[field].map { cells[$0] } ?? "" }
        func read<Value>(_ field: ProgrammeField, _ parse: (String) throws(CellProblem) -> Value?) -> Value? {
            do throws(CellProblem) {
                return try parse(cell(field))
            } catch {
                problems.append(.init(field, error.message))
                return nil
            }
        }
        let municipality = read(.municipality) { text throws(CellProblem) in
            try ProgrammeCells.number(text, width: 4, what: "kommunenummer")
        }
        let county = read(.county) { text throws(CellProblem) in
            try ProgrammeCells.number(text, width: 2, what: "fylkesnummer")
        }
        let date = read(.applicationDate, ProgrammeCells.day)
        if date == nil, problems.allSatisfy({ $0.field != .applicationDate }) {
            problems.append(.init(.applicationDate, "the date is missing"))
        }
        let statusText = ProgrammeCells.trim(cell(.status))
        let status = ProgrammeStatus(text: statusText)
        if status == nil {
            problems.append(
                .init(
                    .status,
                    "\"\(statusText)\" is not a status; write granted, rejected or not applied "
                        + "(Tilsagn, Avslag, Ikke søkt)"))
        }
        let start = read(.projectStart, ProgrammeCells.day)
        let end = read(.projectEnd, ProgrammeCells.day)
        let amount = read(.amount, ProgrammeCells.amount)
        let synthetic = read(.synthetic) { text throws(CellProblem) in try ProgrammeCells.flag(text) } ?? false
        guard let date, let status else { return (nil, problems) }
        let application = ProgrammeApplication(
            municipalityNumber: municipality, countyNumber: county, units: ProgrammeCells.units(cell(.units)),
            call: ProgrammeCells.trim(cell(.call)), applicationDate: date, status: status, projectStart: start,
            projectEnd: end, amountNOK: amount, projectSlug: ProgrammeCells.slug(cell(.projectSlug)),
            synthetic: synthetic)
        return (application, problems)
    }
}
