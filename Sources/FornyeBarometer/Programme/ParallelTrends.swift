/// The assumption every programme evaluation rests on, written out once for the CLI, the API and
/// the page (issue 14: «the parallel-trends caveat written out in bokmål»).
public enum ParallelTrends {
    /// One line for terminal output and JSON.
    public static let short =
        "Forutsetning (assumption): parallelle trender – uten programmet ville deltakerne ha endret seg som sammenligningsgruppen; dette kan ikke testes med to bølger."

    public static let bokmal = [
        "Forskjellen i endring (difference-in-differences) er programmets effekt bare hvis deltakerkommunene, "
            + "uten programmet, ville ha endret seg like mye som sammenligningsgruppen. Det kalles parallelle trender. "
            + "Forskjeller i nivå mellom gruppene er tillatt, fordi de faller bort; ulike trender er ikke det.",
        "Kommunene velger selv å søke. Kommuner som allerede var i bedring, kan ha søkt oftere, og da blir effekten "
            + "overvurdert. Omvekting på kjennetegn ved utgangspunktet hjelper bare mot de trendene disse kjennetegnene "
            + "forklarer. Med tre eller flere bølger kan trenden før programmet testes (forhåndstrendtesten), men "
            + "trenden etter programmet start kan aldri testes. Tallene må derfor leses som et anslag under en "
            + "forutsetning, ikke som et bevis.",
    ]

    public static let english = [
        "The difference-in-differences is the programme's effect only if, without the programme, the "
            + "participating municipalities would have changed as much as the comparison group. This is called "
            + "parallel trends. Level differences between the groups are allowed, as they cancel; different trends are not.",
        "Municipalities choose to apply. Municipalities that were already improving may have applied more often, and "
            + "then the effect is overstated. Reweighting on baseline characteristics helps only against trends those "
            + "characteristics explain. With three or more waves the trend before the programme can be tested (the "
            + "pre-trend test), but the trend after the programme started can never be tested. Read the numbers as "
            + "an estimate under an assumption, not as proof.",
    ]
}
