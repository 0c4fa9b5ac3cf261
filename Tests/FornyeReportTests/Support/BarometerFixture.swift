import FornyeStatistics
import FornyeTestRandom

@testable import FornyeReport

/// A small random barometer wave with the instrument's variable names, routing (questions about
/// the newest innovation only for innovators), missing kinds and weights, for report tests.
struct BarometerFixture {
    let dataset: Dataset
    let weights: [Double]

    static let factors = [
        ("factor_employee_participation", "Medarbeideres medvirkning", 0.8),
        ("factor_internal_collaboration", "Internt samarbeid", 0.7),
        ("factor_financial_resources", "Begrensede økonomiske ressurser", -0.6),
        ("factor_operations_focus", "Fokus på forsvarlig drift", -0.2),
        ("factor_politics", "Kommunal politikk", -0.1),
        ("factor_leadership", "Ledelse", 0.5),
    ]

    static let counties = [
        (3, "Oslo"), (5, "Oppland"), (10, "Vest-Agder"), (12, "Hordaland"), (19, "Troms"), (50, "Trøndelag"),
    ]

    /// Items named and labelled as the instrument's codebook names them: `<set>_<code>`, "Question: Option".
    static func items(_ set: String, question: String, _ labels: [String]) -> [Variable] {
        labels.enumerated().map {
            Variable(name: "\(set)_\($0.offset + 1)", label: "\(question): \($0.element)", kind: .multipleChoiceItem)
        }
    }

    static func coded(
        _ name: String, _ label: String, _ labels: [String], kind: VariableKind = .singleChoice,
        missing: [Int: MissingKind] = [:]
    ) -> Variable {
        Variable(
            name: name, label: label, kind: kind,
            valueLabels: labels.enumerated().map { ValueLabel(code: $0.offset + 1, label: $0.element) },
            missingCodes: missing)
    }

    static let sets: [(name: String, label: String, options: [String])] = [
        ("newest_type", "Type innovasjon", ["Tjeneste", "Produkt", "Organisering/prosess", "Kommunikasjon"]),
        (
            "trigger", "Utløser",
            [
                "Ledere på arbeidsplassen min", "Medarbeidere på arbeidsplassen min", "Tjenestemottakere/innbyggere",
                "Ny teknologi", "Kommunens innovasjonsstrategi", "Politikere", "Andre kommuner",
            ]
        ),
        (
            "financing", "Finansiering",
            ["Eget budsjett", "Regionale aktører", "Statlige aktører", "Forskningsrådet", "EU", "Private", "Annet"]
        ),
        (
            "results", "Resultater",
            [
                "Forbedret kvalitet", "Økt effektivitet", "Økt medarbeidertilfredshet", "Innbyggernes innsikt",
                "Innbyggernes innflytelse", "Annet",
            ]
        ),
        (
            "partners", "Samarbeidspartnere",
            [
                "Andre enheter i egen kommune", "Andre kommuner", "Staten", "Arbeidstakerorganisasjoner",
                "Private virksomheter", "Innbyggere", "Frivillige organisasjoner",
                "Utdannings- og forskningsinstitusjoner", "Ingen",
            ]
        ),
    ]

    static func codebook(countyLabels: [(Int, String)] = counties) -> Codebook {
        var variables: [Variable] = [
            Variable(name: "kommunenummer", label: "Kommunenummer", kind: .text),
            coded("sector", "Sektor", ["Helse og omsorg", "Utdanning og oppvekst"]),
            coded(
                "unit_type", "Enhetstype",
                [
                    "Alders- og sykehjem", "Bosenter og omsorgsinstitusjoner", "Helsestasjon og skolehelsetjeneste",
                    "Barnehage", "Grunnskole", "Videregående skole",
                ]),
            Variable(
                name: "county", label: "Fylke", kind: .singleChoice,
                valueLabels: countyLabels.map { ValueLabel(code: $0.0, label: $0.1) }),
            coded("landsdel", "Landsdel", ["Østlandet", "Vestlandet", "Midt-Norge", "Nord-Norge"]),
            coded(
                "centrality", "Sentralitet",
                [
                    "Mest sentrale", "Nest mest sentrale", "Mellomsentrale (1)", "Mellomsentrale (2)",
                    "Nest minst sentrale", "Minst sentrale",
                ], kind: .ordinal),
            coded(
                "population_size", "Innbyggertall",
                ["Under 3000", "3000–9999", "10 000–19 999", "20 000–49 999", "50 000 eller over"], kind: .ordinal),
            coded("innovated", "Tatt i bruk innovasjon", ["Ja", "Nei"], missing: [8: .dontKnow]),
            coded("spread", "Spredt aktivt", ["Ja", "Nei", "Ikke relevant"]),
        ]
        var sets: [MultipleResponseSet] = []
        for set in Self.sets {
            let items = Self.items(set.name, question: set.label, set.options)
            variables += items
            sets.append(MultipleResponseSet(name: set.name, label: set.label, items: items.map(\.name)))
        }
        for (name, label, _) in factors {
            variables.append(
                coded(
                    name, label,
                    [
                        "Hemmet i stor grad", "Hemmet i noen grad", "Verken eller", "Fremmet i noen grad",
                        "Fremmet i stor grad",
                    ],
                    kind: .ordinal, missing: [8: .dontKnow, 9: .notApplicable]))
        }
        return Codebook(
            title: "Testbølge (syntetisk)", synthetic: true, variables: variables, multipleResponseSets: sets)
    }

