import FornyeBarometer
import Foundation
import Synchronization
import Vapor

/// A register file read and checked whole, waiting for the analyst to confirm it: the lines to
/// store, bound to the session that uploaded them, forgotten on confirm or after `lifetime`.
struct ProgrammeUpload: Sendable {
    var id: String
    var sessionHash: String
    var filename: String
    var lines: [ProgrammeApplication]
    var created: Date
}

/// Checked register files between upload and confirm. Register files are small (one line per
/// application), so they are kept in memory only, at most `maximumUploads` at a time.
final class ProgrammeUploadStore: Sendable {
    let maximumUploads: Int
    let lifetime: TimeInterval
    private let uploads = Mutex([String: ProgrammeUpload]())

    init(maximumUploads: Int = 50, lifetime: TimeInterval = 3600) {
        self.maximumUploads = maximumUploads
        self.lifetime = lifetime
    }

    /// Keeps `upload`; false when `maximumUploads` are already waiting.
    func put(_ upload: ProgrammeUpload, now: Date = Date()) -> Bool {
        uploads.withLock { uploads in
            uploads = uploads.filter { $0.value.created >= now.addingTimeInterval(-lifetime) }
            guard uploads.count < maximumUploads else { return false }
            uploads[upload.id] = upload
            return true
        }
    }

    /// The upload if it is not expired and belongs to `session`.
    func upload(_ id: String, session: String?, now: Date = Date()) -> ProgrammeUpload? {
        uploads.withLock { uploads in
            guard let upload = uploads[id], let session, upload.sessionHash == session,
                upload.created >= now.addingTimeInterval(-lifetime)
            else { return nil }
            return upload
        }
    }

    func remove(_ id: String) {
        _ = uploads.withLock { $0.removeValue(forKey: id) }
    }
}

struct ProgrammeUploadStoreKey: StorageKey {
    typealias Value = ProgrammeUploadStore
}

extension Application {
    /// Checked register files waiting for confirmation.
    var programmeUploads: ProgrammeUploadStore {
        if let store = storage[ProgrammeUploadStoreKey.self] { return store }
        fatalError("FornyeApp.configure was not called on this Application")
    }
}
