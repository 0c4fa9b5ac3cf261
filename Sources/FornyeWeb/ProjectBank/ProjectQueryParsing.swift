import FornyeProjectBank
import FornyeStorage
import Foundation
import Vapor

/// The search page's and the API's query parameters: `q`, `type`, `stage`, `sector`, `county`,
/// `centrality`, `research`, `evaluated`, `discontinued`, `theme` (a Los top theme, e.g.
/// `helse-og-omsorg`), `sort`, `page`, `per_page`, `utvid`
/// (`nei`: search the words as written, without translations and synonyms). Repeated
/// parameters (checkboxes) combine with OR within a facet and AND across facets.
struct ProjectQueryParameters {
    var values: [String: [String]] = [:]

    /// The query string is read by the one form parser (a GET form sends the same encoding).
    init(_ request: Request) throws {
        for (key, value) in try FormFields(body: request.url.query ?? "").pairs where !key.isEmpty {
            values[key, default: []].append(value)
        }
    }

    func all(_ key: String) -> [String] { (values[key] ?? []).filter { !$0.isEmpty } }
    func first(_ key: String) -> String? { all(key).first }
    func ints(_ key: String) -> [Int] { all(key).compactMap { Int($0) } }

    var query: ProjectQuery {
        var query = ProjectQuery()
        query.text = String((first("q") ?? "").prefix(500))
        query.expand = first("utvid") != "nei"
        query.types = ints("type")
        query.stages = all("stage").compactMap(ProjectStage.init(rawValue:))
        query.sectors = ints("sector")
        query.counties = all("county").filter { $0.count <= 4 }
        query.centralities = ints("centrality")
        query.researchLevels = ints("research")
        query.evaluated = first("evaluated").flatMap { ["true": true, "false": false][$0] }
        query.discontinued = first("discontinued").flatMap { ["true": true, "false": false][$0] }
        query.themes = all("theme").filter { $0.count <= 60 }
        query.sort =
            first("sort").flatMap(ProjectQuery.Sort.init(rawValue:)) ?? (query.text.isEmpty ? .newest : .relevance)
        query.page = min(max(first("page").flatMap { Int($0) } ?? 1, 1), 10_000)
        query.perPage = min(max(first("per_page").flatMap { Int($0) } ?? 20, 1), ProjectQuery.maxPerPage)
        return query
    }

    /// The query, or for the API a 400 problem naming the first parameter whose value it cannot
    /// mean (the search page, fed by its own form, reads the same values leniently).
    func validatedQuery() throws -> ProjectQuery {
        func refuse(_ key: String, _ value: String, _ allowedNB: String, _ allowedEN: String) -> WebError {
            WebError(
                .badRequest, nb: "Parameteren «\(key)» kan ikke være «\(value)»: \(allowedNB).",
                en: "The parameter “\(key)” cannot be “\(value)”: \(allowedEN).", parameter: key)
        }
        let ranges: [(String, ClosedRange<Int>)] = [
            ("type", 1...4), ("sector", 1...99), ("centrality", 1...6), ("research", 0...3), ("page", 1...10_000),
            ("per_page", 1...ProjectQuery.maxPerPage),
        ]
        for (key, range) in ranges {
            for value in all(key) where Int(value).map(range.contains) != true {
                throw refuse(
                    key, value, "et heltall fra \(range.lowerBound) til \(range.upperBound)",
                    "a whole number from \(range.lowerBound) to \(range.upperBound)")
            }
        }
        let choices: [(String, [String])] = [
            ("stage", ProjectStage.allCases.map(\.rawValue)), ("sort", ProjectQuery.Sort.allCases.map(\.rawValue)),
            ("evaluated", ["true", "false"]), ("discontinued", ["true", "false"]), ("utvid", ["ja", "nei"]),
            ("theme", LosThemes.all.map(\.slug)),
        ]
        for (key, allowed) in choices {
            for value in all(key) where !allowed.contains(value) {
                let list = allowed.joined(separator: ", ")
                throw refuse(key, value, "en av \(list)", "one of \(list)")
            }
        }
        for value in all("county") where value.count != 2 || !value.allSatisfy(\.isASCII) || Int(value) == nil {
            throw refuse("county", value, "et fylkesnummer med to sifre", "a two-digit county number")
        }
        return query
    }

    /// This query string with `key` set to `value` (for pagination links).
    func with(_ key: String, _ value: String) -> String {
        var values = values
        values[key] = [value]
        return values.keys.sorted().flatMap { key in
            values[key]!.map {
                "\(key)=\($0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
            }
        }.joined(separator: "&")
    }
}
