import ArgumentParser
import FornyeBarometer
import FornyeFormats
import FornyeStorage
import FornyeWeb
import Foundation

/// `fornye wave-create`: the analyst page's "new wave" from the command line, for scripted
/// set-ups and the reliability test: sample frame in, invitation links out.
struct WaveCreateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wave-create",
        abstract: "Create a wave from a sample frame (CSV) and write one invitation link per unit.",
        discussion: """
            The frame has the columns enhet, kommunenummer, sektor, enhetstype, epost and optionally \
            kontaktperson; any error (with its row and column) refuses the whole file. The links are \
            written once to --links (CSV); only their SHA-256 is stored.
            """)

    @OptionGroup var storage: StorageOptions

    @Option(help: "The wave's short name, used in addresses.") var slug: String
    @Option(help: "The wave's title.") var title: String
    @Option(help: "anonymous or identified.") var mode: String = "anonymous"
    @Option(help: "Day of the municipal structure to check kommunenummer against (YYYY-MM-DD).")
    var date: String = CalendarDay(Date()).description
    @Option(name: .customLong("sample-frame"), help: "The sample frame CSV file.") var sampleFrame: String
    @Option(help: "Where to write the invitation links (CSV).") var links: String
    @Option(name: .customLong("base-url"), help: "The address respondents reach Fornye at.")
    var baseURL: String = "http://127.0.0.1:8080"
    @Flag(help: "Open the wave for answers at once.") var open = false

    func run() async throws {
        guard let mode = CollectionMode(rawValue: mode) else {
            throw ValidationError("--mode is anonymous or identified")
        }
        guard let day = CalendarDay(date) else { throw ValidationError("--date must be YYYY-MM-DD") }
        let data = try Data(contentsOf: URL(fileURLWithPath: sampleFrame))
        let instrument = try Instrument.innovasjonsbarometer2018
        let frame = SampleFrame(
            csv: data, file: URL(fileURLWithPath: sampleFrame).lastPathComponent, instrument: instrument,
            register: try MunicipalityRegister.bundled(), on: day)
        guard frame.isValid else {
            throw ValidationError(frame.issues.map { "\(sampleFrame), \($0)" }.joined(separator: "\n"))
        }
        let runtime = try StorageRuntime(configuration: try storage.configuration())
        do {
            try await runtime.migrate()
            let repository = CollectionRepository(database: runtime.database)
            let wave = try await repository.createWave(
                slug: slug, title: title, instrument: instrument, mode: mode, structureDate: day, units: frame.units)
            let waveID = try wave.requireID()
            var tokens: [UUID: String] = [:]
            for unit in try await repository.units(waveID: waveID) {
                tokens[try unit.requireID()] = InvitationToken.generate()
            }
            let invited = try await repository.reinvite(waveID: waveID, hashes: tokens.mapValues(InvitationToken.hash))
            let rows =
                try [["enhet", "epost", "lenke"]]
                + invited.map { [$0.name, $0.contactEmail, "\(baseURL)/svar/\(tokens[try $0.requireID()]!)"] }
            try CSVTable.write(rows).write(toFile: links, atomically: true, encoding: .utf8)
            if open { try await repository.setStatus(.open, waveID: waveID) }
            print("wave \(slug): \(frame.units.count) units, \(invited.count) links in \(links)\(open ? ", open" : "")")
        } catch {
            await runtime.shutdown()
            throw error
        }
        await runtime.shutdown()
    }
}
