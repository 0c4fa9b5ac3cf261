import Crypto
import FluentKit
import FornyeTestSupport
import Foundation
import Testing

@testable import FornyeStorage

/// Enrolment, sign-in checks, recovery codes and removal, on SQLite and (when configured) PostgreSQL.
@Suite struct SecondFactorStoreTests {
    @Test(arguments: TestDatabase.all)
    func enrolVerifyOnceRecoverOnceRemove(backend: TestDatabase) async throws {
        try await backend.withRuntime { runtime in
            let database = runtime.database
            let user = try await UserStore(database: database).create(
                email: "analytiker@example.no", displayName: "A", role: .analyst, municipalityNumber: nil,
                passwordHash: "$2b$04$x")
            let userID = try user.requireID()
            let key = SymmetricKey(size: .bits256)
            let store = SecondFactorStore(database: database, key: key)
            #expect(try await store.status(userID: userID) == .off)

            let totp = try await store.begin(userID: userID)
            #expect(try await store.status(userID: userID) == .pending)
            #expect(try await store.pending(userID: userID)?.secret == totp.secret)
            // Pending is not on: sign-in does not ask for a code yet, and no code passes.
            #expect(try await !store.isOn(userID: userID))
            let now = Date(timeIntervalSince1970: 1_800_000_000)
            let step = TOTP.step(at: now)
            #expect(try await !store.verify(userID: userID, code: totp.code(step: step), at: now))

            await #expect(throws: SecondFactorError.wrongCode) {
                try await store.confirm(
                    userID: userID, code: "000000" == totp.code(step: step) ? "111111" : "000000", at: now)
            }
            let codes = try await store.confirm(userID: userID, code: totp.code(step: step), at: now)
            #expect(codes.count == RecoveryCodes.count)
            #expect(try await store.status(userID: userID) == .on(unusedRecoveryCodes: 10))
            await #expect(throws: SecondFactorError.alreadyOn) { try await store.begin(userID: userID) }

            // The code that confirmed is spent; the next step's code passes once.
            #expect(try await !store.verify(userID: userID, code: totp.code(step: step), at: now))
            let later = now.addingTimeInterval(30)
            #expect(try await store.verify(userID: userID, code: totp.code(step: step + 1), at: later))
            #expect(try await !store.verify(userID: userID, code: totp.code(step: step + 1), at: later))

            // A recovery code works once, however it is typed.
            #expect(try await store.verify(userID: userID, code: codes[3].lowercased(), at: later))
            #expect(try await !store.verify(userID: userID, code: codes[3], at: later))
            #expect(try await store.status(userID: userID) == .on(unusedRecoveryCodes: 9))
            #expect(try await !store.verify(userID: userID, code: "AAAAA-AAAAA", at: later))

            // New codes replace the old ones.
            let fresh = try await store.replaceRecoveryCodes(userID: userID)
            #expect(try await !store.verify(userID: userID, code: codes[4], at: later))
            #expect(try await store.verify(userID: userID, code: fresh[0], at: later))

            // The secret is sealed: the stored text is not the base32 key, and another key cannot open it.
            let record = try #require(try await store.factor(userID))
            #expect(!record.sealedSecret.contains(Base32.encode(totp.secret)))
            let stranger = SecondFactorStore(database: database, key: SymmetricKey(size: .bits256))
            #expect(throws: (any Error).self) { try stranger.open(record.sealedSecret) }

            try await store.remove(userID: userID)
            #expect(try await store.status(userID: userID) == .off)
            #expect(try await RecoveryCodeRecord.query(on: database).count() == 0)
        }
    }
}
