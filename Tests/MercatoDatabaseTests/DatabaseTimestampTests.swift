import Foundation
import GRDB
import Testing

@testable import MercatoDatabase

@Suite struct DatabaseTimestampTests {
    /// GRDB's own `Date.databaseValue` is the reference: dates stored before and after must compare as text.
    private func grdbText(_ date: Date) -> String? { String.fromDatabaseValue(date.databaseValue) }

    @Test func aDateIsWrittenAsGRDBWritesIt() {
        var generator = SystemRandomNumberGenerator()
        var dates = (0..<20_000).map { _ in
            Date(timeIntervalSince1970: Double.random(in: -2_208_988_800...4_102_444_800, using: &generator))
        }
        dates += [
            Date(timeIntervalSince1970: 0), Date(timeIntervalSince1970: -0.0005), Date(timeIntervalSince1970: -0.0006),
            Date(timeIntervalSince1970: 0.9999), Date(timeIntervalSince1970: 1_790_000_000.0005),
            Date(timeIntervalSince1970: 951_782_399.9999), Date(timeIntervalSince1970: 951_782_400),  // 2000-02-29
            Date(timeIntervalSince1970: 1_790_000_000.123_456), Date(timeIntervalSince1970: 253_402_300_799.999),
            Date(timeIntervalSinceReferenceDate: 0), Date(timeIntervalSince1970: -62_135_596_800),  // year 1
        ]
        let different = dates.filter { DatabaseTimestamp.text($0) != grdbText($0) }
        let examples = different.prefix(3).map {
            "\($0.timeIntervalSince1970): \(DatabaseTimestamp.text($0)) vs \(grdbText($0) ?? "nil")"
        }
        #expect(different.count == 0, "\(examples)")
    }

    @Test func recordsOfThisModuleStoreDatesInTheSameText() throws {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.create(table: "cart") { t in
                t.primaryKey("token", .text)
                t.column("currency", .text)
                t.column("status", .text)
                t.column("orderId", .integer)
                t.column("createdAt", .datetime)
                t.column("updatedAt", .datetime)
                t.column("expiresAt", .datetime)
            }
            let date = Date(timeIntervalSince1970: 1_790_000_000.987_6)
            try CartRecord(
                token: "t", currency: "USD", status: "open", orderId: nil, createdAt: date, updatedAt: date,
                expiresAt: date
            ).insert(db)
            let stored = try String.fetchOne(db, sql: "SELECT expiresAt FROM cart")
            #expect(stored == "2026-09-21 14:13:20.988")
            #expect(stored == grdbText(date))
            let read = try #require(try CartRecord.fetchOne(db)?.expiresAt)
            #expect(abs(read.timeIntervalSince1970 - 1_790_000_000.988) < 0.000_5)

            // A record still encoded through Codable gets the same text from `TimestampedRecord`'s strategy.
            try db.create(table: "alert") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("userId", .integer)
                t.column("productId", .integer)
                t.column("orderId", .integer)
                t.column("type", .text)
                t.column("message", .text)
                t.column("status", .text)
                t.column("createdAt", .datetime)
            }
            var alert = AlertRecord(
                userId: nil, productId: nil, orderId: nil, type: "stock", message: "low", status: "pending",
                createdAt: date)
            try alert.insert(db)
            #expect(try String.fetchOne(db, sql: "SELECT createdAt FROM alert") == grdbText(date))
            guard case .custom = AlertRecord.databaseDateEncodingStrategy(for: "createdAt") else {
                Issue.record("AlertRecord writes its dates through GRDB's DateFormatter")
                return
            }
        }
    }
}
