public import FornyeBarometer
import Foundation

/// What respondents are told before they answer: who collects, why, whom to ask, and how long
/// the answers are kept. Part of a collected wave, shown on the questionnaire's first page.
public struct WavePrivacy: Sendable, Hashable {
    /// Who collects the answers (the data controller as respondents know it), e.g. «KS».
    public var organizer: String
    /// Whom to ask about the survey, a replaced link or one's answers.
    public var contactEmail: String
    /// Why the answers are collected; nil gives the instrument's general purpose.
    public var purpose: String?
    /// The last day the answers are kept as collected.
    public var retentionUntil: CalendarDay

    public init(organizer: String, contactEmail: String, purpose: String?, retentionUntil: CalendarDay) {
        self.organizer = organizer
        self.contactEmail = contactEmail
        self.purpose = purpose
        self.retentionUntil = retentionUntil
    }

    /// A problem with one field, in both languages.
    public struct Problem: Sendable, Hashable {
        /// `organizer`, `contact_email`, `purpose` or `retention_until`.
        public var field: String
        public var nb: String
        public var en: String
    }

    /// Checks the texts as a person typed them; nil fields are missing. `today` bounds the
    /// retention day (it must lie ahead: answers are kept at least through fieldwork).
    public static func check(
        organizer: String?, contactEmail: String?, purpose: String?, retentionUntil: String?, today: CalendarDay
    ) -> Result<WavePrivacy, ProblemList> {
        var problems: [Problem] = []
        let organizer = (organizer ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if organizer.isEmpty || organizer.count > 200 || TextRules.hasControlCharacters(organizer) {
            problems.append(
                Problem(
                    field: "organizer", nb: "Skriv hvem som samler inn svarene (1–200 tegn).",
                    en: "Say who collects the answers (1–200 characters)."))
        }
        let email = (contactEmail ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if !TextRules.isEmailAddress(email) {
            problems.append(
                Problem(
                    field: "contact_email", nb: "Skriv en gyldig e-postadresse som respondentene kan skrive til.",
                    en: "Give a valid e-mail address respondents can write to."))
        }
        let purpose = (purpose ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if purpose.count > 2_000 || TextRules.hasControlCharacters(purpose, multiline: true) {
            problems.append(
                Problem(
                    field: "purpose", nb: "Formålet kan være høyst 2000 tegn uten kontrolltegn.",
                    en: "The purpose may be at most 2,000 characters without control characters."))
        }
        let day = retentionUntil.flatMap { CalendarDay($0.trimmingCharacters(in: .whitespaces)) }
        if day == nil || day! <= today {
            problems.append(
                Problem(
                    field: "retention_until", nb: "Velg en dato etter i dag (ÅÅÅÅ-MM-DD) da svarene slettes.",
                    en: "Choose a date after today (YYYY-MM-DD) when the answers are deleted."))
        }
        guard problems.isEmpty, let day else { return .failure(ProblemList(problems: problems)) }
        return .success(
            WavePrivacy(
                organizer: organizer, contactEmail: email, purpose: purpose.isEmpty ? nil : purpose,
                retentionUntil: day))
    }

    /// The problems of a failed check (an `Error`, so `Result` can carry them).
    public struct ProblemList: Error, Sendable, Hashable {
        public var problems: [Problem]
    }
}
