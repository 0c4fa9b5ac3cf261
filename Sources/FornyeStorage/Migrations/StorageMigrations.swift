public import FluentKit

/// Every schema change, in the order they run: this list, not the numbers, is the run order, and
/// it is the one place that says it.
///
/// The numbers were first given by area (000x waves, 001x accounts, 002x collection and
/// responses, 003x–006x project bank), so some run out of numeric order: 0035 before 0026 and
/// 0024, 0040 before 0046 before 0045 (see the note in the list), 0027 after 0045. Those names
/// are stored in every database's `_fluent_migrations` table and are never renumbered.
///
/// Rules:
/// - A migration once released is never edited; a change to the schema is a new migration.
/// - Number new migrations in run order: the next number above the highest one listed, and
///   appended at the end of this list.
/// - A migration is frozen history: it carries its own SQL and logic and calls no live code that
///   may change later (search codes, term counts, models' field lists), so that an old migration
///   does tomorrow what it did when it was written (0040, 0045, 0047 and 0048 inline theirs).
public enum StorageMigrations {
    public static var all: [any Migration] {
        [
            M0001CreateWaves(),
            M0002CreateResponses(),
            M0010CreateUsers(),
            M0011CreateSessions(),
            M0012CreateAuditLog(),
            M0013IndexAccounts(),
            M0020AddCollectionToWaves(),
            M0021CreateSampleUnits(),
            M0022CreateInvitations(),
            M0023CreateDrafts(),
            M0030CreateProjects(),
            M0031CreateProjectVersions(),
            M0032CreateResearchInstitutions(),
            M0033CreateProjectSearch(),
            M0034CreateProjectAttachments(),
            M0035AddInstitutionContact(),
            M0026CreateImportMappings(),
            M0024ResponsesWithoutOrder(),
            M0040CreateProjectFacets(),
            // 0046 before 0045: its rewrite of every tsvector must not fire 0045's term-count triggers.
            M0046KeepSearchDocumentsInline(),
            M0045CreateProjectTerms(),
            M0027ResponsesRandomRowid(),
            M0047AddCodesToProjectTermKeys(),
            M0048PackCodesAndIndexNewest(),
            M0049CountBankVersions(),
            M0060IndexProjectTermKeysByWeight(),
            M0061SplitSearchIndexByKeyParity(),
            M0062FieldworkLinksAndPrivacy(),
            M0063CreateProgrammeRegister(),
            M0065CreateSelfTests(),
            M0068CreateSharedInstanceState(),
            M0069CreateImportJobs(),
            M0070ReanalyseSearchIndex(),
            M0072AddWaveSubtitle(),
            M0074CreateProjectReuseReports(),
            M0075CreateContactConfirmations(),
            M0076EvaluatedUnknownWhenUnanswered(),
            M0078CreateSelfTestTeams(),
            M0080CreateSearchSynonyms(),
            M0082CreateSecondFactors(),
            M0084CreateExternalIdentities(),
            M0085OpenIDSignInState(),
            M0088CreateProjectSimilarity(),
            M0092AddLosThemes(),
            M0095IndexProjectAttachments(),
        ]
    }
}
