import ArgumentParser
import FornyeBarometer
import FornyeFormats
import FornyeStorage
import Foundation
import Testing

@testable import FornyeCommands

@Suite struct ProgrammeCommandTests {
    func run(_ arguments: [String]) async throws { try await runFornye(arguments) }

    @Test func importListAndExportThroughTheCommandLine() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fornye-programme-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = directory.appendingPathComponent("fornye.sqlite").path
        let input = directory.appendingPathComponent("register.csv")
        try """
        kommunenummer;utlysning;soknadsdato;status;belop_nok
        0806;FORKOMMUNE 2018;2018-04-10;Tilsagn;300000
        1103;FORKOMMUNE 2018;2018-04-12;Avslag;
        0301;FORKOMMUNE 2018;2018-04-18;Ikke søkt;

        """.write(to: input, atomically: true, encoding: .utf8)

        try await run(["programme", "import", input.path, "--database-url", database])
        try await run(["programme", "import", input.path, "--replace", "--database-url", database])
        try await run(["programme", "list", "--status", "avslag", "--database-url", database])

        let csv = directory.appendingPathComponent("out.csv").path
        let xlsx = directory.appendingPathComponent("out.xlsx").path
        let json = directory.appendingPathComponent("out.json").path
        try await run(["programme", "export", "--output", csv, "--database-url", database])
        try await run(["programme", "export", "--format", "xlsx", "--output", xlsx, "--database-url", database])
        try await run(["programme", "export", "--format", "json", "--output", json, "--database-url", database])

        let register = try MunicipalityRegister.bundled()
        let fromCSV = try ProgrammeTable.applications(
            try SourceReader.read(URL(fileURLWithPath: csv)), register: register)
        #expect(fromCSV.map(\.municipalityNumber) == ["0806", "1103", "0301"])
        let fromWorkbook = try ProgrammeTable.applications(
            try SourceReader.read(URL(fileURLWithPath: xlsx)), register: register)
        #expect(fromWorkbook == fromCSV)
        let text = try String(contentsOfFile: json, encoding: .utf8)
        #expect(text.contains("\"applicationDate\" : \"2018-04-10\"") && !text.contains("SYNTHETIC"))
    }

    @Test func aBadFileIsRefusedWithItsPlaces() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fornye-programme-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("bad.csv")
        try "kommunenummer,utlysning,soknadsdato,status\n0806,x,2018-13-01,Tilsagn\n"
            .write(to: input, atomically: true, encoding: .utf8)
        let database = directory.appendingPathComponent("fornye.sqlite").path
        let error = await #expect(throws: ValidationError.self) {
            try await run(["programme", "import", input.path, "--database-url", database])
        }
        #expect(error?.message.contains("bad.csv, line 2, column 3, field \"soknadsdato\"") == true)
        #expect(!FileManager.default.fileExists(atPath: database))
    }

    @Test func xlsxExportNeedsAFile() {
        #expect(throws: (any Error).self) {
            try FornyeCommand.parseAsRoot(["programme", "export", "--format", "xlsx"])
        }
        #expect(throws: (any Error).self) { try FornyeCommand.parseAsRoot(["programme", "export", "--format", "pdf"]) }
    }
}
