import FornyeBarometer
import FornyeReport

/// `/kommuner/:nummer`: one municipality's innovation, spreading and research collaboration
/// across the waves, compared with a group the reader chooses.
struct MunicipalityProfilePage {
    var language: Language
    var profile: MunicipalityQueries.Profile
    var viewer: PageViewer
    /// The «Prosjektbanken» section (the profile's project bank activity).
    var projects: ProfileProjectSection? = nil

    var p: MunicipalityProfile { profile.profile }

    func render() -> String {
        let language = language
        let m = p.municipality
        let synthetic = p.waves.contains(where: \.synthetic)
        let layout = PageLayout(
            title: "\(m.name) – " + language.pick("kommuneprofil", "municipality profile"), language: language,
            path: Paths.municipality(number: m.number) + "?" + profile.peerQuery, synthetic: synthetic, viewer: viewer)
        return layout.render {
            el("p") {
                el("a", ["href": Paths.municipalities]) {
                    language.pick("Alle kommuner og fylker", "All municipalities and counties")
                }
            }
            el("h1") { "\(m.name) (\(m.number))" }
            el("p", ["class": "lead"]) {
                language.pick(
                    "Innovasjon, spredning og forskningssamarbeid i kommunens enheter, bølge for bølge, fra Innovasjonsbarometeret.",
                    "Innovation, spreading and research collaboration in the municipality's units, wave by wave, from the Innovation Barometer."
                )
            }
            el("dl", ["class": "facts"]) {
                el("dt") { language.pick("Fylke", "County") }
                el("dd") { "\(m.countyName) (\(m.countyNumber))" }
                el("dt") { language.pick("Sentralitetsklasse", "Centrality class") }
                el("dd") { "\(m.centrality)" }
                el("dt") { language.pick("Folketall", "Population") }
                el("dd") { m.population.map { "\(NorwegianFormat.count($0)) (\(m.populationYear))" } ?? "–" }
            }
            mergerNote()
            methodology()
            for group in ProfileIndicator.Group.allCases {
                let series = p.series.filter { $0.indicator.group == group }
                if !series.isEmpty {
                    el("section", ["aria-labelledby": "gruppe-\(group.rawValue)"]) {
                        el("h2", ["id": "gruppe-\(group.rawValue)"]) { heading(group) }
                        for item in series { seriesFigure(item) }
                    }
                }
            }
            comparison()
            if let projects { projects.render() }
            el("section", ["aria-labelledby": "nedlasting"]) {
                el("h2", ["id": "nedlasting"]) { language.pick("Last ned tallene", "Download the numbers") }
                el("ul", ["class": "downloads"]) {
                    el("li") {
                        el("a", ["href": Paths.municipalityCSV(number: m.number) + "?" + profile.peerQuery]) {
                            language.pick(
                                "Alle tall som CSV (n, standardfeil, intervall, metode)",
                                "Every number as CSV (n, standard error, interval, method)")
                        }
                    }
                    el("li") {
                        el("a", ["href": Paths.apiMunicipality(number: m.number) + "?" + profile.peerQuery]) {
                            language.pick("Som JSON (API)", "As JSON (API)")
                        }
                    }
                }
            }
        }
    }

    func heading(_ group: ProfileIndicator.Group) -> String {
        switch group {
        case .hypothesis: language.pick("De tre hypotesene", "The three hypotheses")
        case .result: language.pick("Resultater av den nyeste innovasjonen", "Results of the newest innovation")
        case .partner: language.pick("Samarbeidspartnere", "Partners")
        }
    }

    @NodeBuilder func mergerNote() -> [Node] {
        let merged = p.waves.filter { !$0.predecessors.isEmpty }
        if !merged.isEmpty {
            el("div", ["class": "notice", "role": "note"]) {
                el("p") {
                    el("strong") { language.pick("Kommunesammenslåing. ", "Municipal merger. ") }
                    language.pick(
                        "Tallene for bølger før sammenslåingen gjelder området til kommunene som nå er \(p.municipality.name), samlet (merket † i tabellene):",
                        "Numbers for waves before the merger cover the area of the municipalities that now form \(p.municipality.name), pooled (marked † in the tables):"
                    )
                }
                el("ul") {
                    for wave in merged {
                        el("li") {
                            "\(wave.shortTitle): "
                                + wave.predecessors.map { "\($0.name) (\($0.number))" }.joined(separator: ", ")
                        }
                    }
                }
            }
        }
    }

