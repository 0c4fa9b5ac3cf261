import FluentKit
import FornyeProjectBank
import FornyeStorage
import FornyeTestSupport
import Foundation
import Testing

/// Sample files whose first bytes are those of the real formats.
enum SampleFiles {
    static let pdf = Data("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n".utf8)
    static let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8))
    static let jpeg = Data([0xFF, 0xD8, 0xFF, 0xE0, 0, 16] + Array("JFIF".utf8))
    static let html = Data("<!DOCTYPE html><html><script>alert(1)</script></html>".utf8)
    static let csv = Data("kommune,antall\nSkien,3\n".utf8)
    /// The opening of an OpenDocument text package: a stored "mimetype" entry first.
    static let odt: Data = {
        var bytes: [UInt8] = [0x50, 0x4B, 0x03, 0x04] + Array(repeating: 0, count: 22)
        bytes += [8, 0, 0, 0]  // name length 8, extra length 0
        bytes += Array("mimetype".utf8) + Array("application/vnd.oasis.opendocument.text".utf8)
        return Data(bytes)
    }()
    static let docx = Data(
        [0x50, 0x4B, 0x03, 0x04] + Array(repeating: 0, count: 26) + Array("[Content_Types].xml word/document.xml".utf8))
}

@Suite struct ProjectAttachmentTests {
    @Test func allowedTypesAreRecognisedByExtensionAndContent() throws {
        let limits = AttachmentLimits.standard
        #expect(try AttachmentPolicy.check(fileName: "rapport.pdf", data: SampleFiles.pdf, limits: limits) == .pdf)
        #expect(try AttachmentPolicy.check(fileName: "bilde.PNG", data: SampleFiles.png, limits: limits) == .png)
        #expect(try AttachmentPolicy.check(fileName: "foto.jpg", data: SampleFiles.jpeg, limits: limits) == .jpeg)
        #expect(try AttachmentPolicy.check(fileName: "tall.csv", data: SampleFiles.csv, limits: limits) == .csv)
        #expect(try AttachmentPolicy.check(fileName: "notat.odt", data: SampleFiles.odt, limits: limits) == .odt)
        #expect(try AttachmentPolicy.check(fileName: "notat.docx", data: SampleFiles.docx, limits: limits) == .docx)
    }

