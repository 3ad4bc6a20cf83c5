import Foundation
import MercatoCore
import MercatoDatabase
import Testing

@testable import MercatoSite

/// After each kind of catalog edit, the next build renders exactly the outputs that show what changed.
/// The fixture: Kitchen (Blue Mug with 5 reviews and 3 review pages, Cast Iron Teapot, Bread Knife, two
/// products per listing page, five sort orders) and Garden (Watering Can).
@Suite struct IncrementalBuildTests {
    static let sorts = ["", "price-asc/", "price-desc/", "top-rated/", "newest/"]

    static func listings(_ category: String, page: Int = 1) -> Set<String> {
        Set(sorts.map { "categories/\(category)/\($0)" + (page == 1 ? "" : "page/\(page)/") + "index.html" })
    }

    /// The listing pages of `category` (every sort, every page) whose HTML shows `product`.
    static func listingsShowing(_ product: String, in category: String, shop: FixtureShop) throws -> Set<String> {
        try Set(
            listings(category).union(listings(category, page: 2)).filter { path in
                try FileManager.default.fileExists(atPath: shop.dist.appendingPathComponent(path).path)
                    && shop.html(path).contains("/products/\(product)/")
            })
    }

    /// The search files of `category` in the output whose names start with `prefix`: `r-` record blocks,
    /// `f-` filter columns, `s-` sort columns.
    static func searchFiles(_ category: String, _ prefix: String, shop: FixtureShop) throws -> Set<String> {
        let folder = "search/data/\(category)"
        let names = try FileManager.default.contentsOfDirectory(atPath: shop.dist.appendingPathComponent(folder).path)
        return Set(names.filter { $0.hasPrefix(prefix) }.map { "\(folder)/\($0)" })
    }

    @Test func aSecondBuildWithNothingChangedRendersAndWritesNothing() async throws {
        let shop = try FixtureShop()
        defer { shop.remove() }
        let first = try await shop.build()
        #expect(first.rendered == first.outputs && first.written == first.outputs)
        let second = try await shop.build()
        #expect(second.rendered == 0)
        #expect(second.written == 0)
        #expect(second.deleted == 0)
        #expect(second.outputs == first.outputs)
    }

