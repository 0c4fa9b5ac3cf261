import FornyeBarometer
import FornyeStorage
import FornyeWeb
import Foundation
import Vapor
import VaporTesting

/// A wave being collected, for tests: a small sample frame, open, with one link per unit.
struct CollectionFixture {
    var wave: WaveRecord
    var tokens: [String]
    var unitIDs: [UUID]

    static let frameCSV = """
        enhet,kommunenummer,sektor,enhetstype,epost,kontaktperson
        Solsiden sykehjem,0301,1,1,post@solsiden.example,Kari Nordmann
        Fjellet skole,4601,2,5,rektor@fjellet.example,
        Havet barnehage,4601,Utdanning og oppvekst,Barnehage,styrer@havet.example,Ola
        Elva videregående,,2,6,post@elva.example,
        """

    static func make(
        _ app: Application, mode: CollectionMode = .anonymous, slug: String = "2026-test", open: Bool = true,
        minimumGroup: Int = 1, privacy: WavePrivacy? = nil
    ) async throws -> CollectionFixture {
        let instrument = try Instrument.innovasjonsbarometer2018
        let day = CalendarDay("2026-03-01")!
        let frame = SampleFrame(
            csv: Data(frameCSV.utf8), file: "utvalg.csv", instrument: instrument,
            register: try MunicipalityRegister.bundled(),
            on: day)
        precondition(frame.isValid, "\(frame.issues)")
        let repository = CollectionRepository(database: app.db)
        let wave = try await repository.createWave(
            slug: slug, title: "Testbølge", instrument: instrument, mode: mode, structureDate: day, units: frame.units,
            privacy: privacy, minimumGroup: minimumGroup)
        let units = try await repository.units(waveID: wave.requireID())
        let tokens = try await repository.makeLinksForTesting(waveID: wave.requireID(), tokens: app.invitationTokens)
        if open { try await repository.setStatus(.open, waveID: wave.requireID()) }
        return CollectionFixture(wave: wave, tokens: tokens, unitIDs: try units.map { try $0.requireID() })
    }
}

/// POSTs a URL-encoded form as a respondent's browser would: with the CSRF cookie and token of a
/// page it was shown (`publicHeaders` unless `headers` are given); repeated names are kept.
func postForm(
    _ app: Application, _ path: String, _ fields: [(String, String)], headers given: HTTPHeaders? = nil
) async throws -> TestingHTTPResponse {
    var headers: HTTPHeaders
    if let given { headers = given } else { headers = try await publicHeaders(app) }
    let allowed = CharacterSet.alphanumerics.union(.init(charactersIn: "-_."))
    let body = ([("_csrf", headers.csrfToken)] + fields).map { (name: String, value: String) -> String in
        let encodedName: String = name.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
        let encodedValue: String = value.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
        return encodedName + "=" + encodedValue
    }.joined(separator: "&")
    headers.contentType = .urlEncodedForm
    return try await app.testing().sendRequest(.POST, path, headers: headers, body: ByteBuffer(string: body))
}

/// The answers of a unit without innovation: background, four "no", development under way.
let nonInnovatorPages: [[(String, String)]] = [
    [("kommunenummer", "0301"), ("sector", "1"), ("unit_type", "1"), ("role", "1")],
    [
        ("innovated_service", "2"), ("innovated_product", "2"), ("innovated_organisation", "2"),
        ("innovated_communication", "2"),
    ],
    [("development_underway", "1")],
]
