import Foundation
import GRDB
import MercatoCore

/// What a build reads from the database, in one transaction so the site is consistent even while the
/// checkout server writes: every category, the products of the categories the build looks at (all of
/// them, or only those changed since the last build), and the few products site-wide pages show.
/// Reviews are summarised in SQL; review pages fetch their own page of reviews.
public struct CatalogSnapshot: Sendable {
    public var categories: [CategoryRecord]
    /// The categories whose products were read; `nil`: every category.
    public var scope: Set<Int64>?
    /// The active products of the categories in scope, by id.
    public var products: [ProductRow]
    /// Products outside the scope that site-wide pages show (home page sections, category images, feed).
    public var shownElsewhere: [ProductRow]
    public var ratings: [Int64: RatingSummary]
    /// Per product: how many published reviews and the revision of its reviews, for page fingerprints.
    public var reviewDigests: [Int64: ReviewDigest]
    public var summary: SiteSummary
    /// Per product in scope: the active products of its category bought with it, most orders first
    /// (ties: lower id). Empty when it has no order history.
    public var alsoBought: [Int64: [Int64]]
    /// The last catalog change this snapshot includes; saving the build forgets changes up to it.
    public var changeSequence: Int64

    public struct ProductRow: Sendable, Hashable {
        public var product: ProductRecord
        public var onHand: Int
        public var reserved: Int
        public var lowStockThreshold: Int

        public init(product: ProductRecord, onHand: Int, reserved: Int, lowStockThreshold: Int) {
            self.product = product
            self.onHand = onHand
            self.reserved = reserved
            self.lowStockThreshold = lowStockThreshold
        }

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

    /// What site-wide pages show of the whole catalog, selected in SQL so that a rebuild need not read it all.
    public struct SiteSummary: Sendable, Hashable {
        /// Active products, newest first (ties: higher id), at most ``listLength``.
        public var newest: [Int64]
        /// Featured active products, newest first, at most ``listLength``.
        public var newestFeatured: [Int64]
        /// Active products with at least 3 reviews, by average rating in tenths
        /// (rounded half up), then review count, then higher id; at most ``listLength``.
        public var bestRated: [Int64]
        /// Active products per category.
        public var productCounts: [Int64: Int]
        /// Per category, its lowest-id active product with an image.
        public var firstWithImage: [Int64: Int64]
        /// Active products by units sold, most first (ties: higher id), at most ``listLength``.
        public var bestSelling: [Int64]

        public static let listLength = 20

        public var productCount: Int { productCounts.values.reduce(0, +) }
        var productIds: Set<Int64> { Set(newest + newestFeatured + bestRated + bestSelling + firstWithImage.values) }
    }
}

extension AppDatabase {
    /// Reads the catalog for a build. The categories in scope are those the caller names plus those
    /// changed since the last build (`catalogChange`), and the categories of the named products; `nil`
    /// when the caller asks for the whole site or a category itself changed.
    public func catalogSnapshot(
        wholeSite: Bool = true, categorySlugs: some Collection<String> = [String](),
        productSlugs: some Collection<String> = [String]()
    ) throws -> CatalogSnapshot {
        try reader.read { db in
            let categories = try CategoryRecord.order(Column("position"), Column("name")).fetchAll(db)
            let changes = try Row.fetchAll(db, sql: "SELECT categoryId, sequence FROM catalogChange")
            let changeSequence = changes.map { $0[1] as Int64 }.max() ?? 0
            var scope: Set<Int64>? = nil
            if !wholeSite {
                var ids = Set(changes.map { $0[0] as Int64 })
                let bySlug = Dictionary(uniqueKeysWithValues: categories.map { ($0.slug, $0.id!) })
                ids.formUnion(categorySlugs.compactMap { bySlug[$0] })
                let statement = try db.cachedStatement(sql: "SELECT categoryId FROM product WHERE slug = ?")
                for slug in productSlugs {
                    if let id = try Int64.fetchOne(statement, arguments: [slug]) { ids.insert(id) }
                }
                scope = ids.contains(0) ? nil : ids
            }
            let summary = try siteSummary(db)
            let inScope = scope.map { "AND product.categoryId IN (\($0.map(String.init).joined(separator: ",")))" } ?? ""
            let products = try productRows(db, where: "product.status = 'active' \(inScope)")
            let loaded = Set(products.map { $0.product.id! })
            let elsewhere = summary.productIds.subtracting(loaded)
            let shownElsewhere =
                elsewhere.isEmpty
                ? [] : try productRows(db, where: "product.id IN (\(elsewhere.map(String.init).joined(separator: ",")))")
            var ratings: [Int64: RatingSummary] = [:]
            var digests: [Int64: CatalogSnapshot.ReviewDigest] = [:]
            let reviewFilter =
                scope == nil
                ? "" : "WHERE productId IN (\((loaded.union(elsewhere)).map(String.init).joined(separator: ",")))"
            let summaries = try Row.fetchCursor(
                db, sql: "SELECT productId, stars1, stars2, stars3, stars4, stars5, revision FROM reviewSummary \(reviewFilter)")
            while let row = try summaries.next() {
                let productId: Int64 = row[0]
                let histogram: [Int] = (1...5).map { row[$0] }
                var rating = RatingSummary()
                rating.histogram = histogram
                ratings[productId] = rating
                digests[productId] = .init(count: histogram.reduce(0, +), revision: row[6])
            }
            return CatalogSnapshot(
                categories: categories, scope: scope, products: products, shownElsewhere: shownElsewhere, ratings: ratings,
                reviewDigests: digests, summary: summary, alsoBought: try alsoBought(db, scope: scope), changeSequence: changeSequence)
        }
    }

