import FornyeStorage
import Foundation
import Vapor

/// The search page's and the API's query parameters: `q`, `type`, `stage`, `sector`, `county`,
/// `centrality`, `research`, `evaluated`, `discontinued`, `sort`, `page`, `per_page`. Repeated
/// parameters (checkboxes) combine with OR within a facet and AND across facets.
struct ProjectQueryParameters {
    var values: [String: [String]] = [:]

    init(_ request: Request) {
        for pair in (request.url.query ?? "").split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map {
                String($0).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
            }
            guard let key = parts.first, !key.isEmpty else { continue }
            values[key, default: []].append(parts.count > 1 ? parts[1] : "")
        }
    }

    func all(_ key: String) -> [String] { (values[key] ?? []).filter { !$0.isEmpty } }
    func first(_ key: String) -> String? { all(key).first }
    func ints(_ key: String) -> [Int] { all(key).compactMap { Int($0) } }

    var query: ProjectQuery {
        var query = ProjectQuery()
        query.text = String((first("q") ?? "").prefix(500))
        query.types = ints("type")
        query.stages = all("stage").compactMap(ProjectStage.init(rawValue:))
        query.sectors = ints("sector")
        query.counties = all("county").filter { $0.count <= 4 }
        query.centralities = ints("centrality")
        query.researchLevels = ints("research")
        query.evaluated = first("evaluated").flatMap { ["true": true, "false": false][$0] }
        query.discontinued = first("discontinued").flatMap { ["true": true, "false": false][$0] }
        query.sort =
            first("sort").flatMap(ProjectQuery.Sort.init(rawValue:)) ?? (query.text.isEmpty ? .newest : .relevance)
        query.page = min(max(first("page").flatMap { Int($0) } ?? 1, 1), 10_000)
        query.perPage = min(max(first("per_page").flatMap { Int($0) } ?? 20, 1), ProjectQuery.maxPerPage)
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
