import CThread
import Foundation
import GRDB
import MercatoCore
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
}
