public import FornyeBarometer
public import Foundation

extension ProgrammeTable {
    /// The header and one row per line, as every export writes them. A synthetic line carries
    /// ``SyntheticLabel/marker`` in its `syntetisk` column.
    public static func rows(_ applications: [ProgrammeApplication], register: MunicipalityRegister) -> [[String]] {
        [header]
            + applications.map { application in
                [
                    application.municipalityNumber ?? "", application.countyNumber ?? "",
                    application.units.joined(separator: " \(ProgrammeApplication.unitSeparator) "), application.call,
                    application.applicationDate.description, application.status.label,
                    application.projectStart?.description ?? "", application.projectEnd?.description ?? "",
                    application.amountNOK.map(String.init) ?? "", application.projectSlug ?? "",
                    application.synthetic ? SyntheticLabel.marker : "",
                ] + carriedYears.map { carried(application.applicant(inStructureOf: $0, register: register)) }
            }
    }

    /// CSV for Norwegian Excel: byte order mark, semicolons, formula-like cells defused.
    public static func csv(_ applications: [ProgrammeApplication], register: MunicipalityRegister) -> String {
        CSVTable.writeForExcel(rows(applications, register: register))
    }

    /// An .xlsx workbook of one sheet, named with the synthetic marker when any line is synthetic.
    public static func xlsx(_ applications: [ProgrammeApplication], register: MunicipalityRegister)
        throws(XLSXError) -> Data
    {
        try XLSXWriter.data([XLSXSheet(name: sheetName(applications), cells: rows(applications, register: register))])
    }

    /// The workbook's sheet name (at most 31 characters, as Excel allows).
    public static func sheetName(_ applications: [ProgrammeApplication]) -> String {
        applications.contains(where: \.synthetic) ? "Programregister \(SyntheticLabel.marker)" : "Programregister"
    }

    /// `4003`, `50`, `delt: 1806 1875` (a split, for the analyst to resolve), or empty.
    static func carried(_ applicant: CarriedApplicant) -> String {
        switch applicant {
        case .municipality(let number), .county(let number): number
        case .split(let numbers): "delt: " + numbers.joined(separator: " ")
        case .notCarried: ""
        }
    }
}
