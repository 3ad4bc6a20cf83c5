import Foundation
import MercatoCore
import MercatoDatabase

/// The render stage for one output: page kind → bytes. HTML pages go through their Mustache template;
/// feeds, sitemaps and headers are written in code; assets are read as they are.
struct PageRenderer: Sendable {
    let site: LoadedSite
    let layout: ShopLayout
    let database: AppDatabase
    private let context: RenderContext

    init(site: LoadedSite, layout: ShopLayout, database: AppDatabase) {
        self.site = site
        self.layout = layout
        self.database = database
        context = RenderContext(site: site)
    }
    private var configuration: SiteConfiguration { site.configuration }

    func render(_ job: PageJob) throws(BuildError) -> [UInt8] {
        switch job.kind {
        case .asset(let source, _):
            do { return [UInt8](try Data(contentsOf: layout.publicAssets.appendingPathComponent(source))) } catch {
                throw BuildError(stage: .render, file: "public/\(source)", message: "cannot read: \(error)")
            }
        case .sitemap(let page): return Array(SitemapWriter.sitemap(page, configuration: configuration).utf8)
        case .sitemapIndex(let count): return Array(SitemapWriter.index(count: count, configuration: configuration).utf8)
        case .feed(let feed): return Array(FeedWriter.atom(feed, configuration: configuration).utf8)
        case .robots: return Array(RobotsWriter.robots(configuration: configuration).utf8)
        case .headers: return Array(SiteHeaders.file.utf8)
        case .searchData(let file): return file.written
        default:
            var values = try pageContext(job)
            values["importMap"] = context.importMaps[job.kind.template!]
            return try site.templates.render(job.kind.template!, context: [context.shared, .object(values)])
        }
    }

    private func pageContext(_ job: PageJob) throws(BuildError) -> TemplateObject {
        let home = Breadcrumb(name: "Home", url: "/")
        switch job.kind {
        case .home(let page):
            var values = context.chrome(
                title: configuration.name,
                description: "\(configuration.name): \(page.categories.map(\.name).prefix(6).joined(separator: ", ")) and more.",
                path: job.path,
                jsonLD: [JSONLD.website(name: configuration.name, url: configuration.absoluteURL("/"))])
            values["featured"] = .section(page.featured.map(context.card))
            values["newArrivals"] = .section(page.newArrivals.map(context.card))
            values["bestSellers"] = .section(page.bestSellers.map(context.card))
            values["bestRated"] = .section(page.bestRated.map(context.card))
            values["categories"] = .list(page.categories.map { ["name": .string($0.name), "url": .string($0.url)] })
            return values
        case .categoryIndex(let page):
            var values = context.chrome(
                title: "All categories", description: "Browse every category of \(configuration.name).", path: job.path,
                breadcrumbs: [home, Breadcrumb(name: "Categories", url: "/categories/")])
            values["categories"] = .list(
                page.entries.map { entry in
                    [
                        "name": .string(entry.category.name), "url": .string(entry.category.url),
                        "productCount": .string(entry.productCount == 1 ? "1 product" : "\(entry.productCount) products"),
                        "image": entry.image.map(context.image) ?? .null,
                    ]
                })
            return values
        case .listing(let page): return try listingContext(page, path: job.path, home: home)
        case .product(let page): return try productContext(page, path: job.path, home: home)
        case .reviews(let page): return try reviewsContext(page, path: job.path, home: home)
        case .staticPage(let page):
            let file = "Content/pages/\(page.slug).md"
            let document = try readDocument(file, keys: ContentKeys.page)
            let info = site.pages.first { $0.slug == page.slug }!
            var values = context.chrome(
                title: info.title, description: info.description, path: job.path,
                breadcrumbs: [home, Breadcrumb(name: info.title, url: "/\(page.slug)/")])
            values["title"] = .string(info.title)
            values["html"] = .string(Markdown.html(document.body))
            return values
        case .notFound:
            var values = context.chrome(
                title: "Page not found", description: "This page does not exist.", path: job.path, noindex: true)
            values["categories"] = .list(
                site.snapshot.categories.map { ["name": .string($0.name), "url": .string("/categories/\($0.slug)/")] })
            return values
        case .shopper(let page):
            // Filled in by the page's script; what the HTML holds is the same for every shopper.
            return context.chrome(
                title: page.title, description: "\(page.title) at \(configuration.name).", path: job.path, noindex: true)
        default:
            throw BuildError(stage: .render, message: "no template for \(job.path)")
        }
    }