    func methodology() -> Node {
        el("details", ["class": "notice methodology"]) {
            el("summary") { language.pick("Slik er tallene laget", "How the numbers are made") }
            el("p") {
                language.pick(
                    "Et direkte estimat er andelen blant kommunens egne svar, vektet som i barometeret, med 95 % konfidensintervall. Det vises bare når publiseringsreglene tillater det: minst 10 svar, ingen celle med 1–4 svar, ingen celle som kan regnes ut av fylkes- og landstallene (sekundær prikking), og tallet må være pålitelig nok (NCHS-standardene).",
                    "A direct estimate is the share among the municipality's own responses, weighted as in the barometer, with a 95% confidence interval. It is shown only where the publication rules allow: at least 10 responses, no cell of 1–4 responses, no cell that could be worked out from the county and national numbers (secondary suppression), and reliable enough (the NCHS standards)."
                )
            }
            el("p") {
                language.pick(
                    "Ellers vises et modellestimat, merket som det. Fay–Herriot-modellen (REML) kombinerer kommunens egen andel med en regresjon på sentralitet og folketall fitted på alle kommuner; usikkerheten er roten av Prasad–Rao-anslaget for gjennomsnittlig kvadratfeil. Der kommunens egen andel er skjult av personvernhensyn, brukes bare regresjonsdelen, slik at den skjulte andelen ikke kan regnes tilbake. Modellestimatene er justert slik at de stemmer med fylkets publiserte andel.",
                    "Otherwise a model estimate is shown, labelled as such. The Fay–Herriot model (REML) combines the municipality's own share with a regression on centrality and population fitted on all municipalities; its uncertainty is the root of the Prasad–Rao mean squared error. Where the own share is hidden for confidentiality, only the regression part is used, so the hidden share cannot be worked back. Model estimates are benchmarked to the county's published share."
                )
            }
            el("p") {
                language.pick(
                    "Endringer mellom bølger er forskjellen med 95 % intervall (uavhengige utvalg). Rangering vises bare som et intervall: beste og dårligste plass forenlig med usikkerheten. Forskjeller fra sammenligningsgruppen er markert bare når de er statistisk sikre (5 % nivå). Endringer, forskjeller og rangering testes bare for direkte estimater: et modellestimat følger regresjonen og fylket, ikke bare kommunen.",
                    "Changes between waves are the difference with a 95% interval (independent samples). Ranks are shown only as an interval: the best and worst place consistent with the uncertainty. Differences from the comparison group are marked only when statistically significant (5% level). Changes, differences and ranks are tested for direct estimates only: a model estimate follows the regression and the county, not the municipality alone."
                )
            }
        }
    }

