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
    public var topReviews: [Int64: [ReviewRecord]]
    /// Per product: a digest of all its published reviews (count and last change), for review-page fingerprints.
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
        public var lastChange: Date?
        public var maxId: Int64
    }
}

extension AppDatabase {
    /// Reads the catalog for a build: active products with stock, categories, rating aggregates and,
    /// per product, the `topReviewCount` most helpful reviews.
    public func catalogSnapshot(topReviewCount: Int) throws -> CatalogSnapshot {
        try reader.read { db in
            let categories = try CategoryRecord.order(Column("position"), Column("name")).fetchAll(db)
            var products: [CatalogSnapshot.ProductRow] = []
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT product.*, COALESCE(inventory.onHand, 0) AS stockOnHand,
                           COALESCE(inventory.reserved, 0) AS stockReserved,
                           COALESCE(inventory.lowStockThreshold, 5) AS stockThreshold
                    FROM product LEFT JOIN inventory ON inventory.productId = product.id
                    WHERE product.status = 'active'
                    ORDER BY product.id
                    """)
            while let row = try rows.next() {
                products.append(
                    .init(
                        product: try ProductRecord(row: row), onHand: row["stockOnHand"], reserved: row["stockReserved"],
                        lowStockThreshold: row["stockThreshold"]))
            }
            var ratings: [Int64: RatingSummary] = [:]
            let ratingRows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT productId, rating, COUNT(*) AS n FROM review
                    WHERE status = 'published' GROUP BY productId, rating
                    """)
            while let row = try ratingRows.next() {
                let productId: Int64 = row["productId"]
                let rating: Int = row["rating"]
                ratings[productId, default: RatingSummary()].histogram[rating - 1] = row["n"]
            }
            var digests: [Int64: CatalogSnapshot.ReviewDigest] = [:]
            let digestRows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT productId, COUNT(*) AS n, MAX(updatedAt) AS lastChange, MAX(id) AS maxId FROM review
                    WHERE status = 'published' GROUP BY productId
                    """)
            while let row = try digestRows.next() {
                digests[row["productId"]] = .init(count: row["n"], lastChange: row["lastChange"], maxId: row["maxId"])
            }
            var topReviews: [Int64: [ReviewRecord]] = [:]
            let reviewRows = try ReviewRecord.fetchCursor(
                db,
                sql: """
                    SELECT * FROM (
                        SELECT review.*, ROW_NUMBER() OVER (
                            PARTITION BY productId ORDER BY helpfulCount DESC, createdAt DESC, id DESC) AS rank
                        FROM review WHERE status = 'published')
                    WHERE rank <= ? ORDER BY productId, rank
                    """, arguments: [topReviewCount])
            while let review = try reviewRows.next() {
                topReviews[review.productId, default: []].append(review)
            }
            return CatalogSnapshot(
                categories: categories, products: products, ratings: ratings, topReviews: topReviews,
                reviewDigests: digests)
        }
    }

    /// One page of a product's published reviews, newest first.
    public func reviews(productId: Int64, offset: Int, limit: Int) throws -> [ReviewRecord] {
        try reader.read { db in
            try ReviewRecord
                .filter(Column("productId") == productId && Column("status") == "published")
                .order(Column("createdAt").desc, Column("id").desc)
                .limit(limit, offset: offset)
                .fetchAll(db)
        }
    }
}
