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
    var snapshot: CatalogSnapshot
    var templates: TemplateSet
    /// Shop-relative path → size, time and hash of every file under `Content/` and `public/`.
    var files: [String: BuildManifest.ContentFile]
    var assets: AssetCatalog
    /// Static pages from `Content/pages/`, by slug.
    var pages: [PageInfo]
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

    /// Loads the site. The database snapshot and the file scan run side by side. Returns the site and
    /// what the last build recorded about the shop's files.
    func load() throws(BuildFailure) -> (site: LoadedSite, previousFiles: [String: BuildManifest.ContentFile]) {
        nonisolated(unsafe) var snapshotResult: Result<CatalogSnapshot, any Error>?
        nonisolated(unsafe) var filesResult: Result<([String: BuildManifest.ContentFile], [String: BuildManifest.ContentFile]), any Error>?
        DispatchQueue.concurrentPerform(iterations: 2) { task in
            if task == 0 {
                snapshotResult = Result { try database.catalogSnapshot() }
            } else {
                filesResult = Result {
                    let previous = try database.loadContentFileManifest()
                    let files = try SourceFileScanner(layout: layout, previous: previous).scan(folders: ["Content", "public"])
                    return (files, previous)
                }
            }
        }
        var errors: [BuildError] = []
        let templates: TemplateSet?
        do { templates = try TemplateSet.load(from: layout.templates) } catch {
            errors += error.errors
            templates = nil
        }
        let snapshot: CatalogSnapshot
        let files: [String: BuildManifest.ContentFile]
        let previous: [String: BuildManifest.ContentFile]
        do {
            snapshot = try snapshotResult!.get()
            (files, previous) = try filesResult!.get()
        } catch {
            throw BuildFailure(errors + [BuildError(stage: .load, message: "\(error)")])
        }
        var pages: [LoadedSite.PageInfo] = []
        var changed: [String] = []
        for (path, file) in files where path.hasSuffix(".md") {
            // Unchanged files passed these checks in an earlier build.
            let isChanged = previous[path]?.contentHash != file.contentHash
            do throws(BuildError) {
                if isChanged { try checkContentName(path) }
                if path.hasPrefix("Content/pages/") {
                    pages.append(try loadPage(path, hash: file.contentHash))
                } else if isChanged {
                    changed.append(path)
                }
            } catch { errors.append(error) }
        }
        pages.sort { $0.slug < $1.slug }
        // Changed product and category Markdown is checked now, so that every error in the shop is reported
        // together; unchanged files passed this check in an earlier build.
        errors += changed.sorted().parallelMap { path -> BuildError? in
            do throws(BuildError) {
                let keys = path.hasPrefix("Content/products/") ? ContentKeys.product : ContentKeys.category
                _ = try MarkdownDocument.parse(try read(path), file: path, allowedKeys: keys)
                return nil
            } catch { return error }
        }.compactMap { $0 }
        errors += validate(snapshot)
        if !errors.isEmpty { throw BuildFailure(errors.sorted()) }
        let site = LoadedSite(
            configuration: configuration, snapshot: snapshot, templates: templates!, files: files,
            assets: AssetCatalog(files: files), pages: pages)
        return (site, previous)
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
