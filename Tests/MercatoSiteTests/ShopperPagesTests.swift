import Foundation
import Testing

@testable import MercatoSite

/// The cart, checkout and order pages, the add-to-cart forms, and how pages load the storefront's modules.
@Suite struct ShopperPagesTests {
    static let pages = ["cart": "cart-page", "checkout": "checkout-page", "orders": "order-page"]

    /// The `src` of every module script in a page.
    static func moduleScripts(_ html: String) -> [String] {
        html.components(separatedBy: "<script type=\"module\" src=\"").dropFirst().map {
            String($0.prefix { $0 != "\"" })
        }
    }

    /// The import map in a page's head.
    static func importMap(_ html: String) throws -> [String: String] {
        let start = try #require(html.range(of: "<script type=\"importmap\">"))
        let end = try #require(html.range(of: "</script>", range: start.upperBound..<html.endIndex))
        let json = try JSONSerialization.jsonObject(with: Data(html[start.upperBound..<end.lowerBound].utf8))
        return try #require((json as? [String: Any])?["imports"] as? [String: String])
    }

    @Test func theCartCheckoutAndOrderPagesAreBuiltWithTheirScriptsAndKeptOutOfSearch() async throws {
        let shop = try FixtureShop()
        defer { shop.remove() }
        _ = try await shop.build()
        let sitemap = try shop.html("sitemap.xml")
        for (page, script) in Self.pages {
            let html = try shop.html("\(page)/index.html")
            #expect(html.contains("<meta name=\"robots\" content=\"noindex\">"), "\(page) is noindex")
            #expect(
                html.contains("<noscript>") && html.contains("needs JavaScript"), "\(page) explains it needs JavaScript"
            )
            let scripts = Self.moduleScripts(html)
            #expect(
                scripts.contains { $0.hasPrefix("/js/\(script).") && $0.hasSuffix(".js") }, "\(page) loads \(script)")
            #expect(scripts.contains { $0.hasPrefix("/js/site.") }, "\(page) loads the site module")
            #expect(!sitemap.contains("/\(page)/"), "\(page) is not in the sitemap")
        }
        #expect(try shop.html("checkout/index.html").contains("autocomplete=\"postal-code\""))
    }

    @Test func everyModuleURLAPageUsesIsAFileInTheOutput() async throws {
        let shop = try FixtureShop()
        defer { shop.remove() }
        _ = try await shop.build()
        let html = try shop.html("products/blue-mug/index.html")
        let map = try Self.importMap(html)
        // Modules import each other by plain name; the map sends each to its fingerprinted file.
        #expect(map["/js/cart.js"]?.hasPrefix("/js/cart.") == true && map["/js/cart.js"] != "/js/cart.js")
        for url in Array(map.values) + Self.moduleScripts(html) {
            #expect(
                FileManager.default.fileExists(atPath: shop.dist.appendingPathComponent(String(url.dropFirst())).path),
                "\(url)")
        }
        #expect(Self.moduleScripts(html).contains { $0.hasPrefix("/js/product-page.") })
        #expect(Self.moduleScripts(try shop.html("index.html")).count == 1, "the home page loads only the site module")
        // A page maps the modules its entry points reach, the search engine the search box imports on demand
        // included, and no others.
        #expect(map["/js/search-engine.js"] != nil && map["/js/search-text.js"] != nil && map["/js/product-page.js"] != nil)
        #expect(map["/js/checkout-page.js"] == nil && map["/js/stripe-card.js"] == nil)
        let home = try Self.importMap(try shop.html("index.html"))
        #expect(home["/js/site.js"] != nil && home["/js/product-page.js"] == nil)
        #expect(try Self.importMap(try shop.html("checkout/index.html"))["/js/stripe-card.js"] != nil)
    }

    @Test func modulesAreFoundByTheirImports() {
        let text = """
            import { a } from "./a.js";
            import "./side-effect.js";
            export { b } from '../lib/b.js';
            const lazy = await import( "./lazy.js");
            // "./not-an-import.js" in a comment is not followed by from.
            """
        #expect(ScriptModules.importedPaths(of: "js/page.js", text: text) == ["js/a.js", "js/side-effect.js", "lib/b.js", "js/lazy.js"])
    }

    @Test func productPagesAndCardsCarryAnAddToCartFormWithTheBuiltPrice() async throws {
        let shop = try FixtureShop()
        defer { shop.remove() }
        _ = try await shop.build()
        let mug = try shop.html("products/blue-mug/index.html")
        #expect(
            mug.contains(
                "<form class=\"add-to-cart buy-form\" action=\"/cart/\" data-slug=\"blue-mug\" data-name=\"Blue Mug\" data-price-minor=\"1299\">"
            ))
        #expect(mug.contains("<label for=\"quantity\">Quantity</label>"))
        #expect(mug.contains("<button type=\"submit\">Add to cart</button>"))
        #expect(try shop.html("products/teapot/index.html").contains("max=\"3\""), "no more than the three left")
        let knife = try shop.html("products/bread-knife/index.html")
        #expect(knife.contains("<button type=\"submit\" disabled>Out of stock</button>"))

        let listing = try shop.html("categories/kitchen/price-asc/index.html")
        #expect(listing.contains("data-slug=\"blue-mug\" data-name=\"Blue Mug\" data-price-minor=\"1299\""))
        #expect(
            listing.contains(
                "<button type=\"submit\"><span>Add<span class=\"visually-hidden\"> Blue Mug</span> to cart</span></button>"
            ))
        #expect(listing.contains("data-slug=\"bread-knife\" data-name=\"Bread Knife\" data-price-minor=\"2450\""))
        #expect(listing.contains("<button type=\"submit\" disabled><span>Out of stock</span></button>"))
    }

    @Test func everyPageHasTheMiniCartAndTheShopsMoneyFormat() async throws {
        let shop = try FixtureShop()
        defer { shop.remove() }
        _ = try await shop.build()
        for path in ["index.html", "about/index.html", "404.html", "cart/index.html"] {
            let html = try shop.html(path)
            #expect(
                html.contains(
                    "<a class=\"cart-link\" href=\"/cart/\">Cart<span class=\"cart-count\" data-cart-count></span></a>")
            )
            #expect(
                html.contains(
                    "data-api=\"/api/v1\" data-locale=\"en-US\" data-currency=\"USD\" data-currency-digits=\"2\""))
            #expect(html.contains("aria-live=\"polite\" data-cart-status"))
        }
    }

    @Test func editingTheCheckoutTemplateRendersOnlyTheCheckoutPage() async throws {
        let shop = try FixtureShop()
        defer { shop.remove() }
        _ = try await shop.build()
        let template = shop.root.appendingPathComponent("Templates/checkout.mustache")
        try (try String(contentsOf: template, encoding: .utf8)).replacingOccurrences(
            of: "<h1 tabindex=\"-1\">Checkout</h1>", with: "<h1 tabindex=\"-1\">Pay</h1>"
        )
        .write(to: template, atomically: true, encoding: .utf8)
        let report = try await shop.build()
        #expect(report.renderedPaths == ["checkout/index.html"])
    }

    @Test func aChangedModuleGetsANewNameAndEveryPageMapsTheOldNameToIt() async throws {
        let shop = try FixtureShop()
        defer { shop.remove() }
        let first = try await shop.build()
        let before = try Self.importMap(try shop.html("products/blue-mug/index.html"))["/js/cart.js"]
        try shop.write("public/js/cart.js", "export const changed = true;\n")
        let report = try await shop.build()
        let after = try Self.importMap(try shop.html("products/blue-mug/index.html"))["/js/cart.js"]
        #expect(before != after)
        // The pages carry the map; the other modules, unchanged, keep their names.
        let html = Set(first.renderedPaths.filter { $0.hasSuffix(".html") })
        #expect(Set(report.renderedPaths) == html.union([String(after!.dropFirst())]))
        #expect(report.deletedPaths == [String(before!.dropFirst())])
    }
}
