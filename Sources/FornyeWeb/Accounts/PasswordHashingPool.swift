import NIOPosix
import Vapor

/// Threads of their own for bcrypt. A hash takes about a quarter of a second on purpose; on the
/// app's blocking pool, which also runs every SQLite query and file read, a burst of sign-ins
/// would hold every page's queries behind it.
struct PasswordHashingPool: LifecycleHandler {
    let threads: NIOThreadPool

    init(numberOfThreads: Int) {
        threads = NIOThreadPool(numberOfThreads: max(1, numberOfThreads))
        threads.start()
    }

    func shutdownAsync(_ application: Application) async {
        try? await threads.shutdownGracefully()
    }
}

struct PasswordHashingPoolKey: StorageKey {
    typealias Value = PasswordHashingPool
}

extension Application {
    /// The bcrypt pool set up by `FornyeApp.configure` (the app's blocking pool before that).
    var passwordHashingThreads: NIOThreadPool {
        storage[PasswordHashingPoolKey.self]?.threads ?? threadPool
    }
}