    func seriesFigure(_ series: MunicipalityProfile.Series) -> Node {
        let language = language
        let id = "ind-\(series.indicator.id)"
        let name = language.pick(series.indicator.indicator.name, series.indicator.nameEnglish)
        let measure = language.pick(series.indicator.indicator.measure, series.indicator.measureEnglish)
        let chart = ProfileChart.svg(
            series: series, waves: p.waves, municipality: p.municipality.name, id: id, language: language)
        return el("figure", ["id": id, "class": "result", "aria-labelledby": "\(id)-caption"]) {
            el("figcaption", ["id": "\(id)-caption"]) {
                el("h3") { name }
                el("p") { measure }
            }
            el("div", ["class": "figure-body"]) {
                // SVG generated by FornyeReport's BarChart from the numbers (text escaped there).
                Node.trusted(chart)
                // Focusable because a wide table scrolls sideways (WCAG 2.1.1).
                scrollingTable(labelledBy: "\(id)-tittel") {
                    el("table", ["id": "\(id)-table"]) {
                        el("caption", ["id": "\(id)-tittel"]) { name + language.pick(": tallene", ": the numbers") }
                        el("thead") {
                            el("tr") {
                                el("th", ["scope": "col"]) { language.pick("Bølge", "Wave") }
                                el("th", ["scope": "col", "class": "num"]) { p.municipality.name }
                                el("th", ["scope": "col", "class": "num"]) {
                                    language.pick("95 % intervall", "95% interval")
                                }
                                el("th", ["scope": "col"]) { language.pick("Metode", "Method") }
                                el("th", ["scope": "col", "class": "num"]) { "n" }
                                el("th", ["scope": "col"]) {
                                    language.pick("Endring (prosentpoeng)", "Change (percentage points)")
                                }
                                el("th", ["scope": "col", "class": "num"]) { p.municipality.countyName }
                                el("th", ["scope": "col", "class": "num"]) { language.pick("Landet", "Norway") }
                            }
                        }
                        el("tbody") {
                            for (index, wave) in p.waves.enumerated() {
                                let point = series.points[index]
                                el("tr") {
                                    el("th", ["scope": "row"]) {
                                        wave.shortTitle + (wave.predecessors.isEmpty ? "" : " †")
                                        if wave.synthetic {
                                            el("span", ["class": "tag"]) { " \(SyntheticLabel.marker)" }
                                        }
                                    }
                                    el("td", ["class": "num"]) { ProfileText.percent(point?.estimate) }
                                    el("td", ["class": "num"]) { ProfileText.interval(point?.lower, point?.upper) }
                                    el("td") {
                                        if point?.isModel == true {
                                            el("strong", ["class": "tag model-tag"]) {
                                                ProfileText.method(point, language)
                                            }
                                        } else {
                                            ProfileText.method(point, language)
                                        }
                                        if let reason = ProfileText.withheld(point?.withheld, language) {
                                            el("span", ["class": "hint"]) { " (\(reason))" }
                                        }
                                    }
                                    el("td", ["class": "num"]) { ProfileText.respondents(point, language) }
                                    el("td") { changeText(series.changes[index]) }
                                    el("td", ["class": "num"]) { ProfileText.percent(series.county[index]?.estimate) }
                                    el("td", ["class": "num"]) { ProfileText.percent(series.national[index]?.estimate) }
                                }
                            }
                        }
                    }
                }
            }
            el("p", ["class": "downloads"]) {
                el(
                    "a",
                    [
                        "href": Paths.municipalityFigure(number: p.municipality.number, indicator: series.indicator.id)
                            + (language == .en ? "?lang=en" : ""),
                        "type": "image/svg+xml",
                    ]
                ) { language.pick("Last ned figuren (SVG)", "Download the chart (SVG)") }
                " · "
                el("a", ["href": Paths.municipalityCSV(number: p.municipality.number) + "?" + profile.peerQuery]) {
                    language.pick("tallene (CSV)", "the numbers (CSV)")
                }
                if p.waves.contains(where: \.synthetic) {
                    " "
                    el("span", ["class": "tag"]) { SyntheticLabel.marker }
                }
            }
        }
    }

    @NodeBuilder func changeText(_ change: MunicipalityProfile.Change?) -> [Node] {
        if let change {
            let text =
                "\(ProfileText.points(change.difference)) (\(ProfileText.points(change.lower)) – \(ProfileText.points(change.upper)))"
            if change.significant {
                el("strong", ["class": change.difference > 0 ? "sig sig-higher" : "sig sig-lower"]) {
                    text + language.pick(", sikker endring", ", significant")
                }
            } else if change.involvesModel {
                text + language.pick(", modellestimat: ikke testet", ", model estimate: not tested")
            } else {
                text + language.pick(", ingen sikker endring", ", no significant change")
            }
        } else {
            "–"
        }
    }