    @Test func aPDFThatIsReallyHTMLAndOtherMismatchesAreRefused() {
        let limits = AttachmentLimits.standard
        func reason(_ name: String, _ data: Data) -> AttachmentError.Reason? {
            do {
                _ = try AttachmentPolicy.check(fileName: name, data: data, limits: limits)
                return nil
            } catch { return error.reason }
        }
        #expect(reason("rapport.pdf", SampleFiles.html) == .contentMismatch)
        #expect(reason("bilde.png", SampleFiles.jpeg) == .contentMismatch)
        #expect(reason("notat.txt", SampleFiles.html) == .contentMismatch)
        #expect(reason("tall.csv", Data([0x41, 0x00, 0x42])) == .contentMismatch)
        #expect(reason("notat.xlsx", SampleFiles.docx) == .contentMismatch)
        #expect(reason("side.html", SampleFiles.html) == .notAllowedType)
        #expect(reason("tegning.svg", Data("<svg/>".utf8)) == .notAllowedType)
        #expect(reason("program.exe", SampleFiles.pdf) == .notAllowedType)
        #expect(reason("tom.pdf", Data()) == .emptyFile)
        let small = AttachmentLimits(maxFileBytes: 10, maxProjectBytes: 100, maxFiles: 3)
        #expect(throws: AttachmentError.self) {
            try AttachmentPolicy.check(fileName: "rapport.pdf", data: SampleFiles.pdf, limits: small)
        }
    }

    @Test func maliciousFileNamesAreSanitised() {
        let name = AttachmentPolicy.sanitisedFileName
        #expect(name("../../etc/passwd.txt") == "passwd.txt")
        #expect(name("..\\..\\windows\\system32\\x.pdf") == "x.pdf")
        #expect(name("rapport\u{202E}fdp.exe") == "rapportfdp.exe")  // RTL override removed: the .exe shows
        #expect(name("a\u{0}b\u{7}c\nd.pdf") == "abcd.pdf")
        #expect(name("CON.pdf") == "_CON.pdf")
        #expect(name("lpt1.txt") == "_lpt1.txt")
        #expect(name(".htaccess") == "htaccess")
        #expect(name("<img src=x onerror=alert(1)>.pdf") == "_img src=x onerror=alert(1)_.pdf")
        #expect(name("<script>alert(1)</script>.pdf") == "script_.pdf")
        #expect(name("") == "vedlegg")
        #expect(name("Årsrapport 2024 – «innovasjon».pdf") == "Årsrapport 2024 – «innovasjon».pdf")
        let long = name(String(repeating: "x", count: 500) + ".pdf")
        #expect(long.count == AttachmentPolicy.maxNameLength)
        #expect(long.hasSuffix(".pdf"))
        // The RTL trick cannot pass as a PDF either: the real extension is what is checked.
        #expect(throws: AttachmentError.self) {
            try AttachmentPolicy.check(fileName: "rapport\u{202E}fdp.exe", data: SampleFiles.pdf, limits: .standard)
        }
    }

    /// On SQLite, and on PostgreSQL (bytea blobs, a schema of its own) when FORNYE_TEST_POSTGRES_URL is set.
    @Test(arguments: TestDatabase.all)
    func addingAndRemovingWritesVersionsAndOversizedUploadsSaveNothing(database: TestDatabase) async throws {
        try await database.withConfiguration { configuration in
            let storage = try StorageRuntime(configuration: configuration)
            do {
                try await storage.migrate()
                try await Self.addAndRemove(storage.database)
            } catch {
                await storage.shutdown()
                throw error
            }
            await storage.shutdown()
        }
    }

    static func addAndRemove(_ database: any Database) async throws {
        do {
            let record = try await ProjectRepository(database: database).create(
                document("Vedleggsprosjekt", "S"), by: editorOslo)
            let limits = AttachmentLimits(maxFileBytes: 1000, maxProjectBytes: 150, maxFiles: 3)
            let store = ProjectAttachmentStore(database: database, limits: limits)
            let added = try await store.add(
                [("rapport.pdf", SampleFiles.pdf), ("tall.csv", SampleFiles.csv)], to: record.slug, by: editorOslo)
            #expect(added.map(\.fileName) == ["rapport.pdf", "tall.csv"])
            #expect(added.map(\.contentType) == ["application/pdf", "text/csv; charset=utf-8"])
            let stored = try await store.list(record)
            #expect(stored.count == 2)
            #expect(try await store.data(of: stored[0]) == SampleFiles.pdf)
            // Over the project's total: refused as a whole, the good file with it.
            await #expect(throws: AttachmentError.self) {
                try await store.add(
                    [("a.pdf", SampleFiles.pdf), ("b.pdf", SampleFiles.pdf)], to: record.slug, by: editorOslo)
            }
            // One bad file in a batch: nothing of the batch is stored.
            await #expect(throws: AttachmentError.self) {
                try await store.add(
                    [("ok.png", SampleFiles.png), ("bad.pdf", SampleFiles.html)], to: record.slug, by: editorOslo)
            }
            #expect(try await store.list(record).count == 2)
            // Another municipality's editor may not add.
            await #expect(throws: ProjectError.self) {
                try await store.add([("x.png", SampleFiles.png)], to: record.slug, by: editorBergen)
            }
            try await store.remove(try #require(stored[1].id), from: record.slug, by: editorOslo)
            #expect(try await store.list(record).map(\.fileName) == ["rapport.pdf"])
            let blobs = try await ProjectAttachmentBlobRecord.query(on: database).count()
            #expect(blobs == 1)
            let versions = try await ProjectRepository(database: database).versions(of: record)
            #expect(versions.map(\.action) == ["attachment:removed", "attachment:added", "created"])
            #expect(versions[1].changedFields.contains("rapport.pdf"))
        }
    }

    @Test func institutionsAreValidatedSavedAndSuggested() async throws {
        try await withProjectStorage { database in
            let store = ResearchInstitutionStore(database: database)
            let bad = ResearchInstitutionInput(
                name: " ", kind: "Slott", competence: [], contact: "", url: "javascript:alert(1)")
            await #expect(throws: ProjectError.self) { try await store.save(bad) }
            #expect(Set(bad.errors().map(\.field)) == ["name", "kind", "competence", "url"])
            let saved = try await store.save(
                .init(
                    name: "Senter for velferdsteknologi", kind: "Forskningsinstitutt",
                    competence: ["velferdsteknologi", "hjemmetjenester"], contact: "post@example.no",
                    url: "https://example.no"))
            #expect(try await ResearchInstitutionRecord.query(on: database).count() == 1)
            var project = document("Sensorer", "Velferdsteknologi i hjemmetjenesten gir trygghet.")
            project.seeksResearchPartner = true
            let suggested = try await ProjectRepository(database: database).suggestedInstitutions(for: project)
            #expect(suggested.map(\.slug) == [saved.slug])
            var edited = ResearchInstitutionInput(
                name: "Senter for skole", kind: "Universitet", competence: ["skole"], contact: "", url: "")
            try await store.save(edited, slug: saved.slug)
            #expect(try await ProjectRepository(database: database).suggestedInstitutions(for: project).isEmpty)
            edited.url = "ftp://example.no"
            await #expect(throws: ProjectError.self) { try await store.save(edited, slug: saved.slug) }
        }
    }
}
