import FornyeStorage
import Vapor

/// The front page: what Fornye is and where to go.
struct HomePage {
    var request: Request
    var waves: [WaveRecord]

    func render() -> String {
        let language = Language.of(request)
        let layout = PageLayout(
            title: language.pick("Innovasjon i kommunene", "Innovation in municipalities"), request: request,
            path: Paths.home, synthetic: waves.contains { $0.synthetic })
        return layout.render {
            el("h1") { language.pick("Fornye – innovasjon i kommunene", "Fornye – innovation in municipalities") }
            el("p", ["class": "lead"]) {
                language.pick(
                    "Fornye måler og sprer innovasjon i norske kommuner: Innovasjonsbarometeret viser hvor mange "
                        + "kommunale enheter som har tatt i bruk nye løsninger, hva slags, hvordan og med hvilke resultater.",
                    "Fornye measures and spreads innovation in Norwegian municipalities: the Innovation Barometer shows "
                        + "how many municipal units have taken new solutions into use, of what kind, how and with what results."
                )
            }
            el("h2") { language.pick("Barometerbølger", "Barometer waves") }
            if waves.isEmpty {
                el("p") { language.pick("Ingen bølger er publisert ennå.", "No waves are published yet.") }
            } else {
                el("ul", ["class": "wave-list"]) {
                    for wave in waves {
                        el("li") {
                            el("a", ["href": Paths.barometerWave(slug: wave.slug)]) { language.waveTitle(wave.title) }
                        }
                    }
                }
            }
        }
    }
}