    func comparison() -> Node {
        let language = language
        let m = p.municipality
        let group = p.peers.group
        var chosenFeatures: [PeerFeature] = []
        if case .nearest(let features, _) = group { chosenFeatures = features }
        return el("section", ["aria-labelledby": "sammenligning"]) {
            el("h2", ["id": "sammenligning"]) {
                language.pick("Sammenlignet med andre kommuner", "Compared with other municipalities")
            }
            el("form", ["method": "get", "action": Paths.municipality(number: m.number), "class": "results-filters"]) {
                el("fieldset") {
                    el("legend") { language.pick("Sammenlign med", "Compare with") }
                    for (key, nb, en) in [
                        ("fylke", "samme fylke", "same county"),
                        ("sentralitet", "samme sentralitetsklasse", "same centrality class"),
                        ("storrelse", "samme størrelsesklasse", "same size class"),
                        ("naermeste", "de nærmeste på trekkene under", "the nearest on the features below"),
                    ] {
                        el("div", ["class": "checkbox"]) {
                            el(
                                "input",
                                attributes: [
                                    ("type", "radio"), ("name", "gruppe"), ("id", "gruppe-\(key)"), ("value", key),
                                    ("checked", group.key == key ? "checked" : nil),
                                ])
                            el("label", ["for": "gruppe-\(key)"]) { language.pick(nb, en) }
                        }
                    }
                }
                el("fieldset") {
                    el("legend") { language.pick("Trekk for «nærmeste»", "Features for “nearest”") }
                    for feature in PeerFeature.allCases {
                        el("div", ["class": "checkbox"]) {
                            el(
                                "input",
                                attributes: [
                                    ("type", "checkbox"), ("name", "trekk"), ("id", "trekk-\(feature.rawValue)"),
                                    ("value", feature.rawValue),
                                    ("checked", chosenFeatures.contains(feature) ? "checked" : nil),
                                ])
                            el("label", ["for": "trekk-\(feature.rawValue)"]) {
                                language.pick(feature.label.nb, feature.label.en)
                            }
                        }
                    }
                }
                if language == .en { el("input", attributes: [("type", "hidden"), ("name", "lang"), ("value", "en")]) }
                el("button", ["type": "submit"]) { language.pick("Sammenlign", "Compare") }
            }
            el("p") {
                language.pick("Gruppe: ", "Group: ") + ProfileText.group(group, language) + " ("
                    + language.pick(
                        "\(p.peers.members.count) andre kommuner", "\(p.peers.members.count) other municipalities")
                    + (p.peers.wave.map { language.pick(", bølge ", ", wave ") + $0 } ?? "") + ")."
            }
            scrollingTable(labelledBy: "sammenligning-tittel") {
                el("table", ["id": "sammenligning-tabell"]) {
                    el("caption", ["id": "sammenligning-tittel"]) {
                        language.pick(
                            "Kommunen mot gruppen i nyeste bølge",
                            "The municipality against the group in the newest wave")
                    }
                    el("thead") {
                        el("tr") {
                            el("th", ["scope": "col"]) { language.pick("Indikator", "Indicator") }
                            el("th", ["scope": "col", "class": "num"]) { m.name }
                            el("th", ["scope": "col", "class": "num"]) { language.pick("Gruppen", "The group") }
                            el("th", ["scope": "col"]) {
                                language.pick(
                                    "Forskjell (prosentpoeng, 95 % intervall)",
                                    "Difference (percentage points, 95% interval)")
                            }
                            el("th", ["scope": "col"]) { language.pick("Plass (intervall)", "Rank (interval)") }
                        }
                    }
                    el("tbody") {
                        for row in p.peers.rows {
                            el("tr") {
                                el("th", ["scope": "row"]) {
                                    language.pick(row.indicator.indicator.name, row.indicator.nameEnglish)
                                }
                                el("td", ["class": "num"]) {
                                    ProfileText.percent(row.own?.estimate)
                                    if row.own?.isModel == true {
                                        el("span", ["class": "hint"]) { language.pick(" (modell)", " (model)") }
                                    }
                                }
                                el("td", ["class": "num"]) { ProfileText.percent(row.groupValue) }
                                el("td") { changeText(row.difference) }
                                el("td") {
                                    if let rank = row.rank {
                                        rank.best == rank.worst
                                            ? language.pick(
                                                "\(rank.best). av \(NorwegianFormat.count(row.ranked))",
                                                "\(rank.best) of \(NorwegianFormat.count(row.ranked))")
                                            : language.pick(
                                                "\(rank.best).–\(rank.worst). av \(NorwegianFormat.count(row.ranked))",
                                                "\(rank.best)–\(rank.worst) of \(NorwegianFormat.count(row.ranked))")
                                    } else {
                                        "–"
                                    }
                                }
                            }
                        }
                    }
                }
            }
            if !p.peers.members.isEmpty {
                el("details") {
                    el("summary") { language.pick("Kommunene i gruppen", "The municipalities in the group") }
                    el("ul", ["class": "peer-list"]) {
                        for member in p.peers.members {
                            el("li") { el("a", ["href": Paths.municipality(number: member.number)]) { member.name } }
                        }
                    }
                }
            }
        }
    }
}
