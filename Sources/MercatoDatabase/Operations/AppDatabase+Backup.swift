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
        let (integrity, orders) = try copy.read { db in
            (
                try String.fetchOne(db, sql: "PRAGMA integrity_check") ?? "no answer",
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \"order\"") ?? 0
            )
        }
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

public enum BackupError: Error, CustomStringConvertible {
    case integrity(String)

    public var description: String {
        switch self {
        case .integrity(let found): "the copy failed SQLite's integrity check (\(found)); nothing was written"
        }
    }
}
