import FornyeBarometer
import FornyeReport

/// `/kommuner`: the county map and table for a chosen indicator and wave, and every
/// municipality's profile by county. The county shares are the same published (suppressed)
/// numbers the profiles show beside each municipality.
struct MunicipalityListPage {
    var language: Language
    var view: MunicipalityQueries.CountyView
    var viewer: PageViewer

    func render() -> String {
        let language = language
        let indicator = view.indicator
        let estimates = view.wave?.indicators[indicator.id]
        var counties: [(number: String, name: String, municipalities: [Municipality])] = []
        for municipality in view.municipalities {
            if counties.last?.number == municipality.countyNumber {
                counties[counties.count - 1].municipalities.append(municipality)
            } else {
                counties.append((municipality.countyNumber, municipality.countyName, [municipality]))
            }
        }
        let names = Dictionary(uniqueKeysWithValues: counties.map { ($0.number, $0.name) })
        let synthetic = view.wave?.synthetic == true
        let name = language.pick(indicator.indicator.name, indicator.nameEnglish)
        let layout = PageLayout(
            title: language.pick("Kommuneprofiler", "Municipality profiles"), language: language,
            path: Paths.municipalities + "?indikator=\(indicator.id)" + (view.wave.map { "&bolge=\($0.slug)" } ?? ""),
            synthetic: synthetic, viewer: viewer)
        return layout.render {
            el("h1") { language.pick("Kommuneprofiler", "Municipality profiles") }
            el("p", ["class": "lead"]) {
                language.pick(
                    "Velg en kommune for å se innovasjon, spredning og forskningssamarbeid i enhetene, eller se fylkene på kartet.",
                    "Choose a municipality to see innovation, spreading and research collaboration in its units, or see the counties on the map."
                )
            }
            el("form", ["method": "get", "action": Paths.municipalities, "class": "results-filters"]) {
                el("div", ["class": "filter-grid"]) {
                    el("p") {
                        el("label", ["for": "indikator"]) { language.pick("Indikator", "Indicator") }
                        el("select", ["id": "indikator", "name": "indikator"]) {
                            for option in ProfileIndicator.all {
                                el(
                                    "option",
                                    attributes: [
                                        ("value", option.id),
                                        ("selected", option.id == indicator.id ? "selected" : nil),
                                    ]
                                ) { language.pick(option.indicator.name, option.nameEnglish) }
                            }
                        }
                    }
                    el("p") {
                        el("label", ["for": "bolge"]) { language.pick("Bølge", "Wave") }
                        el("select", ["id": "bolge", "name": "bolge"]) {
                            for wave in view.waves {
                                el(
                                    "option",
                                    attributes: [
                                        ("value", wave.slug),
                                        ("selected", wave.slug == view.wave?.slug ? "selected" : nil),
                                    ]
                                ) { language.waveTitle(wave.title) }
                            }
                        }
                    }
                }
                if language == .en { el("input", attributes: [("type", "hidden"), ("name", "lang"), ("value", "en")]) }
                el("button", ["type": "submit"]) { language.pick("Vis", "Show") }
            }
            el("figure", ["class": "result", "aria-labelledby": "kart-tekst"]) {
                el("figcaption", ["id": "kart-tekst"]) {
                    el("h2") {
                        name + language.pick(" etter fylke", " by county")
                            + (view.wave.map { " (\($0.shortTitle))" } ?? "")
                    }
                    el("p") {
                        language.pick(indicator.indicator.measure, indicator.measureEnglish) + ". "
                            + language.pick(
                                "Fem fargeklasser fra lyst (lavest) til mørkt (høyest); andelen står på hver rute. Fylker uten publisert andel er hvite.",
                                "Five colour classes from light (lowest) to dark (highest); the share is written on each tile. Counties without a published share are white."
                            )
                    }
                }
                el("div", ["class": "figure-body"]) {
                    CountyTileMap.render(
                        estimates: estimates?.counties ?? [:], names: names, title: name, language: language)
                    scrollingTable(labelledBy: "fylkestabell-tittel") {
                        el("table", ["id": "fylkestabell"]) {
                            el("caption", ["id": "fylkestabell-tittel"]) {
                                name + language.pick(" etter fylke: tallene", " by county: the numbers")
                            }
                            el("thead") {
                                el("tr") {
                                    el("th", ["scope": "col"]) { language.pick("Fylke", "County") }
                                    el("th", ["scope": "col", "class": "num"]) { language.pick("Andel", "Share") }
                                    el("th", ["scope": "col", "class": "num"]) {
                                        language.pick("95 % intervall", "95% interval")
                                    }
                                    el("th", ["scope": "col", "class": "num"]) { "n" }
                                }
                            }
                            el("tbody") {
                                for county in counties {
                                    let estimate = estimates?.counties[county.number]
                                    el("tr") {
                                        el("th", ["scope": "row"]) { "\(county.name) (\(county.number))" }
                                        el("td", ["class": "num"]) { ProfileText.percent(estimate?.estimate) }
                                        el("td", ["class": "num"]) {
                                            ProfileText.interval(estimate?.lower, estimate?.upper)
                                        }
                                        el("td", ["class": "num"]) { ProfileText.respondents(estimate, language) }
                                    }
                                }
                                el("tr", ["class": "emphasised"]) {
                                    el("th", ["scope": "row"]) { language.pick("Landet", "Norway") }
                                    el("td", ["class": "num"]) { ProfileText.percent(estimates?.national.estimate) }
                                    el("td", ["class": "num"]) {
                                        ProfileText.interval(estimates?.national.lower, estimates?.national.upper)
                                    }
                                    el("td", ["class": "num"]) {
                                        ProfileText.respondents(estimates?.national, language)
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
                            "href": Paths.municipalitiesCountiesCSV + "?indikator=\(indicator.id)"
                                + (view.wave.map { "&bolge=\($0.slug)" } ?? "")
                        ]
                    ) { language.pick("Fylkestallene som CSV", "The county numbers as CSV") }
                    " · "
                    el(
                        "a",
                        [
                            "href": Paths.municipalitiesMap + "?indikator=\(indicator.id)"
                                + (view.wave.map { "&bolge=\($0.slug)" } ?? "") + (language == .en ? "&lang=en" : ""),
                            "type": "image/svg+xml",
                        ]
                    ) { language.pick("Kartet som SVG", "The map as SVG") }
                    if synthetic {
                        " "
                        el("span", ["class": "tag"]) { SyntheticLabel.marker }
                    }
                }
            }
            el("h2") { language.pick("Alle kommuner", "All municipalities") }
            for county in counties {
                el("section", ["id": "fylke-\(county.number)", "aria-labelledby": "fylke-\(county.number)-navn"]) {
                    el("h3", ["id": "fylke-\(county.number)-navn"]) { "\(county.name) (\(county.number))" }
                    el("ul", ["class": "peer-list"]) {
                        for municipality in county.municipalities {
                            el("li") {
                                el("a", ["href": Paths.municipality(number: municipality.number)]) { municipality.name }
                            }
                        }
                    }
                }
            }
        }
    }
}
