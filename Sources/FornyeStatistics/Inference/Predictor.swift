/// A predictor of a regression model: a variable and how it enters the model.
///
/// A string literal is a predictor with automatic coding: numeric variables enter as they
/// are, coded variables as a factor. Use `.numeric(_:)` to enter an ordinal scale as a score.
///
/// ```swift
/// let predictors: [Predictor] = ["sector", "population", .numeric("trust")]
/// ```
public struct Predictor: Sendable, Hashable, Codable, ExpressibleByStringLiteral {
    public enum Coding: String, Sendable, Hashable, Codable, CaseIterable {
        /// Numeric variables as numbers, coded variables as factors.
        case automatic
        /// The value itself (for a coded variable: its code); missing codes are missing.
        case numeric
        /// Treatment dummies for every category but the first, the reference, as R's `factor()`.
        case factor
    }

    public var variable: String
    public var coding: Coding

    public init(_ variable: String, coding: Coding = .automatic) {
        self.variable = variable
        self.coding = coding
    }

    public init(stringLiteral value: String) {
        self.init(value)
    }

    public static func numeric(_ variable: String) -> Predictor { Predictor(variable, coding: .numeric) }
    public static func factor(_ variable: String) -> Predictor { Predictor(variable, coding: .factor) }
}

/// One column of a model matrix and the coefficient that belongs to it.
public struct ModelTerm: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        case intercept
        case numeric
        /// The dummy of one category of a factor, against the factor's reference category.
        case factorLevel
    }

    public var kind: Kind
    /// The predictor variable; nil for the intercept.
    public var variable: String?
    /// The category of a factor level.
    public var code: Int?
    /// The reference category of a factor level's factor.
    public var referenceCode: Int?
    /// The coefficient name R gives the term: `(Intercept)`, `age`, `sector2`.
    public var name: String
    /// A readable label: the variable label, with the category label for a factor level.
    public var label: String

    public init(
        kind: Kind, variable: String?, code: Int? = nil, referenceCode: Int? = nil, name: String, label: String
    ) {
        self.kind = kind
        self.variable = variable
        self.code = code
        self.referenceCode = referenceCode
        self.name = name
        self.label = label
    }
}
