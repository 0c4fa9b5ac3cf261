public import FornyeBarometer
import Foundation

/// One problem with a project's fields, located by field path (`title`, `financing[2].amount`).
public struct ProjectFieldError: Error, Sendable, Equatable, CustomStringConvertible {
    public var field: String
    public var message: String
    public var messageNB: String
    public init(field: String, message: String, messageNB: String) {
        self.field = field
        self.message = message
        self.messageNB = messageNB
    }
    public var description: String { "\(field): \(message)" }
}

/// Errors a project write can end in; nothing is saved when one is thrown.
public enum ProjectError: Error, Sendable, Equatable, CustomStringConvertible {
    case invalid([ProjectFieldError])
    case notFound(String)
    /// Refused for who the author is or where the project is; the reason in English and bokmål.
    case forbidden(String, nb: String)
    case transitionNotAllowed(from: ProjectStatus, to: ProjectStatus)
    /// An import file's problem, with file, row (1-based data row, header is row 1) and column.
    case importFailed(file: String, row: Int?, column: String?, message: String)

    public var description: String {
        switch self {
        case .invalid(let errors): return errors.map(\.description).joined(separator: "; ")
        case .notFound(let slug): return "no project «\(slug)»"
        case .forbidden(let why, _): return why
        case .transitionNotAllowed(let from, let to):
            return "a project cannot go from \(from.labels.en) to \(to.labels.en)"
        case .importFailed(let file, let row, let column, let message):
            return [file, row.map { "row \($0)" }, column.map { "column \($0)" }].compactMap { $0 }
                .joined(separator: ", ") + ": " + message
        }
    }

    /// The same message in bokmål, for pages shown in bokmål (`description` is the English one).
    public var descriptionNB: String {
        switch self {
        case .invalid(let errors): return errors.map { "\($0.field): \($0.messageNB)" }.joined(separator: "; ")
        case .notFound(let slug): return "fant ikke «\(slug)»"
        case .forbidden(_, let nb): return nb
        case .transitionNotAllowed(let from, let to):
            return "et prosjekt kan ikke gå fra «\(from.labels.nb)» til «\(to.labels.nb)»"
        case .importFailed(let file, let row, let column, let message):
            return [file, row.map { "rad \($0)" }, column.map { "kolonne \($0)" }].compactMap { $0 }
                .joined(separator: ", ") + ": " + message
        }
    }
}

/// Checks every field of a ``ProjectDocument``: sizes, codes, dates, amounts and the owner's
/// kommunenummer against ``MunicipalityRegister`` (the structure valid on `date`).
public enum ProjectValidation {
    public static let titleLimit = 200
    public static let summaryLimit = 2_000
    public static let textLimit = 20_000
    public static let listLimit = 50

