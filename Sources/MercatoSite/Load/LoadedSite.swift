import Foundation
import MercatoCore
import MercatoDatabase

/// The output of the load stage: one consistent read of the database plus the shop's files.
struct LoadedSite: Sendable {
    struct PageInfo: Sendable, Hashable {
        var slug: String
        var title: String
        var description: String
        var contentHash: String
    }

    var configuration: SiteConfiguration
    /// The catalog; its ``CatalogSnapshot/scope`` names the categories this build looks at (`nil`: all).
    var snapshot: CatalogSnapshot
    var templates: TemplateSet
    /// Shop-relative path → size, time and hash of the files under `Content/` and `public/` this build
    /// reads: every file, except the Markdown of products outside the snapshot's scope.
    var files: [String: BuildManifest.ContentFile]
    var assets: AssetCatalog
    /// The storefront's modules and what each imports, for the pages' import maps.
    var modules: ScriptModules
    /// Static pages from `Content/pages/`, by slug.
    var pages: [PageInfo]
    /// Each product's search terms as the last build computed them, for the products in scope.
    var searchTerms: [Int64: BuildManifest.SearchTerms]
    /// The terms with their postings of every category outside the snapshot's scope, as the last build
    /// recorded them: their sections of the term shards.
    var categoryTerms: [Int64: CategoryTerms]
    /// The fingerprint of what every page shares apart from the categories: settings, templates, footer
    /// pages, assets. When it changes, a build looks at the whole site.
    var sharedFingerprint: UInt64
}

/// What the load stage read besides the site: the scan's findings and the last build's outputs in scope.
struct LoadedState: Sendable {
    var scan: ScannedFiles
    var previousOutputs: [String: BuildManifest.Output]
}

/// Reads everything a build needs. Errors in templates and page front matter are collected, not thrown one by one.
struct SiteLoader {
    let layout: ShopLayout
    let database: AppDatabase
    let configuration: SiteConfiguration

    /// Top-level output folders a static page must not take.
    static let reservedSlugs: Set<String> = [
        "products", "categories", "search", "cart", "checkout", "orders", "api", "css", "js", "images", "assets",
    ]

