import FornyeStatistics
import FornyeStorage
import Vapor
import VaporTesting

@testable import FornyeWeb

extension Application {
    /// GETs a path and returns the response (status, headers, body).
    func get(_ path: String, headers: HTTPHeaders = [:]) async throws -> TestingHTTPResponse {
        var result: TestingHTTPResponse?
        try await testing().test(.GET, path, headers: headers) { response in result = response }
        return result!
    }

    /// The demo wave as the web layer prepared it (calibrated design).
    func preparedDemoWave(_ slug: String = DemoContent.baselineSlug) async throws -> PreparedWave {
        let stored = try await WaveRepository(database: db).load(slug: slug)
        return try BarometerStore.prepare(stored, status: .published)
    }
}

/// Reads a CSV (as `FigureCSV.text` writes it: quoted fields, CRLF) into header and rows.
func parseCSV(_ text: String) -> (header: [String], rows: [[String]]) {
    var records: [[String]] = []
    var record: [String] = []
    var field = ""
    var quoted = false
    var iterator = Array(text).makeIterator()
    var pending: Character?
    while let character = pending ?? iterator.next() {
        pending = nil
        if quoted {
            if character == "\"" {
                if let next = iterator.next() {
                    if next == "\"" { field.append("\"") } else { quoted = false; pending = next }
                } else {
                    quoted = false
                }
            } else {
                field.append(character)
            }
            continue
        }
        switch character {
        case "\"": quoted = true
        case ",":
            record.append(field)
            field = ""
        case "\r\n", "\n":
            record.append(field)
            records.append(record)
            record = []
            field = ""
        default: field.append(character)
        }
    }
    if !field.isEmpty || !record.isEmpty { records.append(record + [field]) }
    return (records.first ?? [], Array(records.dropFirst()))
}
