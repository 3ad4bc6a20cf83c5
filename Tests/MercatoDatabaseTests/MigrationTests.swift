import Foundation
import GRDB
import MercatoCore
import Testing

@testable import MercatoDatabase

@Suite struct MigrationTests {
    /// A new database in a folder of its own; remove the folder when done.
    private func temporaryDatabase() throws -> (AppDatabase, String, URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mercato-\(UUID().uuidString)")
        let path = folder.appendingPathComponent("shop.sqlite").path
        let clock = FixedClock(Date(timeIntervalSince1970: 1_790_000_000))
        return (try AppDatabase.open(at: path, clock: clock), path, folder)
    }

    @Test func aNewFileGetsEveryTableOfTheSchemaInWALMode() throws {
        let (database, _, folder) = try temporaryDatabase()
        defer { try? FileManager.default.removeItem(at: folder) }
        let tables = try database.reader.read { db in
            try String.fetchSet(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        for table in ["user", "category", "product", "inventory", "review", "order", "orderItem", "orderEvent", "payment", "alert", "auditLog", "buildOutput", "contentFile"] {
            #expect(tables.contains(table), "missing table \(table)")
        }
        let mode = try database.reader.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
        let indexes = try database.reader.read { db in try String.fetchSet(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index'") }
        #expect(indexes.contains("review_on_product_helpful") && indexes.contains("product_on_status_priceMinor"))
        #expect(indexes.contains("order_on_userId") && !indexes.contains("order_on_user"))
        #expect(indexes.contains("orderItem_on_orderId_productId") && !indexes.contains("orderItem_on_orderId"))
        #expect(!indexes.contains("cartLine_on_cartToken"))
    }

    /// The sales trigger's upserts read the paid order's own lines through the order index, not every line ever
    /// sold of the product (which made each sale slower than the last).
    @Test func theSalesTriggerReadsAnOrdersLinesThroughTheOrderIndex() throws {
        let (database, _, folder) = try temporaryDatabase()
        defer { try? FileManager.default.removeItem(at: folder) }
        let soldBody = AppDatabase.salesTriggers.components(separatedBy: "BEGIN")[1]
        let upserts = soldBody.components(separatedBy: ";").prefix(2).map {
            $0.replacingOccurrences(of: "NEW.id", with: "1")
        }
        #expect(upserts.count == 2 && upserts.allSatisfy { $0.contains("ON CONFLICT") }, "\(upserts)")
        for upsert in upserts {
            let plan = try database.reader.read { db in
                try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + upsert).map { $0["detail"] as String }
            }
            #expect(plan.contains { $0.contains("orderItem_on_orderId_productId (orderId=?") }, "\(plan)")
            #expect(!plan.contains { $0.contains("orderItem_on_productId") || $0.hasPrefix("SCAN") }, "\(plan)")
        }
    }

    /// A cart's lines are read through the primary key, which starts with the cart's token.
    @Test func aCartsLinesAreReadThroughThePrimaryKey() throws {
        let (database, _, folder) = try temporaryDatabase()
        defer { try? FileManager.default.removeItem(at: folder) }
        let plan = try database.reader.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN SELECT * FROM cartLine WHERE cartToken = 'abc'")
                .map { $0["detail"] as String }
        }
        #expect(plan.contains { $0.contains("sqlite_autoindex_cartLine_1 (cartToken=?)") }, "\(plan)")
    }

    /// A stock and price lookup finds each asked product through the slug index, not by walking every active
    /// product.
    @Test func anAvailabilityLookupFindsEachProductThroughTheSlugIndex() throws {
        let (database, _, folder) = try temporaryDatabase()
        defer { try? FileManager.default.removeItem(at: folder) }
        let plan = try database.reader.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + AppDatabase.availabilitySQL, arguments: ["[\"a\",\"b\"]"])
                .map { $0["detail"] as String }
        }
        #expect(plan.contains { $0.contains("sqlite_autoindex_product_1 (slug=?)") }, "\(plan)")
        #expect(!plan.contains { $0.contains("(status=?)") }, "\(plan)")
    }

    @Test func reopeningAnExistingFileKeepsItsDataAndAppliesNothingTwice() throws {
        let (database, path, folder) = try temporaryDatabase()
        defer { try? FileManager.default.removeItem(at: folder) }
        try database.saveCategory(slug: Slug("kitchen"), name: "Kitchen", actor: "test")
        let reopened = try AppDatabase.open(at: path)
        let applied = try reopened.reader.read { db in try AppDatabase.migrator.appliedMigrations(db) }
        #expect(applied.count == AppDatabase.migrator.migrations.count)
        #expect(try reopened.reader.read { db in try CategoryRecord.fetchCount(db) } == 1)
    }

    @Test func aDatabaseFromAnOlderVersionIsMigratedForward() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mercato-old-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("shop.sqlite").path
        let queue = try DatabaseQueue(path: path)
        try AppDatabase.migrator.migrate(queue, upTo: "v1 catalog")
        try queue.write { db in
            try db.execute(sql: "INSERT INTO category (slug, name, position, updatedAt) VALUES ('old', 'Old', 0, '2026-01-01')")
        }
        try queue.close()
        let database = try AppDatabase.open(at: path)
        let applied = try database.reader.read { db in try AppDatabase.migrator.appliedMigrations(db) }
        #expect(applied.last == AppDatabase.migrator.migrations.last)
        #expect(try database.reader.read { db in try String.fetchOne(db, sql: "SELECT name FROM category") } == "Old")
    }

    @Test func constraintsRefuseWhatTheCatalogMustNeverHold() throws {
        let (database, _, folder) = try temporaryDatabase()
        defer { try? FileManager.default.removeItem(at: folder) }
        try database.saveCategory(slug: Slug("kitchen"), name: "Kitchen", actor: "test")
        try database.addProduct(
            ProductDraft(slug: Slug("mug"), name: "Mug", categorySlug: Slug("kitchen"), price: Money(minorUnits: 100, currency: .usd), stock: 1),
            actor: "test")
        let statements = [
            "UPDATE product SET priceMinor = -1",
            "UPDATE inventory SET onHand = -1",
            "UPDATE inventory SET reserved = 5",
            "INSERT INTO product (slug, name, categoryId, priceMinor, currency, createdAt, updatedAt) VALUES ('mug', 'Again', 1, 1, 'USD', 0, 0)",
            "INSERT INTO review (productId, authorName, rating, createdAt, updatedAt) VALUES (1, 'A', 6, 0, 0)",
            "INSERT INTO product (slug, name, categoryId, priceMinor, currency, createdAt, updatedAt) VALUES ('x', 'X', 99, 1, 'USD', 0, 0)",
            "INSERT INTO user (email, name, role, registeredAt) VALUES ('a@b.c', 'A', 'superuser', 0)",
            "INSERT INTO \"order\" (number, email, status, currency, subtotalMinor, totalMinor, shippingAddress, shippingMethod, placedAt, updatedAt) VALUES ('n', 'a@b.c', 'lost', 'USD', 1, 1, '{}', 'std', 0, 0)",
        ]
        for sql in statements {
            #expect(throws: DatabaseError.self, "\(sql) should be refused") {
                try database.writer.write { db in try db.execute(sql: sql) }
            }
        }
    }
}
