import FornyeBarometer

/// A wave's own texts (subtitle, questionnaire title, where the weights come from) in the report's
/// language. They are stored in one language; English reports take Fornye's English for the texts
/// Fornye wrote (the instrument's title, the demo waves' sentences) and show others as entered.
enum WaveTexts {
    /// The text in `language`: itself in bokmål, its English where Fornye has one, else as entered.
    static func text(_ text: String, _ language: ReportLanguage) -> String {
        guard language == .en else { return text }
        return SyntheticBarometer.english(of: text) ?? questionnaireEnglish(text) ?? text
    }

    /// The bundled instrument's English title for its bokmål one.
    private static func questionnaireEnglish(_ title: String) -> String? {
        guard let instrument = try? Instrument.innovasjonsbarometer2018, instrument.title.nb == title else {
            return nil
        }
        return instrument.title.en
    }
}
