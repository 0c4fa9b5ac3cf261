import Fluent
import FornyeStorage
import FornyeWeb
import Foundation
import Testing
import Vapor
import VaporTesting

/// A multipart/form-data body as a browser sends it: the CSRF field and each file as `files[]`.
struct MultipartUpload {
    static let boundary = "----fornye-test-boundary-7c1f"
    var fields: [(String, String)] = []
    var files: [(name: String, data: Data, contentType: String)] = []

    var body: ByteBuffer {
        var data = Data()
        func line(_ text: String) { data.append(Data((text + "\r\n").utf8)) }
        for (name, value) in fields {
            line("--\(Self.boundary)")
            line("Content-Disposition: form-data; name=\"\(name)\"")
            line("")
            line(value)
        }
        for file in files {
            line("--\(Self.boundary)")
            let escaped = file.name.replacingOccurrences(of: "\"", with: "%22")
            line("Content-Disposition: form-data; name=\"files[]\"; filename=\"\(escaped)\"")
            line("Content-Type: \(file.contentType)")
            line("")
            data.append(file.data)
            line("")
        }
        line("--\(Self.boundary)--")
        return ByteBuffer(data: data)
    }
}

@Suite struct ProjectAttachmentWebTests {
    let bank = ProjectBankWebTests()

