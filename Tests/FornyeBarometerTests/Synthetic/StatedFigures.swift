/// The numbers the 2018 baseline report states, as `shared/seed/FIGURES.md` lists them, row by
/// row. Counts are exact; shares are in percent and must be met within ±1 percentage point.
/// Codes are those of the barometer instrument (`innovasjonsbarometer-2018.yaml`).
enum StatedFigures {
    /// Percentage points a stated share may be off.
    static let tolerance = 1.0

    // | Fig 4-1 | … | 1786 (all) | 74 % yes |
    static let respondents = 1786
    static let innovatedYes = 74.0

    // | Fig 4-2 | Type(s) of the newest innovation | 1313 innovators | Tjeneste 20 %, Produkt 12 %,
    // Organisering/Prosess 63 %, Kommunikasjon 27 % |
    static let newestTypeBase = 1313
    static let newestType: [Int: Double] = [1: 20, 2: 12, 3: 63, 4: 27]

    // | Fig 4-3 | Share with innovation by county | all | Vest-Agder and Oppland > 80 %; Hedmark 80 %;
    // Sogn og Fjordane 78 %; Rogaland 72 %; Oslo 67 %; Troms 66 %; Hordaland 65 % (lowest) |
    static let countiesAbove80 = [10, 5]  // Vest-Agder, Oppland
    static let countyShares: [Int: Double] = [4: 80, 14: 78, 11: 72, 3: 67, 19: 66, 12: 65]
    static let hedmark = 4
    static let sognOgFjordane = 14
    static let hordaland = 12

    // | Fig 4-4 | Share with innovation by SSB centrality | all | about 70 % in the largest cities
    // (level 1-2), 75 % mid-size city regions, 79 % small city regions (peak), then lower |
    static let centralityShares: [Int: Double] = [1: 70, 2: 70, 3: 75, 4: 79]
    static let centralityPeak = 4
    static let centralityAfterPeak = [5, 6]

    // | Tab 4-1 | Top five triggers | innovators | Ledere 635 (49 %); Medarbeidere 467 (36 %);
    // Tjenestemottakere/innbyggere 261 (20 %); Ny teknologi 233 (18 %); innovasjonsstrategi 217 (17 %) |
    static let triggerCounts: [Int: Int] = [1: 635, 2: 467, 5: 261, 11: 233, 12: 217]
    static let triggerShares: [Int: Double] = [1: 49, 2: 36, 5: 20, 11: 18, 12: 17]

    // | Fig 4-5 | Financing sources ("shares adjusted by number of answers") | 1315 | over 60 % only own
    // budget; regional actors 18 %; state actors 16 % |
    static let financingBase = 1315
    static let ownBudgetOnlyAbove = 60.0
    static let financingShareOfAnswers: [Int: Double] = [2: 18, 3: 16]

    // | Fig 4-6 | Results of the newest innovation | 1264 | improved quality about 75 %; increased
    // efficiency 40 %; increased employee satisfaction 43 %; quality minus efficiency = 35 points |
    static let resultsBase = 1264
    static let results: [Int: Double] = [1: 75, 2: 40, 3: 43]
    static let qualityMinusEfficiency = 35.0

    // | Tab 4-2 | Results by innovation type (shares of answers) | 1264 | citizens' insight:
    // communication 24 % vs product 6 %; improved quality: product 40 % vs communication 30 % |
    static let product = 2
    static let communication = 4
    static let insightByType: [Int: Double] = [4: 24, 2: 6]
    static let qualityByType: [Int: Double] = [2: 40, 4: 30]

    // | (text) | Results by centrality (shares of answers) | innovators | increased efficiency: Oslo
    // region 24 % vs rural 15 %; employee satisfaction: rural 23 % vs Oslo region 18 % |
    static let osloRegion = 1
    static let rural = 6
    static let efficiencyByCentrality: [Int: Double] = [1: 24, 6: 15]
    static let satisfactionByCentrality: [Int: Double] = [6: 23, 1: 18]

    // | Fig 4-7 | Collaboration partners | 1273 | other units in own municipality: majority;
    // education/research 15 %; other municipal units 18 %; employee organisations 18 %;
    // private firms 16 %; citizens 16 % |
    static let partnersBase = 1273
    static let ownUnitsMajority = 1
    static let partners: [Int: Double] = [8: 15, 2: 18, 4: 18, 5: 16, 6: 16]

    // | Fig 4-8 | Results by research collaboration | 1786 stated | improved quality 88 % with research
    // vs 70 % without (+18 points); employee satisfaction higher with research; efficiency more
    // often without research |
    // (The "N = 1786" is the whole sample; the split can only use those who answered both results
    // and partners.)
    static let research = 8
    static let qualityWithResearch = 88.0
    static let qualityWithoutResearch = 70.0
    static let researchQualityGap = 18.0

    // | Fig 4-10 | Did you do anything active to spread it? | 1247 | 44 % yes; a high share "Ikke
    // relevant" (Denmark: 56 % yes, 7 % not relevant) |
    static let spreadBase = 1247
    static let spreadYes = 44.0
    static let denmarkNotRelevant = 7.0

    // | Fig 5-1 | Factors that promoted or hindered | 1312 | most promoting: employee participation,
    // internal collaboration; "660 of 1204" rate employee participation promoting to a large extent;
    // most hindering: limited financial resources 34 %; "focus on responsible operation" and
    // "municipal politics" just under 10 % hindering; "handling of mistakes" 6 % hindering |
    static let factorsBase = 1312
    static let mostPromoting = ["factor_employee_participation", "factor_internal_collaboration"]
    static let employeeParticipationLarge = 660
    static let employeeParticipationBase = 1204
    static let mostHindering = "factor_financial_resources"
    static let financialHindering = 34.0
    static let justUnderTen = ["factor_operations_focus", "factor_politics"]
    static let handlingMistakes = "factor_handling_mistakes"
    static let handlingMistakesHindering = 6.0

    // | Tab V-0-1 | Respondents by sector | 1786 | Helse og omsorg 865; Utdanning og oppvekst 921 |
    static let sector: [Int: Int] = [1: 865, 2: 921]
    // | Tab V-0-2 | Respondents by landsdel | 1786 | Østlandet 818; Vestlandet 479; Midt-Norge 279; Nord-Norge 210 |
    static let landsdel: [Int: Int] = [1: 818, 2: 479, 3: 279, 4: 210]
    // | Tab V-0-3 | Respondents by unit type | 1786 | Grunnskole 367; Videregående 129; Barnehage 425;
    // Alders- og sykehjem 267; Bosenter og omsorgsinstitusjoner 467; Helsestasjon 131 |
    static let unitType: [Int: Int] = [5: 367, 6: 129, 4: 425, 1: 267, 2: 467, 3: 131]
    // | Tab V-0-4 | Respondents by municipal population | 1667 (municipality known) | Under 3000: 227;
    // 3000-9999: 368; 10000-19999: 257; 20000-49999: 288; 50000+: 527 |
    static let populationSizeBase = 1667
    static let populationSize: [Int: Int] = [1: 227, 2: 368, 3: 257, 4: 288, 5: 527]
}
