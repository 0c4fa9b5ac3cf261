import FornyeBarometer
import FornyeStatistics
import Vapor

struct MethodController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("metode", use: method)
    }

    @Sendable func method(request: Request) async throws -> HTMLPage {
        HTMLPage(MethodPage(language: Language.of(request), viewer: PageViewer(request)).render())
    }
}

/// `/metode`: how the numbers are made, in bokmål and English (docs/STATISTICS.md and
/// docs/DISCLOSURE.md are the full statements; the rules shown are the ones in force).
struct MethodPage {
    var language: Language
    var viewer: PageViewer
    var rules = DisclosureRules()

    func render() -> String {
        let language = language
        let rules = rules
        let layout = PageLayout(
            title: language.pick("Metode", "Methodology"), language: language, path: Paths.method, viewer: viewer)
        return layout.render {
            el("h1") { language.pick("Slik lages tallene", "How the numbers are made") }
            el("p", ["class": "lead"]) {
                language.pick(
                    "Innovasjonsbarometeret er en utvalgsundersøkelse blant kommunale tjenesteenheter. Alle tall er "
                        + "vektede anslag med usikkerhet, og tall som bygger på for få svar, vises ikke.",
                    "The Innovation Barometer is a sample survey of municipal service units. Every number is a "
                        + "weighted estimate with its uncertainty, and numbers resting on too few answers are not shown."
                )
            }
            el("h2") { language.pick("Utvalg", "Sample") }
            el("p") {
                language.pick(
                    "Spørreskjemaet sendes til ledere av kommunale enheter i fire sektorer (skole, barnehage, helse og "
                        + "omsorg, tekniske tjenester) og sentraladministrasjonen. Ikke alle svarer, og noen grupper svarer "
                        + "oftere enn andre. Hver enhet er sin egen primærenhet; er utvalget stratifisert, brukes strataene "
                        + "i variansen.",
                    "The questionnaire goes to heads of municipal units in four sectors (schools, kindergartens, health "
                        + "and care, technical services) and the central administration. Not everyone answers, and some "
                        + "groups answer more often than others. Each unit is its own primary sampling unit; when the sample "
                        + "is stratified, the strata enter the variance.")
            }
            el("h2") { language.pick("Vekting (raking)", "Weighting (raking)") }
            el("p") {
                language.pick(
                    "Svarene vektes slik at fordelingen på enhetstype og landsdel blir lik fordelingen i populasjonen. "
                        + "Vektene finnes ved raking (iterativ proporsjonal tilpasning) til de kjente populasjonstallene, "
                        + "på hele bølgen. Når du avgrenser til en gruppe (for eksempel et fylke), brukes de samme vektene: "
                        + "tallene blir domeneanslag, der enheter utenfor gruppen blir værende i designet med null bidrag. "
                        + "Da tar usikkerheten med at gruppens størrelse i utvalget er tilfeldig.",
                    "Answers are weighted so that their distribution over unit type and region matches the population. "
                        + "The weights come from raking (iterative proportional fitting) to the known population counts, "
                        + "on the whole wave. When you limit the figures to a group (a county, say), the same weights are "
                        + "used: the numbers are domain estimates, where units outside the group stay in the design with "
                        + "zero contribution, so the uncertainty includes the randomness of the group's sample size.")
            }
            el("h2") { language.pick("Usikkerhet og intervaller", "Uncertainty and intervals") }
            el("p") {
                language.pick(
                    "Standardfeil beregnes ved Taylor-linearisering over utvalgsdesignet, med residualene fra "
                        + "kalibreringen, som R-pakken survey gjør. Konfidensintervall for andeler er logit-intervaller: "
                        + "intervallet lages på logit-skala og regnes tilbake, så det holder seg mellom 0 og 100 %. "
                        + "Alle intervaller bruker t-fordelingen med designets frihetsgrader (primærenheter minus strata "
                        + "i gruppen), ikke normalfordelingen. For andeler på 0 eller 100 % brukes det eksakte "
                        + "Clopper–Pearson-intervallet. Vurderingen av hvor pålitelig en andel er, bruker "
                        + "Korn–Graubard-intervallet (95 %).",
                    "Standard errors come from Taylor linearisation over the sampling design, with the calibration "
                        + "residuals, as R's survey package does. Confidence intervals for shares are logit intervals: "
                        + "made on the logit scale and transformed back, so they stay between 0 and 100%. Every interval "
                        + "uses the t distribution on the design's degrees of freedom (primary units minus strata in the "
                        + "group), not the normal distribution. Shares of 0 or 100% get the exact Clopper–Pearson interval. "
                        + "Whether a share is reliable is judged with the (95%) Korn–Graubard interval.")
            }
            el("h2") { language.pick("Småcelleregler", "Small-cell rules") }
            el("p") {
                language.pick(
                    "For å verne dem som svarte, og for ikke å vise tall som er for usikre, gjelder disse reglene på "
                        + "alle offentlige sider, nedlastinger og i API-et:",
                    "To protect those who answered, and not to show numbers that are too uncertain, these rules apply "
                        + "to every public page, download and the API:")
            }
            el("ul") {
                el("li") {
                    language.pick(
                        "Minste antall i en celle: en andel som bygger på 1–\(rules.minimumCellCount - 1) svar, vises som «skjult».",
                        "Minimum cell count: a share resting on 1–\(rules.minimumCellCount - 1) answers is shown as “skjult” (hidden)."
                    )
                }
                el("li") {
                    language.pick(
                        "Minste grunnlag: en gruppe med 1–\(rules.minimumBaseCount - 1) svar skjules helt, grunnlaget også.",
                        "Minimum base: a group of 1–\(rules.minimumBaseCount - 1) answers is hidden whole, its base included."
                    )
                }
                el("li") {
                    language.pick(
                        "Pålitelighet (NCHS' standarder for andeler): en andel med effektivt utvalg under 30, eller et for "
                            + "bredt Korn–Graubard-intervall, vises som «for usikker». Gjennomsnitt krever minst 30 svar.",
                        "Reliability (the NCHS standards for proportions): a share with an effective sample size under 30, "
                            + "or too wide a Korn–Graubard interval, is shown as “for usikker” (too uncertain). Means need "
                            + "at least 30 answers.")
                }
                el("li") {
                    language.pick(
                        "Sekundær skjuling: flere celler skjules der en skjult celle ellers kunne regnes ut fra summer som "
                            + "vises (andre kategorier, andre grupper eller totalen).",
                        "Secondary suppression: more cells are hidden where a hidden cell could otherwise be worked out "
                            + "from sums that are shown (the other categories, other groups or the total).")
                }
            }
            el("p") {
                language.pick(
                    "Skjulte celler er merket med tekst, ikke bare farge. Analytikere som er logget inn, kan se tallene "
                        + "uten småcelleregler; siden sier da tydelig at den ikke er til publisering.",
                    "Hidden cells are marked with text, not only a colour. Signed-in analysts can see the numbers without "
                        + "the small-cell rules; the page then says clearly that it is not for publication.")
            }
            el("h2") { language.pick("Syntetiske data", "Synthetic data") }
            el("p") {
                language.pick(
                    "Demonstrasjonsbølgene er \(SyntheticLabel.marker): de er generert for å gjengi tallene i rapporten fra 2018 "
                        + "og beskriver ingen virkelige enheter. Sider, figurer og nedlastinger sier det.",
                    "The demonstration waves are SYNTHETIC DATA: generated to reproduce the figures of the 2018 report, "
                        + "they describe no real units. Pages, charts and downloads say so.")
            }
            el("h2") { language.pick("Maskinlesbart", "Machine-readable") }
            el("p") {
                language.pick("Alle tall finnes også i ", "Every number is also available from ")
                el("a", ["href": Paths.openAPI]) {
                    language.pick("API-et (OpenAPI 3.1)", "the API (OpenAPI 3.1)")
                }
                language.pick(", med de samme reglene.", ", under the same rules.")
            }
        }
    }
}
