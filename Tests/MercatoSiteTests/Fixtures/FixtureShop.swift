import Foundation
import MercatoCore
import MercatoDatabase
@testable import MercatoSite

/// A small shop in a temporary folder: the project's real templates and stylesheet, a real SQLite file,
/// Markdown content, two categories, a handful of products and reviews.
struct FixtureShop {
    let root: URL
    let database: AppDatabase
    let clock = FixedClock(Date(timeIntervalSince1970: 1_790_000_000))
    var configuration = SiteConfiguration(name: "Fixture Shop", baseURL: "https://shop.example", productsPerPage: 2, reviewsPerPage: 2)

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("mercato-fixture-\(UUID().uuidString)")
        let manager = FileManager.default
        try manager.createDirectory(at: root, withIntermediateDirectories: true)
        try manager.copyItem(at: Self.repository.appendingPathComponent("Templates"), to: root.appendingPathComponent("Templates"))
        try manager.createDirectory(at: root.appendingPathComponent("public/css"), withIntermediateDirectories: true)
        try manager.createDirectory(at: root.appendingPathComponent("public/images"), withIntermediateDirectories: true)
        try "body { margin: 0 }\n".write(to: root.appendingPathComponent("public/css/site.css"), atomically: true, encoding: .utf8)
        // Stand-ins for the storefront's modules, fixed so that snapshots do not change with the real scripts;
        // they import one another as the real ones do, for the pages' import maps.
        try manager.createDirectory(at: root.appendingPathComponent("public/js"), withIntermediateDirectories: true)
        let modules = [
            "site": "import \"./cart.js\";\nexport const search = () => import(\"./search-engine.js\");\n",
            "search-engine": "import { words } from \"./search-text.js\";\nexport { words };\n",
            "product-page": "import \"./cart.js\";\n", "checkout-page": "import \"./stripe-card.js\";\n",
            "search-page": "import \"./search-engine.js\";\n", "category-page": "import \"./search-engine.js\";\n",
            "cart": "export {};\n", "cart-page": "import \"./cart.js\";\n", "order-page": "export {};\n",
            "search-text": "export const words = [];\n", "stripe-card": "export {};\n",
        ]
        for (name, text) in modules {
            try text.write(to: root.appendingPathComponent("public/js/\(name).js"), atomically: true, encoding: .utf8)
        }
        for width in [320, 640] {
            try Data([0x89, 0x50, 0x4E, 0x47]).write(to: root.appendingPathComponent("public/images/mug-\(width)w.png"))
        }
        database = try AppDatabase.open(at: root.appendingPathComponent("var/mercato.sqlite").path, clock: clock)
        try seed()
    }

    var layout: ShopLayout { ShopLayout(root: root) }
    var dist: URL { root.appendingPathComponent("dist") }

    func builder() -> SiteBuilder {
        SiteBuilder(layout: layout, database: database, configuration: configuration, concurrency: 2)
    }

    func build() async throws -> BuildReport { try await builder().build() }

    func html(_ path: String) throws -> String {
        try String(contentsOf: dist.appendingPathComponent(path), encoding: .utf8)
    }

    func write(_ relativePath: String, _ text: String) throws {
        let url = root.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    func remove() { try? FileManager.default.removeItem(at: root) }

    private func seed() throws {
        try database.saveCategory(slug: Slug("kitchen"), name: "Kitchen", position: 1, actor: "test")
        try database.saveCategory(slug: Slug("garden"), name: "Garden", position: 2, actor: "test")
        let products: [(String, String, String, Int, Int, Bool)] = [
            ("blue-mug", "Blue Mug", "kitchen", 1299, 40, true),
            ("teapot", "Cast Iron Teapot", "kitchen", 4500, 3, false),
            ("bread-knife", "Bread Knife", "kitchen", 2450, 0, false),
            ("watering-can", "Watering Can", "garden", 1999, 12, false),
        ]
        for (slug, name, category, price, stock, featured) in products {
            clock.advance(by: 3600)
            try database.addProduct(
                ProductDraft(
                    slug: Slug(slug), sku: slug.uppercased(), name: name, brand: "Acme", categorySlug: Slug(category),
                    price: Money(minorUnits: price, currency: .usd), stock: stock, featured: featured,
                    imagePath: slug == "blue-mug" ? "/images/mug.png" : nil, tags: ["gift"],
                    attributes: ["Material": "Stoneware"]),
                actor: "test")
        }
        try write("Content/products/blue-mug.md", "---\ndescription: A sturdy blue mug.\n---\nA **sturdy** mug for tea & coffee.\n")
        try write("Content/categories/kitchen.md", "Everything for the *kitchen*.\n")
        try write("Content/pages/about.md", "---\ntitle: About us\n---\nWe sell good things.\n")
        let mugId = try database.reader.read { db in try Int64.fetchOne(db, sql: "SELECT id FROM product WHERE slug = 'blue-mug'")! }
        try database.writer.write { db in
            for (index, rating) in [5, 4, 5, 2, 5].enumerated() {
                var review = ReviewRecord(
                    productId: mugId, authorName: "Reviewer \(index)", rating: rating, title: "Review \(index)",
                    body: "Body <b>\(index)</b>", helpfulCount: index, createdAt: clock.now() + Double(index),
                    updatedAt: clock.now() + Double(index))
                try review.insert(db)
            }
        }
    }
}

import GRDB