    @Test func aPriceChangeRendersItsPageItsListingsTheHomePageAndTheFeed() async throws {
        let shop = try FixtureShop()
        defer { shop.remove() }
        _ = try await shop.build()
        try shop.database.updateProduct(
            slug: Slug("watering-can"), changes: ProductChanges(price: Money(minorUnits: 1799, currency: .usd)),
            actor: "test")
        let report = try await shop.build()
        // The watering can is Garden's only product: no other product lists it as related. Its search record
        // (in its record block and in the best-results file of its terms' shard) and the price column change;
        // the terms do not, nor its price range (10–25 before and after).
        let search = try Self.searchFiles("garden", "s-", shop: shop).union(["search/data/garden/r-0.bin", "search/terms/b-.bin"])
        #expect(
            Set(report.renderedPaths)
                == Self.listings("garden").union(["products/watering-can/index.html", "index.html", "feed.xml"]).union(search))
        #expect(try shop.html("products/watering-can/index.html").contains("$17.99"))
        #expect(try shop.html("categories/garden/price-asc/index.html").contains("$17.99"))
        #expect(report.tokenised == 0, "the terms recorded by the first build are reused")
    }

    @Test func aStockChangeRendersThePagesThatShowTheProductOrChooseItAsRelated() async throws {
        let shop = try FixtureShop()
        defer { shop.remove() }
        _ = try await shop.build()
        try shop.database.setStock(slug: Slug("blue-mug"), onHand: 39, actor: "test")
        let unchanged = try await shop.build()
        #expect(unchanged.rendered == 0, "40 → 39 in stock shows the same on every page")

        let listings = try Self.listingsShowing("blue-mug", in: "kitchen", shop: shop)
        #expect(listings.count == 5, "one page per sort order shows the mug")
        try shop.database.setStock(slug: Slug("blue-mug"), onHand: 0, actor: "test")
        let soldOut = try await shop.build()
        let reviewPages: Set = [
            "products/blue-mug/reviews/index.html", "products/blue-mug/reviews/page/2/index.html",
            "products/blue-mug/reviews/page/3/index.html",
        ]
        // Out of stock, the mug leaves the teapot's and the bread knife's related products; in search it
        // drops below the products in stock, in the term shard and its best results too. Stock is a filter
        // column, not a sort one.
        let search = try Self.searchFiles("kitchen", "", shop: shop).filter { !$0.contains("/s-") }
            .union(["search/terms/t-.bin", "search/terms/b-.bin"])
        #expect(search.count == 4, "one shard and its best results, one record block, one filter file")
        let expected = listings.union(reviewPages).union([
            "products/blue-mug/index.html", "products/teapot/index.html", "products/bread-knife/index.html",
            "index.html", "feed.xml",
        ]).union(search)
        #expect(Set(soldOut.renderedPaths) == expected)
        #expect(try shop.html("products/blue-mug/index.html").contains("Out of stock"))
        #expect(!(try shop.html("products/teapot/index.html")).contains("/products/blue-mug/"))
    }

    @Test func aNewReviewRendersTheProductItsListingsAndWhereItIsRelated() async throws {
        let shop = try FixtureShop()
        defer { shop.remove() }
        _ = try await shop.build()
        let before = try Self.listingsShowing("teapot", in: "kitchen", shop: shop)
        let teapot = try await shop.database.reader.read { db in
            try Int64.fetchOne(db, sql: "SELECT id FROM product WHERE slug = 'teapot'")!
        }
        let now = shop.clock.now()
        try await shop.database.writer.write { db in
            var review = ReviewRecord(
                productId: teapot, authorName: "Sam", rating: 4, title: "Heavy but good", body: "Keeps tea hot.",
                createdAt: now, updatedAt: now)
            try review.insert(db)
        }
        let report = try await shop.build()
        // Its rating moves it in the featured and top-rated orders: the pages it left render too.
        let after = try Self.listingsShowing("teapot", in: "kitchen", shop: shop)
        #expect(after != before)
        // Its record, rating and review count change, and with a first review its stars, which its terms'
        // counts in the term shard show (one review does not make it well rated, so its postings stay).
        let search = try Self.searchFiles("kitchen", "f-", shop: shop).union(Self.searchFiles("kitchen", "s-", shop: shop))
            .union(["search/data/kitchen/r-0.bin", "search/terms/t-.bin", "search/terms/b-.bin"])
        let expected = before.union(after).union([
            "products/teapot/index.html", "products/blue-mug/index.html", "products/bread-knife/index.html",
            "index.html", "feed.xml",
        ]).union(search)
        #expect(Set(report.renderedPaths) == expected)
        #expect(try shop.html("products/teapot/index.html").contains("Heavy but good"))
        #expect(try shop.html("products/blue-mug/index.html").contains("(1)"), "the teapot's related card shows its one review")
    }

    @Test func aDescriptionEditRendersOnlyThatProductsPageAndItsTermShard() async throws {
        let shop = try FixtureShop()
        defer { shop.remove() }
        _ = try await shop.build()
        try shop.write("Content/products/blue-mug.md", "---\ndescription: A sturdy blue mug.\n---\nNow dishwasher safe.\n")
        let report = try await shop.build()
        // A new word in its description: the shard that holds it, and that shard's best results.
        let changed = ["products/blue-mug/index.html", "search/terms/b-.bin", "search/terms/t-.bin"]
        #expect(report.renderedPaths == changed)
        #expect(report.writtenPaths == changed)
        #expect(try shop.html("products/blue-mug/index.html").contains("Now dishwasher safe."))
        #expect(report.tokenised == 1, "only the edited product's text is read again")
    }

    @Test func aCategoryRenameRendersEveryHTMLPageButNotTheFeedsOrAssets() async throws {
        let shop = try FixtureShop()
        defer { shop.remove() }
        let first = try await shop.build()
        try shop.database.saveCategory(slug: Slug("kitchen"), name: "Kitchenware", position: 1, actor: "test")
        let report = try await shop.build()
        let html = Set(first.renderedPaths.filter { $0.hasSuffix(".html") })
        // The search manifest names the categories, and a category's name is one of its products' terms.
        #expect(
            Set(report.renderedPaths) == html.union(["search/manifest.bin", "search/terms/t-.bin", "search/terms/b-.bin"]),
            "the category navigation is on every page")
        #expect(try shop.html("about/index.html").contains("Kitchenware"))
        #expect(try shop.html("products/blue-mug/index.html").contains(">Kitchenware</a>"))
        #expect(report.tokenised == 3, "every Kitchen product has the category's name among its terms")
    }

    @Test func aTemplateEditRendersExactlyThePagesThatUseIt() async throws {
        let shop = try FixtureShop()
        defer { shop.remove() }
        let first = try await shop.build()
        let template = shop.root.appendingPathComponent("Templates/reviews.mustache")
        let text = try String(contentsOf: template, encoding: .utf8)
        try text.replacingOccurrences(of: "<div class=\"review-list\">", with: "<div class=\"review-list edited\">")
            .write(to: template, atomically: true, encoding: .utf8)
        let report = try await shop.build()
        #expect(
            report.renderedPaths == [
                "products/blue-mug/reviews/index.html", "products/blue-mug/reviews/page/2/index.html",
                "products/blue-mug/reviews/page/3/index.html",
            ])
        #expect(try shop.html("products/blue-mug/reviews/index.html").contains("review-list edited"))

        // A partial every page includes re-renders every HTML page, and nothing else.
        let partial = shop.root.appendingPathComponent("Templates/partials/bottom.mustache")
        try (try String(contentsOf: partial, encoding: .utf8)).replacingOccurrences(of: "Secure checkout", with: "Safe checkout")
            .write(to: partial, atomically: true, encoding: .utf8)
        let everyPage = try await shop.build()
        #expect(Set(everyPage.renderedPaths) == Set(first.renderedPaths.filter { $0.hasSuffix(".html") }))
    }

    @Test func aRemovedProductsPagesAreDeletedAndThePagesThatShowedItRendered() async throws {
        let shop = try FixtureShop()
        defer { shop.remove() }
        _ = try await shop.build()
        let filters = try Self.searchFiles("kitchen", "f-", shop: shop).union(Self.searchFiles("kitchen", "s-", shop: shop))
        try shop.database.removeProduct(slug: Slug("blue-mug"), actor: "test")
        let report = try await shop.build()
        // Kitchen's products are numbered anew: every search file of Kitchen changes, and the column files'
        // names (which carry the numbering's version) with the manifest.
        #expect(
            Set(report.deletedPaths)
                == Self.listings("kitchen", page: 2).union([
                    "products/blue-mug/index.html", "products/blue-mug/reviews/index.html",
                    "products/blue-mug/reviews/page/2/index.html", "products/blue-mug/reviews/page/3/index.html",
                ]).union(filters), "two kitchen products are left: one page per sort order")
        #expect(
            Set(report.renderedPaths)
                == Self.listings("kitchen").union([
                    "products/teapot/index.html", "products/bread-knife/index.html", "index.html",
                    "categories/index.html", "feed.xml", "sitemap.xml", "search/manifest.bin", "search/terms/t-.bin",
                    "search/terms/b-.bin",
                ]).union(try Self.searchFiles("kitchen", "", shop: shop)))
        #expect(!FileManager.default.fileExists(atPath: shop.dist.appendingPathComponent("products/blue-mug").path))
        #expect(!(try shop.html("sitemap.xml")).contains("blue-mug"))
        #expect(!(try shop.html("categories/kitchen/index.html")).contains("Blue Mug"))
    }

    @Test func deletingTheOutputFolderRebuildsEverything() async throws {
        let shop = try FixtureShop()
        defer { shop.remove() }
        let first = try await shop.build()
        try FileManager.default.removeItem(at: shop.dist)
        let again = try await shop.build()
        #expect(again.written == first.outputs)
    }

    @Test func aFullBuildRestoresAFileDeletedByHand() async throws {
        let shop = try FixtureShop()
        defer { shop.remove() }
        _ = try await shop.build()
        try FileManager.default.removeItem(at: shop.dist.appendingPathComponent("products/teapot/index.html"))
        var builder = shop.builder()
        builder.full = true
        let report = try await builder.build()
        #expect(report.writtenPaths == ["products/teapot/index.html"])
        #expect(try shop.html("products/teapot/index.html").contains("Cast Iron Teapot"))
    }
}
