/// The site's one style sheet, served from `/assets/fornye.css` so the Content-Security-Policy
/// can forbid inline styles. It is built on Designsystemet's tokens (see `DesignTokens`) and kept
/// in parts by purpose; later parts may refine earlier ones, so the order below is the cascade.
enum StyleSheet {
    static let css = [
        DesignTokens.css,
        BaseStyles.css,
        FormStyles.css,
        ComponentStyles.css,
        ResultStyles.css,
        ProjectBankStyles.css,
        QuestionnaireStyles.css,
        FeatureStyles.css,
        PrintStyles.css,
    ].joined(separator: "\n")
}
