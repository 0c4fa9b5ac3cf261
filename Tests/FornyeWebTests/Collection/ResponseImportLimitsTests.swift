import FluentKit
import FornyeFormats
import FornyeStorage
import Foundation
import Testing
import VaporTesting

@testable import FornyeWeb

/// Hostile upload sizes: a file too wide is refused while it is read and nothing is kept; the
/// preview of the widest file the limits allow stays small, its mapping table paged.
@Suite struct ResponseImportLimitsTests {
    let imports = ResponseImportTests()

    /// A header of `columns` names `prefix0,prefix1,…` and one row of `value`.
    static func wideCSV(columns: Int, prefix: String = "v", value: String = "1") -> String {
        (0..<columns).map { "\(prefix)\($0)" }.joined(separator: ",") + "\n"
            + Array(repeating: value, count: columns).joined(separator: ",") + "\n"
    }

    @Test(arguments: [1_000_000, 5_000])
    func aFileOfTooManyColumnsIsRefusedAndNothingIsKept(columns: Int) async throws {
        try await withTestApp(seedDemoContent: false) { app in
            let fixture = try await CollectionFixture.make(app, open: false)
            let user = try await imports.analyst(app)
            let csv = Self.wideCSV(columns: columns)
            if columns == 1_000_000 { #expect(csv.utf8.count > 9_000_000) }
            let response = try await imports.upload(app, user, slug: fixture.wave.slug, csv: csv, filename: "bred.csv")
            #expect(response.status == .unprocessableEntity)
            #expect(
                response.body.string.contains(
                    "bred.csv, linje 1: overskriften har mer enn 1000 kolonner, det meste en fil kan ha; er skilletegnet riktig?"
                ))
            #expect(response.body.string.contains("Ingenting er lagret."))
            #expect(response.body.readableBytes < 100_000)
            #expect(app.importUploads.uploadCount == 0)
            #expect(try await ResponseRecord.query(on: app.db).count() == 0)
        }
    }

    /// The widest file allowed: 1,000 columns with 1,000-character names and long first values,
    /// none mapped (200 problems), then every column ignored (1,000 names not imported).
    @Test func thePreviewOfTheWidestFileAllowedIsBounded() async throws {
        try await withTestApp(seedDemoContent: false) { app in
            let fixture = try await CollectionFixture.make(app, open: false)
            let user = try await imports.analyst(app)
            let prefix = String(repeating: "x", count: 995)
            let csv = Self.wideCSV(columns: 1_000, prefix: prefix, value: String(repeating: "«", count: 2_000))
            let uploaded = try await imports.upload(app, user, slug: fixture.wave.slug, csv: csv)
            #expect(uploaded.status == .seeOther)
            let path = imports.location(uploaded)
            var sizes: [Int] = []
            for query in ["", "?side=20", "?side=999&lang=en"] {
                let page = try await app.get(path + query, headers: user.headers)
                #expect(page.status == .ok)
                sizes.append(page.body.readableBytes)
                // One page of the mapping table: 50 selects.
                #expect(page.body.string.components(separatedBy: "<select").count - 1 == 50)
            }
            let ignored = (0..<1_000).map { ("c\($0)", "") }
            let remapped = try await imports.post(app, user, path + "/kobling", ignored + [("side", "3")])
            #expect(imports.location(remapped) == path + "?side=3")
            let after = try await app.get(imports.location(remapped), headers: user.headers)
            #expect(after.body.string.contains(" og 950 til"))
            #expect(after.body.string.contains("Side 3 av 20: kolonne 101–150"))
            sizes.append(after.body.readableBytes)
            // Measured 2026-12-06: 391–395 kB a page, 345 kB with every column ignored (50 selects of
            // the instrument's questions and options make most of it).
            #expect(sizes.allSatisfy { $0 < 600_000 }, "\(sizes)")
        }
    }

    /// Remapping one page of the table keeps the mapping of the columns on the others.
    @Test func remappingOnePageKeepsTheOthers() async throws {
        try await withTestApp(seedDemoContent: false) { app in
            let fixture = try await CollectionFixture.make(app, open: false)
            let user = try await imports.analyst(app)
            // The nine question columns, then 60 extra columns the automatic mapping leaves unmapped.
            let lines = ResponseImportTests.goodCSV.split(separator: "\n").map(String.init)
            let extra = (0..<60).map { "ekstra\($0)" }.joined(separator: ",")
            let values = Array(repeating: "x", count: 60).joined(separator: ",")
            let csv = ([lines[0] + "," + extra] + lines.dropFirst().map { $0 + "," + values }).joined(separator: "\n")
            let path = imports.location(try await imports.upload(app, user, slug: fixture.wave.slug, csv: csv))
            let first = try await app.get(path, headers: user.headers).body.string
            #expect(first.contains("name=\"c49\"") && !first.contains("name=\"c50\""))
            #expect(first.contains("kolonnen er verken koblet til et spørsmål"))
            let second = try await app.get(path + "?side=2", headers: user.headers).body.string
            #expect(
                second.contains("name=\"c50\"") && second.contains("name=\"c68\"") && !second.contains("name=\"c0\""))
            // Page 2 posted alone: its columns ignored, page 1's mapping kept.
            let fields = (50..<69).map { ("c\($0)", "") } + [("side", "2")]
            let remapped = try await imports.post(app, user, path + "/kobling", fields)
            #expect(imports.location(remapped) == path + "?side=2")
            let after = try await app.get(imports.location(remapped), headers: user.headers).body.string
            #expect(after.contains("<dd>9 / 69</dd>"))
            #expect(after.contains("Alle 4 radene kan importeres"), "\(after.prefix(4_000))")
            // The saved mapping: the question columns as they were, every extra column ignored.
            let yaml = try await app.get(path + "/kobling.yaml", headers: user.headers).body.string
            #expect(yaml.contains("column: kommunenummer") && yaml.contains("column: newest_type"))
            #expect(yaml.contains("ekstra5") && yaml.contains("ekstra59"))
        }
    }
}
