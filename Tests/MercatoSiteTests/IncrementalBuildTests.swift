import Foundation
import MercatoCore
import MercatoDatabase
import Testing

@testable import MercatoSite

@Suite struct IncrementalBuildTests {
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

    @Test func editingOneProductsMarkdownRendersOnlyItsPage() async throws {
        let shop = try FixtureShop()
        defer { shop.remove() }
        _ = try await shop.build()
        try shop.write("Content/products/blue-mug.md", "---\ndescription: A sturdy blue mug.\n---\nNow dishwasher safe.\n")
        let report = try await shop.build()
        #expect(report.renderedPaths == ["products/blue-mug/index.html"])
        #expect(report.writtenPaths == ["products/blue-mug/index.html"])
        #expect(try shop.html("products/blue-mug/index.html").contains("Now dishwasher safe."))
    }

    @Test func aPriceChangeRendersThePagesThatShowTheProduct() async throws {
        let shop = try FixtureShop()
        defer { shop.remove() }
        _ = try await shop.build()
        try shop.database.updateProduct(
            slug: Slug("watering-can"), changes: ProductChanges(price: Money(minorUnits: 1799, currency: .usd)),
            actor: "test")
        let report = try await shop.build()
        let rendered = Set(report.renderedPaths)
        #expect(rendered.contains("products/watering-can/index.html"))
        #expect(rendered.contains("categories/garden/index.html"))
        #expect(rendered.contains("index.html"))
        #expect(rendered.contains("feed.xml"))
        // Kitchen products and their listings do not show the watering can.
        #expect(!rendered.contains("products/blue-mug/index.html"))
        #expect(!rendered.contains("categories/kitchen/index.html"))
        #expect(!rendered.contains("about/index.html"))
        #expect(try shop.html("products/watering-can/index.html").contains("$17.99"))
    }

    @Test func aRemovedProductsPagesDisappear() async throws {
        let shop = try FixtureShop()
        defer { shop.remove() }
        _ = try await shop.build()
        try shop.database.removeProduct(slug: Slug("blue-mug"), actor: "test")
        let report = try await shop.build()
        #expect(report.deletedPaths.contains("products/blue-mug/index.html"))
        #expect(report.deletedPaths.contains("products/blue-mug/reviews/index.html"))
        #expect(!FileManager.default.fileExists(atPath: shop.dist.appendingPathComponent("products/blue-mug").path))
        #expect(!(try shop.html("sitemap.xml")).contains("blue-mug"))
        #expect(!(try shop.html("categories/kitchen/index.html")).contains("Blue Mug"))
    }

    @Test func aTemplateEditRerendersExactlyThePagesThatUseIt() async throws {
        let shop = try FixtureShop()
        defer { shop.remove() }
        let first = try await shop.build()
        let template = shop.root.appendingPathComponent("Templates/reviews.mustache")
        let text = try String(contentsOf: template, encoding: .utf8)
        try text.replacingOccurrences(of: "<div class=\"review-list\">", with: "<div class=\"review-list edited\">")
            .write(to: template, atomically: true, encoding: .utf8)
        let report = try await shop.build()
        #expect(report.renderedPaths.allSatisfy { $0.hasPrefix("products/blue-mug/reviews/") })
        #expect(report.rendered == 3)
        #expect(report.rendered < first.rendered)
        #expect(try shop.html("products/blue-mug/reviews/index.html").contains("review-list edited"))

        let partial = shop.root.appendingPathComponent("Templates/partials/bottom.mustache")
        try (try String(contentsOf: partial, encoding: .utf8)).replacingOccurrences(of: "Secure checkout", with: "Safe checkout")
            .write(to: partial, atomically: true, encoding: .utf8)
        let everyPage = try await shop.build()
        #expect(everyPage.renderedPaths.contains("index.html") && everyPage.renderedPaths.contains("404.html"))
        #expect(!everyPage.renderedPaths.contains("sitemap.xml"))
    }

    @Test func aStockChangeThatChangesNothingVisibleIsRenderedButNotWritten() async throws {
        let shop = try FixtureShop()
        defer { shop.remove() }
        _ = try await shop.build()
        try shop.database.setStock(slug: Slug("blue-mug"), onHand: 39, actor: "test")
        let unchanged = try await shop.build()
        #expect(unchanged.rendered == 0)
        try shop.database.setStock(slug: Slug("blue-mug"), onHand: 0, actor: "test")
        let soldOut = try await shop.build()
        #expect(soldOut.renderedPaths.contains("products/blue-mug/index.html"))
        #expect(try shop.html("products/blue-mug/index.html").contains("Out of stock"))
    }

    @Test func deletingTheOutputFolderRebuildsEverything() async throws {
        let shop = try FixtureShop()
        defer { shop.remove() }
        let first = try await shop.build()
        try FileManager.default.removeItem(at: shop.dist)
        let again = try await shop.build()
        #expect(again.written == first.outputs)
    }
}
