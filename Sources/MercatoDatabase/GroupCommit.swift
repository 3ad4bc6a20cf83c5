import GRDB
import Synchronization

/// Writes that arrive together share one SQLite transaction: each runs in its own savepoint (a write that
/// throws rolls back only itself), and every caller is answered after the one commit, never before. Under load
/// a checkout's order, stock hold and payment rows reach the WAL with dozens of others in one append instead of
/// each paying for its own commit; alone, a write is its own transaction as before. With a database file, the
/// callers are answered once the log is synced, by ``LogSync`` while the writer goes on with the next batch.
final class GroupCommit: Sendable {
    private let writer: any DatabaseWriter
    private let logSync: LogSync?
    private let queue = Mutex(Queue())

    private struct Queue {
        var jobs: [Job] = []
        var draining = false
    }

    /// A write waiting for its turn, and how to answer its caller once the transaction is over.
    private struct Job: Sendable {
        /// Runs the write in a savepoint and keeps its outcome.
        var run: @Sendable (Database) -> Void
        /// Answers the caller: with the commit's error if there is one, else with the write's own outcome.
        var finish: @Sendable ((any Error)?) -> Void
    }

    /// Each batch takes at most this many writes, so that a commit is never far away.
    static let batchLimit = 256

    init(writer: any DatabaseWriter, logSync: LogSync? = nil) {
        self.writer = writer
        self.logSync = logSync ?? (writer as? DatabasePool).map { LogSync(path: $0.path + "-wal") }
    }

    func write<T: Sendable>(_ updates: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let outcome = Outcome<T>()
            enqueue(
                Job(
                    run: { db in
                        outcome.result = Result { try Self.inSavepoint(db, updates) }
                    },
                    finish: { commitError in
                        if let commitError {
                            continuation.resume(throwing: commitError)
                        } else {
                            continuation.resume(with: outcome.result ?? .failure(GroupCommitError.notRun))
                        }
                    }))
        }
    }

    /// Runs one write in its own savepoint, through statements prepared once per connection: GRDB's
    /// `inSavepoint` parses its SAVEPOINT and RELEASE again on every call, twenty-odd times per purchase.
    private static func inSavepoint<T>(_ db: Database, _ updates: (Database) throws -> T) throws -> T {
        try db.cachedStatement(sql: "SAVEPOINT job").execute()
        do {
            let value = try updates(db)
            try db.cachedStatement(sql: "RELEASE SAVEPOINT job").execute()
            return value
        } catch {
            // After some errors SQLite has rolled the whole transaction back already: then drain() stops the batch.
            if db.isInsideTransaction {
                try? db.cachedStatement(sql: "ROLLBACK TRANSACTION TO SAVEPOINT job").execute()
                try? db.cachedStatement(sql: "RELEASE SAVEPOINT job").execute()
            }
            throw error
        }
    }

    private func enqueue(_ job: Job) {
        let startDraining = queue.withLock { queue in
            queue.jobs.append(job)
            defer { queue.draining = true }
            return !queue.draining
        }
        guard startDraining else { return }
        writer.asyncWriteWithoutTransaction { db in self.drain(db) }
    }

    /// Commits batches until no write is waiting, at the writer's raised priority (see ``WriterPriority``). With
    /// a ``LogSync`` the batches commit without syncing the log, and the connection's own setting (`FULL`, for the
    /// writes that do not come through here) is put back after.
    private func drain(_ db: Database) {
        WriterPriority.raised {
            guard logSync != nil, let own = try? Int.fetchOne(db.cachedStatement(sql: "PRAGMA synchronous")) else {
                return drainBatches(db)
            }
            try? db.cachedStatement(sql: "PRAGMA synchronous = NORMAL").execute()
            drainBatches(db)
            try? db.cachedStatement(sql: "PRAGMA synchronous = \(own)").execute()
        }
    }

    private func drainBatches(_ db: Database) {
        while true {
            let batch = queue.withLock { queue in
                let batch = Array(queue.jobs.prefix(Self.batchLimit))
                queue.jobs.removeFirst(batch.count)
                if batch.isEmpty { queue.draining = false }
                return batch
            }
            guard !batch.isEmpty else { return }
            do {
                try db.inTransaction(.immediate) {
                    for job in batch {
                        // SQLite rolls a whole transaction back after some errors (disk full, I/O): then nothing
                        // more may run in it, and the commit below reports the failure to every caller.
                        guard db.isInsideTransaction else { throw GroupCommitError.transactionAborted }
                        job.run(db)
                    }
                    return .commit
                }
                if let logSync {
                    logSync.afterSync(batch.map(\.finish))
                } else {
                    for job in batch { job.finish(nil) }
                }
            } catch {
                for job in batch { job.finish(error) }
            }
        }
    }
}

/// The outcome of one write, set on the writer's thread before the commit and read after it.
private final class Outcome<T: Sendable>: @unchecked Sendable {
    var result: Result<T, any Error>?
}

enum GroupCommitError: Error {
    case notRun
    case transactionAborted
}
