import FornyeFormats
import FornyeStatistics
import FornyeStorage
import Foundation
import Synchronization
import Vapor

/// An uploaded response file between upload and confirm: read once into a table, checked whole
/// with the current mapping (the result kept, so confirming stores exactly what the preview
/// showed), and forgotten on confirm, cancel or after `lifetime`.
struct ImportUpload: Sendable {
    var id: String
    /// The SHA-256 of the uploader's session token: another session cannot see the upload.
    var sessionHash: String
    var waveSlug: String
    var filename: String
    var format: SourceFormat
    /// The file as uploaded: what a confirmed import's job stores, so any instance can run it.
    var data: Data
    var table: SourceTable
    var mapping: ImportMapping
    /// The whole file through `mapping`: the responses to store, or every problem.
    var checked: Result<Dataset, ImportFailure>
    /// The first rows, bindings and ignored columns as the preview shows them.
    var preview: ImportPreview
    var size: Int
    var created: Date
}

/// A confirmed import as its progress page shows it (from `import_jobs`).
struct ImportJob: Sendable {
    enum State: Sendable {
        case waiting
        case storing(done: Int)
        case finished(stored: Int)
        case failed(String)
    }

    var id: String
    var filename: String
    var total: Int
    var state: State

    init(_ record: ImportJobRecord, localProgress: Int?) {
        id = record.id
        filename = record.filename
        total = record.total
        switch record.state {
        case .queued: state = .waiting
        case .running: state = .storing(done: max(record.done, localProgress ?? 0))
        case .finished: state = .finished(stored: record.stored ?? record.done)
        case .failed: state = .failed(record.error ?? "")
        }
    }
}

/// Uploads waiting for confirmation. Uploads are bound to the session that made them, keyed by 256-bit
/// random ids, limited in size (per file and in total) and dropped after `lifetime`. With a
/// spool (`fornye serve` has one under the data directory) each upload's file and mapping are
/// also on disk: a restart keeps pending uploads (read again on first use), and only the newest
/// `maximumMemorySize` bytes of uploads stay parsed in memory. With several instances the spool
/// must be one shared directory (`FORNYE_IMPORT_SPOOL`), so that any instance finds an upload.
/// Confirmed imports are jobs in the database (`ImportJobRunner`).
final class ImportUploadStore: Sendable {
    let maximumFileSize: Int
    let maximumTotalSize: Int
    let maximumMemorySize: Int
    let lifetime: TimeInterval
    let spool: ImportSpool?

    private struct State {
        var uploads: [String: ImportUpload] = [:]
    }

    private let state = Mutex(State())

    init(
        maximumFileSize: Int = 50 << 20, maximumTotalSize: Int = 400 << 20, maximumMemorySize: Int = 100 << 20,
        lifetime: TimeInterval = 3600, spool: ImportSpool? = nil
    ) {
        self.maximumFileSize = maximumFileSize
        self.maximumTotalSize = maximumTotalSize
        self.maximumMemorySize = maximumMemorySize
        self.lifetime = lifetime
        self.spool = spool
    }

    enum Refusal: Error {
        case full
        case unsaved
    }

    static func newID() -> String {
        let bytes = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }
        return bytes.base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// Keeps `upload` (and, with a spool, `data`, the file as uploaded; nil keeps the file already
    /// spooled); refused when the uploads kept would exceed `maximumTotalSize`.
    func put(_ upload: ImportUpload, data: Data? = nil, now: Date = Date()) throws(Refusal) {
        try state.withLock { (state: inout State) throws(Refusal) in
            let cutoff = now.addingTimeInterval(-lifetime)
            Self.expire(&state, before: cutoff)
            let isNew = state.uploads[upload.id] == nil && spool?.entry(upload.id) == nil
            let total = spool?.expire(before: cutoff) ?? state.uploads.values.reduce(0) { $0 + $1.size }
            if isNew, total + upload.size > maximumTotalSize { throw .full }
            if let spool {
                let entry = ImportSpool.Entry(
                    id: upload.id, sessionHash: upload.sessionHash, waveSlug: upload.waveSlug,
                    filename: upload.filename, format: upload.format,
                    mappingYAML: (try? upload.mapping.yaml()) ?? "", size: upload.size, created: upload.created)
                do { try spool.save(entry, data: data) } catch { throw .unsaved }
                // The oldest parsed tables leave memory first; their files stay in the spool.
                var inMemory = state.uploads.values.filter { $0.id != upload.id }.reduce(0) { $0 + $1.size }
                for old in state.uploads.values.sorted(by: { $0.created < $1.created })
                where old.id != upload.id && inMemory + upload.size > maximumMemorySize {
                    state.uploads[old.id] = nil
                    inMemory -= old.size
                }
            }
            state.uploads[upload.id] = upload
        }
    }

    /// The upload if it exists in memory, is not expired and belongs to `session`.
    func upload(_ id: String, session: String?, now: Date = Date()) -> ImportUpload? {
        state.withLock { state in
            Self.expire(&state, before: now.addingTimeInterval(-lifetime))
            guard let upload = state.uploads[id], let session, upload.sessionHash == session else { return nil }
            return upload
        }
    }

    /// A spooled upload not in memory (after a restart, or evicted): its entry and file, if it
    /// belongs to `session` and is not expired. The caller reads and checks it again and `put`s it.
    func spooled(_ id: String, session: String?, now: Date = Date()) -> (ImportSpool.Entry, Data)? {
        state.withLock { _ in
            guard let spool, let session, let entry = spool.entry(id), entry.sessionHash == session,
                entry.created >= now.addingTimeInterval(-lifetime), let data = spool.data(id)
            else { return nil }
            return (entry, data)
        }
    }

    func remove(_ id: String) {
        state.withLock { state in
            state.uploads[id] = nil
            spool?.remove(id)
        }
    }

    var uploadCount: Int { state.withLock { $0.uploads.count } }

    private static func expire(_ state: inout State, before cutoff: Date) {
        state.uploads = state.uploads.filter { $0.value.created >= cutoff }
    }
}

struct ImportUploadStoreKey: StorageKey {
    typealias Value = ImportUploadStore
}

extension Application {
    /// Uploaded response files waiting for confirmation.
    var importUploads: ImportUploadStore {
        if let store = storage[ImportUploadStoreKey.self] { return store }
        fatalError("FornyeApp.configure was not called on this Application")
    }
}
