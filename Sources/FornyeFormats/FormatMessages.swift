import Foundation

/// The language a format message is said in. English is what the readers write (and what logs,
/// tests and the command line see); bokmål is looked up in `FormatMessages` for the web pages.
public enum FormatLanguage: String, Sendable, CaseIterable {
    case en, nb
}

/// Bokmål for the messages the readers, the mapping and the importer write, keyed by the English
/// text (as a gettext catalogue is): the readers keep one English message each, and every
/// message a person can meet in the web import has an entry here. `{}` in the English pattern
/// stands for a fact (a name, a number, a list); `{1}`, `{2}`, … place the facts in the bokmål.
/// A message without an entry is shown in English rather than not at all.
public enum FormatMessages {
    static let catalogue: [(en: String, nb: String)] = [
        // Files
        ("the file is empty", "filen er tom"),
        ("cannot read the file", "filen kan ikke leses"),
        ("cannot read the file: {}", "filen kan ikke leses: {1}"),
        ("cannot read the CSV text: {}", "CSV-teksten kan ikke leses: {1}"),
        ("more than {} rows", "mer enn {1} rader"),
        ("the header line is empty", "overskriftslinjen er tom"),
        ("the row has {} fields but the header has {}", "raden har {1} felt, men overskriften har {2}"),
        ("the header has no name for this column", "overskriften har ikke noe navn på denne kolonnen"),
        (
            "sheet \"{}\", the header has no name for this column",
            "arket «{1}»: overskriften har ikke noe navn på denne kolonnen"
        ),
        ("the column name repeats column {}", "kolonnenavnet gjentar kolonne {1}"),
        // Limits (TableLimits)
        (
            "the header has more than {} columns, the most a file may have; is the delimiter right?",
            "overskriften har mer enn {1} kolonner, det meste en fil kan ha; er skilletegnet riktig?"
        ),
        (
            "the row has more than {} fields, the most a file may have",
            "raden har mer enn {1} felt, det meste en fil kan ha"
        ),
        (
            "the file has more than {} cells (rows × columns); split it into smaller files",
            "filen har mer enn {1} celler (rader × kolonner); del den i mindre filer"
        ),
        (
            "the column name is {} characters long, more than the {} allowed",
            "kolonnenavnet er {1} tegn langt, mer enn de {2} som er tillatt"
        ),
        (
            "sheet \"{}\", the column name is {} characters long, more than the {} allowed",
            "arket «{1}»: kolonnenavnet er {2} tegn langt, mer enn de {3} som er tillatt"
        ),
        (
            "sheet \"{}\": cell {} holds data in column {}; at most {} columns are read",
            "arket «{1}»: cellen {2} har data i kolonne {3}; høyst {4} kolonner leses"
        ),
        (
            "the workbook has more than {} cells (rows × columns); split it into smaller files",
            "arbeidsboken har mer enn {1} celler (rader × kolonner); del den i mindre filer"
        ),
        ("byte {}: more than {} cases", "byte {1}: mer enn {2} tilfeller"),
        (
            "byte {}: more than {} values (cases × variables); split the file or keep fewer variables",
            "byte {1}: mer enn {2} verdier (tilfeller × variabler); del filen eller ta med færre variabler"
        ),
        // After the entry above, whose English also ends in "variables".
        ("byte {}: more than {} variables", "byte {1}: mer enn {2} variabler"),
        ("sheet \"{}\", the column name repeats column {}", "arket «{1}»: kolonnenavnet gjentar kolonne {2}"),
        ("the workbook has no sheet \"{}\"; it has {}", "arbeidsboken har ikke noe ark «{1}»; den har {2}"),
        ("the workbook has no data sheet", "arbeidsboken har ikke noe ark med data"),
        ("sheet \"{}\" is empty", "arket «{1}» er tomt"),
        (
            "sheet \"{}\": a cell right of the last named column holds data; give the column a header",
            "arket «{1}»: en celle til høyre for siste navngitte kolonne har data; gi kolonnen en overskrift"
        ),
        (
            "sheet \"{}\": the cell holds {} characters, more than {}",
            "arket «{1}»: cellen har {2} tegn, mer enn {3}"
        ),
        // Text encoding
        (
            "not UTF-8; re-save as UTF-8 (in Excel: \"CSV UTF-8\")",
            "ikke UTF-8; lagre filen på nytt som UTF-8 (i Excel: «CSV UTF-8»)"
        ),
        (
            "not UTF-8; re-save as UTF-8 (in Excel: \"CSV UTF-8\"). The first bad byte is {}, which is \"{}\" in Windows-1252; a file from an older Excel can be read with encoding windows1252",
            "ikke UTF-8; lagre filen på nytt som UTF-8 (i Excel: «CSV UTF-8»). Første ugyldige byte er {1}, som er «{2}» i Windows-1252; en fil fra en eldre Excel kan leses med tegnkoding windows1252"
        ),
        (
            "not UTF-8; re-save as UTF-8 (in Excel: \"CSV UTF-8\"). The first bad byte is {}",
            "ikke UTF-8; lagre filen på nytt som UTF-8 (i Excel: «CSV UTF-8»). Første ugyldige byte er {1}"
        ),
        ("the text encoding does not match its byte order mark", "tegnkodingen stemmer ikke med byte-rekkefølgemerket"),
        (
            "this is a ZIP file, probably an Excel workbook (.xlsx), not CSV; in Excel, save as \"CSV UTF-8\"",
            "dette er en ZIP-fil, trolig en Excel-arbeidsbok (.xlsx), ikke CSV; lagre som «CSV UTF-8» i Excel"
        ),
        (
            "this is an old Excel workbook (.xls), not CSV; in Excel, save as \"CSV UTF-8\"",
            "dette er en gammel Excel-arbeidsbok (.xls), ikke CSV; lagre som «CSV UTF-8» i Excel"
        ),
        (
            "not UTF-8 but UTF-16 (Excel's \"Unicode text\"); re-save as UTF-8 (in Excel: \"CSV UTF-8\")",
            "ikke UTF-8, men UTF-16 (Excels «Unicode-tekst»); lagre på nytt som UTF-8 (i Excel: «CSV UTF-8»)"
        ),
        // CSV structure
        (
            "the quote that opens this field is never closed; add the closing \"",
            "anførselstegnet som åpner dette feltet, blir aldri lukket; legg til det avsluttende \""
        ),
        (
            "the field is {} characters long, more than the {} allowed; a quote is probably misplaced",
            "feltet er {1} tegn langt, mer enn de {2} som er tillatt; et anførselstegn står trolig feil"
        ),
        (
            "the field holds a NUL byte, which text never does; the file may be UTF-16 or binary: re-save as CSV UTF-8",
            "feltet har en NUL-byte, som tekst aldri har; filen kan være UTF-16 eller binær: lagre på nytt som CSV UTF-8"
        ),
        (
            "a quoted field must end at its closing quote, but {} follows it; inside quotes, write a quote as \"\"",
            "et felt i anførselstegn må slutte ved det avsluttende anførselstegnet, men {1} følger etter; skriv et anførselstegn inne i feltet som \"\""
        ),
        ("the reader stopped before the end of the file", "lesingen stoppet før slutten av filen"),
        // Mappings
        ("not a valid mapping: {}", "ikke en gyldig kobling: {1}"),
        ("not valid YAML: {}", "ikke gyldig YAML: {1}"),
        // The importer
        (
            "the mapping names \"{}\", which is no question of instrument {}",
            "koblingen nevner «{1}», som ikke er et spørsmål i instrument {2}"
        ),
        (
            "item columns are only for multiple-choice questions; {} is {}",
            "kolonner per svaralternativ gjelder bare flervalgsspørsmål; {1} er {2}"
        ),
        (
            "the mapping names column \"{}\", which the file does not have; columns are: {}",
            "koblingen nevner kolonnen «{1}», som filen ikke har; kolonnene er: {2}"
        ),
        (
            "the mapping names column \"{}\", which the file does not have",
            "koblingen nevner kolonnen «{1}», som filen ikke har"
        ),
        ("code {} is not an option of {}", "kode {1} er ikke et svaralternativ i {2}"),
        ("a mapping rule needs \"column\" or \"items\"", "en koblingsregel trenger «column» eller «items»"),
        ("the column is mapped twice", "kolonnen er koblet to ganger"),
        ("the question is mapped twice", "spørsmålet er koblet to ganger"),
        ("the question is already answered by another column", "spørsmålet er allerede besvart av en annen kolonne"),
        (
            "the column is neither mapped to a question nor listed under \"ignore\" in mapping {}",
            "kolonnen er verken koblet til et spørsmål eller oppført under «ignore» i koblingen {1}"
        ),
        (
            "an option column holds \"chosen\" (1, Y, Ja, …) or \"not chosen\" (0, N, Nei, …)",
            "en kolonne for et svaralternativ har «valgt» (1, Y, Ja, …) eller «ikke valgt» (0, N, Nei, …)"
        ),
        ("expected a number, e.g. 12 or 12.5", "forventet et tall, f.eks. 12 eller 12,5"),
        ("expected a whole number", "forventet et heltall"),
        ("expected a four-digit kommunenummer, e.g. 0301", "forventet et firesifret kommunenummer, f.eks. 0301"),
        ("expected a code or answer text of list {}: {}", "forventet en kode eller svartekst fra listen {1}: {2}"),
        // The programme register (ProgrammeTable, ProgrammeCells, ProgrammeRules, the municipal register)
        (
            "the column kommunenummer (or fylkesnummer) is missing",
            "kolonnen kommunenummer (eller fylkesnummer) mangler"
        ),
        ("the column {} is missing", "kolonnen {1} mangler"),
        ("unknown column; the register's columns are {}", "ukjent kolonne; registerets kolonner er {1}"),
        ("the column repeats", "kolonnen gjentas"),
        ("the file has no rows", "filen har ingen rader"),
        ("the date is missing", "datoen mangler"),
        ("\"{}\" is not a {} ({} digits)", "«{1}» er ikke et {2} ({3} sifre)"),
        (
            "\"{}\" is not a date; write YYYY-MM-DD or dd.mm.yyyy",
            "«{1}» er ikke en dato; skriv ÅÅÅÅ-MM-DD eller dd.mm.åååå"
        ),
        ("\"{}\" is not an amount in whole kroner", "«{1}» er ikke et beløp i hele kroner"),
        ("\"{}\" is not ja/nei or {}", "«{1}» er ikke ja/nei eller {2}"),
        (
            "\"{}\" is not a status; write granted, rejected or not applied (Tilsagn, Avslag, Ikke søkt)",
            "«{1}» er ikke en status; skriv Tilsagn, Avslag eller Ikke søkt"
        ),
        ("choose granted, rejected or not applied", "velg Tilsagn, Avslag eller Ikke søkt"),
        (
            "give a kommunenummer, or a fylkesnummer for a county authority",
            "oppgi et kommunenummer, eller et fylkesnummer for en fylkeskommune"
        ),
        ("the project starts {}, before the application date {}", "prosjektet starter {1}, før søknadsdatoen {2}"),
        ("the project ends {}, before it starts {}", "prosjektet slutter {1}, før det starter {2}"),
        ("a project with an end date needs a start date", "et prosjekt med sluttdato trenger en startdato"),
        ("the amount {} is negative", "beløpet {1} er negativt"),
        (
            "\"{}\" is not a Prosjektbanken slug (lower-case letters, digits and -)",
            "«{1}» er ikke et kortnavn i Prosjektbanken (små bokstaver, sifre og -)"
        ),
        (
            "fylkesnummer \"{}\" is malformed: it has exactly two digits, e.g. 03",
            "fylkesnummeret «{1}» er feilformet: det har nøyaktig to sifre, f.eks. 03"
        ),
        ("fylkesnummer {} was not a county on {}", "fylkesnummer {1} var ikke et fylke {2}"),
        (
            "kommunenummer {} ({}) lay in county {} ({}) on {}, not in {}",
            "kommunenummer {1} ({2}) lå i fylke {3} ({4}) {5}, ikke i {6}"
        ),
        ("name the call (utlysning)", "oppgi utlysningen"),
        ("the call's name is longer than {} characters", "navnet på utlysningen er lengre enn {1} tegn"),
        ("more than {} units", "mer enn {1} enheter"),
        ("a unit's name is blank", "en enhet mangler navn"),
        ("a line marked {} has no project start", "en linje merket {1} har ingen prosjektstart"),
        ("a line marked {} has no project end", "en linje merket {1} har ingen prosjektslutt"),
        (
            "a line marked {} has no project in Prosjektbanken",
            "en linje merket {1} har ikke noe prosjekt i Prosjektbanken"
        ),
        ("a line marked {} has no amount", "en linje merket {1} har ikke noe beløp"),
        (
            "kommunenummer \"{}\" is malformed: a kommunenummer has exactly four digits, e.g. 0301",
            "kommunenummeret «{1}» er feilformet: et kommunenummer har nøyaktig fire sifre, f.eks. 0301"
        ),
        (
            "kommunenummer {} is unknown: no municipality had this number between 2018 and 2026",
            "kommunenummer {1} er ukjent: ingen kommune hadde dette nummeret mellom 2018 og 2026"
        ),
        ("kommunenummer {} ({}) is not valid on {}: {}", "kommunenummer {1} ({2}) er ikke gyldig {3}: {4}"),
    ]