    /// - Parameter municipalities: Kommunenummer to cycle through (every 50th respondent has none).
    init(
        rows: Int = 600, seed: UInt64 = 7, countyLabels: [(Int, String)] = counties,
        municipalities: [String] = ["0301", "1201", "0101", "5001"],
        countyWeights: [Double] = [10, 6, 5, 9, 4, 6]
    ) throws {
        var random = SeededGenerator(seed: seed)
        let codebook = Self.codebook(countyLabels: countyLabels)
        var columns: [String: [Int32]] = [:]
        func set(_ name: String, _ value: Int32) { columns[name, default: []].append(value) }
        let none = Column.systemMissing
        var weights: [Double] = []
        var kommune: [String?] = []
        for row in 0..<rows {
            let unitType = random.pick([15, 26, 7, 24, 21, 7]) + 1
            set("unit_type", Int32(unitType))
            set("sector", unitType <= 3 ? 1 : 2)
            let county = random.pick(countyWeights)
            set("county", Int32(countyLabels[county].0))
            set("landsdel", Int32([1, 1, 2, 2, 4, 3][county]))
            let centrality = random.pick([3, 4, 5, 4, 3, 2]) + 1
            set("centrality", Int32(centrality))
            set("population_size", random.chance(0.07) ? none : Int32(random.pick([14, 22, 15, 17, 32]) + 1))
            kommune.append(row % 50 == 0 ? nil : municipalities[row % municipalities.count])
            weights.append([0.8, 1.0, 1.25][random.pick([1, 2, 1])])

            let innovates = random.chance([0.0, 0.70, 0.72, 0.76, 0.8, 0.74, 0.68][centrality])
            let dontKnow = !innovates && random.chance(0.1)
            set("innovated", innovates ? 1 : (dontKnow ? 8 : 2))
            let research = innovates && random.chance(0.16)
            for set in Self.sets {
                for (index, _) in set.options.enumerated() {
                    let name = "\(set.name)_\(index + 1)"
                    guard innovates else {
                        columns[name, default: []].append(none)
                        continue
                    }
                    var probability = [0.3, 0.2, 0.15, 0.1, 0.08, 0.06, 0.05, 0.05, 0.03][min(index, 8)]
                    if set.name == "newest_type" { probability = [0.2, 0.12, 0.63, 0.27][index] }
                    if set.name == "financing", index == 0 { probability = 0.8 }
                    if set.name == "results", index == 0 { probability = research ? 0.88 : 0.7 }
                    if set.name == "results", index == 1 { probability = 0.4 }
                    if set.name == "partners", index == 0 { probability = 0.6 }
                    var chosen = random.chance(probability)
                    if set.name == "partners", index == 7 { chosen = research }
                    columns[name, default: []].append(chosen ? 1 : 0)
                }
            }
            set("spread", innovates ? Int32(random.pick([44, 36, 20]) + 1) : none)
            for (name, _, lean) in Self.factors {
                guard innovates else {
                    set(name, none)
                    continue
                }
                if random.chance(0.08) {
                    set(name, random.chance(0.5) ? 8 : 9)
                    continue
                }
                let weights =
                    lean > 0 ? [0.05, 0.1, 0.3, 0.3, 0.25 + lean] : [0.1 - lean / 2, 0.2 - lean / 2, 0.4, 0.2, 0.1]
                set(name, Int32(random.pick(weights) + 1))
            }
        }
        var data: [String: Column] = columns.mapValues { .codes($0) }
        data["kommunenummer"] = .texts(kommune)
        dataset = try Dataset(codebook: codebook, columns: data)
        self.weights = weights
    }

    func wave(title: String = "Testbølge") throws -> Wave {
        Wave(title: title, dataset: dataset, design: try SurveyDesign(rowCount: dataset.rowCount, weights: weights))
    }
}
