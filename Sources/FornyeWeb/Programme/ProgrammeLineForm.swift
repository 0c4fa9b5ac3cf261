import FornyeBarometer
import FornyeFormats

/// The edit form of one register line as posted: status, dates, amount and project, each field
/// read as a register file's cell is (`ProgrammeCells`), the rest kept from the stored line.
/// Fields are named by `ProgrammeField`'s raw values, so a problem finds its field.
struct ProgrammeLineForm {
    /// What was typed, shown again when the form is refused.
    var values: [ProgrammeField: String]
    /// The changed line, when every field could be read.
    var application: ProgrammeApplication?
    /// Fields that could not be read.
    var cellProblems: [ProgrammeProblem]

    static let fields: [ProgrammeField] = [
        .status, .applicationDate, .projectStart, .projectEnd, .amount, .projectSlug,
    ]

    init(_ form: FormFields, editing stored: ProgrammeApplication) {
        var values: [ProgrammeField: String] = [:]
        for field in Self.fields { values[field] = String((form.first(field.rawValue) ?? "").prefix(300)) }
        self.values = values
        var problems: [ProgrammeProblem] = []
        func read<Value>(_ field: ProgrammeField, _ parse: (String) throws(CellProblem) -> Value?) -> Value? {
            do throws(CellProblem) {
                return try parse(values[field] ?? "")
            } catch {
                problems.append(.init(field, error.message))
                return nil
            }
        }
        var changed = stored
        let status = ProgrammeStatus(text: values[.status] ?? "")
        if status == nil { problems.append(.init(.status, "choose granted, rejected or not applied")) }
        let date = read(.applicationDate, ProgrammeCells.day)
        if date == nil, !problems.contains(where: { $0.field == .applicationDate }) {
            problems.append(.init(.applicationDate, "the date is missing"))
        }
        changed.projectStart = read(.projectStart, ProgrammeCells.day)
        changed.projectEnd = read(.projectEnd, ProgrammeCells.day)
        changed.amountNOK = read(.amount, ProgrammeCells.amount)
        changed.projectSlug = ProgrammeCells.slug(values[.projectSlug] ?? "")
        if let status, let date, problems.isEmpty {
            changed.status = status
            changed.applicationDate = date
            application = changed
        } else {
            application = nil
        }
        cellProblems = problems
    }

    /// The stored line's values, for the form's first showing.
    init(_ stored: ProgrammeApplication) {
        values = [
            .status: stored.status.rawValue, .applicationDate: stored.applicationDate.description,
            .projectStart: stored.projectStart?.description ?? "", .projectEnd: stored.projectEnd?.description ?? "",
            .amount: stored.amountNOK.map(String.init) ?? "", .projectSlug: stored.projectSlug ?? "",
        ]
        application = stored
        cellProblems = []
    }

    /// The unreadable fields, or else the register's rules broken by the changed line.
    func problems(register: MunicipalityRegister) -> [ProgrammeProblem] {
        guard let application, cellProblems.isEmpty else { return cellProblems }
        return ProgrammeRules.problems(of: application, register: register)
    }
}
