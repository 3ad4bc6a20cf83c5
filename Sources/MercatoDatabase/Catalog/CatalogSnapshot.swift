import Foundation
import GRDB
import MercatoCore

/// Everything the builder needs from the database, read in one transaction so the site is consistent
/// even while the checkout server writes. Reviews are summarised in SQL; only the few shown on a
/// product page are loaded here, and review pages fetch their own page of reviews.
public struct CatalogSnapshot: Sendable {
    public var categories: [CategoryRecord]
    public var products: [ProductRow]
    public var ratings: [Int64: RatingSummary]
    /// Per product: how many published reviews and the revision of its reviews, for page fingerprints.
    public var reviewDigests: [Int64: ReviewDigest]

    public struct ProductRow: Sendable, Hashable {
        public var product: ProductRecord
        public var onHand: Int
        public var reserved: Int
        public var lowStockThreshold: Int

        public var stockLevel: StockLevel {
            StockLevel(onHand: onHand, reserved: reserved, lowStockThreshold: lowStockThreshold)
        }
    }

    public struct ReviewDigest: Sendable, Hashable, Codable {
        public var count: Int
        /// Goes up with every change to any of the product's reviews.
        public var revision: Int

        public init(count: Int, revision: Int) {
            self.count = count
            self.revision = revision
        }
    }
}

extension AppDatabase {
    /// Reads the catalog for a build: active products with stock, categories, and per product its
    /// rating histogram and review revision from the trigger-kept `reviewSummary`.
    public func catalogSnapshot() throws -> CatalogSnapshot {
        try reader.read { db in
            let categories = try CategoryRecord.order(Column("position"), Column("name")).fetchAll(db)
            var products: [CatalogSnapshot.ProductRow] = []
            products.reserveCapacity(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM product") ?? 0)
            // Columns by position: a build reads every product, and by-name lookups add up.
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT product.id, slug, sku, name, brand, categoryId, vendorId, priceMinor, compareAtMinor,
                           currency, status, featured, imagePath, tags, attributes, createdAt, product.updatedAt,
                           COALESCE(inventory.onHand, 0), COALESCE(inventory.reserved, 0),
                           COALESCE(inventory.lowStockThreshold, 5)
                    FROM product LEFT JOIN inventory ON inventory.productId = product.id
                    WHERE product.status = 'active'
                    ORDER BY product.id
                    """)
            while let row = try rows.next() {
                let attributes: String = row[14]
                let product = ProductRecord(
                    id: row[0], slug: row[1], sku: row[2], name: row[3], brand: row[4], categoryId: row[5],
                    vendorId: row[6], priceMinor: row[7], compareAtMinor: row[8], currency: row[9], status: row[10],
                    featured: row[11], imagePath: row[12], tags: row[13],
                    attributes: try ProductRecord.decodeAttributes(attributes), createdAt: row[15], updatedAt: row[16])
                products.append(.init(product: product, onHand: row[17], reserved: row[18], lowStockThreshold: row[19]))
            }
            var ratings: [Int64: RatingSummary] = [:]
            var digests: [Int64: CatalogSnapshot.ReviewDigest] = [:]
            let summaries = try Row.fetchCursor(
                db, sql: "SELECT productId, stars1, stars2, stars3, stars4, stars5, revision FROM reviewSummary")
            while let row = try summaries.next() {
                let productId: Int64 = row[0]
                let histogram: [Int] = (1...5).map { row[$0] }
                var summary = RatingSummary()
                summary.histogram = histogram
                ratings[productId] = summary
                digests[productId] = .init(count: histogram.reduce(0, +), revision: row[6])
            }
            return CatalogSnapshot(categories: categories, products: products, ratings: ratings, reviewDigests: digests)
        }
    }

    /// The `limit` most helpful published reviews of a product, as its page shows them.
    public func topReviews(productId: Int64, limit: Int) throws -> [ReviewRecord] {
        try reader.read { db in
            let statement = try db.cachedStatement(
                sql: """
                    SELECT * FROM review WHERE productId = ? AND status = 'published'
                    ORDER BY helpfulCount DESC, createdAt DESC, id DESC LIMIT ?
                    """)
            return try ReviewRecord.fetchAll(statement, arguments: [productId, limit])
        }
    }

    /// One page of a product's published reviews, newest first.
    public func reviews(productId: Int64, offset: Int, limit: Int) throws -> [ReviewRecord] {
        try reader.read { db in
            let statement = try db.cachedStatement(
                sql: """
                    SELECT * FROM review WHERE productId = ? AND status = 'published'
                    ORDER BY createdAt DESC, id DESC LIMIT ? OFFSET ?
                    """)
            return try ReviewRecord.fetchAll(statement, arguments: [productId, limit, offset])
        }
    }
}
