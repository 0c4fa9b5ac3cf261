import FornyeBarometer
import FornyeStatistics
import Vapor

/// The filters of the results pages and the API: one code per background variable, each a
/// domain to estimate within (`DomainFilter`), never a subset of the data.
///
/// Query parameters carry the variable names (`?county=46&sector=1`); an empty value means
/// "all". A value that is not a whole number, or not a code of the variable in this wave's
/// codebook, is a 400 naming the parameter.
struct BarometerFilters: Sendable, Hashable {
    /// The filterable variables, in the order the form shows them, with their names in bokmål and English.
    /// Landsdel is left out: it follows from the county, so filtering by both adds nothing.
    static let variables: [(name: String, nb: String, en: String)] = BackgroundVariable.all
        .filter { $0.name != "landsdel" }
        .map { ($0.name, $0.bokmål, $0.english) }

    static let names = Set(variables.map(\.name))

    /// Chosen code per variable name.
    var codes: [String: Int]

    init(codes: [String: Int] = [:]) {
        self.codes = codes
    }

    var isEmpty: Bool { codes.isEmpty }

    /// Reads the filters from the query string, checking them against the wave's codebook.
    static func parse(_ request: Request, codebook: Codebook) throws -> BarometerFilters {
        var values: [String: String] = [:]
        for name in names {
            if let value = request.query[String.self, at: name] { values[name] = value }
        }
        return try parse(values, codebook: codebook)
    }

    static func parse(_ values: [String: String], codebook: Codebook) throws -> BarometerFilters {
        var codes: [String: Int] = [:]
        for (name, raw) in values.sorted(by: { $0.key < $1.key }) {
            guard names.contains(name) else {
                throw WebError.invalidParameter(
                    name, nb: "kan ikke filtreres på.",
                    en: "is not a filter. Filters: \(names.sorted().joined(separator: ", ")).")
            }
            let text = raw.trimmingCharacters(in: .whitespaces)
            if text.isEmpty { continue }
            guard let code = Int(text) else {
                throw WebError.invalidParameter(
                    name, nb: "må være en kode (et heltall), ikke «\(text)».",
                    en: "must be a code (a whole number), not “\(text)”.")
            }
            guard let variable = codebook.variable(named: name) else {
                throw WebError.invalidParameter(
                    name, nb: "denne bølgen har ikke variabelen.", en: "this wave does not have the variable.")
            }
            guard variable.valueLabels.contains(where: { $0.code == code }) else {
                let valid = variable.valueLabels.map { String($0.code) }.joined(separator: ", ")
                throw WebError.invalidParameter(
                    name, nb: "\(code) er ikke en kode for \(name). Gyldige koder: \(valid).",
                    en: "\(code) is not a code of \(name). Valid codes: \(valid).")
            }
            codes[name] = code
        }
        return BarometerFilters(codes: codes)
    }

    /// The statistics engine's domain for these filters.
    func domain(in dataset: Dataset) throws -> DomainFilter {
        try DomainFilter(
            codes.map { DomainFilter.Condition(variable: $0.key, codes: [$0.value]) }, in: dataset)
    }

    /// `county=46&sector=1` in a fixed order, for links that keep the filters.
    var queryString: String {
        Self.variables.compactMap { variable in codes[variable.name].map { "\(variable.name)=\($0)" } }
            .joined(separator: "&")
    }

    /// The filters as `?…` (empty when none), with extra parameters appended.
    func query(adding extra: [String] = []) -> String {
        let parts = (queryString.isEmpty ? [] : [queryString]) + extra
        return parts.isEmpty ? "" : "?" + parts.joined(separator: "&")
    }
}
