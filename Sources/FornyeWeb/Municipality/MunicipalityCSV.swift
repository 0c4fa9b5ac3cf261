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

    /// The profile's own columns after `header`: the change, then the part of the profile a row
    /// belongs to (`seksjon`: `tall` for the survey numbers, else the project bank's parts) and
    /// the project bank's text columns.
    static let profileColumns = [
        "endring", "endring_nedre_95", "endring_ovre_95", "endring_signifikant", "seksjon", "prosjekt",
        "prosjekttittel", "hvem", "detalj", "dato",
    ]

    static func profile(_ profile: MunicipalityQueries.Profile, projectBank: ProfileProjectBankJSON) -> String {
        var rows = surveyRows(profile).enumerated().map { index, row in index == 0 ? row : row + ["tall"] }
        let width = rows[0].count
        rows = rows.map { $0 + Array(repeating: "", count: width - $0.count) }
        let m = profile.profile.municipality
        for row in projectBankRows(projectBank) {
            var line = Array(repeating: "", count: width)
            line[0] = m.number
            line[1] = m.name
            line[2] = "kommune"
            line[3] = m.name
            line[header.count - 1] = row.synthetic ? SyntheticLabel.marker : ""
            line.replaceSubrange((width - 6)..<width, with: row.fields)
            rows.append(line)
        }
        return CSVTable.write(rows)
    }

    /// One row per project, reuse, research partner, programme line and contact: (seksjon,
    /// prosjekt, prosjekttittel, hvem, detalj, dato) and whether the row's source is synthetic.
    static func projectBankRows(_ bank: ProfileProjectBankJSON) -> [(fields: [String], synthetic: Bool)] {
        var rows: [(fields: [String], synthetic: Bool)] = []
        for project in bank.projects {
            rows.append(
                (
                    [
                        "prosjekt", project.slug, project.title, "",
                        project.stage + (project.stopped ? " (stoppet)" : ""), "",
                    ],
                    project.synthetic
                ))
        }
        for (section, reuses) in [("gjenbrukt_fra_oss", bank.reusedFromHere), ("vi_gjenbrukte", bank.reusedHere)] {
            for reuse in reuses {
                let reuser = [reuse.reuserMunicipality, reuse.reuserName].compactMap { $0 }.joined(separator: " ")
                let detail = [
                    reuse.reuserProject.map { "prosjekt \($0.slug)" }, reuse.unit.flatMap { $0.isEmpty ? nil : $0 },
                    reuse.changes.flatMap { $0.isEmpty ? nil : "endret: \($0)" },
                ].compactMap { $0 }.joined(separator: "; ")
                rows.append(
                    (
                        [section, reuse.original.slug, reuse.original.title, reuser, detail, reuse.month ?? ""],
                        reuse.synthetic || reuse.original.synthetic
                    ))
            }
        }
        for partner in bank.researchPartners {
            for project in partner.projects {
                rows.append(
                    (["forskningspartner", project.slug, project.title, partner.name, "", ""], project.synthetic))
            }
        }
        for line in bank.programme {
            rows.append(
                (
                    [
                        "programdeltakelse", line.projectSlug ?? "", "", line.call, line.units.joined(separator: "; "),
                        line.applicationDate,
                    ], line.synthetic
                ))
        }
        for contact in bank.contacts {
            rows.append(
                (
                    [
                        "kontakt", contact.project.slug, contact.project.title, contact.name,
                        [contact.role, contact.email].filter { !$0.isEmpty }.joined(separator: "; "),
                        contact.lastConfirmed ?? "ikke bekreftet",
                    ], contact.project.synthetic
                ))
        }
        return rows
    }

    /// The survey numbers: the municipality, its county and the country per indicator and wave,
    /// and the comparison group's values.
    static func surveyRows(_ profile: MunicipalityQueries.Profile) -> [[String]] {
        let p = profile.profile
        let m = p.municipality
        var rows = [header + profileColumns]
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
        return rows
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
