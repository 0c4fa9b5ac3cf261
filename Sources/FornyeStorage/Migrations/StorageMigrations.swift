public import FluentKit

/// Every schema change, numbered, in the order they run. A migration once released is never
/// edited: a change to the schema is a new migration at the end of this list.
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
        ]
    }
}
