import Foundation
import GRDB
import MercatoCore
import MercatoDatabase
import Testing

@testable import MercatoSite

@Suite struct BuilderTests {
    @Test func productPageShowsWhatAShopperNeeds() async throws {
        let shop = try FixtureShop()
        defer { shop.remove() }
        _ = try await shop.build()
        let html = try shop.html("products/blue-mug/index.html")
        #expect(html.contains("<h1>Blue Mug</h1>"))
        #expect(html.contains("$12.99"))
        #expect(html.contains("In stock"))
        #expect(html.contains("<strong>sturdy</strong> mug for tea &amp; coffee."))
        #expect(html.contains("srcset=\"/images/mug-320w.png 320w, /images/mug-640w.png 640w\""))
        #expect(html.contains("<link rel=\"canonical\" href=\"https://shop.example/products/blue-mug/\">"))
        #expect(html.contains("<meta property=\"og:type\" content=\"product\">"))
        #expect(html.contains("<meta name=\"description\" content=\"A sturdy blue mug.\">"))
        #expect(html.contains("\"@type\":\"Product\""))
        #expect(html.contains("\"@type\":\"AggregateRating\""))
        #expect(html.contains("\"ratingValue\":\"4.2\""))
        #expect(html.contains("\"@type\":\"BreadcrumbList\""))
        #expect(html.contains("\"price\":\"12.99\""))
        #expect(html.contains("<a href=\"/categories/kitchen/\">Kitchen</a>"))
        // Review text is escaped, never injected.
        #expect(html.contains("Body &lt;b&gt;4&lt;/b&gt;"))
        #expect(!html.contains("Body <b>"))
        // The three most helpful reviews are shown, with a link to all five.
        #expect(html.contains("Review 4") && html.contains("Review 3") && html.contains("Review 2"))
        #expect(!html.contains("Review 0"))
        #expect(html.contains("href=\"/products/blue-mug/reviews/\""))
        #expect(html.contains("<dt>Material</dt><dd>Stoneware</dd>"))
    }

    @Test func stockStatusAndSalePricesAreShown() async throws {
        let shop = try FixtureShop()
        defer { shop.remove() }
        try shop.database.updateProduct(
            slug: Slug("teapot"), changes: ProductChanges(compareAtPrice: .some(Money(minorUnits: 5900, currency: .usd))),
            actor: "test")
        _ = try await shop.build()
        let teapot = try shop.html("products/teapot/index.html")
        #expect(teapot.contains("Only 3 left"))
        #expect(teapot.contains("<s><span class=\"visually-hidden\">was </span>$59.00</s>"))
        let knife = try shop.html("products/bread-knife/index.html")
        #expect(knife.contains("Out of stock"))
        #expect(knife.contains("\"availability\":\"https://schema.org/OutOfStock\""))
    }

    @Test func categoryListingsArePaginatedAndSortedAsStaticPages() async throws {
        let shop = try FixtureShop()
        defer { shop.remove() }
        _ = try await shop.build()
        let first = try shop.html("categories/kitchen/price-asc/index.html")
        let second = try shop.html("categories/kitchen/price-asc/page/2/index.html")
        #expect(first.contains("Blue Mug") && first.contains("Bread Knife") && !first.contains("Cast Iron Teapot"))
        #expect(second.contains("Cast Iron Teapot"))
        #expect(first.contains("rel=\"next\" href=\"/categories/kitchen/price-asc/page/2/\""))
        let descending = try shop.html("categories/kitchen/price-desc/index.html")
        #expect(descending.range(of: "Cast Iron Teapot")!.lowerBound < descending.range(of: "Bread Knife")!.lowerBound)
        let main = try shop.html("categories/kitchen/index.html")
        #expect(main.contains("Everything for the <em>kitchen</em>."))
        #expect(main.contains("<span aria-current=\"page\">Featured</span>"))
        for sort in ["top-rated", "newest"] {
            #expect(FileManager.default.fileExists(atPath: shop.dist.appendingPathComponent("categories/kitchen/\(sort)/index.html").path))
        }
    }