    static let pdf = Data("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n".utf8)
    static let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8))
    static let html = Data("<!DOCTYPE html><html><body><script>alert(1)</script></body></html>".utf8)

    func upload(
        _ app: Application, _ slug: String, _ headers: HTTPHeaders,
        files: [(name: String, data: Data, contentType: String)], token: String? = nil
    ) async throws -> TestingHTTPResponse {
        var result: TestingHTTPResponse?
        var headers = headers
        headers.replaceOrAdd(
            name: .contentType, value: "multipart/form-data; boundary=\(MultipartUpload.boundary)")
        let body = MultipartUpload(fields: [("_csrf", token ?? headers.csrfToken)], files: files).body
        try await app.testing().test(.POST, "/prosjekter/\(slug)/vedlegg", headers: headers, body: body) {
            result = $0
        }
        return result!
    }

    /// A project created by an Oslo editor; published when `publish`.
    func project(_ app: Application, editor: HTTPHeaders, publish: Bool = false) async throws -> String {
        let created = try await bank.post(app, "/prosjekter", editor, bank.form([:]))
        let slug = String(try #require(created.headers.first(name: .location)).dropFirst("/prosjekter/".count))
        return slug
    }

    func publish(_ app: Application, _ slug: String, editor: HTTPHeaders) async throws {
        let admin = try await signIn(app, as: .admin)
        #expect(
            try await bank.post(app, "/prosjekter/\(slug)/status", editor, ["status": "submitted"]).status == .seeOther)
        #expect(
            try await bank.post(app, "/prosjekter/\(slug)/status", admin, ["status": "published"]).status == .seeOther)
    }

    @Test func anUploadOverTheBodyLimitGetsAPageWithTheLimitAndStoresNothing() async throws {
        try await withTestApp { app in
            let editor = try await signIn(app, as: .municipalityEditor, municipality: "0301")
            let slug = try await project(app, editor: editor)
            var big = Self.pdf
            big.append(Data(count: 11 * 1_048_576))
            // Through the HTTP server: the in-memory tester hands the body over whole, past any limit.
            func send(_ headers: HTTPHeaders) async throws -> (status: HTTPResponseStatus, page: String) {
                var headers = headers
                headers.replaceOrAdd(
                    name: .contentType, value: "multipart/form-data; boundary=\(MultipartUpload.boundary)")
                let body = MultipartUpload(
                    fields: [("_csrf", headers.csrfToken)], files: [("stor.pdf", big, "application/pdf")]
                ).body
                let response = try await liveRequest(
                    app, .POST, "/prosjekter/\(slug)/vedlegg", headers: headers, body: body)
                return (response.status, String(buffer: response.body ?? ByteBuffer()))
            }
            let response = try await send(editor)
            #expect(response.status == .payloadTooLarge)
            let page = response.page
            #expect(page.contains("Vedlegget ble ikke lagret"))
            #expect(page.contains("Filen er for stor: opplastingen var 11,0 MB"))
            #expect(page.contains("største tillatte størrelse er 10,0 MB"))
            #expect(page.contains("Ingen filer fra denne opplastingen er lagret."))
            // The form to try again, with the editor's token, the message tied to the field.
            #expect(page.contains("name=\"_csrf\" value=\"\(editor.csrfToken)\""))
            #expect(page.contains("aria-describedby=\"felt-vedlegg-hint felt-vedlegg-feil\""))
            #expect(page.contains("href=\"/prosjekter/\(slug)\""))
            #expect(try await ProjectAttachmentRecord.query(on: app.db).count() == 0)
            #expect(try await ProjectRepository(database: app.db).require(slug: slug).version == 1)
            // Someone who may not change the project learns nothing more than before.
            let bergen = try await signIn(app, as: .municipalityEditor, municipality: "4601")
            let refused = try await send(bergen)
            #expect(refused.status == .notFound || refused.status == .forbidden)
        }
    }

    @Test func editorsUploadDownloadsAreSafeAndThePublicSeesOnlyPublished() async throws {
        try await withTestApp { app in
            let editor = try await signIn(app, as: .municipalityEditor, municipality: "0301")
            let slug = try await project(app, editor: editor)
            let uploaded = try await upload(
                app, slug, editor,
                files: [
                    ("../../rapport\u{202E}fdp.pdf", Self.pdf, "application/pdf"),
                    ("bilde.png", Self.png, "text/html"),
                ])
            #expect(uploaded.status == .seeOther)
            let page = try await app.get("/prosjekter/\(slug)", headers: editor)
            let body = page.body.string
            #expect(body.contains("rapportfdp.pdf"))
            #expect(body.contains("bilde.png"))
            #expect(body.contains("2 vedlegg"))
            #expect(body.contains("enctype=\"multipart/form-data\""))
            let attachments = try await ProjectAttachmentRecord.query(on: app.db).sort(\.$fileName).all()
            #expect(attachments.map(\.fileName) == ["bilde.png", "rapportfdp.pdf"])
            let png = try #require(attachments.first)
            let path = "/prosjekter/\(slug)/vedlegg/\(png.id!.uuidString.lowercased())"
            // Draft: the public and other municipalities' editors get 404; the owner's editor the file.
            #expect(try await app.get(path).status == .notFound)
            let bergen = try await signIn(app, as: .municipalityEditor, municipality: "4601")
            #expect(try await app.get(path, headers: bergen).status == .notFound)
            let download = try await app.get(path, headers: editor)
            #expect(download.status == .ok)
            // The stored type, not the uploader's claim (text/html), and always a download.
            #expect(download.headers.first(name: .contentType) == "image/png")
            #expect(download.headers.first(name: "X-Content-Type-Options") == "nosniff")
            let disposition = try #require(download.headers.first(name: .contentDisposition))
            #expect(disposition.hasPrefix("attachment; filename=\"bilde.png\""))
            #expect(download.headers.first(name: "Content-Security-Policy")?.contains("sandbox") == true)
            #expect(Data(buffer: download.body) == Self.png)
            // Published: the public downloads too, and sees the attachments in the exports.
            try await publish(app, slug, editor: editor)
            #expect(try await app.get(path).status == .ok)
            let json = try await app.get("/api/v1/projects/\(slug)")
            #expect(json.body.string.contains("\"name\":\"bilde.png\""))
            #expect(json.body.string.contains("\"size\":\(Self.png.count)"))
            #expect(json.body.string.contains(png.id!.uuidString.lowercased()))
            let csv = try await app.get("/prosjekter/eksport.csv")
            #expect(csv.body.string.contains("rapportfdp.pdf"))
            // Published projects are not the editor's to change: removing is refused.
            let remove = try await bank.post(app, path + "/slett", editor, [:])
            #expect(remove.status == .forbidden)
            // The version history names the upload.
            let history = try await app.get("/prosjekter/\(slug)/historikk")
            #expect(history.body.string.contains("Vedlegg lagt til"))
        }
    }

    @Test func refusedUploadsSayWhyAndSaveNothing() async throws {
        try await withTestApp { app in
            let editor = try await signIn(app, as: .municipalityEditor, municipality: "0301")
            let slug = try await project(app, editor: editor)
            let fake = try await upload(
                app, slug, editor,
                files: [("bilde.png", Self.png, "image/png"), ("rapport.pdf", Self.html, "application/pdf")])
            #expect(fake.status == .unsupportedMediaType)
            #expect(fake.body.string.contains("rapport.pdf"))
            #expect(fake.body.string.contains("Innholdet er ikke en PDF-fil"))
            #expect(fake.body.string.contains("href=\"#felt-vedlegg\""))
            let svg = try await upload(
                app, slug, editor, files: [("tegning.svg", Data("<svg/>".utf8), "image/svg+xml")])
            #expect(svg.status == .unsupportedMediaType)
            let big = Data("%PDF-".utf8) + Data(count: AttachmentLimits.standard.maxFileBytes)
            let oversized = try await upload(app, slug, editor, files: [("stor.pdf", big, "application/pdf")])
            #expect(oversized.status == .payloadTooLarge)
            let none = try await upload(app, slug, editor, files: [])
            #expect(none.status == .unprocessableEntity)
            // Without the CSRF token: 403 before anything is read.
            let forged = try await upload(app, slug, editor, files: [("a.png", Self.png, "image/png")], token: "x")
            #expect(forged.status == .forbidden)
            // The public is sent to sign in; another municipality's editor does not see the project.
            let anonymous = try await publicHeaders(app)
            let publicUpload = try await upload(app, slug, anonymous, files: [("a.png", Self.png, "image/png")])
            #expect([.unauthorized, .seeOther].contains(publicUpload.status))
            let bergen = try await signIn(app, as: .municipalityEditor, municipality: "4601")
            #expect(try await upload(app, slug, bergen, files: [("a.png", Self.png, "image/png")]).status == .notFound)
            #expect(try await ProjectAttachmentRecord.query(on: app.db).count() == 0)
            #expect(try await ProjectAttachmentBlobRecord.query(on: app.db).count() == 0)
        }
    }

    @Test func xssInFileNamesIsEscapedOnPagesAndInHeaders() async throws {
        try await withTestApp { app in
            let editor = try await signIn(app, as: .municipalityEditor, municipality: "0301")
            let slug = try await project(app, editor: editor)
            for (index, payload) in XSSCorpus.payloads.enumerated() {
                let response = try await upload(
                    app, slug, editor, files: [("\(payload)-\(index).pdf", Self.pdf, "application/pdf")])
                #expect(response.status == .seeOther, "payload \(index)")
            }
            let page = try await app.get("/prosjekter/\(slug)", headers: editor)
            #expect(page.body.string.contains("fx55"))
            XSSCorpus.expectEscaped(page.body.string, "project page with attachment names")
            for attachment in try await ProjectAttachmentRecord.query(on: app.db).all() {
                let download = try await app.get(
                    "/prosjekter/\(slug)/vedlegg/\(attachment.id!.uuidString.lowercased())", headers: editor)
                let disposition = try #require(download.headers.first(name: .contentDisposition))
                #expect(disposition.unicodeScalars.allSatisfy { $0.isASCII && $0.value >= 0x20 })
                #expect(disposition.filter { $0 == "\"" }.count == 2)
            }
            let history = try await app.get("/prosjekter/\(slug)/historikk", headers: editor)
            XSSCorpus.expectEscaped(history.body.string, "history with attachment names")
        }
    }

    @Test func editorsRemoveAttachmentsAndTheHistorySaysSo() async throws {
        try await withTestApp { app in
            let editor = try await signIn(app, as: .municipalityEditor, municipality: "0301")
            let slug = try await project(app, editor: editor)
            #expect(
                try await upload(app, slug, editor, files: [("a.pdf", Self.pdf, "application/pdf")]).status == .seeOther
            )
            let attachment = try #require(try await ProjectAttachmentRecord.query(on: app.db).first())
            let path = "/prosjekter/\(slug)/vedlegg/\(attachment.id!.uuidString.lowercased())/slett"
            let bergen = try await signIn(app, as: .municipalityEditor, municipality: "4601")
            #expect(try await bank.post(app, path, bergen, [:]).status == .notFound)
            #expect(try await bank.post(app, path, editor, [:]).status == .seeOther)
            #expect(try await ProjectAttachmentRecord.query(on: app.db).count() == 0)
            let history = try await app.get("/prosjekter/\(slug)/historikk", headers: editor)
            #expect(history.body.string.contains("Vedlegg fjernet"))
            let audit = try await AuditEntryRecord.query(on: app.db).all().map(\.action)
            #expect(audit.contains("project.attachment_added") && audit.contains("project.attachment_removed"))
        }
    }
}
