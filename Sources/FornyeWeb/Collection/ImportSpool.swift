import FornyeFormats
import Foundation

/// Pending response uploads on disk, so that a restart keeps them: the file as uploaded and what
/// was chosen for it (format, mapping), never the parsed table (it is read again on demand).
/// One directory, two files an upload: `<id>.json` and `<id>.upload`, readable by the owner only.
/// The id is the upload's 256-bit random id; anything else is refused before it reaches a path.
struct ImportSpool: Sendable {
    let directory: URL

    struct Entry: Codable, Sendable, Equatable {
        var id: String
        var sessionHash: String
        var waveSlug: String
        var filename: String
        var format: SourceFormat
        var mappingYAML: String
        var size: Int
        var created: Date
    }

    /// 43 characters of base64url: what `ImportUploadStore.newID` makes, and nothing that can
    /// name another file.
    static func isValidID(_ id: String) -> Bool {
        id.utf8.count == 43
            && id.utf8.allSatisfy { byte in
                (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                    || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                    || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-")
                    || byte == UInt8(ascii: "_")
            }
    }

    private func url(_ id: String, _ suffix: String) -> URL { directory.appendingPathComponent(id + suffix) }

    /// Writes the entry, and the file when given (a new mapping keeps the file already there).
    func save(_ entry: Entry, data: Data?) throws {
        guard Self.isValidID(entry.id) else { throw CocoaError(.fileWriteInvalidFileName) }
        let files = FileManager.default
        try files.createDirectory(
            at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        if let data {
            try data.write(to: url(entry.id, ".upload"), options: .atomic)
            try files.setAttributes([.posixPermissions: 0o600], ofItemAtPath: url(entry.id, ".upload").path)
        }
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        try encoder.encode(entry).write(to: url(entry.id, ".json"), options: .atomic)
        try files.setAttributes([.posixPermissions: 0o600], ofItemAtPath: url(entry.id, ".json").path)
    }

    func entry(_ id: String) -> Entry? {
        guard Self.isValidID(id), let json = try? Data(contentsOf: url(id, ".json")) else { return nil }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try? decoder.decode(Entry.self, from: json)
    }

    func data(_ id: String) -> Data? {
        guard Self.isValidID(id) else { return nil }
        return try? Data(contentsOf: url(id, ".upload"))
    }

    func remove(_ id: String) {
        guard Self.isValidID(id) else { return }
        try? FileManager.default.removeItem(at: url(id, ".json"))
        try? FileManager.default.removeItem(at: url(id, ".upload"))
    }

    /// Deletes every upload made before `cutoff` (and any file without a readable entry); returns
    /// the bytes of the uploads kept.
    @discardableResult
    func expire(before cutoff: Date) -> Int {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        var kept = 0
        for id in Set(names.compactMap { name in name.split(separator: ".").first.map(String.init) }) {
            if let entry = entry(id), entry.created >= cutoff {
                kept += entry.size
            } else if Self.isValidID(id) {
                remove(id)
            }
        }
        return kept
    }
}
