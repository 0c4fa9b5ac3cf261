/// Column names Fornye writes beyond the XLSForm basics.
enum XLSFormColumns {
    /// The namespace XLSForm's `settings.namespaces` declares for Fornye's custom bind attribute.
    static let namespaceDeclaration = "fornye=\"urn:fornye:instrument\""
    /// A custom bind attribute marking a text question as a municipality number (as Survey123 uses
    /// `bind::esri:fieldType`); ODK clients ignore it.
    static let fornyeType = "bind::fornye:type"
    /// The choice question an "other, specify" text specifies (``Question/specifies``); ODK
    /// clients ignore it (the text's `relevant` already says when it is asked).
    static let fornyeSpecifies = "bind::fornye:specifies"
    /// The English form title; XLSForm's `form_title` has one language only.
    static let titleEnglish = "fornye_title_en"
    static let bokmal = "Norsk bokmål (nb)"
    static let english = "English (en)"
}