    /// Loads the site: scans the shop's files, then reads the catalog of the categories that changed since
    /// the last build (or all of them, when `wholeSite` or anything every page shares changed) and the last
    /// build's outputs in those scopes. `hasOutputs`: whether there is a last build to compare with.
    func load(wholeSite requested: Bool, hasOutputs: Bool) throws(BuildFailure) -> (site: LoadedSite, state: LoadedState) {
        var errors: [BuildError] = []
        let templates: TemplateSet?
        do { templates = try TemplateSet.load(from: layout.templates) } catch {
            errors += error.errors
            templates = nil
        }
        var scan: ScannedFiles
        let scanner: SourceFileScanner
        let previousFingerprint: UInt64?
        do {
            let state = try database.loadBuildState()
            previousFingerprint = state.siteFingerprint
            scanner = SourceFileScanner(layout: layout, database: database, previous: state.listings)
            scan = try scanner.scan(folders: ["Content", "public"])
        } catch {
            throw BuildFailure(errors + [BuildError(stage: .load, message: "\(error)")])
        }
        var pages: [LoadedSite.PageInfo] = []
        for (path, file) in scan.files where path.hasPrefix("Content/pages/") && path.hasSuffix(".md") {
            do throws(BuildError) { pages.append(try loadPage(path, hash: file.contentHash)) } catch { errors.append(error) }
        }
        pages.sort { $0.slug < $1.slug }
        // Changed Markdown is checked now, so that every error in the shop is reported together; unchanged
        // files passed these checks in an earlier build.
        errors += scan.changed.filter { $0.hasSuffix(".md") }.sorted().parallelMap { path -> BuildError? in
            do throws(BuildError) {
                try checkContentName(path)
                if path.hasPrefix("Content/products/") || path.hasPrefix("Content/categories/") {
                    let keys = path.hasPrefix("Content/products/") ? ContentKeys.product : ContentKeys.category
                    _ = try MarkdownDocument.parse(try read(path), file: path, allowedKeys: keys)
                }
                return nil
            } catch { return error }
        }.compactMap { $0 }
        guard let templates, errors.isEmpty else { throw BuildFailure(errors.sorted()) }

        let assets = AssetCatalog(files: scan.files)
        var moduleSources: [String: String] = [:]
        for source in assets.outputs.keys where source.hasPrefix("js/") && source.hasSuffix(".js") {
            do throws(BuildError) { moduleSources[source] = try read("public/" + source) } catch { errors.append(error) }
        }
        if !errors.isEmpty { throw BuildFailure(errors.sorted()) }
        let modules = ScriptModules(assets: assets, sources: moduleSources)
        let shared = sharedFingerprint(templates: templates, pages: pages, assets: assets)
        // Markdown that changed or went away: its product's or category's pages are looked at again.
        func slugs(in folder: String) -> [String] {
            (scan.changed + scan.removed).filter { $0.hasPrefix(folder) && $0.hasSuffix(".md") }
                .map { String($0.dropFirst(folder.count).dropLast(3)) }
        }
        var snapshot: CatalogSnapshot
        let previousOutputs: [String: BuildManifest.Output]
        let searchTerms: [Int64: BuildManifest.SearchTerms]
        var categoryTerms: [Int64: CategoryTerms] = [:]
        do {
            snapshot = try database.catalogSnapshot(
                wholeSite: requested || !hasOutputs || previousFingerprint != shared,
                categorySlugs: slugs(in: "Content/categories/"), productSlugs: slugs(in: "Content/products/"))
            if let scope = snapshot.scope {
                let stored = try database.loadSearchPostings(excluding: scope)
                categoryTerms = stored.compactMapValues(CategoryTerms.init(stored:))
                // A category outside the scope without readable postings (a shop last built before they were
                // recorded): the term shards need every category's, so the build looks at the whole site.
                if snapshot.categories.contains(where: { !scope.contains($0.id!) && categoryTerms[$0.id!] == nil }) {
                    snapshot = try database.catalogSnapshot(wholeSite: true, categorySlugs: [], productSlugs: [])
                    categoryTerms = [:]
                }
            }
            // The last build's outputs in scope, beside the recorded hashes of the products' Markdown.
            let scopes = snapshot.scope.map {
                $0.union([OutputScope.site, OutputScope.sitemap, OutputScope.searchManifest, OutputScope.searchTerms])
            }
            nonisolated(unsafe) var outputs: Result<[String: BuildManifest.Output], any Error>?
            nonisolated(unsafe) var files: Result<ScannedFiles, any Error>?
            nonisolated(unsafe) var terms: Result<[Int64: BuildManifest.SearchTerms], any Error>?
            DispatchQueue.concurrentPerform(iterations: 3) { [scan, snapshot] task in
                if task == 0 {
                    outputs = Result { hasOutputs ? try database.loadOutputManifest(scopes: scopes) : [:] }
                } else if task == 1 {
                    // A requested whole-site build trusts nothing recorded, search terms included.
                    terms = Result { requested ? [:] : try database.loadSearchTerms(categoryIds: snapshot.scope) }
                } else {
                    files = Result {
                        var scan = scan
                        if snapshot.scope == nil {
                            try scanner.loadAllDeferred(&scan)
                        } else {
                            try scanner.loadDeferred(&scan, paths: snapshot.products.map { ShopLayout.productContentPath($0.product.slug) })
                        }
                        return scan
                    }
                }
            }
            previousOutputs = try outputs!.get()
            scan = try files!.get()
            searchTerms = try terms!.get()
        } catch {
            throw BuildFailure([BuildError(stage: .load, message: "\(error)")])
        }
        errors += validate(snapshot)
        if !errors.isEmpty { throw BuildFailure(errors.sorted()) }
        let site = LoadedSite(
            configuration: configuration, snapshot: snapshot, templates: templates, files: scan.files, assets: assets, modules: modules,
            pages: pages, searchTerms: searchTerms, categoryTerms: categoryTerms, sharedFingerprint: shared)
        return (site, LoadedState(scan: scan, previousOutputs: previousOutputs))
    }

