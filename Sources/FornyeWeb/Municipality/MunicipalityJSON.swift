import FornyeBarometer
import FornyeReport
import Vapor

/// `/api/v1/municipalities/:nummer`: the profile's numbers (schema `MunicipalityProfile` in
/// openapi.json). Every estimate says its method; withheld ones say why and carry no share.
struct MunicipalityJSON: Content {
    struct Place: Content {
        var number: String
        var name: String
    }

    struct About: Content {
        var number: String
        var name: String
        var county: Place
        var centrality: Int
        var population: Int?
        var sizeClass: Int?
    }

    struct WaveEntry: Content {
        var slug: String
        var title: String
        var synthetic: Bool
        /// The wave-time municipalities whose respondents this profile's numbers for the wave are.
        var predecessors: [Place]
    }

    struct Point: Content {
        var wave: String
        var municipality: AreaEstimate?
        var county: AreaEstimate?
        var national: AreaEstimate?
        var change: Change?
    }

    struct Change: Content {
        var difference: Double
        var standardError: Double
        var lower: Double
        var upper: Double
        var significant: Bool
        var involvesModel: Bool

        init(_ change: MunicipalityProfile.Change) {
            difference = change.difference
            standardError = change.standardError
            lower = change.lower
            upper = change.upper
            significant = change.significant
            involvesModel = change.involvesModel
        }
    }

    struct Indicator: Content {
        var id: String
        var name: String
        var nameEnglish: String
        var measure: String
        var group: String
        var points: [Point]
    }

    struct PeerRow: Content {
        var indicator: String
        var groupValue: Double?
        var groupStandardError: Double?
        var difference: Change?
        var rankBest: Int?
        var rankWorst: Int?
        var ranked: Int
    }

    struct Comparison: Content {
        var group: String
        var members: [Place]
        var wave: String?
        var rows: [PeerRow]
    }

    var municipality: About
    var synthetic: Bool
    var waves: [WaveEntry]
    var indicators: [Indicator]
    var comparison: Comparison
    var skippedWaves: [String: String]
    /// The municipality's activity in Prosjektbanken and the programme, read at the request.
    var projectBank: ProfileProjectBankJSON
    var links: [String: String]

    init(_ profile: MunicipalityProfile, skipped: [String: String], projectBank: ProfileProjectBankJSON) {
        let m = profile.municipality
        municipality = About(
            number: m.number, name: m.name, county: Place(number: m.countyNumber, name: m.countyName),
            centrality: m.centrality, population: m.population, sizeClass: m.populationSizeClass)
        synthetic = profile.waves.contains(where: \.synthetic)
        waves = profile.waves.map {
            WaveEntry(
                slug: $0.slug, title: $0.title, synthetic: $0.synthetic,
                predecessors: $0.predecessors.map { Place(number: $0.number, name: $0.name) })
        }
        indicators = profile.series.map { series in
            Indicator(
                id: series.indicator.id, name: series.indicator.indicator.name,
                nameEnglish: series.indicator.nameEnglish,
                measure: series.indicator.indicator.measure, group: series.indicator.group.rawValue,
                points: profile.waves.indices.map { index in
                    Point(
                        wave: profile.waves[index].slug, municipality: series.points[index],
                        county: series.county[index], national: series.national[index],
                        change: series.changes[index].map(Change.init))
                })
        }
        comparison = Comparison(
            group: profile.peers.group.key,
            members: profile.peers.members.map { Place(number: $0.number, name: $0.name) }, wave: profile.peers.wave,
            rows: profile.peers.rows.map {
                PeerRow(
                    indicator: $0.indicator.id, groupValue: $0.groupValue, groupStandardError: $0.groupStandardError,
                    difference: $0.difference.map(Change.init), rankBest: $0.rank?.best, rankWorst: $0.rank?.worst,
                    ranked: $0.ranked)
            })
        skippedWaves = skipped
        self.projectBank = projectBank
        links = [
            "self": Paths.apiMunicipality(number: m.number), "page": Paths.municipality(number: m.number),
            "csv": Paths.municipalityCSV(number: m.number),
        ]
    }
}
