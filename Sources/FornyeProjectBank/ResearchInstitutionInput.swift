import Foundation

/// What an admin enters for a research or education institution.
public struct ResearchInstitutionInput: Sendable, Equatable {
    public var name: String
    public var kind: String
    public var competence: [String]
    public var contact: String
    public var url: String

    public init(name: String, kind: String, competence: [String], contact: String, url: String) {
        self.name = name
        self.kind = kind
        self.competence = competence
        self.contact = contact
        self.url = url
    }

    /// The kinds the form offers (stored in bokmål, as the demo content is).
    public static let kinds: [(nb: String, en: String)] = [
        ("Universitet", "University"), ("Høgskole", "University college"),
        ("Forskningsinstitutt", "Research institute"), ("Annen", "Other"),
    ]

    /// Every problem, by field name (`name`, `kind`, `competence`, `contact`, `url`).
    public func errors() -> [ProjectFieldError] {
        var errors: [ProjectFieldError] = []
        func add(_ field: String, _ en: String, _ nb: String) {
            errors.append(ProjectFieldError(field: field, message: en, messageNB: nb))
        }
        let trimmedName = name.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmedName.isEmpty { add("name", "a name is required", "navn må fylles ut") }
        if name.count > 200 { add("name", "at most 200 characters", "høyst 200 tegn") }
        if !Self.kinds.contains(where: { $0.nb == kind }) { add("kind", "choose a kind", "velg en type") }
        if competence.isEmpty {
            add("competence", "at least one competence area", "minst ett kompetanseområde")
        } else if competence.count > 30 {
            add("competence", "at most 30 areas", "høyst 30 områder")
        } else if competence.contains(where: { $0.count > 100 }) {
            add("competence", "each area at most 100 characters", "høyst 100 tegn per område")
        }
        if contact.count > 200 { add("contact", "at most 200 characters", "høyst 200 tegn") }
        if !url.isEmpty, !(url.hasPrefix("https://") || url.hasPrefix("http://")) || url.count > 2000 {
            add("url", "must be an http(s) address", "må være en http(s)-adresse")
        }
        if (name + contact + url + competence.joined()).unicodeScalars.contains(where: {
            $0.properties.generalCategory == .control && $0 != "\n"
        }) {
            add("name", "control characters are not allowed", "kontrolltegn er ikke tillatt")
        }
        return errors
    }
}
