import FornyeBarometer
import FornyeReport
import Foundation

/// How the register's pages write a line's cells: the applicant by name and number in the
/// structure of its application date, amounts with thousands grouped, missing values as a dash.
enum ProgrammeText {
    /// "Skien (0806)", "Vestfold og Telemark fylkeskommune (38)", or the bare number when the
    /// register does not know it on that day.
    static func applicant(_ application: ProgrammeApplication, register: MunicipalityRegister) -> String {
        let date = application.applicationDate
        if let number = application.municipalityNumber {
            let name = (try? register.municipality(number: number, on: date))?.name
            return name.map { "\($0) (\(number))" } ?? number
        }
        if let county = application.countyNumber {
            let name = (try? register.municipalities(on: date))?.first { $0.countyNumber == county }?.countyName
            return name.map { "\($0) (\(county))" } ?? county
        }
        return "–"
    }

    /// "1 250 000" (`NorwegianFormat`: a no-break space between thousands), or "–".
    static func amount(_ amount: Int?) -> String {
        amount.map(NorwegianFormat.count) ?? "–"
    }

    static func day(_ day: CalendarDay?) -> String { day?.description ?? "–" }

    /// The status in the page's language.
    static func status(_ status: ProgrammeStatus, _ language: Language) -> String {
        language.pick(status.label, status.labelEnglish)
    }

    /// A field's name on the pages.
    static func field(_ field: ProgrammeField, _ language: Language) -> String {
        switch field {
        case .municipality: language.pick("Kommunenummer", "Municipality number")
        case .county: language.pick("Fylkesnummer", "County number")
        case .units: language.pick("Enheter", "Units")
        case .call: language.pick("Utlysning", "Call")
        case .applicationDate: language.pick("Søknadsdato", "Application date")
        case .status: language.pick("Status", "Status")
        case .projectStart: language.pick("Prosjektstart", "Project start")
        case .projectEnd: language.pick("Prosjektslutt", "Project end")
        case .amount: language.pick("Beløp (kr)", "Amount (NOK)")
        case .projectSlug: language.pick("Prosjekt i Prosjektbanken", "Project in the project bank")
        case .synthetic: language.pick("Syntetisk", "Synthetic")
        }
    }
}
