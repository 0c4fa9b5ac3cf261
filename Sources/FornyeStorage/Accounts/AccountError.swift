import FornyeBarometer

/// Why an account could not be created or changed, with the field it concerns.
public enum AccountError: Error, Equatable, Sendable, CustomStringConvertible {
    case invalidEmail(String)
    case duplicateEmail(String)
    case emptyDisplayName
    case displayNameTooLong(maximum: Int)
    /// A name is one line of text: no NUL, escape, line break or other control character.
    case displayNameHasControlCharacters
    /// Respondents answer through invitations and never sign in with a password.
    case roleCannotSignIn(Role)
    case municipalityRequired
    case unknownMunicipality(String, reason: String)
    case passwordTooShort(minimum: Int)
    case passwordTooLong(maximumBytes: Int)
    case passwordsDiffer
    case wrongCurrentPassword
    case unknownUser(String)
    /// The change would leave no active admin.
    case lastAdmin

    /// The form field the error belongs to.
    public var field: String {
        switch self {
        case .invalidEmail, .duplicateEmail, .unknownUser: return "email"
        case .emptyDisplayName, .displayNameTooLong, .displayNameHasControlCharacters: return "name"
        case .roleCannotSignIn, .lastAdmin: return "role"
        case .municipalityRequired, .unknownMunicipality: return "municipality"
        case .passwordTooShort, .passwordTooLong: return "password"
        case .passwordsDiffer: return "confirm"
        case .wrongCurrentPassword: return "current"
        }
    }

    public var description: String {
        switch self {
        case .invalidEmail(let email): return "«\(TextRules.visible(email))» is not an e-mail address"
        case .duplicateEmail(let email): return "a user with e-mail \(email) exists already"
        case .emptyDisplayName: return "the name is empty"
        case .displayNameTooLong(let maximum): return "the name is longer than \(maximum) characters"
        case .displayNameHasControlCharacters:
            return "the name holds a control character (such as NUL, a tab or a line break); write it on one line"
        case .roleCannotSignIn(let role): return "the role \(role.rawValue) cannot sign in with a password"
        case .municipalityRequired: return "a municipality editor needs a municipality (kommunenummer)"
        case .unknownMunicipality(let number, let reason):
            return "kommunenummer «\(number)» is not a municipality in the 2024 structure: \(reason)"
        case .passwordTooShort(let minimum): return "the password is shorter than \(minimum) characters"
        case .passwordTooLong(let maximum): return "the password is longer than \(maximum) bytes"
        case .passwordsDiffer: return "the two new passwords differ"
        case .wrongCurrentPassword: return "the current password is wrong"
        case .unknownUser(let email): return "no user has e-mail \(email)"
        case .lastAdmin: return "this would leave no active admin"
        }
    }
}

/// What a password must be. Length is what matters most; bcrypt reads at most 72 bytes.
public enum PasswordPolicy {
    public static let minimumLength = 12
    public static let maximumBytes = 72

    public static func check(_ password: String) throws(AccountError) {
        guard password.count >= minimumLength else { throw .passwordTooShort(minimum: minimumLength) }
        guard password.utf8.count <= maximumBytes else { throw .passwordTooLong(maximumBytes: maximumBytes) }
    }
}

/// When repeated failed sign-ins lock an account.
public enum LockoutPolicy {
    /// Failed sign-ins in a row that lock the account.
    public static let maximumFailures = 5
    /// How long the lock lasts.
    public static let duration: Double = 15 * 60
}
