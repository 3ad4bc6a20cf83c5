import Foundation
import GRDB
import Testing

@testable import MercatoDatabase

@Suite struct GroupReadTests {
    private struct Refused: Error, Equatable { var index: Int }

    private func temporaryDatabase() throws -> (AppDatabase, URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mercato-\(UUID().uuidString)")
        return (try AppDatabase.open(at: folder.appendingPathComponent("shop.sqlite").path), folder)
    }

    /// Reads share a transaction with the reads that arrive with them, yet each sees every write committed
    /// before it was asked for: 40 shoppers each write and read back 25 times in turn, so reads and writes
    /// keep arriving while batches of both run.
    @Test func aReadSeesEveryWriteCommittedBeforeIt() async throws {
        let (database, folder) = try temporaryDatabase()
        defer { try? FileManager.default.removeItem(at: folder) }
        try await database.write { db in try db.execute(sql: "CREATE TABLE note (id INTEGER PRIMARY KEY)") }

        let missed = try await withThrowingTaskGroup(of: [Int].self) { group in
            for shopper in 0..<40 {
                group.addTask {
                    var missed: [Int] = []
                    for round in 0..<25 {
                        let id = shopper * 100 + round
                        try await database.write { db in
                            try db.execute(sql: "INSERT INTO note (id) VALUES (?)", arguments: [id])
                        }
                        let found = try await database.read { db in
                            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM note WHERE id = ?", arguments: [id])!
                        }
                        if found != 1 { missed.append(id) }
                    }
                    return missed
                }
            }
            return try await group.reduce(into: [Int]()) { $0 += $1 }
        }
        #expect(missed.isEmpty, "reads that did not see their own write: \(missed.sorted())")
        #expect(try await database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM note") } == 1_000)
    }

    /// A read that throws answers only its own caller; the others in its batch get their values.
    @Test func aFailingReadAnswersOnlyItsCaller() async throws {
        let (database, folder) = try temporaryDatabase()
        defer { try? FileManager.default.removeItem(at: folder) }

        let outcomes = await withTaskGroup(of: (Int, Result<Int, Refused>).self) { group in
            for index in 0..<1_000 {
                group.addTask {
                    do {
                        let value = try await database.read { db -> Int in
                            if index % 7 == 0 { throw Refused(index: index) }
                            return try Int.fetchOne(db, sql: "SELECT ? * 2", arguments: [index])!
                        }
                        return (index, .success(value))
                    } catch {
                        return (index, .failure(error as? Refused ?? Refused(index: -1)))
                    }
                }
            }
            return await group.reduce(into: [Int: Result<Int, Refused>]()) { $0[$1.0] = $1.1 }
        }
        #expect(outcomes.count == 1_000)
        for index in 0..<1_000 {
            #expect(outcomes[index] == (index % 7 == 0 ? .failure(Refused(index: index)) : .success(index * 2)))
        }
    }
}
