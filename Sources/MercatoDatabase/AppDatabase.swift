import Foundation
import GRDB
import MercatoCore

/// The shop's SQLite database: owns the schema migrations and offers writes named for what they do.
///
/// Files open as a WAL-mode `DatabasePool` (one writer, many readers), so the builder reads a consistent
/// snapshot while the checkout server writes.
public struct AppDatabase: Sendable {
    public let writer: any DatabaseWriter
    let clock: any WallClock
    private let commits: GroupCommit
    private let reads: GroupRead

    /// Opens (creating and migrating if needed) the database file at `path`.
    public static func open(at path: String, clock: any WallClock = SystemClock()) throws -> AppDatabase {
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(10)
        let pool = try DatabasePool(path: path, configuration: configuration)
        try pool.writeWithoutTransaction { db in
            // GRDB opens WAL mode with synchronous = NORMAL: a commit then reaches the disk only at the next
            // checkpoint, and a power cut could lose orders already confirmed to shoppers. FULL syncs the log on
            // every commit. The group commit's batches commit with NORMAL instead, and their callers are answered
            // after ``LogSync`` has synced the log, off the writer's thread.
            try db.execute(sql: "PRAGMA synchronous = FULL")
            // Each write of a group commit runs in a savepoint, and SQLite keeps the first version of every page a
            // savepoint changes in a statement journal. Past 64 KiB that journal spills to a temporary file: two
            // writes per page, more than the WAL itself takes. In memory it costs a copy. Only the writer: the
            // readers' large sorts (a site build's) may still spill to disk.
            try db.execute(sql: "PRAGMA temp_store = MEMORY")
        }
        return try AppDatabase(pool, clock: clock)
    }

    /// An in-memory database, for tests that do not need a file.
    public static func inMemory(clock: any WallClock = SystemClock()) throws -> AppDatabase {
        try AppDatabase(DatabaseQueue(), clock: clock)
    }

    public init(_ writer: any DatabaseWriter, clock: any WallClock = SystemClock()) throws {
        self.writer = writer
        self.clock = clock
        commits = GroupCommit(writer: writer)
        reads = GroupRead(reader: writer, concurrency: 2)
        try Self.migrator.migrate(writer)
    }

    /// A read-only view for queries.
    public var reader: any DatabaseReader { writer }

    /// Runs `updates` as one write of the checkout server's: atomic on its own, committed together with the
    /// writes that arrive at the same time (see ``GroupCommit``), and returned only once committed.
    public func write<T: Sendable>(_ updates: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await commits.write(updates)
    }

    /// Runs `value` on one of the pool's readers, off the caller's thread, in a read transaction shared with
    /// the reads that arrive at the same time (see ``GroupRead``). It sees every write committed before the call.
    public func read<T: Sendable>(_ value: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await reads.read(value)
    }
}
