import Foundation
import GRDB
import Testing

@testable import MercatoDatabase

@Suite struct WALCheckpointerTests {
    @Test func aDatabaseInMemoryHasNoLogToCheckpoint() throws {
        #expect(try WALCheckpointer(try AppDatabase.inMemory()) == nil)
    }

    /// Checkpoints taken while writes go on lose none of them, and once the writes stop the database file
    /// alone (copied without its log) holds every row: the pages were copied by the checkpointer, not by the
    /// writer, whose own limit is never reached here.
    @Test func checkpointsWhileWritingCopyTheLogIntoTheDatabaseFile() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mercato-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("shop.sqlite").path
        let database = try AppDatabase.open(at: path)
        let checkpointer = try #require(try WALCheckpointer(database, writerLimitPages: 100_000))
        let writerLimit = try await database.writer.writeWithoutTransaction { db in
            try Int.fetchOne(db, sql: "PRAGMA wal_autocheckpoint")
        }
        #expect(writerLimit == 100_000)
        try await database.write { db in try db.execute(sql: "CREATE TABLE note (id INTEGER PRIMARY KEY, body BLOB)") }

        let rounds = try await withThrowingTaskGroup(of: Int.self) { group in
            for index in 0..<500 {
                group.addTask {
                    try await database.write { db in
                        try db.execute(
                            sql: "INSERT INTO note (id, body) VALUES (?, zeroblob(3000))", arguments: [index])
                    }
                    return 0
                }
            }
            group.addTask {
                var rounds = 0
                for _ in 0..<20 {
                    if try await checkpointer.checkpoint() != nil { rounds += 1 }
                    try await Task.sleep(for: .milliseconds(5))
                }
                return rounds
            }
            return try await group.reduce(0, +)
        }
        #expect(rounds > 0)
        let last = try #require(try await checkpointer.checkpoint())
        #expect(last.logPages > 300)
        #expect(last.copiedPages == last.logPages)

        let copy = folder.appendingPathComponent("copy.sqlite")
        try FileManager.default.copyItem(atPath: path, toPath: copy.path)
        let rows = try await DatabaseQueue(path: copy.path).read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM note")
        }
        #expect(rows == 500)
    }
}