    @Test func reviewPagesArePaginated() async throws {
        let shop = try FixtureShop()
        defer { shop.remove() }
        _ = try await shop.build()
        let first = try shop.html("products/blue-mug/reviews/index.html")
        let third = try shop.html("products/blue-mug/reviews/page/3/index.html")
        #expect(first.contains("Review 4") && first.contains("Review 3") && !first.contains("Review 2"))
        #expect(third.contains("Review 0"))
        #expect(!FileManager.default.fileExists(atPath: shop.dist.appendingPathComponent("products/teapot/reviews/index.html").path))
    }

    @Test func homeSitemapFeedRobotsHeadersAnd404AreWritten() async throws {
        let shop = try FixtureShop()
        defer { shop.remove() }
        _ = try await shop.build()
        let home = try shop.html("index.html")
        #expect(home.contains("Featured") && home.contains("Blue Mug"))
        #expect(home.contains("New arrivals") && home.contains("Watering Can"))
        #expect(home.contains("Top rated"))
        let sitemap = try shop.html("sitemap.xml")
        #expect(sitemap.contains("<loc>https://shop.example/products/teapot/</loc>"))
        #expect(sitemap.contains("<loc>https://shop.example/about/</loc>"))
        #expect(!sitemap.contains("404"))
        #expect(sitemap.contains("<loc>https://shop.example/categories/kitchen/page/2/</loc>"))
        #expect(!sitemap.contains("price-asc") && !sitemap.contains("/search/"), "other sort orders and search stay out")
        #expect(try shop.html("categories/kitchen/price-asc/index.html").contains("<meta name=\"robots\" content=\"noindex\">"))
        #expect(!(try shop.html("categories/kitchen/index.html")).contains("noindex"))
        let feed = try shop.html("feed.xml")
        #expect(feed.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\">"))
        #expect(feed.contains("<title>Watering Can</title>"))
        #expect(try shop.html("robots.txt").contains("Sitemap: https://shop.example/sitemap.xml"))
        #expect(try shop.html("_headers").contains("immutable"))
        let notFound = try shop.html("404.html")
        #expect(notFound.contains("Page not found") && notFound.contains("noindex"))
        let about = try shop.html("about/index.html")
        #expect(about.contains("<h1>About us</h1>") && about.contains("We sell good things."))
    }

    @Test func stylesheetIsFingerprinted() async throws {
        let shop = try FixtureShop()
        defer { shop.remove() }
        _ = try await shop.build()
        let css = try FileManager.default.contentsOfDirectory(atPath: shop.dist.appendingPathComponent("css").path)
        #expect(css.count == 1)
        let name = try #require(css.first)
        #expect(name.hasPrefix("site.") && name.hasSuffix(".css") && name.count == "site.0123456789.css".count)
        #expect(try shop.html("index.html").contains("href=\"/css/\(name)\""))
    }

    @Test func draftAndArchivedProductsHaveNoPages() async throws {
        let shop = try FixtureShop()
        defer { shop.remove() }
        try shop.database.updateProduct(slug: Slug("teapot"), changes: ProductChanges(status: .draft), actor: "test")
        _ = try await shop.build()
        #expect(!FileManager.default.fileExists(atPath: shop.dist.appendingPathComponent("products/teapot").path))
        #expect(!(try shop.html("categories/kitchen/index.html")).contains("Teapot"))
    }

    @Test func theDefaultMetaDescriptionIsTheFirstParagraphAsPlainText() {
        #expect(Markdown.summary("# Heading\n\n- a list\n\nA **sturdy** mug\r\n  for `tea`.\n\nMore.") == "A sturdy mug for tea.")
        #expect(Markdown.summary("  Crème [brûlée](/x/) dish  ") == "Crème brûlée(/x/) dish")
        #expect(Markdown.summary("") == "" && Markdown.summary("\n\n   \n") == "")
        let long = String(repeating: "Ünïcode words ", count: 20)
        let cut = Markdown.summary(long, limit: 30)
        #expect(cut == "Ünïcode words Ünïcode words…", "cut at a space within 30 characters, not bytes")
    }
}
