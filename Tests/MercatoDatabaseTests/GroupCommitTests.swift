import CThread
import Foundation
import GRDB
import MercatoCore
import Synchronization
import Testing

@testable import MercatoDatabase

@Suite struct GroupCommitTests {
    private struct Refused: Error, Equatable { var index: Int }

    /// Writes arriving together share a transaction, yet each is atomic on its own: one that throws after
    /// writing leaves nothing behind, and the others in its batch are committed and answered with their own
    /// results.
    @Test func aFailingWriteRollsBackOnlyItselfInsideABatch() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mercato-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = try AppDatabase.open(at: folder.appendingPathComponent("shop.sqlite").path)
        try await database.writer.write { db in try db.execute(sql: "CREATE TABLE note (id INTEGER PRIMARY KEY)") }

        let outcomes = await withTaskGroup(of: (Int, Result<Int, Refused>).self) { group in
            for index in 0..<400 {
                group.addTask {
                    do {
                        let value = try await database.write { db -> Int in
                            try db.execute(sql: "INSERT INTO note (id) VALUES (?)", arguments: [index])
                            if index % 3 == 0 { throw Refused(index: index) }
                            try db.execute(sql: "INSERT INTO note (id) VALUES (?)", arguments: [index + 10_000])
                            return index * 2
                        }
                        return (index, .success(value))
                    } catch {
                        return (index, .failure(error as? Refused ?? Refused(index: -1)))
                    }
                }
            }
            return await group.reduce(into: [Int: Result<Int, Refused>]()) { $0[$1.0] = $1.1 }
        }
        for index in 0..<400 {
            #expect(outcomes[index] == (index % 3 == 0 ? .failure(Refused(index: index)) : .success(index * 2)))
        }
        let stored = try await database.writer.read { db in try Int.fetchSet(db, sql: "SELECT id FROM note") }
        let expected = Set((0..<400).filter { $0 % 3 != 0 }.flatMap { [$0, $0 + 10_000] })
        #expect(stored == expected)
        let inTransaction = try await database.writer.writeWithoutTransaction { db in db.isInsideTransaction }
        #expect(!inTransaction)
    }

    /// The batches run at the writer's raised priority, and the pool's thread gets its own back afterwards.
    /// Raising a priority takes root (or `CAP_SYS_NICE`), which CI has.
    @Test(.enabled(if: geteuid() == 0, "raising a thread's priority takes root"))
    func batchesRunAtTheWritersRaisedPriority() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mercato-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = try AppDatabase.open(at: folder.appendingPathComponent("shop.sqlite").path)
        @Sendable func niceness() -> (thread: pid_t, value: Int32) {
            let thread = mercato_thread_id()
            return (thread, getpriority(__priority_which_t(PRIO_PROCESS.rawValue), id_t(thread)))
        }
        let inside = try await database.write { _ in niceness() }
        #expect(inside.value == WriterPriority.niceness)
        // The caller is answered before the batch's thread is done: give it a moment to lower itself again.
        var after = WriterPriority.niceness
        for _ in 0..<100 where after <= WriterPriority.niceness {
            try await Task.sleep(for: .milliseconds(10))
            after = getpriority(__priority_which_t(PRIO_PROCESS.rawValue), id_t(inside.thread))
        }
        #expect(after > WriterPriority.niceness)
    }

    /// Every caller is answered after a sync of the log that began once its write was committed: each sync
    /// notes how many rows another connection sees, and each of 300 writers, once answered, finds its row among
    /// those a finished sync saw. The batches commit without syncing themselves (`synchronous = NORMAL`), and
    /// the connection's own setting is back afterwards.
    @Test func callersAreAnsweredOnlyAfterTheLogIsSynced() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mercato-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("shop.sqlite").path
        let database = try AppDatabase.open(at: path)
        try await database.writer.write { db in try db.execute(sql: "CREATE TABLE note (id INTEGER PRIMARY KEY)") }
        let observer = try DatabaseQueue(path: path)
        let seen = Locked((syncs: 0, rows: 0))
        let settings = Locked<[Int]>([])
        let commits = GroupCommit(
            writer: database.writer,
            logSync: LogSync(path: path + "-wal") {
                let rows = try observer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM note") ?? 0 }
                Thread.sleep(forTimeInterval: 0.002)
                seen.withLock { $0 = (syncs: $0.syncs + 1, rows: max($0.rows, rows)) }
            })
        let unsynced = try await withThrowingTaskGroup(of: Bool.self) { group in
            for _ in 0..<300 {
                group.addTask {
                    let row = try await commits.write { db -> Int in
                        settings.withLock { $0.append(try! Int.fetchOne(db, sql: "PRAGMA synchronous")!) }
                        try db.execute(sql: "INSERT INTO note DEFAULT VALUES")
                        return Int(db.lastInsertedRowID)
                    }
                    return seen.withLock { $0.rows } < row
                }
            }
            return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(unsynced == 0)
        #expect(seen.withLock { $0.syncs } >= 1)
        #expect(settings.withLock { Set($0) } == [1])
        let own = try await database.writer.writeWithoutTransaction { db in
            try Int.fetchOne(db, sql: "PRAGMA synchronous")
        }
        #expect(own == 2)
    }

    /// A log that cannot be synced fails every caller of the batches waiting for it.
    @Test func aFailedSyncFailsTheCallers() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mercato-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = try AppDatabase.open(at: folder.appendingPathComponent("shop.sqlite").path)
        let commits = GroupCommit(
            writer: database.writer,
            logSync: LogSync(path: "") {
                throw LogSyncError(path: "shop.sqlite-wal", operation: "fdatasync", code: EIO)
            })
        await #expect(throws: LogSyncError.self) { try await commits.write { _ in 1 } }
    }

    /// The real log: a write through an opened database is synced and answered.
    @Test func aWriteToADatabaseFileIsSyncedAndAnswered() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mercato-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = try AppDatabase.open(at: folder.appendingPathComponent("shop.sqlite").path)
        #expect(try await database.write { db in try Int.fetchOne(db, sql: "SELECT 41 + 1") } == 42)
    }
}

/// A value shared with concurrent closures.
private final class Locked<Value: Sendable>: Sendable {
    private let mutex: Mutex<Value>
    init(_ value: Value) { mutex = Mutex(value) }
    func withLock<T>(_ body: (inout Value) throws -> T) rethrows -> T { try mutex.withLock { try body(&$0) } }
}
