import ArgumentParser
import FornyeBarometer
import FornyeFormats
import FornyeStatistics
import Foundation
import Testing

@testable import FornyeCommands

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite("fornye report")
struct ReportCommandTests {
    static func directory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fornye-report-cli-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    /// The Fig 4-1 caption as written on the page.
    static func caption41(_ html: String) throws -> String {
        let start = try #require(
            html.range(
                of: "<span class=\"caption\">", range: html.range(of: "id=\"fig-4-1\"")!.upperBound..<html.endIndex))
        let end = try #require(html.range(of: "</span>", range: start.upperBound..<html.endIndex))
        return String(html[start.upperBound..<end.lowerBound])
    }

    @Test("without data the synthetic 2018 baseline renders, marked synthetic")
    func baselineAndFiles() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let baseline = try ReportCommand.parse(["--out", directory.appendingPathComponent("baseline").path])
        let page = try baseline.write()
        let html = try String(contentsOf: page, encoding: .utf8)
        #expect(XMLParser(data: Data(html.utf8)).parse())
        #expect(html.contains("SYNTETISKE DATA"))
        let csvFiles = try FileManager.default.contentsOfDirectory(atPath: page.deletingLastPathComponent().path)
            .filter { $0.hasSuffix(".csv") }
        #expect(csvFiles.count >= 20)
        #expect(try Self.caption41(html).hasSuffix("(N\u{00A0}=\u{00A0}1\u{00A0}786)."))

    }

    @Test("a wave read from files through --data: its weights, its name in the weighting section")
    func fromFiles() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // The first 400 rows of the synthetic baseline, written as a CSV file with its weights.
        let wave = try ReportCommand.syntheticBaseline(title: nil)
        var columns: [String: Column] = [:]
        for variable in wave.dataset.codebook.variables {
            switch try wave.dataset.column(named: variable.name) {
            case .codes(let values): columns[variable.name] = .codes(Array(values.prefix(400)))
            case .numbers(let values): columns[variable.name] = .numbers(Array(values.prefix(400)))
            case .texts(let values): columns[variable.name] = .texts(Array(values.prefix(400)))
            }
        }
        let dataset = try Dataset(codebook: wave.dataset.codebook, columns: columns)
        let csv = directory.appendingPathComponent("wave.csv")
        let codebook = directory.appendingPathComponent("wave.yaml")
        try DatasetCSVWriter.write(dataset, to: csv, codebookURL: codebook)
        let command = try ReportCommand.parse([
            "--data", csv.path, "--codebook", codebook.path, "--weight", "weight", "--out",
            directory.appendingPathComponent("files").path,
        ])
        let html = try String(contentsOf: try command.write(), encoding: .utf8)
        #expect(XMLParser(data: Data(html.utf8)).parse())
        #expect(try Self.caption41(html).hasSuffix("(N\u{00A0}=\u{00A0}400)."))
        #expect(html.contains("kolonnen «weight» i datafilen wave.csv"))
        #expect(html.contains("SYNTETISKE DATA"))
    }

    @Test("--language en writes the report in English; the default is bokmål, byte for byte as before")
    func language() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        func report(_ name: String, _ extra: [String]) throws -> (html: String, csv: Data) {
            let command = try ReportCommand.parse(["--out", directory.appendingPathComponent(name).path] + extra)
            let page = try command.write()
            return (
                try String(contentsOf: page, encoding: .utf8),
                try Data(contentsOf: page.deletingLastPathComponent().appendingPathComponent("fig-4-1.csv"))
            )
        }
        let unset = try report("unset", [])
        let bokmål = try report("nb", ["--language", "nb"])
        let english = try report("en", ["--language", "en"])
        #expect(unset.html == bokmål.html)
        #expect(unset.csv == bokmål.csv)
        #expect(bokmål.html.contains(" lang=\"nb\" ") && bokmål.html.contains(" xml:lang=\"nb\""))
        #expect(english.html.contains(" lang=\"en\" ") && english.html.contains(" xml:lang=\"en\""))
        #expect(english.html.contains("<h2 id=\"toc-heading\">Contents</h2>"))
        #expect(english.html.contains("Download the numbers of figure 4-1 (CSV)"))
        #expect(english.html.contains("The Innovation Barometer 2018 – synthetic baseline wave"))
        #expect(english.html.contains("seed \(SyntheticBarometer.defaultSeed)"))
        #expect(!english.html.contains("syntetiske svarene"))
        #expect(try Self.caption41(english.html).contains("1,786"))
        #expect(english.csv != bokmål.csv)
        let refused = #expect(throws: (any Error).self) {
            try ReportCommand.parse(["--compare", "--language", "en"])
        }
        #expect(
            refused.map { ReportCommand.message(for: $0) } == "--compare writes bokmål only: leave out --language en")
        #expect(#expect(throws: (any Error).self) { try ReportCommand.parse(["--language", "de"]) } != nil)
    }

    @Test("options that belong together are refused alone")
    func refusals() {
        // `parse` wraps the ValidationError of `validate()`; its message is what the user reads.
        for (arguments, message) in [
            (["--data", "x.csv"], "give both --data and --codebook, or neither"),
            (["--population", "p.csv"], "give both --population and --rake, or neither"),
            (["--level", "95"], "--level must be between 0 and 1, e.g. 0.95"),
        ] {
            let error = #expect(throws: (any Error).self) { try ReportCommand.parse(arguments) }
            #expect(error.map { ReportCommand.message(for: $0) } == message, "\(arguments)")
        }
        #expect(FornyeCommand.helpMessage().contains("report"))
    }
}
