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

    /// Opens (creating and migrating if needed) the database file at `path`.
    public static func open(at path: String, clock: any WallClock = SystemClock()) throws -> AppDatabase {
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(10)
        let pool = try DatabasePool(path: path, configuration: configuration)
        return try AppDatabase(pool, clock: clock)
    }

    /// An in-memory database, for tests that do not need a file.
    public static func inMemory(clock: any WallClock = SystemClock()) throws -> AppDatabase {
        try AppDatabase(DatabaseQueue(), clock: clock)
    }

    public init(_ writer: any DatabaseWriter, clock: any WallClock = SystemClock()) throws {
        self.writer = writer
        self.clock = clock
        try Self.migrator.migrate(writer)
    }

    /// A read-only view for queries.
    public var reader: any DatabaseReader { writer }
}