    /// Settings, templates, footer pages (titles and slugs) and asset names and bytes.
    private func sharedFingerprint(templates: TemplateSet, pages: [LoadedSite.PageInfo], assets: AssetCatalog) -> UInt64 {
        var hasher = StableHasher()
        hasher.combine(Self.settingsFingerprint(configuration))
        for (name, fingerprint) in templates.fingerprints.sorted(by: { $0.key < $1.key }) {
            hasher.combine(name)
            hasher.combine(fingerprint)
        }
        for page in pages {
            hasher.combine(page.slug)
            hasher.combine(page.title)
        }
        for (source, hash) in assets.hashes.sorted(by: { $0.key < $1.key }) {
            hasher.combine(source)
            hasher.combine(hash)
        }
        return hasher.value
    }

    /// The shop's settings: name, base URL, currency, page sizes…
    static func settingsFingerprint(_ configuration: SiteConfiguration) -> UInt64 {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return StableHasher.value(of: (try? encoder.encode(configuration)) ?? Data())
    }

    private func checkContentName(_ path: String) throws(BuildError) {
        let parts = path.split(separator: "/")
        guard parts.count == 3, ["products", "categories", "pages"].contains(parts[1]) else {
            throw BuildError(
                stage: .load, file: path,
                message: "Markdown belongs in Content/products/, Content/categories/ or Content/pages/")
        }
        let slug = String(parts[2].dropLast(3))
        guard Slug.isValid(slug) else {
            throw BuildError(
                stage: .load, file: path,
                message: "'\(slug)' is not a valid slug: use lower-case letters, digits and single hyphens")
        }
        if parts[1] == "pages", Self.reservedSlugs.contains(slug) {
            throw BuildError(stage: .load, file: path, message: "the page slug '\(slug)' is taken by the site's own pages")
        }
    }

    private func read(_ path: String) throws(BuildError) -> String {
        do { return try String(contentsOf: layout.url(path), encoding: .utf8) } catch {
            throw BuildError(stage: .load, file: path, message: "cannot read as UTF-8 text")
        }
    }

    private func loadPage(_ path: String, hash: String) throws(BuildError) -> LoadedSite.PageInfo {
        let text = try read(path)
        let document = try MarkdownDocument.parse(text, file: path, allowedKeys: ContentKeys.page)
        guard let title = try document.string("title", file: path), !title.isEmpty else {
            throw BuildError(stage: .load, file: path, line: 1, message: "a page needs a 'title' in its front matter")
        }
        let slug = String(path.split(separator: "/").last!.dropLast(3))
        let description = try document.string("description", file: path) ?? Markdown.summary(document.body)
        return .init(slug: slug, title: title, description: description, contentHash: hash)
    }

    /// Rows the database constraints should have refused, in case another tool wrote them.
    private func validate(_ snapshot: CatalogSnapshot) -> [BuildError] {
        var errors: [BuildError] = []
        for row in snapshot.products {
            let product = row.product
            let subject = "product '\(product.slug)' (id \(product.id ?? 0))"
            if product.priceMinor < 0 {
                errors.append(BuildError(stage: .load, message: "\(subject) has a negative price (\(product.priceMinor))"))
            }
            if product.currency != configuration.currency.code {
                errors.append(
                    BuildError(
                        stage: .load,
                        message: "\(subject) is priced in \(product.currency), the shop sells in \(configuration.currency)"))
            }
            if !Slug.isValid(product.slug) {
                errors.append(BuildError(stage: .load, message: "\(subject) has an invalid slug"))
            }
        }
        return errors
    }
}

/// The front matter keys each kind of Markdown file may use.
enum ContentKeys {
    static let page: Set<String> = ["title", "description"]
    static let category: Set<String> = ["title", "description"]
    static let product: Set<String> = ["title", "description", "images"]
}
