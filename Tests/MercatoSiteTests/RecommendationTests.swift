import Foundation
import GRDB
import MercatoCore
import MercatoDatabase
import Testing

@testable import MercatoSite

/// Recommendations from a fixture order history: "also bought" within a category, best sellers on the
/// home page, similar products when there is no history; refunds and cancellations take sales back.
@Suite struct RecommendationTests {
    /// Places a delivered (or other) order of the given products, one unit each; returns its id.
    @discardableResult
    static func order(_ slugs: [String], status: String = "delivered", shop: FixtureShop, number: String) throws -> Int64 {
        try shop.database.writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO "order" (number, email, status, currency, subtotalMinor, totalMinor, shippingAddress,
                        shippingMethod, placedAt, updatedAt) VALUES (?, 'a@example.com', ?, 'USD', 0, 0, '{}', 'standard', ?, ?)
                    """, arguments: [number, status, shop.clock.now(), shop.clock.now()])
            let orderId = db.lastInsertedRowID
            for slug in slugs {
                try db.execute(
                    sql: """
                        INSERT INTO orderItem (orderId, productId, productSlug, productName, quantity, unitPriceMinor)
                        SELECT ?, id, slug, name, 1, priceMinor FROM product WHERE slug = ?
                        """, arguments: [orderId, slug])
            }
            return orderId
        }
    }

    static func section(_ html: String, titled title: String) -> String? {
        guard let start = html.range(of: ">\(title)</h2>") else { return nil }
        let end = html.range(of: "</section>", range: start.upperBound..<html.endIndex)!
        return String(html[start.upperBound..<end.lowerBound])
    }

    @Test func productsBoughtTogetherRecommendEachOtherWithinTheirCategory() async throws {
        let shop = try FixtureShop()
        defer { shop.remove() }
        try Self.order(["blue-mug", "teapot", "watering-can"], shop: shop, number: "A1")
        try Self.order(["blue-mug", "teapot"], shop: shop, number: "A2")
        _ = try await shop.build()
        let mug = try #require(Self.section(try shop.html("products/blue-mug/index.html"), titled: "Customers who bought this also bought"))
        #expect(mug.contains("/products/teapot/"))
        #expect(!mug.contains("/products/watering-can/"), "the watering can is in another category")
        let teapot = try #require(Self.section(try shop.html("products/teapot/index.html"), titled: "Customers who bought this also bought"))
        #expect(teapot.contains("/products/blue-mug/"))
        // No history: products like it instead.
        let knife = try shop.html("products/bread-knife/index.html")
        #expect(Self.section(knife, titled: "Customers who bought this also bought") == nil)
        #expect(Self.section(knife, titled: "Similar products")?.contains("/products/blue-mug/") == true)
    }

    @Test func theHomePageListsBestSellersByUnitsSold() async throws {
        let shop = try FixtureShop()
        defer { shop.remove() }
        try Self.order(["watering-can"], shop: shop, number: "B1")
        try Self.order(["watering-can", "teapot"], shop: shop, number: "B2")
        try Self.order(["teapot"], status: "pending_payment", shop: shop, number: "B3")
        _ = try await shop.build()
        let sellers = try #require(Self.section(try shop.html("index.html"), titled: "Best sellers"))
        let can = try #require(sellers.range(of: "/products/watering-can/"))
        let teapot = try #require(sellers.range(of: "/products/teapot/"))
        #expect(can.lowerBound < teapot.lowerBound, "two units before one; an unpaid order does not count")
        #expect(!sellers.contains("/products/blue-mug/"))
    }

    @Test func aRefundTakesTheSaleBackAndRebuildsThePagesThatShowedIt() async throws {
        let shop = try FixtureShop()
        defer { shop.remove() }
        let orderId = try Self.order(["blue-mug", "teapot"], status: "paid", shop: shop, number: "C1")
        _ = try await shop.build()
        #expect(Self.section(try shop.html("products/blue-mug/index.html"), titled: "Customers who bought this also bought") != nil)
        try await shop.database.writer.write { db in
            try db.execute(sql: "UPDATE \"order\" SET status = 'refunded' WHERE id = ?", arguments: [orderId])
        }
        let report = try await shop.build()
        #expect(report.renderedPaths.contains("products/blue-mug/index.html") && report.renderedPaths.contains("products/teapot/index.html"))
        #expect(Self.section(try shop.html("products/blue-mug/index.html"), titled: "Customers who bought this also bought") == nil)
        #expect(Self.section(try shop.html("index.html"), titled: "Best sellers") == nil)
        let pairs = try await shop.database.reader.read { db in try Int.fetchOne(db, sql: "SELECT SUM(orders) FROM coPurchase")! }
        #expect(pairs == 0)
    }

    @Test func aLineAddedToACountedOrderCountsAndOrdersBeforeTheMigrationAreCounted() async throws {
        let shop = try FixtureShop()
        defer { shop.remove() }
        try Self.order(["teapot", "bread-knife", "blue-mug"], shop: shop, number: "D1")
        let figures = try await shop.database.reader.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT p.slug, s.units, s.orders FROM productSales s JOIN product p ON p.id = s.productId ORDER BY p.slug
                    """
            ).map { "\($0[0] as String) \($0[1] as Int) \($0[2] as Int)" }
        }
        #expect(figures == ["blue-mug 1 1", "bread-knife 1 1", "teapot 1 1"])
        let pairCount = try await shop.database.reader.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM coPurchase WHERE orders = 1")! }
        #expect(pairCount == 6, "three products: six ordered pairs")
    }

    @Test func similarProductsShareTheMostRareFeaturesThenTheNearestPrice() throws {
        func member(_ id: Int64, _ name: String, price: Int, attributes: [String: String], stock: StockBadge = .inStock)
            -> (row: CatalogSnapshot.ProductRow, card: ProductCard)
        {
            let product = ProductRecord(
                id: id, slug: "p\(id)", sku: nil, name: name, brand: "Acme", categoryId: 1, vendorId: nil, priceMinor: price,
                compareAtMinor: nil, currency: "USD", status: "active", featured: false, imagePath: nil, tags: "",
                attributes: attributes, createdAt: Date(timeIntervalSince1970: 0), updatedAt: Date(timeIntervalSince1970: 0))
            let card = ProductCard(
                id: id, slug: "p\(id)", name: name, brand: "Acme", featured: false, priceMinor: price, price: "", compareAtPrice: nil,
                compareAtMinor: nil, image: nil, ratingTenths: 0, ratingCount: 0, stock: stock, createdAt: Date(timeIntervalSince1970: 0))
            return (CatalogSnapshot.ProductRow(product: product, onHand: 5, reserved: 0, lowStockThreshold: 1), card)
        }
        let members = [
            member(1, "Walnut Chef Knife", price: 5000, attributes: ["Material": "Walnut"]),
            member(2, "Walnut Bread Knife", price: 9000, attributes: ["Material": "Walnut"]),
            member(3, "Steel Chef Knife", price: 5100, attributes: ["Material": "Steel"]),
            member(4, "Walnut Board", price: 5000, attributes: ["Material": "Walnut"]),
            member(5, "Walnut Chef Knife Deluxe", price: 7000, attributes: ["Material": "Walnut"], stock: .outOfStock),
            member(6, "Glass Jar", price: 5000, attributes: ["Material": "Glass"]),
        ]
        let similar = SimilarProducts(members)
        let ids = similar.similar(to: members[0].card, limit: 4).map(\.id)
        // 2 shares walnut, knife and the material; 3 shares chef and knife; 4 walnut; 5 is out of stock;
        // 6 shares nothing but the brand, and fills the list.
        #expect(ids == [2, 3, 4, 6], "\(ids)")
    }
}
