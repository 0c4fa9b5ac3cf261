import FornyeFormats
import FornyeStatistics
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
    var table: SourceTable
    var mapping: ImportMapping
    /// The whole file through `mapping`: the responses to store, or every problem.
    var checked: Result<Dataset, ImportFailure>
    /// The first rows, bindings and ignored columns as the preview shows them.
    var preview: ImportPreview
    var size: Int
    var created: Date
}

/// A confirmed import running in the background, with the rows stored so far.
struct ImportJob: Sendable {
    enum State: Sendable {
        case checking
        case storing(done: Int)
        case finished(stored: Int)
        case failed(String)
    }

    var id: String
    var sessionHash: String
    var waveSlug: String
    var filename: String
    var total: Int
    var state: State
    var created: Date
}

/// Uploads and import jobs of this process, in memory. Uploads are bound to the session that
/// made them, keyed by 256-bit random ids, limited in size (per file and in total) and dropped
/// after `lifetime`; a restart forgets them (the analyst uploads again; nothing was stored).
final class ImportUploadStore: Sendable {
    let maximumFileSize: Int
    let maximumTotalSize: Int
    let lifetime: TimeInterval

    private struct State {
        var uploads: [String: ImportUpload] = [:]
        var jobs: [String: ImportJob] = [:]
    }

    private let state = Mutex(State())

    init(maximumFileSize: Int = 50 << 20, maximumTotalSize: Int = 400 << 20, lifetime: TimeInterval = 3600) {
        self.maximumFileSize = maximumFileSize
        self.maximumTotalSize = maximumTotalSize
        self.lifetime = lifetime
    }

    enum Refusal: Error {
        case full
    }

    static func newID() -> String {
        let bytes = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }
        return bytes.base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// Keeps `upload`; refused when the uploads kept would exceed `maximumTotalSize`.
    func put(_ upload: ImportUpload, now: Date = Date()) throws(Refusal) {
        try state.withLock { (state: inout State) throws(Refusal) in
            Self.expire(&state, before: now.addingTimeInterval(-lifetime))
            let total = state.uploads.values.reduce(0) { $0 + $1.size }
            if state.uploads[upload.id] == nil, total + upload.size > maximumTotalSize { throw .full }
            state.uploads[upload.id] = upload
        }
    }

    /// The upload if it exists, is not expired and belongs to `session`.
    func upload(_ id: String, session: String?, now: Date = Date()) -> ImportUpload? {
        state.withLock { state in
            Self.expire(&state, before: now.addingTimeInterval(-lifetime))
            guard let upload = state.uploads[id], let session, upload.sessionHash == session else { return nil }
            return upload
        }
    }

    func remove(_ id: String) {
        state.withLock { $0.uploads[id] = nil }
    }

    var uploadCount: Int { state.withLock { $0.uploads.count } }

    func putJob(_ job: ImportJob) {
        state.withLock { $0.jobs[job.id] = job }
    }

    func updateJob(_ id: String, _ change: (inout ImportJob) -> Void) {
        state.withLock { state in
            if var job = state.jobs[id] {
                change(&job)
                state.jobs[id] = job
            }
        }
    }

    func job(_ id: String, session: String?) -> ImportJob? {
        state.withLock { state in
            guard let job = state.jobs[id], let session, job.sessionHash == session else { return nil }
            return job
        }
    }

    private static func expire(_ state: inout State, before cutoff: Date) {
        state.uploads = state.uploads.filter { $0.value.created >= cutoff }
        state.jobs = state.jobs.filter { job in
            if case .storing = job.value.state { return true }
            if case .checking = job.value.state { return true }
            return job.value.created >= cutoff
        }
    }
}

struct ImportUploadStoreKey: StorageKey {
    typealias Value = ImportUploadStore
}

extension Application {
    /// Uploaded response files waiting for confirmation, and running imports.
    var importUploads: ImportUploadStore {
        if let store = storage[ImportUploadStoreKey.self] { return store }
        fatalError("FornyeApp.configure was not called on this Application")
    }
}
