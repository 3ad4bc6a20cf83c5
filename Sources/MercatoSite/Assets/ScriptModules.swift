import Foundation

/// The storefront's ES modules (`public/js/*.js`) as pages load them.
///
/// Module files are fingerprinted like the stylesheet (`js/cart.js` → `js/cart.1a2b3c4d5e.js`) so that a CDN
/// may cache them for a year. The modules import one another by their plain names (`import … from
/// "./cart.js"`), and every page's head carries an import map from each plain URL to its fingerprinted one.
/// A changed module thus gets a new URL while the modules that import it keep theirs: no cascade of
/// renamed files, and no rewriting of JavaScript during the build.
struct ScriptModules: Sendable {
    /// Template name → module a page starts from. `site` runs on every page (mini-cart, add-to-cart buttons).
    static let entryPoints: [String: String] = [
        "site": "js/site.js",
        "productPage": "js/product-page.js",
        "cartPage": "js/cart-page.js",
        "checkoutPage": "js/checkout-page.js",
        "orderPage": "js/order-page.js",
        "searchPage": "js/search-page.js",
        "categoryPage": "js/category-page.js",
    ]

    /// Template name → URL of the fingerprinted entry point, for `<script type="module" src>` (import maps do
    /// not apply to `src`).
    let entryURLs: [String: String]
    /// `{"imports": {"/js/cart.js": "/js/cart.1a2b3c4d5e.js", …}}`, safe to place inside `<script>`.
    let importMap: String

    init(assets: AssetCatalog) {
        entryURLs = Self.entryPoints.mapValues { assets.url($0) ?? "/" + $0 }
        var imports: [String: String] = [:]
        for (source, output) in assets.outputs where source.hasPrefix("js/") && source.hasSuffix(".js") {
            imports["/" + source] = "/" + output
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = (try? encoder.encode(["imports": imports])).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        // A file name holding `</script>` must not end the element early.
        importMap = json.replacingOccurrences(of: "<", with: "\\u003c")
    }
}
