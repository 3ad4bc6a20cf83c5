import Foundation
import GRDB

/// What a backup wrote and found.
public struct BackupReport: Sendable, Hashable {
    public var path: String
    public var bytes: Int
    public var orders: Int
    /// `ok`, or what SQLite's `PRAGMA integrity_check` found wrong in the copy.
    public var integrity: String
}

extension AppDatabase {
    /// Copies the database to `path` with SQLite's online backup, while the server may go on writing: the copy
    /// is one consistent snapshot (a WAL read transaction), written to a temporary file, checked with
    /// `PRAGMA integrity_check`, then moved into place, so `path` never holds half a backup.
    public func backup(to path: String) throws -> BackupReport {
        let destination = URL(fileURLWithPath: path).standardizedFileURL
        let folder = destination.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let partial = folder.appendingPathComponent(".\(destination.lastPathComponent).partial-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: partial) }
        let copy = try DatabaseQueue(path: partial.path)
        try reader.backup(to: copy)
        let (integrity, orders) = try copy.read(checked)
        try copy.close()
        guard integrity == "ok" else { throw BackupError.integrity(integrity) }
        if FileManager.default.fileExists(atPath: destination.path) {
            _ = try FileManager.default.replaceItemAt(destination, withItemAt: partial)
        } else {
            try FileManager.default.moveItem(at: partial, to: destination)
        }
        let bytes = (try FileManager.default.attributesOfItem(atPath: destination.path)[.size] as? Int) ?? 0
        return BackupReport(path: destination.path, bytes: bytes, orders: orders, integrity: integrity)
    }
}

extension AppDatabase {
    /// Replaces the database at `path` with the backup `file` (one `backup(to:)` wrote), then migrates it to
    /// this version. The backup must pass `PRAGMA integrity_check` and hold a Mercato schema, or nothing is
    /// touched. The pages are copied with SQLite's backup API through a connection that holds `path`
    /// exclusively: a database another process has open (a running server) is refused, and a write-ahead log
    /// left by a killed server is taken up and then overwritten instead of being replayed over the restored
    /// file (which copying the file by hand would do).
    public static func restore(from file: String, to path: String) throws -> BackupReport {
        guard FileManager.default.fileExists(atPath: file) else { throw BackupError.missing(file) }
        var readOnly = Configuration()
        readOnly.readonly = true
        let source: DatabaseQueue
        let integrity: String
        let isShop: Bool
        do {
            source = try DatabaseQueue(path: file, configuration: readOnly)
            (integrity, isShop) = try source.read { db in
                (
                    try String.fetchOne(db, sql: "PRAGMA integrity_check") ?? "no answer",
                    try db.tableExists("grdb_migrations") && db.tableExists("order") && db.tableExists("product")
                )
            }
        } catch let error as DatabaseError {
            throw BackupError.damagedBackup(file, error.message ?? "\(error.resultCode)")
        }
        guard integrity == "ok" else { throw BackupError.damagedBackup(file, integrity) }
        guard isShop else { throw BackupError.notAShop(file) }

        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        var exclusive = Configuration()
        exclusive.prepareDatabase { db in try db.execute(sql: "PRAGMA locking_mode = EXCLUSIVE") }
        let destination: DatabaseQueue
        do {
            // Opening reads the schema, which takes the exclusive lock (or finds it held).
            destination = try DatabaseQueue(path: path, configuration: exclusive)
            try destination.writeWithoutTransaction { db in try db.execute(sql: "BEGIN EXCLUSIVE; COMMIT") }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY {
            throw BackupError.inUse(path)
        }
        try source.backup(to: destination)
        try destination.close()
        try source.close()

        let restored = try AppDatabase.open(at: path)
        let (check, orders) = try restored.reader.read(checked)
        let bytes = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        return BackupReport(path: path, bytes: bytes, orders: orders, integrity: check)
    }
}

/// What SQLite's integrity check says of a database (`ok` when sound), and how many orders it holds.
private func checked(_ db: Database) throws -> (integrity: String, orders: Int) {
    (
        try String.fetchOne(db, sql: "PRAGMA integrity_check") ?? "no answer",
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \"order\"") ?? 0
    )
}

public enum BackupError: Error, CustomStringConvertible {
    case integrity(String)
    case missing(String)
    case damagedBackup(String, String)
    case notAShop(String)
    case inUse(String)

    public var description: String {
        switch self {
        case .integrity(let found): "the copy failed SQLite's integrity check (\(found)); nothing was written"
        case .missing(let file): "\(file) does not exist"
        case .damagedBackup(let file, let found):
            "\(file) failed SQLite's integrity check (\(found)); the shop's database was not touched"
        case .notAShop(let file):
            "\(file) is not a Mercato database (no orders or products tables); nothing was touched"
        case .inUse(let path):
            "\(path) is open in another process (is `mercato serve` running?); stop it first, nothing was touched"
        }
    }
}