    /// Pairs bought together within one category, for the products of the categories in scope. The joins
    /// go product → its pairs → the other product by id: left to the planner, the other product was found
    /// through the category index, once per pair (15 s for one category of 9,000 products).
    private func alsoBought(_ db: Database, scope: Set<Int64>?) throws -> [Int64: [Int64]] {
        let inScope = scope.map { "AND product.categoryId IN (\($0.map(String.init).joined(separator: ",")))" } ?? ""
        var result: [Int64: [Int64]] = [:]
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT coPurchase.productId, coPurchase.otherId FROM product
                CROSS JOIN coPurchase ON coPurchase.productId = product.id
                CROSS JOIN product other ON other.id = coPurchase.otherId
                WHERE product.status = 'active' \(inScope) AND coPurchase.orders > 0
                    AND +other.status = 'active' AND +other.categoryId = product.categoryId
                ORDER BY coPurchase.productId, coPurchase.orders DESC, coPurchase.otherId
                """)
        while let row = try rows.next() { result[row[0], default: []].append(row[1]) }
        return result
    }

    /// Products with their stock, by id. Columns by position: a build may read every product.
    private func productRows(_ db: Database, where condition: String) throws -> [CatalogSnapshot.ProductRow] {
        var products: [CatalogSnapshot.ProductRow] = []
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT product.id, slug, sku, name, brand, categoryId, vendorId, priceMinor, compareAtMinor,
                       currency, status, featured, imagePath, tags, attributes, createdAt, product.updatedAt,
                       COALESCE(inventory.onHand, 0), COALESCE(inventory.reserved, 0),
                       COALESCE(inventory.lowStockThreshold, 5)
                FROM product LEFT JOIN inventory ON inventory.productId = product.id
                WHERE \(condition)
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
        return products
    }

    private func siteSummary(_ db: Database) throws -> CatalogSnapshot.SiteSummary {
        let limit = CatalogSnapshot.SiteSummary.listLength
        let newest = try Int64.fetchAll(
            db, sql: "SELECT id FROM product WHERE status = 'active' ORDER BY createdAt DESC, id DESC LIMIT ?",
            arguments: [limit])
        let newestFeatured = try Int64.fetchAll(
            db,
            sql: "SELECT id FROM product WHERE status = 'active' AND featured ORDER BY createdAt DESC, id DESC LIMIT ?",
            arguments: [limit])
        let rating = ReviewSummarySQL.self
        let bestRated = try Int64.fetchAll(
            db,
            sql: """
                SELECT productId FROM reviewSummary INDEXED BY reviewSummary_on_rating
                CROSS JOIN product ON product.id = productId
                WHERE product.status = 'active' AND \(rating.count) >= \(rating.bestRatedMinimumReviews)
                ORDER BY \(rating.averageTenths) DESC, \(rating.count) DESC, productId DESC LIMIT ?
                """,
            arguments: [limit])
        var productCounts: [Int64: Int] = [:]
        for row in try Row.fetchAll(
            db, sql: "SELECT categoryId, COUNT(*) FROM product WHERE status = 'active' GROUP BY categoryId")
        {
            productCounts[row[0]] = row[1]
        }
        var firstWithImage: [Int64: Int64] = [:]
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT categoryId, MIN(id) FROM product INDEXED BY product_with_image_on_categoryId
                WHERE status = 'active' AND imagePath IS NOT NULL GROUP BY categoryId
                """)
        {
            firstWithImage[row[0]] = row[1]
        }
        let bestSelling = try Int64.fetchAll(
            db,
            sql: """
                SELECT productId FROM productSales INDEXED BY productSales_on_units
                CROSS JOIN product ON product.id = productId
                WHERE product.status = 'active' AND units > 0 ORDER BY units DESC, productId DESC LIMIT ?
                """,
            arguments: [limit])
        return .init(
            newest: newest, newestFeatured: newestFeatured, bestRated: bestRated, productCounts: productCounts,
            firstWithImage: firstWithImage, bestSelling: bestSelling)
    }

    /// The `limit` most helpful published reviews of a product, as its page shows them.
    public func topReviews(productId: Int64, limit: Int) throws -> [ReviewRecord] {
        try reader.read { db in
            let statement = try db.cachedStatement(
                sql: """
                    SELECT \(ReviewRecord.selection) FROM review WHERE productId = ? AND status = 'published'
                    ORDER BY helpfulCount DESC, createdAt DESC, id DESC LIMIT ?
                    """)
            return try Array(Row.fetchCursor(statement, arguments: [productId, limit]).map(ReviewRecord.init(selectedRow:)))
        }
    }

    /// One page of a product's published reviews, newest first.
    public func reviews(productId: Int64, offset: Int, limit: Int) throws -> [ReviewRecord] {
        try reader.read { db in
            let statement = try db.cachedStatement(
                sql: """
                    SELECT \(ReviewRecord.selection) FROM review WHERE productId = ? AND status = 'published'
                    ORDER BY createdAt DESC, id DESC LIMIT ? OFFSET ?
                    """)
            return try Array(Row.fetchCursor(statement, arguments: [productId, limit, offset]).map(ReviewRecord.init(selectedRow:)))
        }
    }
}

/// Expressions over `reviewSummary`, shared by the query and the index that serves it (SQLite uses an
/// expression index only for the identical expression).
enum ReviewSummarySQL {
    static let count = "(stars1 + stars2 + stars3 + stars4 + stars5)"
    static let sum = "(stars1 + 2 * stars2 + 3 * stars3 + 4 * stars4 + 5 * stars5)"
    /// The average in tenths, rounded half up, in integers: (sum × 20 + count) / (count × 2), as ``RatingSummary``.
    static let averageTenths = "((\(sum) * 20 + \(count)) / (\(count) * 2))"
    static let bestRatedMinimumReviews = 3
}
