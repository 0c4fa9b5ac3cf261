import FornyeStatistics

/// `--domain EXPR` of `fornye estimate`: conditions `VARIABLE=CODE[,CODE…]` joined by `&`, as in
/// the API's filter query (`fylke=46&sektor=1,2`). A code may be written as its value label
/// (`sektor=helse`). The result is a `DomainFilter`, so the estimates are those of R's
/// `subset(design, ...)` on the whole design.
struct DomainExpression {
    let filter: DomainFilter
    /// The conditions as a reader sees them: `fylke = 46 (Finnmark) & sektor = 1 (Helse)`.
    let description: String

    init(_ expression: String, survey: LoadedSurvey) throws {
        let option = "--domain \(expression)"
        var conditions: [DomainFilter.Condition] = []
        var described: [String] = []
        for part in expression.split(separator: "&") {
            let sides = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard sides.count == 2, !sides[0].isEmpty, !sides[1].isEmpty else {
                throw InputError("\(option): give VARIABLE=CODE, several joined by &, e.g. fylke=46&sektor=1,2")
            }
            let variable = try survey.codedVariable(sides[0], option: "--domain")
            let codes = try sides[1].split(separator: ",").map { text in
                try Self.code(String(text).trimmingCharacters(in: .whitespaces), of: variable, option: option)
            }
            conditions.append(.init(variable: variable.name, codes: Set(codes)))
            let labels = codes.map { "\($0) (\(variable.label(of: $0)))" }.joined(separator: ", ")
            described.append("\(variable.name) = \(labels)")
        }
        guard !conditions.isEmpty else {
            throw InputError("\(option): give VARIABLE=CODE, several joined by &, e.g. fylke=46&sektor=1,2")
        }
        do {
            filter = try DomainFilter(conditions, in: survey.dataset)
        } catch {
            throw InputError("\(option): \(error.description)")
        }
        description = described.joined(separator: " & ")
    }

    /// A code given as a number or as its value label (bokmål or English, any case).
    private static func code(_ text: String, of variable: Variable, option: String) throws -> Int {
        if let code = Int(text) { return code }
        let matches = variable.valueLabels.filter { value in
            [value.label, value.labelEnglish].contains { $0?.lowercased() == text.lowercased() }
        }
        guard matches.count == 1 else {
            let codes = variable.valueLabels.map { "\($0.code) \($0.label)" }.joined(separator: ", ")
            throw InputError(
                "\(option): \"\(text)\" is \(matches.isEmpty ? "not a" : "more than one") value label of \(variable.name) (\(codes))"
            )
        }
        return matches[0].code
    }
}
