import GRDB
import Synchronization

/// Reads that arrive together share one read transaction on one of the pool's connections: each runs in turn
/// and its caller is answered as soon as it has its value. GRDB's own `read` takes three trips between
/// threads per read (the pool's waiting queue, the reader's queue, back to the caller); under load they are
/// where reads waited, while writes, batched by ``GroupCommit``, did not.
///
/// A batch's snapshot begins with its first statement, after every read in it was asked for, so a read sees
/// every write committed before it was asked for (a shopper reads what they just wrote).
final class GroupRead: Sendable {
    private let reader: any DatabaseReader
    private let concurrency: Int
    private let state = Mutex(State())

    private struct State {
        var jobs: [Job] = []
        var running = 0
    }

    /// A read waiting for its turn; answers its caller itself.
    private typealias Job = @Sendable (Result<Database, any Error>) -> Void

    /// Each batch takes at most this many reads, so that a connection is never held for long.
    static let batchLimit = 64

    /// `concurrency`: how many batches may run at once, each on its own connection.
    init(reader: any DatabaseReader, concurrency: Int) {
        self.reader = reader
        self.concurrency = concurrency
    }

    func read<T: Sendable>(_ value: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            enqueue { database in continuation.resume(with: Result { try value(database.get()) }) }
        }
    }

    private func enqueue(_ job: @escaping Job) {
        let startBatch = state.withLock { state in
            state.jobs.append(job)
            guard state.running < concurrency else { return false }
            state.running += 1
            return true
        }
        if startBatch { runBatch() }
    }

    /// Runs the waiting reads in one transaction, then goes on while more wait.
    private func runBatch() {
        reader.asyncRead { database in
            let batch = self.state.withLock { state in
                let batch = state.jobs.prefix(Self.batchLimit)
                state.jobs.removeFirst(batch.count)
                return batch
            }
            for job in batch { job(database) }
            let more = self.state.withLock { state in
                if state.jobs.isEmpty { state.running -= 1 }
                return !state.jobs.isEmpty
            }
            if more { self.runBatch() }
        }
    }
}
