extension SearchText {
    /// The distinct tokens of a project's indexed columns (stemmed terms joined by spaces, as
    /// ``indexed(_:)`` writes them), split as SQLite's FTS5 `unicode61` tokenizer splits: on
    /// anything not a letter, digit or private-use character. Storage counts projects per token
    /// (`project_terms`).
    public static func indexTerms(of columns: [String]) -> Set<String> {
        var result = Set<String>()
        for column in columns {
            var current = String.UnicodeScalarView()
            for scalar in column.unicodeScalars {
                switch scalar.properties.generalCategory {
                case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                    .decimalNumber, .letterNumber, .otherNumber, .privateUse:
                    current.append(scalar)
                default:
                    if !current.isEmpty { result.insert(String(current)) }
                    current = String.UnicodeScalarView()
                }
            }
            if !current.isEmpty { result.insert(String(current)) }
        }
        return result
    }
}
