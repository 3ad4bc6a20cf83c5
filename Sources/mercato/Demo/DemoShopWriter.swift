import Foundation
import GRDB
import MercatoCore
import MercatoDatabase
import MercatoSite

/// Writes a ``DemoCatalog`` into a shop: database rows in large transactions with prepared statements
/// (so 100,000 products and 2,000,000 reviews take seconds, not hours), Markdown files and images.
struct DemoShopWriter {
    let catalog: DemoCatalog
    let layout: ShopLayout
    let database: AppDatabase

    func writeImages() throws {
        let folder = layout.url("public/images/products")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (index, category) in catalog.categories.enumerated() {
            for variant in 0..<DemoCatalog.imageVariantsPerCategory {
                let name = DemoCatalog.imageName(category: category.slug, variant: variant)
                for width in DemoCatalog.imageWidths {
                    let png = ProductImagePainter.png(
                        category: category.slug, categoryIndex: index, variant: variant, width: width)
                    try Data(png).write(to: folder.appendingPathComponent("\(name)-\(width)w.png"))
                    if width == 640 { try Data(png).write(to: folder.appendingPathComponent("\(name).png")) }
                }
            }
        }
    }

    func writeCategories() throws {
        let folder = layout.url("Content/categories")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for category in catalog.categories {
            try database.saveCategory(slug: category.slug, name: category.name, position: category.position, actor: "demo")
            let text = "---\ntitle: \(category.name)\n---\n\(category.descriptionMarkdown)\n"
            try Data(text.utf8).write(to: folder.appendingPathComponent("\(category.slug).md"))
        }
        try database.writer.write { db in
            let now = DemoCommand.referenceDate
            try db.execute(
                sql: "INSERT INTO user (email, name, role, registeredAt) VALUES (?, ?, 'admin', ?), (?, ?, 'vendor', ?)",
                arguments: ["admin@example.com", "Shop Admin", now, "vendor@example.com", "Demo Vendor", now])
        }
    }

    /// Products, stock and reviews in transactions of 5,000 products each.
    func writeProducts(progress: (Int) -> Void) throws {
        let categoryIds = try database.reader.read { db in
            try Dictionary(uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT slug, id FROM category").map {
                (row: Row) -> (String, Int64) in (row["slug"], row["id"])
            })
        }
        let folder = layout.url("Content/products")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let batch = 5_000
        for start in stride(from: 0, to: catalog.productCount, by: batch) {
            let range = start..<min(start + batch, catalog.productCount)
            var files: [(String, String)] = []
            try database.writer.write { db in
                let insertProduct = try db.makeStatement(
                    sql: """
                        INSERT INTO product (slug, sku, name, brand, categoryId, priceMinor, compareAtMinor, currency,
                            status, featured, imagePath, tags, attributes, createdAt, updatedAt)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                let insertStock = try db.makeStatement(
                    sql: "INSERT INTO inventory (productId, onHand, updatedAt) VALUES (?, ?, ?)")
                let insertReview = try db.makeStatement(
                    sql: """
                        INSERT INTO review (productId, authorName, rating, title, body, helpfulCount, verifiedPurchase,
                            createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                for index in range {
                    let product = catalog.product(at: index)
                    let draft = product.draft
                    let attributes = String(decoding: try encoder.encode(draft.attributes), as: UTF8.self)
                    try insertProduct.execute(arguments: [
                        draft.slug.rawValue, draft.sku, draft.name, draft.brand, categoryIds[draft.categorySlug.rawValue],
                        draft.price.minorUnits, draft.compareAtPrice?.minorUnits, draft.price.currency.code,
                        draft.status.rawValue, draft.featured, draft.imagePath, draft.tags.joined(separator: ","),
                        attributes, product.createdAt, product.createdAt,
                    ])
                    let productId = db.lastInsertedRowID
                    try insertStock.execute(arguments: [productId, draft.stock, product.createdAt])
                    for review in catalog.reviews(forProductAt: index) {
                        try insertReview.execute(arguments: [
                            productId, review.authorName, review.rating, review.title, review.body, review.helpfulCount,
                            review.verifiedPurchase, review.createdAt, review.createdAt,
                        ])
                    }
                    files.append((draft.slug.rawValue, draft.descriptionMarkdown ?? ""))
                }
            }
            for (slug, markdown) in files {
                try Data((markdown.hasSuffix("\n") ? markdown : markdown + "\n").utf8)
                    .write(to: folder.appendingPathComponent("\(slug).md"))
            }
            progress(range.upperBound)
        }
    }
}
