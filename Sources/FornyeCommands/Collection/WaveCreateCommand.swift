import ArgumentParser
import FornyeBarometer
import FornyeFormats
import FornyeStorage
import Foundation

/// `fornye wave-create`: the analyst page's "new wave" from the command line, for scripted
/// set-ups and the reliability test: sample frame in, invitation links out.
struct WaveCreateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wave-create",
        abstract: "Create a wave from a sample frame (CSV) and write one invitation link per unit.",
        discussion: """
            The frame has the columns enhet, kommunenummer, sektor, enhetstype, epost and optionally \
            kontaktperson; any error (with its row and column) refuses the whole file. The links go to \
            --links (CSV); only their SHA-256 is stored, and they are derived from the server secret \
            (FORNYE_SECRET_KEY, FORNYE_SECRET_KEY_FILE or secret.key beside the database), so \
            `fornye serve` on the same data shows the same links. Respondents are told --organizer, \
            --contact-email, --purpose and --retention-until before they answer. An anonymous wave needs \
            at least 5 units and stores only coarsened background (see docs/COLLECTION.md).
            """)

    @OptionGroup var storage: StorageOptions

    @Option(help: "The wave's short name, used in addresses.") var slug: String
    @Option(help: "The wave's title.") var title: String
    @Option(help: "One sentence under the title on the results page (default: a general sentence).")
    var subtitle: String?
    @Option(help: "anonymous or identified.") var mode: String = "anonymous"
    @Option(help: "Day of the municipal structure to check kommunenummer against (YYYY-MM-DD).")
    var date: String = CalendarDay(Date()).description
    @Option(name: .customLong("sample-frame"), help: "The sample frame CSV file.") var sampleFrame: String
    @Option(help: "Where to write the invitation links (CSV).") var links: String
    @Option(
        name: .customLong("base-url"),
        help: "The address respondents reach Fornye at (default FORNYE_PUBLIC_URL, else http://127.0.0.1:8080).")
    var baseURL: String?
    @Option(help: "Who collects the answers, as respondents are told (e.g. KS).") var organizer: String
    @Option(name: .customLong("contact-email"), help: "The e-mail address respondents can ask.")
    var contactEmail: String
    @Option(help: "Why the answers are collected (default: the instrument's own text).") var purpose: String?
    @Option(name: .customLong("retention-until"), help: "The day by which the answers are deleted (YYYY-MM-DD).")
    var retentionUntil: String
    @Flag(help: "Open the wave for answers at once.") var open = false

    func run() async throws {
        guard let mode = CollectionMode(rawValue: mode) else {
            throw ValidationError("--mode is anonymous or identified")
        }
        guard let day = CalendarDay(date) else { throw ValidationError("--date must be YYYY-MM-DD") }
        let environment = ProcessInfo.processInfo.environment
        let privacy: WavePrivacy
        switch WavePrivacy.check(
            organizer: organizer, contactEmail: contactEmail, purpose: purpose, retentionUntil: retentionUntil,
            today: CalendarDay(Date()))
        {
        case .success(let checked): privacy = checked
        case .failure(let list):
            let options = [
                "organizer": "--organizer", "contact_email": "--contact-email", "purpose": "--purpose",
                "retention_until": "--retention-until",
            ]
            throw ValidationError(
                list.problems.map { "\(options[$0.field] ?? $0.field): \($0.en)" }.joined(separator: "\n"))
        }
        let checkedSubtitle: String?
        switch WaveSubtitle.check(subtitle) {
        case .success(let checked): checkedSubtitle = checked
        case .failure(let list): throw ValidationError("--subtitle: \(list.problems.map(\.en).joined(separator: " "))")
        }
        let base =
            baseURL ?? environment["FORNYE_PUBLIC_URL"].flatMap { $0.isEmpty ? nil : $0 } ?? "http://127.0.0.1:8080"
        let data = try Data(contentsOf: URL(fileURLWithPath: sampleFrame))
        let instrument = try Instrument.innovasjonsbarometer2018
        let frame = SampleFrame(
            csv: data, file: URL(fileURLWithPath: sampleFrame).lastPathComponent, instrument: instrument,
            register: try MunicipalityRegister.bundled(), on: day)
        guard frame.isValid else {
            throw ValidationError(frame.issues.map { "\(sampleFrame), \($0)" }.joined(separator: "\n"))
        }
        let configuration = try storage.configuration()
        let tokens: InvitationTokens
        do {
            tokens = InvitationTokens(secret: try ServerSecret.load(storage: configuration, environment: environment))
        } catch {
            throw ValidationError("\(error)")
        }
        let runtime = try StorageRuntime(configuration: configuration)
        do {
            try await runtime.migrate()
            let repository = CollectionRepository(database: runtime.database)
            let wave = try await repository.createWave(
                slug: slug, title: title, instrument: instrument, mode: mode, structureDate: day, units: frame.units,
                privacy: privacy, subtitle: checkedSubtitle)
            let waveID = try wave.requireID()
            try await repository.makeMissingLinks(waveID: waveID, tokens: tokens)
            let rows =
                [["enhet", "epost", "lenke"]]
                + (try await repository.links(waveID: waveID, tokens: tokens)).compactMap { link -> [String]? in
                    guard case .link(let token) = link.state else { return nil }
                    return [link.unit.name, link.unit.contactEmail, "\(base)/svar/\(token)"]
                }
            try CSVTable.write(rows).write(toFile: links, atomically: true, encoding: .utf8)
            if open { try await repository.setStatus(.open, waveID: waveID) }
            print(
                "wave \(slug): \(frame.units.count) units, \(rows.count - 1) links in \(links)\(open ? ", open" : "")")
        } catch {
            await runtime.shutdown()
            throw error
        }
        await runtime.shutdown()
    }
}
