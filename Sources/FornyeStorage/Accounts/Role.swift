/// What a signed-in person may do. The public (no login) has no role.
public enum Role: String, Codable, Sendable, CaseIterable {
    /// Manages users, reviews projects, sees the audit log; may do everything an analyst may.
    case admin
    /// Sees microdata, unsuppressed tables and makes exports; runs waves.
    case analyst
    /// Edits the projects of one municipality.
    case municipalityEditor = "municipality_editor"
    /// Answers a questionnaire through an invitation; never signs in with a password.
    case respondent
}
