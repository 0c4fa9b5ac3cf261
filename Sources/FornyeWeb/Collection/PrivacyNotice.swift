import FornyeBarometer
import FornyeStorage

/// The privacy notice on the questionnaire's first page: who collects, why, what is stored with
/// the answers, how long, and whom to ask. Written from the wave's own facts.
struct PrivacyNotice {
    var link: InvitationLink
    var instrument: Instrument

    func render(_ language: Language) -> Node {
        let pick = language.pick
        let privacy = link.privacy
        return el("section", ["class": "privacy-notice", "aria-labelledby": "personvern"]) {
            el("h2", ["id": "personvern"]) { pick("Om personvern", "About privacy") }
            el("dl", ["class": "facts"]) {
                el("dt") { pick("Hvem samler inn svarene", "Who collects the answers") }
                el("dd") {
                    privacy?.organizer
                        ?? pick("Den som sendte deg invitasjonen.", "The person who sent you the invitation.")
                }
                el("dt") { pick("Hvorfor", "Why") }
                el("dd") {
                    privacy?.purpose
                        ?? pick(
                            "For å måle hvor mye nytt kommunale arbeidsplasser tar i bruk, og hva som fremmer og hemmer innovasjon. Svarene brukes bare til statistikk; ingen enkeltsvar publiseres, og tall for små grupper holdes tilbake.",
                            "To measure how much municipal workplaces take new things into use, and what promotes and hinders innovation. The answers are used for statistics only; no single answer is published, and figures for small groups are withheld."
                        )
                }
                el("dt") { pick("Hva som lagres", "What is stored") }
                el("dd") { stored(language) }
                el("dt") { pick("Hvor lenge", "How long") }
                el("dd") {
                    if let day = privacy?.retentionUntil {
                        pick(
                            "Svarene slettes eller anonymiseres videre innen \(Self.date(day, language)).",
                            "The answers are deleted or further anonymised by \(Self.date(day, language)).")
                    } else {
                        pick(
                            "Så lenge undersøkelsen pågår og resultatene analyseres; spør kontaktpersonen.",
                            "While the survey runs and its results are analysed; ask the contact.")
                    }
                }
                el("dt") { pick("Spørsmål", "Questions") }
                el("dd") {
                    if let contact = privacy?.contactEmail {
                        el("a", ["href": "mailto:\(contact)"]) { contact }
                    } else {
                        pick("Spør den som sendte deg invitasjonen.", "Ask the person who sent you the invitation.")
                    }
                }
            }
        }
    }

    private func stored(_ language: Language) -> Node {
        let pick = language.pick
        guard link.mode == .anonymous else {
            return .text(
                pick(
                    "Svarene dine lagres sammen med arbeidsplassen din slik den står i utvalget (navn, kommune, sektor og type). De som analyserer undersøkelsen, kan se hvilke svar som kom fra hvilken arbeidsplass.",
                    "Your answers are stored with your workplace as listed in the sample (name, municipality, sector and kind). Those who analyse the survey can see which answers came from which workplace."
                ))
        }
        let names = (link.release?.variableNames ?? []).map {
            let label = BackgroundRelease.label(of: $0)
            return pick(label.nb, label.en)
        }
        let background =
            names.isEmpty
            ? pick(
                "Ingen opplysninger om arbeidsplassen lagres med svarene.",
                "No facts about your workplace are stored with the answers.")
            : pick(
                "Med svarene lagres bare dette om arbeidsplassen, hentet fra utvalget: \(names.joined(separator: ", ")). Grupper med færre enn \(link.release!.minimumGroup) arbeidsplasser slås sammen.",
                "Only this about your workplace is stored with the answers, taken from the sample: \(names.joined(separator: ", ")). Groups of fewer than \(link.release!.minimumGroup) workplaces are merged."
            )
        return .text(
            pick(
                "Svarene er anonyme: de lagres uten navn, lenke, tidspunkt eller IP-adresse og kan ikke knyttes til arbeidsplassen din. ",
                "The answers are anonymous: they are stored without name, link, time or IP address and cannot be linked to your workplace. "
            ) + background
                + pick(
                    " Vi ser hvilke arbeidsplasser som har svart (for å kunne minne på), aldri hva de svarte. Svar du lagrer underveis, slettes når du sender, og senest når undersøkelsen stenger. Unngå å skrive navn i fritekstfeltene.",
                    " We see which workplaces have answered (to send reminders), never what they answered. Answers you save along the way are deleted when you send, and at the latest when the survey closes. Avoid writing names in the free-text fields."
                ))
    }

    static func date(_ day: CalendarDay, _ language: Language) -> String { MonthNames.date(day, language) }
}
