import GRDB

/// Copies the write-ahead log's pages into the database file from a connection of its own.
///
/// SQLite's default has the writer do it: the commit that takes the log past 1,000 pages also copies them and
/// syncs both files, so under load every few commits of the one writer waited for the disk. A passive
/// checkpoint from another connection never takes the write lock, so the writer goes on committing while the
/// pages are copied. The writer still checkpoints itself, but only past `writerLimitPages`: by then this one
/// has copied nearly all of them, and the writer's checkpoint is what lets the log start again from its
/// beginning (a passive checkpoint racing the writer seldom catches up with its last page). Under sustained load
/// the log file grows to about `writerLimitPages` × 4 KiB; when writes pause it is copied in full and reused.
public struct WALCheckpointer: Sendable {
    private let connection: DatabaseQueue

    /// What one checkpoint found: the pages in the log, and how many of them are now in the database file.
    public struct Progress: Sendable, Equatable {
        public var logPages: Int
        public var copiedPages: Int
    }

    /// Nil for a database without a write-ahead log (in memory, for tests).
    public init?(_ database: AppDatabase, writerLimitPages: Int = 20_000) throws {
        guard let pool = database.writer as? DatabasePool else { return nil }
        try pool.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA wal_autocheckpoint = \(writerLimitPages)")
        }
        connection = try DatabaseQueue(path: pool.path)
    }

    /// One passive checkpoint: copies every page no reader still needs from the log, waiting for nobody.
    /// Nil if another checkpoint was running (the writer's own, past its limit).
    public func checkpoint() async throws -> Progress? {
        try await connection.writeWithoutTransaction { db in
            do {
                let (log, copied) = try db.checkpoint(.passive)
                return Progress(logPages: log, copiedPages: copied)
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY {
                return nil
            }
        }
    }
}
