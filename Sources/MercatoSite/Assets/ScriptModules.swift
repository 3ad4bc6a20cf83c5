import Foundation

/// The storefront's ES modules (`public/js/*.js`) as pages load them.
///
/// Module files are fingerprinted like the stylesheet (`js/cart.js` → `js/cart.1a2b3c4d5e.js`) so that a CDN
/// may cache them for a year. The modules import one another by their plain names (`import … from
/// "./cart.js"`), and every page's head carries an import map from each plain URL to its fingerprinted one:
/// the modules the page's entry points reach, found by reading their `import`s.
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
    /// Every module's plain URL → its fingerprinted one.
    private let urls: [String: String]
    /// Module (`js/cart.js`) → the modules it imports, statically or with `import("…")`.
    private let imports: [String: [String]]

    /// `sources`: module path under `public/` (`js/cart.js`) → its text, for the imports it makes.
    init(assets: AssetCatalog, sources: [String: String]) {
        entryURLs = Self.entryPoints.mapValues { assets.url($0) ?? "/" + $0 }
        var urls: [String: String] = [:]
        for (source, output) in assets.outputs where source.hasPrefix("js/") && source.hasSuffix(".js") {
            urls[source] = "/" + output
        }
        self.urls = urls
        imports = Dictionary(uniqueKeysWithValues: sources.map { ($0.key, Self.importedPaths(of: $0.key, text: $0.value)) })
    }

    /// The import map of a page that loads the given entry points (keys of ``entryPoints``): the modules they
    /// reach, each plain URL to its fingerprinted one. `{"imports": {"/js/cart.js": "/js/cart.1a2b3c4d5e.js", …}}`,
    /// safe to place inside `<script>`.
    func importMap(entries: [String]) -> String {
        var reached = Set<String>()
        var pending = entries.compactMap { Self.entryPoints[$0] }
        while let module = pending.popLast() {
            guard reached.insert(module).inserted else { continue }
            pending += imports[module] ?? []
        }
        // JSON strings write `<` as `\u003c`: a file name holding `</script>` cannot end the element early.
        let pairs = reached.sorted().compactMap { module in
            urls[module].map { JSONLD.encode(.string("/" + module)) + ":" + JSONLD.encode(.string($0)) }
        }
        return "{\"imports\":{\(pairs.joined(separator: ","))}}"
    }

    /// The modules `text` imports by a relative name (`from "./cart.js"`, `import "./x.js"`,
    /// `import("./search-engine.js")`), as paths under `public/`.
    static func importedPaths(of path: String, text: String) -> [String] {
        let folder = path.split(separator: "/").dropLast()
        var found: [String] = []
        for match in text.matches(of: /(?:\bfrom|\bimport)\s*\(?\s*["'](\.{1,2}\/[^"']+)["']/) {
            var parts = Array(folder)
            for part in match.1.split(separator: "/") {
                if part == ".." { _ = parts.popLast() } else if part != "." { parts.append(part) }
            }
            found.append(parts.joined(separator: "/"))
        }
        return found
    }
}
