import FornyeBarometer
import FornyeFormats
import FornyeReport
import Foundation
import Vapor

/// Every number of a profile and of the county view as CSV: one row per area, indicator and
/// wave with its respondents, estimate, standard error (or root MSE), interval and method.
/// Withheld numbers are empty cells with the reason; synthetic data say so in every row.
enum MunicipalityCSV {
    static let header = [
        "kommunenummer", "kommune", "niva", "omrade", "indikator", "bolge", "metode", "skjult_fordi", "n", "andel",
        "se", "nedre_95", "ovre_95", "benchmarket", "datakilde",
    ]

    static func row(
        number: String, name: String, level: String, area: String, indicator: String,
        wave: (slug: String, synthetic: Bool),
        _ estimate: AreaEstimate?
    ) -> [String] {
        func number4(_ value: Double?) -> String { value.map { String(format: "%.4f", $0) } ?? "" }
        return [
            number, name, level, area, indicator, wave.slug, estimate?.method.rawValue ?? "",
            estimate?.withheld?.rawValue ?? "", estimate?.respondents.map(String.init) ?? "",
            number4(estimate?.estimate), number4(estimate?.standardError), number4(estimate?.lower),
            number4(estimate?.upper), estimate?.isModel == true ? (estimate!.benchmarked ? "ja" : "nei") : "",
            wave.synthetic ? SyntheticLabel.marker : "",
        ]
    }

    static func profile(_ profile: MunicipalityQueries.Profile) -> String {
        let p = profile.profile
        let m = p.municipality
        var rows = [header + ["endring", "endring_nedre_95", "endring_ovre_95", "endring_signifikant"]]
        for series in p.series {
            for (index, wave) in p.waves.enumerated() {
                let change = series.changes[index]
                func f(_ value: Double?) -> String { value.map { String(format: "%.4f", $0) } ?? "" }
                rows.append(
                    row(
                        number: m.number, name: m.name, level: "kommune", area: m.name, indicator: series.indicator.id,
                        wave: (wave.slug, wave.synthetic), series.points[index])
                        + [
                            f(change?.difference), f(change?.lower), f(change?.upper),
                            change.map { $0.significant ? "ja" : "nei" } ?? "",
                        ])
                rows.append(
                    row(
                        number: m.number, name: m.name, level: "fylke", area: m.countyName,
                        indicator: series.indicator.id, wave: (wave.slug, wave.synthetic), series.county[index]) + [
                            "", "", "", "",
                        ])
                rows.append(
                    row(
                        number: m.number, name: m.name, level: "landet", area: "Norge", indicator: series.indicator.id,
                        wave: (wave.slug, wave.synthetic), series.national[index]) + ["", "", "", ""])
            }
        }
        if let slug = p.peers.wave, let wave = p.waves.first(where: { $0.slug == slug }) {
            for peer in p.peers.rows {
                let estimate = peer.groupValue.map {
                    AreaEstimate(
                        method: .direct, respondents: nil, estimate: $0, standardError: peer.groupStandardError,
                        lower: nil, upper: nil)
                }
                var line = row(
                    number: m.number, name: m.name, level: "gruppe-\(p.peers.group.key)",
                    area: "\(p.peers.members.count) kommuner", indicator: peer.indicator.id,
                    wave: (wave.slug, wave.synthetic), estimate)
                line[6] = "populasjonsvektet-snitt"
                rows.append(line + ["", "", "", ""])
            }
        }
        return CSVTable.write(rows)
    }

    static func counties(_ view: MunicipalityQueries.CountyView) -> String {
        var rows = [header]
        guard let wave = view.wave else { return CSVTable.write(rows) }
        let info = (slug: wave.slug, synthetic: wave.synthetic)
        let estimates = wave.indicators[view.indicator.id]
        var seen = Set<String>()
        for municipality in view.municipalities where seen.insert(municipality.countyNumber).inserted {
            rows.append(
                row(
                    number: "", name: "", level: "fylke",
                    area: "\(municipality.countyNumber) \(municipality.countyName)",
                    indicator: view.indicator.id, wave: info, estimates?.counties[municipality.countyNumber]))
        }
        rows.append(
            row(
                number: "", name: "", level: "landet", area: "Norge", indicator: view.indicator.id, wave: info,
                estimates?.national))
        return CSVTable.write(rows)
    }

    static func response(_ body: String, name: String) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(name).csv\"")
        return Response(status: .ok, headers: headers, body: .init(string: body))
    }
}
