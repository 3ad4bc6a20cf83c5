import Foundation
import GRDB
import MercatoCore
import Testing

@testable import MercatoDatabase

@Suite struct CatalogWriteTests {
    private func database() throws -> AppDatabase {
        let database = try AppDatabase.inMemory(clock: FixedClock(Date(timeIntervalSince1970: 1_790_000_000)))
        try database.saveCategory(slug: Slug("kitchen"), name: "Kitchen", actor: "test")
        return database
    }

    private func draft(_ slug: String, price: Int = 1000, stock: Int = 10, category: String = "kitchen") throws -> ProductDraft {
        ProductDraft(slug: try Slug(slug), name: slug.capitalized, categorySlug: try Slug(category), price: Money(minorUnits: price, currency: .usd), stock: stock)
    }

    @Test func anImportWithOneBadProductWritesNothing() throws {
        let database = try database()
        #expect(throws: CatalogError.unknownCategory("garden")) {
            try database.importProducts([try draft("mug"), try draft("can", category: "garden")], actor: "test")
        }
        #expect(try database.reader.read { db in try ProductRecord.fetchCount(db) } == 0)
    }

    @Test func importAddsNewProductsAndUpdatesExistingOnes() throws {
        let database = try database()
        try database.addProduct(try draft("mug", price: 1000, stock: 1), actor: "test")
        let counts = try database.importProducts([try draft("mug", price: 1500, stock: 7), try draft("bowl")], actor: "test")
        #expect(counts.added == 1 && counts.updated == 1)
        let row = try database.reader.read { db in
            try Row.fetchOne(db, sql: "SELECT priceMinor, onHand FROM product JOIN inventory ON productId = product.id WHERE slug = 'mug'")!
        }
        #expect(row["priceMinor"] == 1500 && row["onHand"] == 7)
    }

    @Test func duplicateSlugsAndNegativeStockAreRefused() throws {
        let database = try database()
        try database.addProduct(try draft("mug"), actor: "test")
        #expect(throws: CatalogError.duplicateSlug("mug")) { try database.addProduct(try draft("mug"), actor: "test") }
        #expect(throws: CatalogError.negativeStock(-1)) { try database.setStock(slug: Slug("mug"), onHand: -1, actor: "test") }
        #expect(throws: CatalogError.unknownProduct("cup")) { try database.setStock(slug: Slug("cup"), onHand: 1, actor: "test") }
    }

    @Test func fallingToTheThresholdRaisesOneLowStockAlertAndEveryChangeIsAudited() throws {
        let database = try database()
        try database.addProduct(try draft("mug", stock: 50), actor: "alice")
        try database.setStock(slug: Slug("mug"), onHand: 4, actor: "alice")
        try database.setStock(slug: Slug("mug"), onHand: 3, actor: "alice")
        let alerts = try database.reader.read { db in try AlertRecord.fetchAll(db) }
        #expect(alerts.count == 1)
        #expect(alerts.first?.type == "stock" && alerts.first?.message.contains("4 left") == true)
        let actions = try database.reader.read { db in try String.fetchAll(db, sql: "SELECT action FROM auditLog WHERE actor = 'alice' ORDER BY id") }
        #expect(actions == ["product.create", "stock.set", "stock.set"])
    }

    @Test func removingAProductKeepsPastOrdersReadable() throws {
        let database = try database()
        try database.addProduct(try draft("mug"), actor: "test")
        try database.writer.write { db in
            try db.execute(sql: """
                INSERT INTO "order" (number, email, status, currency, subtotalMinor, totalMinor, shippingAddress, shippingMethod, placedAt, updatedAt)
                VALUES ('A1', 'a@b.c', 'paid', 'USD', 1000, 1000, '{}', 'standard', 0, 0);
                INSERT INTO orderItem (orderId, productId, productSlug, productName, quantity, unitPriceMinor) VALUES (1, 1, 'mug', 'Mug', 1, 1000);
                """)
        }
        try database.removeProduct(slug: Slug("mug"), actor: "test")
        let item = try database.reader.read { db in try OrderItemRecord.fetchOne(db)! }
        #expect(item.productId == nil && item.productName == "Mug" && item.unitPriceMinor == 1000)
    }

    @Test func tagsAreSplitAtCommasAndTrimmed() {
        func tags(_ text: String) -> [String] {
            ProductRecord(
                slug: "mug", name: "Mug", categoryId: 1, priceMinor: 100, currency: "USD", tags: text, createdAt: .now,
                updatedAt: .now
            ).tagList
        }
        #expect(tags("") == [])
        #expect(tags("gift idea,comfort") == ["gift idea", "comfort"])
        #expect(tags("  crème , brûlée  ,x") == ["crème", "brûlée", "x"])
    }
}