    public static func errors(of document: ProjectDocument, on date: CalendarDay = today) -> [ProjectFieldError] {
        var errors: [ProjectFieldError] = []
        func add(_ field: String, _ en: String, _ nb: String) {
            errors.append(ProjectFieldError(field: field, message: en, messageNB: nb))
        }
        func text(_ field: String, _ value: String, limit: Int) {
            if value.count > limit {
                add(
                    field, "is \(value.count) characters; at most \(limit) are allowed",
                    "har \(value.count) tegn; høyst \(limit) er tillatt")
            }
            if TextRules.hasControlCharacters(value, multiline: true) {
                add(field, "contains control characters", "inneholder kontrolltegn")
            }
        }
        if document.title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            add("title", "a title is required", "tittel må fylles ut")
        }
        text("title", document.title, limit: titleLimit)
        text("summary", document.summary, limit: summaryLimit)
        let longTexts: [(String, String)] = [
            ("problem", document.problem), ("targetGroup", document.targetGroup), ("solution", document.solution),
            ("novelty", document.novelty), ("serviceArea", document.serviceArea), ("ownerName", document.ownerName),
            ("organisation", document.organisation), ("evaluationText", document.evaluationText),
            ("challenges", document.challenges), ("lessons", document.lessons),
            ("reuseConditions", document.reuseConditions),
        ]
        for (field, value) in longTexts { text(field, value, limit: textLimit) }
        func code(_ field: String, _ value: Int?, in list: CodeList) {
            if let value, list.entry(code: value) == nil {
                add(field, "\(value) is not a code of \(list.id)", "\(value) er ikke en kode i \(list.id)")
            }
        }
        code("noveltyLevel", document.noveltyLevel, in: ReportClassifications.novelty)
        code("inspiration", document.inspiration, in: ReportClassifications.inspiration)
        code("sector", document.sector, in: ReportClassifications.sector)
        code("unitType", document.unitType, in: ReportClassifications.unitType)
        for (index, type) in document.innovationTypes.enumerated() {
            code("innovationTypes[\(index)]", type, in: ReportClassifications.innovationType)
        }
        if let unitType = document.unitType, let sector = document.sector,
            ReportClassifications.sector(ofUnitType: unitType) != sector
        {
            add(
                "unitType", "unit type \(unitType) is not in sector \(sector)",
                "enhetstype \(unitType) hører ikke til sektor \(sector)")
        }
        if let number = document.ownerMunicipality {
            do {
                _ = try MunicipalityRegister.bundled().municipality(number: number, on: date)
            } catch {
                add("ownerMunicipality", "\(error)", "ugyldig kommunenummer «\(number)»: \(error)")
            }
        }
        if document.country.count != 2 || !document.country.allSatisfy({ $0.isASCII && $0.isUppercase }) {
            add("country", "must be a two-letter country code", "må være en landkode med to bokstaver")
        }
        let levels: [(String, Int?)] = [
            ("research.degree", document.research.degree),
            ("research.projectQuality", document.research.projectQuality),
            ("research.knowledgeContribution", document.research.knowledgeContribution),
        ]
        for (field, level) in levels where level.map({ !(0...3).contains($0) }) ?? false {
            add(field, "must be 0–3", "må være 0–3")
        }
        for (field, value) in [("startDate", document.startDate), ("endDate", document.endDate)] {
            if let value, !isPartialDate(value) {
                add(
                    field, "«\(value)» is not YYYY, YYYY-MM or YYYY-MM-DD",
                    "«\(value)» er ikke ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD")
            }
        }
        let lists: [(String, Int)] = [
            ("partners", document.partners.count), ("financing", document.financing.count),
            ("results", document.results.count), ("contacts", document.contacts.count), ("links", document.links.count),
        ]
        for (field, count) in lists where count > listLimit {
            add(field, "has \(count) entries; at most \(listLimit)", "har \(count) rader; høyst \(listLimit)")
        }
        for (index, partner) in document.partners.enumerated() {
            text("partners[\(index)].name", partner.name, limit: titleLimit)
            if partner.name.trimmingCharacters(in: .whitespaces).isEmpty {
                add("partners[\(index)].name", "a partner needs a name", "en partner må ha et navn")
            }
        }
        for (index, financing) in document.financing.enumerated() {
            if let amount = financing.amount, !(amount >= 0 && amount < 1e12) {
                add(
                    "financing[\(index)].amount", "must be a non-negative amount in NOK",
                    "må være et ikke-negativt beløp i kroner")
            }
            text("financing[\(index)].note", financing.note, limit: summaryLimit)
        }
        for (index, result) in document.results.enumerated() {
            text("results[\(index)].description", result.description, limit: textLimit)
            for (indicatorIndex, indicator) in result.indicators.enumerated() {
                let field = "results[\(index)].indicators[\(indicatorIndex)]"
                text("\(field).metric", indicator.metric, limit: titleLimit)
                text("\(field).unit", indicator.unit, limit: 50)
                text("\(field).method", indicator.method, limit: summaryLimit)
                for value in [indicator.baseline, indicator.value] where value.map({ !$0.isFinite }) ?? false {
                    add("\(field).value", "must be a finite number", "må være et endelig tall")
                }
                if let date = indicator.date, !isPartialDate(date) {
                    add("\(field).date", "«\(date)» is not a date", "«\(date)» er ikke en dato")
                }
            }
        }
        for (index, contact) in document.contacts.enumerated() {
            text("contacts[\(index)].name", contact.name, limit: titleLimit)
            text("contacts[\(index)].role", contact.role, limit: titleLimit)
            text("contacts[\(index)].email", contact.email, limit: 254)
            if !contact.email.isEmpty, !contact.email.contains("@") || contact.email.count > 254 {
                add("contacts[\(index)].email", "is not an e-mail address", "er ikke en e-postadresse")
            }
        }
        for (index, link) in document.links.enumerated() {
            text("links[\(index)].title", link.title, limit: titleLimit)
            if !(link.url.hasPrefix("https://") || link.url.hasPrefix("http://")) || link.url.count > 2000 {
                add("links[\(index)].url", "must be an http(s) address", "må være en http(s)-adresse")
            }
        }
        if document.licence.isEmpty || document.licence.count > 64 {
            add("licence", "a licence (SPDX identifier) is required", "lisens (SPDX-kode) må fylles ut")
        }
        return errors
    }

    public static func validate(_ document: ProjectDocument, on date: CalendarDay = today) throws(ProjectError) {
        let errors = errors(of: document, on: date)
        if !errors.isEmpty { throw .invalid(errors) }
    }

    /// Today, kept inside the register's coverage so validation still works after it ends.
    public static var today: CalendarDay {
        let day = CalendarDay(Date())
        return min(day, CalendarDay(year: MunicipalityRegister.coverageEnd.year - 1, month: 12, day: 31)!)
    }

    static func isPartialDate(_ value: String) -> Bool {
        let parts = value.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4, parts.allSatisfy({ $0.allSatisfy(\.isNumber) })
        else { return false }
        if parts.count == 3 { return CalendarDay(value) != nil }
        if parts.count == 2 { return parts[1].count == 2 && (1...12).contains(Int(parts[1]) ?? 0) }
        return true
    }
}

