import Dispatch
import Synchronization

#if os(Linux)
    import Glibc
#endif

/// Makes the group commit's batches durable off the writer's thread.
///
/// With `synchronous = FULL` every commit synced the WAL before the writer could begin the next batch: about 340
/// syncs a second in the closed loop, some 0.4 ms each, during which the one writer did nothing and every write
/// waited for it. The batches now commit with `synchronous = NORMAL` (the frames are written, not synced), and
/// their callers are handed here: one thread syncs the log and then answers every caller whose batch was
/// committed before the sync began, while the writer goes on with the next batch. A caller is still answered
/// only once its write is on the disk, so an order confirmed to a shopper survives a power loss as before.
///
/// Until then other connections may read a committed write (a lookup sees the stock an order holds a moment
/// before the order is answered); no caller is told of a write that a power cut could take back.
final class LogSync: Sendable {
    typealias Finish = @Sendable ((any Error)?) -> Void

    private let sync: @Sendable () throws -> Void
    private let state = Mutex(State())
    private let queue = DispatchQueue(label: "mercato.log-sync", qos: .userInitiated)

    private struct State {
        var waiting: [Finish] = []
        var syncing = false
    }

    /// Syncs with `sync`: the file at `path` (the WAL) unless a test gives its own.
    init(path: String, sync: (@Sendable () throws -> Void)? = nil) {
        self.sync = sync ?? { try WALFile(path: path).sync() }
    }

    /// Answers `finishers` after the next sync of the log that begins from now on.
    func afterSync(_ finishers: [Finish]) {
        let start = state.withLock { state in
            state.waiting.append(contentsOf: finishers)
            defer { state.syncing = true }
            return !state.syncing
        }
        if start { queue.async { self.syncWhileWaiting() } }
    }

    private func syncWhileWaiting() {
        while true {
            let finishers = state.withLock { state in
                let finishers = state.waiting
                state.waiting = []
                if finishers.isEmpty { state.syncing = false }
                return finishers
            }
            guard !finishers.isEmpty else { return }
            var failure: (any Error)?
            do { try sync() } catch { failure = error }
            for finish in finishers { finish(failure) }
        }
    }
}

/// The log file, opened for syncing only (SQLite writes it through its own descriptor; a sync of any descriptor
/// of a file writes all of the file's data).
private struct WALFile {
    let path: String

    func sync() throws {
        let descriptor = open(path, O_RDWR | O_CLOEXEC)
        guard descriptor >= 0 else { throw LogSyncError(path: path, operation: "open", code: errno) }
        defer { close(descriptor) }
        guard fdatasync(descriptor) == 0 else { throw LogSyncError(path: path, operation: "fdatasync", code: errno) }
    }
}

struct LogSyncError: Error, CustomStringConvertible {
    var path: String
    var operation: String
    var code: Int32

    var description: String { "\(operation) of \(path) failed: \(String(cString: strerror(code)))" }
}
