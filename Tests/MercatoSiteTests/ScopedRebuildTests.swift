import Foundation
import GRDB
import MercatoCore
import MercatoDatabase
import Testing

@testable import MercatoSite

/// A rebuild looks only at the categories that changed (and the site-wide pages). Whatever the edits,
/// the result must be the site a first build makes: after random edits and scoped rebuilds, the output
/// folder and the manifest equal those of a build from scratch.
@Suite struct ScopedRebuildTests {
    /// Enough Markdown files for `Content/products` to be a large folder compared by digest.
    static func addFillerMarkdown(_ shop: FixtureShop) throws {
        for index in 0...SourceFileScanner.largeFolder {
            try shop.write("Content/products/filler-\(index).md", "Filler \(index).\n")
        }
    }

    @Test func scopedRebuildsEqualAWholeSiteBuildAfterRandomEdits() async throws {
        var shop = try FixtureShop()
        shop.configuration.relatedProducts = 2
        defer { shop.remove() }
        try Self.addFillerMarkdown(shop)
        _ = try await shop.build()
        var random = SeededGenerator(seed: 20_261_125)
        var added = 0
        var edits: [String] = []
        for _ in 0..<30 {
            edits.append(try edit(shop, random: &random, added: &added))
            _ = try await shop.build()
            // The site as the scoped rebuild left it, then as a first build makes it from scratch.
            let recorded = try shop.database.loadOutputManifest()
            let rebuilt = try Self.files(in: shop.dist)
            try FileManager.default.removeItem(at: shop.dist)
            var fromScratch = shop.builder()
            fromScratch.full = true
            let whole = try await fromScratch.build()
            let active = try await shop.database.reader.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM product WHERE status = 'active'") }
            #expect(whole.tokenised == active, "a build with --full trusts no recorded search terms")
            let fresh = try Self.files(in: shop.dist)
            #expect(rebuilt.keys.sorted() == fresh.keys.sorted(), "after \(edits)")
            #expect(rebuilt.filter { fresh[$0.key] != $0.value }.keys.sorted() == [], "after \(edits)")
            #expect(try shop.database.loadOutputManifest() == recorded, "after \(edits)")
        }
    }

