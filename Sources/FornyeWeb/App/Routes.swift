import Vapor

/// Every route of the app, by area. Each area lives in its own controller file.
///
/// Pages (HTML, forms) are registered on `pages`, which carries CSRF protection; the JSON API
/// under `/api` is read-only for the public and carries none.
enum Routes {
    static func register(on app: Application) throws {
        let pages = app.grouped(CSRFMiddleware())
        try app.register(collection: AssetController())
        try app.register(collection: HealthController())
        try app.register(collection: MetricsController())
        try pages.register(collection: HomeController())
        try pages.register(collection: BarometerController())
        try pages.register(collection: EvaluationController())
        try pages.register(collection: MethodController())
        try pages.register(collection: StatementController())
        try app.register(collection: APIController())
        try pages.register(collection: MunicipalityController())
        try app.register(collection: MunicipalityAPIController())
        try pages.register(collection: LoginController())
        try pages.register(collection: PasswordController())
        try pages.register(collection: SecondFactorController())
        try pages.register(collection: AdminUsersController())
        try pages.register(collection: OIDCController())
        try pages.register(collection: PendingIdentitiesController())
        try pages.register(collection: AuditLogController())
        try pages.register(collection: ProjectController())
        // Uploads need a larger body than the 1 MB the other forms may send.
        let attachments = ProjectAttachmentController()
        try app.grouped(UploadTooLargeMiddleware(page: attachments.tooLarge))
            .grouped(CSRFMiddleware(maxBodySize: attachments.bodyLimit)).register(collection: attachments)
        try pages.register(collection: InstitutionAdminController())
        try pages.register(collection: SearchSynonymAdminController())
        try app.register(collection: ProjectAPIController())
        try pages.register(collection: QuestionnaireController())
        try pages.register(collection: WaveAdminController())
        try pages.register(collection: ResponseImportController())
        // The response file upload reads bodies up to its own limit, CSRF check included.
        try app.grouped(UploadTooLargeMiddleware(page: ResponseImportController().tooLarge))
            .grouped(CSRFMiddleware(maxBodySize: ResponseImportController.maximumUpload))
            .register(collection: ResponseImportController.Upload())
        try pages.register(collection: WaveExportController())
        try pages.register(collection: SelfTestController())
        try pages.register(collection: SelfTestTeamController())
        try pages.register(collection: ProgrammeController())
        try app.grouped(UploadTooLargeMiddleware(page: ProgrammeController().tooLarge))
            .grouped(CSRFMiddleware(maxBodySize: ProgrammeController.maximumUpload))
            .register(collection: ProgrammeController.Upload())
    }
}