    private static let compiled: [(regex: NSRegularExpression, nb: String)] = catalogue.map { entry in
        let parts = entry.en.components(separatedBy: "{}").map(NSRegularExpression.escapedPattern(for:))
        let pattern = "^" + parts.joined(separator: "(.*)") + "$"
        // The patterns are built from escaped literals, so they always compile.
        return (try! NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators]), entry.nb)
    }

    /// `english` in `language`: the catalogue's bokmål with the facts put in, or `english` itself
    /// when the catalogue has no entry.
    public static func text(_ english: String, in language: FormatLanguage) -> String {
        language == .en ? english : bokmål(english) ?? english
    }

    /// The bokmål of `english`, or nil when the catalogue has no entry for it.
    public static func bokmål(_ english: String) -> String? {
        let range = NSRange(english.startIndex..., in: english)
        for (regex, nb) in compiled {
            guard let match = regex.firstMatch(in: english, range: range) else { continue }
            var text = nb
            for index in stride(from: match.numberOfRanges - 1, through: 1, by: -1) {
                guard let capture = Range(match.range(at: index), in: english) else { continue }
                text = text.replacingOccurrences(of: "{\(index)}", with: String(english[capture]))
            }
            return text
        }
        return nil
    }
}

extension FileLocation {
    /// The location in `language`: "svar.csv, linje 3, kolonne 2, felt «sector»".
    public func description(in language: FormatLanguage) -> String {
        guard language == .nb else { return description }
        var parts = [file]
        if let line { parts.append("linje \(line)") }
        if let column { parts.append("kolonne \(column)") }
        if let field { parts.append("felt «\(field)»") }
        return parts.joined(separator: ", ")
    }
}

extension FormatError {
    /// The message in `language`, location first.
    public func description(in language: FormatLanguage) -> String {
        guard language == .nb else { return description }
        switch self {
        case .unreadableFile(let file, let reason): return "\(file): kan ikke leses: \(reason)"
        case .located(let location, let message):
            return "\(location.description(in: .nb)): \(FormatMessages.text(message, in: .nb))"
        }
    }
}

extension ImportProblem {
    /// What is wrong, in `language` (the location is shown beside it, in the page's table).
    public func message(in language: FormatLanguage) -> String { FormatMessages.text(message, in: language) }

    /// The whole problem in `language`, location first.
    public func description(in language: FormatLanguage) -> String {
        guard language == .nb else { return description }
        var parts = [file]
        if let sheet { parts.append("arket «\(sheet)»") }
        if let row { parts.append("rad \(row)") }
        if let column { parts.append("kolonne «\(column)»") }
        if let field, field != column { parts.append("spørsmål \(field)") }
        if let value { parts.append("verdi «\(value.count > 60 ? String(value.prefix(60)) + "…" : value)»") }
        return parts.joined(separator: ", ") + ": " + message(in: language)
    }
}
