import ArgumentParser
import FornyeBarometer
import FornyeStorage
import Foundation
import Testing

@testable import FornyeCommands

@Suite struct EvaluateCommandTests {
    func run(_ arguments: [String]) async throws { try await runFornye(arguments) }

    func temporaryDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fornye-evaluate-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    @Test func theDemoDataGiveALabelledJSONEvaluation() async throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = directory.appendingPathComponent("fornye.sqlite").path
        let json = directory.appendingPathComponent("evaluation.json")
        try await run([
            "evaluate", "--seed-demo", "--comparison", "others", "--format", "json", "--output", json.path,
            "--database-url", database,
        ])
        let text = try String(contentsOf: json, encoding: .utf8)
        #expect(text.contains("\"label\" : \"\(SyntheticLabel.bilingual)\""))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["comparison"] as? String == "others")
        #expect((object["participants"] as? [String])?.count == 18)
        let indicators = try #require(object["indicators"] as? [[String: Any]])
        #expect(indicators.map { $0["id"] as? String } == ["H1", "H2", "H3"])
        #expect(indicators[0]["didPercentagePoints"] is Double)
        #expect((indicators[0]["cells"] as? [Any])?.count == 4)
    }

    /// The whole chain: a register file imported through `fornye programme import`, then evaluated.
    @Test func anImportedRegisterIsEvaluatedAgainstTheStoredWaves() async throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = directory.appendingPathComponent("fornye.sqlite").path
        try await run(["evaluate", "--seed-demo", "--database-url", database])

        // The six municipalities with the most 2018 respondents: three granted, three rejected.
        let runtime = try StorageRuntime(configuration: StorageConfiguration(backend: .sqlite(path: database)))
        let baseline: StoredWave
        do {
            baseline = try await WaveRepository(database: runtime.database).load(slug: DemoContent.baselineSlug)
        } catch {
            await runtime.shutdown()
            throw error
        }
        await runtime.shutdown()
        guard case .texts(let numbers) = try baseline.dataset.column(named: "kommunenummer") else {
            Issue.record("kommunenummer is not text")
            return
        }
        var counts: [String: Int] = [:]
        for number in numbers.compactMap(\.self) { counts[number, default: 0] += 1 }
        let register = try MunicipalityRegister.bundled()
        let from = CalendarDay("2018-01-01")!
        let to = CalendarDay("2020-01-01")!
        let largest = counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map(\.key).filter {
            (try? register.successors(number: $0, from: from, to: to).count) == 1
        }.prefix(6)
        let chosen = Array(largest)
        let csvInput = directory.appendingPathComponent("register.csv")
        var lines = ["kommunenummer;utlysning;soknadsdato;status;prosjektstart"]
        for (index, number) in chosen.enumerated() {
            lines.append(
                index < 3
                    ? "\(number);FORKOMMUNE 2018;2018-04-10;Tilsagn;2018-09-01"
                    : "\(number);FORKOMMUNE 2018;2018-04-10;Avslag;")
        }
        try (lines.joined(separator: "\n") + "\n").write(to: csvInput, atomically: true, encoding: .utf8)
        try await run(["programme", "import", csvInput.path, "--replace", "--database-url", database])

        let json = directory.appendingPathComponent("evaluation.json")
        let csv = directory.appendingPathComponent("evaluation.csv")
        try await run(["evaluate", "--format", "json", "--output", json.path, "--database-url", database])
        try await run(["evaluate", "--format", "csv", "--output", csv.path, "--database-url", database])
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: json)) as? [String: Any])
        let carried = { (slice: ArraySlice<String>) in
            Set(slice.map { try! register.successors(number: $0, from: from, to: to)[0] })
        }
        #expect(Set(object["participants"] as? [String] ?? []) == carried(chosen[0..<3]))
        #expect(Set(object["comparisonMunicipalities"] as? [String] ?? []) == carried(chosen[3..<6]))
        // The waves are synthetic, the register is not: the output is still labelled.
        #expect(object["synthetic"] as? Bool == true)
        let rows = try String(contentsOf: csv, encoding: .utf8).split(separator: "\r\n")
        #expect(rows.count == 4 && rows[0].hasPrefix("indicator,name,comparison,before,after"))
        #expect(
            rows[0].hasSuffix(
                ",withheld,balanced_did_pp,balanced_ci_lower_pp,balanced_ci_upper_pp,balanced_p_value,covariates,datakilde"
            ) && rows[1].hasPrefix("H1,H1 Innoverer,rejected,"))
        #expect(rows.dropFirst().allSatisfy { $0.hasSuffix(SyntheticLabel.marker) })
    }
}