/// What a project record still lacks, so the author sees what to add before submitting.
public enum ProjectCompleteness {
    public struct Item: Sendable, Equatable {
        public var field: String
        public var nb: String
        public var en: String
        public var done: Bool
    }

    public static func items(of document: ProjectDocument) -> [Item] {
        func filled(_ text: String) -> Bool { !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        return [
            Item(field: "title", nb: "Tittel", en: "Title", done: filled(document.title)),
            Item(field: "summary", nb: "Sammendrag", en: "Summary", done: filled(document.summary)),
            Item(field: "problem", nb: "Problem/behov", en: "Problem or need", done: filled(document.problem)),
            Item(field: "solution", nb: "Løsning", en: "Solution", done: filled(document.solution)),
            Item(field: "novelty", nb: "Hva er nytt", en: "What is new", done: filled(document.novelty)),
            Item(
                field: "innovationTypes", nb: "Innovasjonstype", en: "Innovation type",
                done: !document.innovationTypes.isEmpty),
            Item(
                field: "serviceArea", nb: "Tjenesteområde", en: "Service area",
                done: document.sector != nil || filled(document.serviceArea)),
            Item(
                field: "ownerMunicipality", nb: "Eier", en: "Owner",
                done: document.ownerMunicipality != nil || filled(document.ownerName)),
            Item(field: "partners", nb: "Samarbeidspartnere", en: "Partners", done: !document.partners.isEmpty),
            Item(
                field: "research", nb: "Forskningsinvolvering", en: "Research involvement",
                done: document.research.level != nil),
            Item(field: "startDate", nb: "Startdato", en: "Start date", done: document.startDate != nil),
            Item(field: "financing", nb: "Finansiering", en: "Financing", done: !document.financing.isEmpty),
            Item(field: "results", nb: "Resultater", en: "Results", done: !document.results.isEmpty),
            Item(
                field: "evidenceLevel", nb: "Evaluering/evidens", en: "Evaluation and evidence",
                done: document.evidenceLevel != nil),
            Item(field: "challenges", nb: "Utfordringer", en: "Challenges", done: filled(document.challenges)),
            Item(field: "lessons", nb: "Læringspunkter", en: "Lessons learned", done: filled(document.lessons)),
            Item(
                field: "reuseConditions", nb: "Forutsetninger for gjenbruk", en: "Reuse conditions",
                done: filled(document.reuseConditions)),
            Item(field: "contacts", nb: "Kontaktperson", en: "Contact", done: !document.contacts.isEmpty),
        ]
    }

    /// Share of items done, 0–100.
    public static func percent(of document: ProjectDocument) -> Int {
        let items = items(of: document)
        return items.filter(\.done).count * 100 / items.count
    }
}
