import Foundation
import GRDB
import MercatoCore
import Testing

@testable import MercatoDatabase

/// The `reviewSummary` table the builder reads instead of scanning every review: triggers keep it equal to
/// a count over `review`, and bump the product's revision on every change.
@Suite struct ReviewSummaryTests {
    func summary(_ database: AppDatabase, _ productId: Int64) throws -> (histogram: [Int], revision: Int) {
        try database.reader.read { db in
            let row = try Row.fetchOne(
                db, sql: "SELECT stars1, stars2, stars3, stars4, stars5, revision FROM reviewSummary WHERE productId = ?",
                arguments: [productId])!
            return ((0..<5).map { row[$0] }, row[5])
        }
    }

    func counted(_ database: AppDatabase, _ productId: Int64) throws -> [Int] {
        try database.reader.read { db in
            try (1...5).map { stars in
                try Int.fetchOne(
                    db, sql: "SELECT COUNT(*) FROM review WHERE productId = ? AND status = 'published' AND rating = ?",
                    arguments: [productId, stars])!
            }
        }
    }

    @Test func insertsUpdatesAndDeletesKeepTheSummaryExact() throws {
        let database = try AppDatabase.inMemory()
        let now = Date(timeIntervalSince1970: 1_790_000_000)
        try database.saveCategory(slug: Slug("kitchen"), name: "Kitchen", actor: "test")
        try database.addProduct(
            ProductDraft(
                slug: Slug("mug"), name: "Mug", categorySlug: Slug("kitchen"), price: Money(minorUnits: 100, currency: .usd),
                stock: 1),
            actor: "test")
        let productId = try database.reader.read { db in try Int64.fetchOne(db, sql: "SELECT id FROM product")! }
        var ids: [Int64] = []
        try database.writer.write { db in
            for (rating, status) in [(5, "published"), (4, "published"), (5, "pending"), (1, "published")] {
                var review = ReviewRecord(
                    productId: productId, authorName: "A", rating: rating, title: "", body: "", status: status,
                    createdAt: now, updatedAt: now)
                try review.insert(db)
                ids.append(review.id!)
            }
        }
        var state = try summary(database, productId)
        #expect(state.histogram == [1, 0, 0, 1, 1])
        #expect(state.histogram == (try counted(database, productId)))
        #expect(state.revision == 4)

        try database.writer.write { db in
            try db.execute(sql: "UPDATE review SET status = 'published' WHERE id = ?", arguments: [ids[2]])
            try db.execute(sql: "UPDATE review SET rating = 2 WHERE id = ?", arguments: [ids[3]])
            try db.execute(sql: "UPDATE review SET helpfulCount = 3 WHERE id = ?", arguments: [ids[0]])
            try db.execute(sql: "DELETE FROM review WHERE id = ?", arguments: [ids[1]])
        }
        state = try summary(database, productId)
        #expect(state.histogram == [0, 1, 0, 0, 2])
        #expect(state.histogram == (try counted(database, productId)))
        #expect(state.revision == 8, "every change, even one the histogram does not show, is a new revision")

        let snapshot = try database.catalogSnapshot()
        #expect(snapshot.ratings[productId]?.histogram == [0, 1, 0, 0, 2])
        #expect(snapshot.reviewDigests[productId] == .init(count: 3, revision: 8))
        #expect(try database.topReviews(productId: productId, limit: 1).map(\.id) == [ids[0]])
    }
}