    private func listingContext(_ page: ListingPage, path: String, home: Breadcrumb) throws(BuildError)
        -> TemplateObject
    {
        let category = page.category
        var introHTML = TemplateValue.null
        var description = "\(category.name) at \(configuration.name): \(page.productCount) products."
        if page.introHash != nil {
            let document = try readDocument(ShopLayout.categoryContentPath(category.slug), keys: ContentKeys.category)
            introHTML = .string(Markdown.html(document.body))
            description = try document.string("description", file: ShopLayout.categoryContentPath(category.slug))
                ?? Markdown.summary(document.body)
        }
        let suffix = page.page > 1 ? " — page \(page.page) of \(page.pageCount)" : ""
        let sortSuffix = page.sort == .featured ? "" : " (\(page.sort.label.lowercased()))"
        // The other sort orders show the same products: kept out of search engines and the sitemap.
        var values = context.chrome(
            title: category.name + sortSuffix + suffix, description: description, path: path,
            breadcrumbs: [home, Breadcrumb(name: category.name, url: category.url)], noindex: page.sort != .featured)
        values["category"] = ["name": .string(category.name), "url": .string(category.url), "slug": .string(category.slug)]
        values["sortKey"] = .string(page.sort.rawValue)
        values["introHTML"] = introHTML
        values["productCount"] = .string(page.productCount == 1 ? "1 product" : "\(page.productCount) products")
        values["products"] = .list(page.products.map(context.card))
        values["sorts"] = .list(
            ListingSort.allCases.map { sort in
                [
                    "label": .string(sort.label), "current": .bool(sort == page.sort),
                    "url": .string(SiteAssembler.url(of: SiteAssembler.listingPath(category.slug, sort: sort, page: 1))),
                ]
            })
        values["pagination"] = context.pagination(page: page.page, pageCount: page.pageCount) {
            SiteAssembler.url(of: SiteAssembler.listingPath(category.slug, sort: page.sort, page: $0))
        }
        return values
    }

    private func productContext(_ page: ProductPage, path: String, home: Breadcrumb) throws(BuildError)
        -> TemplateObject
    {
        let card = page.card
        let file = ShopLayout.productContentPath(card.slug)
        let document = page.contentHash == nil ? nil : try readDocument(file, keys: ContentKeys.product)
        let body = document?.body ?? ""
        let description = try document?.string("description", file: file) ?? Markdown.summary(body)
        var gallery: [ImageRef] = card.image.map { [$0] } ?? []
        gallery += try frontMatterImages(document, file: file, productName: card.name)
        let crumbs = [home, Breadcrumb(name: page.category.name, url: page.category.url), Breadcrumb(name: card.name, url: card.url)]
        var values = context.chrome(
            title: try document?.string("title", file: file) ?? card.name, description: description, path: path,
            breadcrumbs: crumbs, ogType: "product", ogImage: gallery.first?.src,
            jsonLD: [JSONLD.product(page, description: description, images: gallery.map(\.src), configuration: configuration)])
        guard case .object(var product) = context.card(card) else { preconditionFailure("a card is an object") }
        product["sku"] = TemplateValue(page.sku)
        product["slug"] = .string(card.slug)
        product["priceDecimal"] = .string(Money(minorUnits: card.priceMinor, currency: configuration.currency).decimalString)
        product["currency"] = .string(configuration.currency.code)
        product["descriptionHTML"] = body.isEmpty ? .null : .string(Markdown.html(body))
        product["gallery"] = .list(
            gallery.enumerated().map { index, image in
                ["src": .string(image.src), "srcset": TemplateValue(image.srcset), "alt": .string(image.alt), "first": .bool(index == 0)]
            })
        product["available"] = page.available > 0 ? .int(page.available) : .null
        // The quantity a shopper may ask for: what a cart line allows, or fewer when few are left.
        let cartMaximum = CartRules().quantities.upperBound
        product["maxQuantity"] = .int(page.available > 0 ? min(page.available, cartMaximum) : cartMaximum)
        product["tags"] = .section(page.tags.map { .string($0) })
        product["attributes"] =
            page.attributes.isEmpty ? .null : .list(page.attributes.map { ["name": .string($0[0]), "value": .string($0[1])] })
        product["category"] = ["name": .string(page.category.name), "url": .string(page.category.url)]
        values["product"] = .object(product)
        values["histogram"] = histogram(page.histogram)
        let topReviews: [ReviewRecord]
        do {
            topReviews =
                page.reviews.count == 0 ? [] : try database.topReviews(productId: card.id, limit: configuration.reviewsOnProductPage)
        } catch {
            throw BuildError(stage: .render, message: "reading reviews of \(card.slug): \(error)")
        }
        values["topReviews"] = .list(topReviews.map { context.review(SiteAssembler.reviewView($0)) })
        // Link to the review pages only when they hold more than the product page shows.
        values["reviewsURL"] = card.ratingCount > topReviews.count ? .string("/products/\(card.slug)/reviews/") : .null
        values["alsoBought"] = .section(page.alsoBought.map(context.card))
        values["related"] = .section(page.related.map(context.card))
        return values
    }