    /// Every file under `folder`: relative path → bytes.
    static func files(in folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])!
        for case let url as URL in enumerator where try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true {
            files[String(url.path.dropFirst(folder.path.count + 1))] = try Data(contentsOf: url)
        }
        return files
    }

    @Test func aStockChangeLooksOnlyAtItsCategory() async throws {
        let shop = try FixtureShop()
        defer { shop.remove() }
        _ = try await shop.build()
        try shop.database.setStock(slug: Slug("watering-can"), onHand: 0, actor: "test")
        let report = try await shop.build()
        let load = try #require(report.stages.first { $0.stage == .load })
        #expect(load.summary.contains("(1 read: 1 changed category)"), "\(load.summary)")
        #expect(try shop.html("products/watering-can/index.html").contains("Out of stock"))
        let nothing = try await shop.build()
        #expect(nothing.stages.first { $0.stage == .load }?.summary.contains("(0 read: 0 changed categories)") == true)
        #expect(nothing.rendered == 0)
    }

    /// The term shards hold every category's terms: a rebuild that looks at one category takes the others'
    /// from the build manifest; without them (a shop last built before they were recorded) it looks at all.
    @Test func aRebuildWithoutAnotherCategorysRecordedTermsLooksAtTheWholeSite() async throws {
        let shop = try FixtureShop()
        defer { shop.remove() }
        _ = try await shop.build()
        func load(_ report: BuildReport) -> String { report.stages.first { $0.stage == .load }?.summary ?? "" }
        func kitchenTerms() throws -> Set<String> {
            let shard = try DecodedShard(Array(try Data(contentsOf: shop.dist.appendingPathComponent("search/terms/t-.bin"))))
            return Set(try #require(shard.sections["kitchen"]).postings.keys)
        }
        let terms = try kitchenTerms()
        #expect(terms.contains("stoneware"))
        try await shop.database.writer.write { db in
            try db.execute(sql: "DELETE FROM searchPostings WHERE categoryId = (SELECT id FROM category WHERE slug = 'kitchen')")
        }
        try shop.database.setStock(slug: Slug("watering-can"), onHand: 0, actor: "test")
        let whole = try await shop.build()
        #expect(!load(whole).contains("changed categor"), "\(load(whole))")
        #expect(try kitchenTerms() == terms)
        // Recorded again: the next change in Garden looks at Garden only, and Kitchen's section stays.
        try shop.database.setStock(slug: Slug("watering-can"), onHand: 9, actor: "test")
        let scoped = try await shop.build()
        #expect(load(scoped).contains("(1 read: 1 changed category)"), "\(load(scoped))")
        #expect(try kitchenTerms() == terms)
    }

    @Test func theChangeLogNamesEveryCategoryAWriteTouches() throws {
        let shop = try FixtureShop()
        defer { shop.remove() }
        func changed() throws -> Set<Int64> {
            try shop.database.reader.read { db in Set(try Int64.fetchAll(db, sql: "SELECT categoryId FROM catalogChange")) }
        }
        func forget() throws { try shop.database.writer.write { db in try db.execute(sql: "DELETE FROM catalogChange") } }
        let ids = try shop.database.reader.read { db in
            try Dictionary(uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT slug, id FROM category").map { ($0[0] as String, $0[1] as Int64) })
        }
        let kitchen = ids["kitchen"]!
        let garden = ids["garden"]!
        try forget()
        try shop.database.setStock(slug: Slug("teapot"), onHand: 7, actor: "test")
        #expect(try changed() == [kitchen])
        try forget()
        try shop.database.updateProduct(slug: Slug("teapot"), changes: ProductChanges(categorySlug: Slug("garden")), actor: "test")
        #expect(try changed() == [kitchen, garden], "the category it left and the one it joined")
        try forget()
        try shop.database.writer.write { db in
            let id = try Int64.fetchOne(db, sql: "SELECT id FROM product WHERE slug = 'blue-mug'")!
            try db.execute(sql: "UPDATE review SET helpfulCount = helpfulCount + 1 WHERE productId = ?", arguments: [id])
        }
        #expect(try changed() == [kitchen], "a review edit reaches the summary, and the summary the change log")
        try forget()
        try shop.database.removeProduct(slug: Slug("watering-can"), actor: "test")
        #expect(try changed() == [garden])
        try forget()
        _ = try shop.database.saveCategory(slug: Slug("garden"), name: "Garden & Patio", position: 2, actor: "test")
        #expect(try changed() == [0], "a category's name is on every page")
    }

    /// One random catalog or content edit; returns what it did.
    private func edit(_ shop: FixtureShop, random: inout SeededGenerator, added: inout Int) throws -> String {
        let slugs = try shop.database.reader.read { db in
            try String.fetchAll(db, sql: "SELECT slug FROM product WHERE status = 'active' ORDER BY id")
        }
        guard let slug = slugs.randomElement(using: &random) else {
            added += 1
            return try addProduct(shop, number: added)
        }
        switch Int.random(in: 0..<11, using: &random) {
        case 0:
            let price = Int.random(in: 500...5000, using: &random)
            try shop.database.updateProduct(
                slug: Slug(slug), changes: ProductChanges(price: Money(minorUnits: price, currency: .usd)), actor: "test")
            return "\(slug) costs \(price)"
        case 1:
            let stock = [0, 2, 30].randomElement(using: &random)!
            try shop.database.setStock(slug: Slug(slug), onHand: stock, actor: "test")
            return "\(slug) stock \(stock)"
        case 2:
            let rating = Int.random(in: 1...5, using: &random)
            try shop.database.writer.write { db in
                let id = try Int64.fetchOne(db, sql: "SELECT id FROM product WHERE slug = ?", arguments: [slug])!
                var review = ReviewRecord(
                    productId: id, authorName: "Random", rating: rating, title: "Random", body: "Random review",
                    helpfulCount: 0, createdAt: shop.clock.now(), updatedAt: shop.clock.now())
                try review.insert(db)
            }
            shop.clock.advance(by: 60)
            return "\(slug) reviewed \(rating)"
        case 3:
            let text = "Edited \(Int.random(in: 0...1_000_000, using: &random))."
            try shop.write(ShopLayout.productContentPath(slug), "---\ndescription: \(text)\n---\n\(text)\n")
            return "\(slug) Markdown edited"
        case 4:
            try? FileManager.default.removeItem(at: shop.root.appendingPathComponent(ShopLayout.productContentPath(slug)))
            return "\(slug) Markdown removed"
        case 5:
            let category = ["kitchen", "garden"].randomElement(using: &random)!
            try shop.database.updateProduct(slug: Slug(slug), changes: ProductChanges(categorySlug: Slug(category)), actor: "test")
            return "\(slug) moved to \(category)"
        case 6:
            added += 1
            return try addProduct(shop, number: added)
        case 7:
            try shop.database.removeProduct(slug: Slug(slug), actor: "test")
            return "\(slug) removed"
        case 8:
            let category = ["kitchen", "garden"].randomElement(using: &random)!
            try shop.write(ShopLayout.categoryContentPath(category), "About \(category), \(Int.random(in: 0...99, using: &random)).\n")
            return "\(category) intro edited"
        case 9:
            try shop.database.updateProduct(
                slug: Slug(slug), changes: ProductChanges(featured: Bool.random(using: &random)), actor: "test")
            return "\(slug) featured toggled"
        default:
            try shop.write("Content/pages/about.md", "---\ntitle: About us\n---\nVersion \(Int.random(in: 0...99, using: &random)).\n")
            return "about page edited"
        }
    }

    private func addProduct(_ shop: FixtureShop, number: Int) throws -> String {
        shop.clock.advance(by: 600)
        let slug = "new-product-\(number)"
        _ = try shop.database.addProduct(
            ProductDraft(
                slug: Slug(slug), sku: slug.uppercased(), name: "New Product \(number)", brand: "Acme",
                categorySlug: Slug(number.isMultiple(of: 2) ? "kitchen" : "garden"),
                price: Money(minorUnits: 1000 + number * 7, currency: .usd), stock: 5, featured: number.isMultiple(of: 3),
                imagePath: nil, tags: [], attributes: [:]),
            actor: "test")
        return "\(slug) added"
    }
}

/// A seeded generator (SplitMix64), so a failing sequence of edits can be replayed.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