    private func reviewsContext(_ page: ReviewPage, path: String, home: Breadcrumb) throws(BuildError)
        -> TemplateObject
    {
        let card = page.card
        let perPage = max(1, configuration.reviewsPerPage)
        let reviews: [ReviewRecord]
        do {
            reviews = try database.reviews(productId: card.id, offset: (page.page - 1) * perPage, limit: perPage)
        } catch {
            throw BuildError(stage: .render, message: "reading reviews of \(card.slug): \(error)")
        }
        let suffix = page.page > 1 ? " — page \(page.page) of \(page.pageCount)" : ""
        var values = context.chrome(
            title: "Reviews of \(card.name)\(suffix)",
            description: "\(page.reviews.count) customer reviews of \(card.name).", path: path,
            breadcrumbs: [
                home, Breadcrumb(name: page.category.name, url: page.category.url),
                Breadcrumb(name: card.name, url: card.url), Breadcrumb(name: "Reviews", url: "\(card.url)reviews/"),
            ])
        values["product"] = context.card(card)
        values["reviews"] = .list(reviews.map { context.review(SiteAssembler.reviewView($0)) })
        values["reviewCount"] = .int(page.reviews.count)
        values["pagination"] = context.pagination(page: page.page, pageCount: page.pageCount) {
            SiteAssembler.url(of: SiteAssembler.reviewPath(card.slug, page: $0))
        }
        return values
    }

    private func histogram(_ counts: [Int]) -> TemplateValue {
        let total = max(1, counts.reduce(0, +))
        return .list(
            (1...5).reversed().map { stars in
                ["stars": .int(stars), "count": .int(counts[stars - 1]), "percent": .int(counts[stars - 1] * 100 / total)]
            })
    }

    private func readDocument(_ file: String, keys: Set<String>) throws(BuildError) -> MarkdownDocument {
        let text: String
        do { text = try String(contentsOf: layout.url(file), encoding: .utf8) } catch {
            throw BuildError(stage: .render, file: file, message: "cannot read as UTF-8 text")
        }
        return try MarkdownDocument.parse(text, file: file, allowedKeys: keys)
    }

    /// `images:` in a product's front matter: a list of paths, or of `src`/`alt` pairs.
    private func frontMatterImages(_ document: MarkdownDocument?, file: String, productName: String) throws(BuildError)
        -> [ImageRef]
    {
        guard let value = document?.frontMatter["images"] else { return [] }
        guard case .list(let items) = value.content else {
            throw BuildError(stage: .load, file: file, line: value.line, message: "'images' must be a list")
        }
        var images: [ImageRef] = []
        for item in items {
            switch item.content {
            case .text(let src, _): images.append(site.assets.image(src, alt: productName))
            case .map(let fields):
                guard case .text(let src, _)? = fields["src"]?.content else {
                    throw BuildError(stage: .load, file: file, line: item.line, message: "an image needs a 'src'")
                }
                var alt = productName
                if case .text(let text, _)? = fields["alt"]?.content { alt = text }
                images.append(site.assets.image(src, alt: alt))
            case .list:
                throw BuildError(stage: .load, file: file, line: item.line, message: "an image is a path or src/alt")
            }
        }
        return images
    }
}
